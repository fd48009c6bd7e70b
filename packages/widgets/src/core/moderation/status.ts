/**
 * What an author sees on their own post, story or review while others cannot see it: "Awaiting
 * review" with the reason in plain words, "Not published: <note>", or "Hidden by a moderator".
 * Others only ever receive published items, so nothing here shows to anyone but the author.
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { ContentStatus, ModerationReason } from '../api-types.ts';
import type { Localizer } from '../i18n.ts';
import './messages.ts';

/**
 * The moderation fields of an author's own item (PostDto, ThreadSummaryDto, ReviewDto, and StoryDto's
 * `own`). Optional here so the widgets type-check while the API's DTOs gain them; an item without
 * a status counts as published.
 */
export interface OwnModeration {
  status?: ContentStatus | null;
  moderationReason?: ModerationReason | null;
  /** A moderator's note, on rejected or hidden content. */
  moderationNote?: string | null;
}

const CLOCK = svg`<circle cx="10" cy="10" r="7.25" fill="none" stroke="currentColor" stroke-width="1.6" /><path d="M10 6v4.5l2.75 1.75" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />`;
const INFO = svg`<circle cx="10" cy="10" r="7.25" fill="none" stroke="currentColor" stroke-width="1.6" /><path d="M10 9v4.5M10 6.25v.25" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />`;

/** Why it waits for a moderator, in plain words. */
export const reasonText = (t: Localizer, reason: ModerationReason | null | undefined): string =>
  t.msg(`modReason_${reason ?? 'premoderation'}`);

/** The status line's lead ("Awaiting review:") and the words after it; null when published. */
function describe(t: Localizer, item: OwnModeration): { label: string; text: string } | null {
  const note = item.moderationNote?.trim();
  switch (item.status) {
    case 'pending':
      return { label: t.msg('modAwaitingLabel'), text: `${reasonText(t, item.moderationReason)} ${t.msg('modOnlyYou')}` };
    case 'rejected':
      return { label: t.msg('modRejectedLabel'), text: `${note || t.msg('modRejectedDefault')} ${t.msg('modEditAgain')}` };
    case 'hidden':
      return {
        label: t.msg(item.moderationReason === 'reported' ? 'modHiddenReported' : 'modHiddenByModerator'),
        text: note ? t.msg('modNote', { note }) : '',
      };
  }
  return null;
}

/**
 * The author's own item when others cannot see it. `chip`: the item already shows its status as a
 * chip ("Awaiting review"), so only the explanation follows (hidden keeps its sentence).
 */
export function ownStatus(t: Localizer, item: OwnModeration, chip = false): TemplateResult | typeof nothing {
  const said = describe(t, item);
  if (!said) return nothing;
  const label = chip && item.status !== 'hidden' ? nothing : html`<strong>${said.label}</strong> `;
  return html`<p class="moderation-status ${item.status}" part="moderation-status">
    <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">${item.status === 'pending' ? CLOCK : INFO}</svg>
    <span>${label}${said.text}</span>
  </p>`;
}

export const ownStatusStyles = css`
  .moderation-status {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    margin: 0.5em 0;
    padding: 0.625em 0.875em;
    border: 1px solid color-mix(in srgb, var(--k-accent) 35%, var(--k-border));
    border-radius: calc(var(--k-radius) * 0.75);
    background: color-mix(in srgb, var(--k-accent) 7%, var(--k-bg));
    font-size: 0.9375em;
  }
  .moderation-status svg {
    flex: none;
    margin-top: 0.15em;
    color: var(--k-accent);
  }
  .moderation-status.rejected,
  .moderation-status.hidden {
    border-color: var(--k-border-strong);
    background: var(--k-surface);
  }
  .moderation-status.rejected svg,
  .moderation-status.hidden svg {
    color: var(--k-text-muted);
  }
  .moderation-status strong {
    font-weight: 650;
  }
`;

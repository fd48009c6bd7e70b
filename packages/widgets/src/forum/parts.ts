/** Small templates the forum's elements share. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Badge } from '../core/api-types.ts';
import type { Localizer } from '../core/i18n.ts';
import { initials } from '../core/text.ts';

export const replyIcon = html`<svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
  ${svg`<path d="M4 4h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />`}
</svg>`;

/** Initials, or a plain silhouette for an anonymous author. */
export const avatar = (name: string | null): TemplateResult =>
  html`<span class="avatar ${name ? '' : 'anonymous'}" part="avatar" aria-hidden="true"
    >${name
      ? initials(name)
      : html`<svg viewBox="0 0 20 20" width="18" height="18">${svg`<circle cx="10" cy="7" r="3.5" fill="currentColor" /><path d="M3.5 17.5a6.5 6.5 0 0 1 13 0z" fill="currentColor" />`}</svg>`}</span
  >`;

/** Who wrote it, as members see it: a name, "Anonymous member", or "You (anonymous)". */
export const authorName = (t: Localizer, item: { author: { displayName: string } | null; anonymous: boolean; isOwn: boolean }): string =>
  !item.author ? t.msg('anonymousMember') : item.anonymous && item.isOwn ? t.msg('youAnonymous') : item.author.displayName;

/** "Verified clinician", "Mentor", "Group moderator" next to a name. */
export const badges = (t: Localizer, list: readonly Badge[]): TemplateResult | typeof nothing =>
  list.length
    ? html`<span class="badges">${list.map((b) => html`<span class="badge ${b}" part="badge badge-${b}">${t.msg(`badge_${b}`)}</span>`)}</span>`
    : nothing;

/** The line a content warning shows instead of the content, with "Show post" (aria-expanded). */
export const contentWarningToggle = (
  t: Localizer,
  warning: string,
  revealed: boolean,
  controls: string,
  toggle: () => void,
): TemplateResult =>
  html`<div class="content-warning" part="content-warning">
    <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">${svg`<path d="M10 2.5l8 14.5H2z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" /><path d="M10 8v4M10 14.5v.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />`}</svg>
    <p>${t.msg('contentWarning', { warning })}</p>
    <button class="button" part="button show-post" aria-expanded=${revealed ? 'true' : 'false'} aria-controls=${controls} @click=${toggle}>
      ${t.msg(revealed ? 'hidePost' : 'showPost')}
    </button>
  </div>`;

/** "Join this group to post": a signed-in member who may read but not post. */
export const joinPanel = (t: Localizer, hintShown: boolean, join: () => void): TemplateResult =>
  html`<div class="panel join" part="join">
    <p>${t.msg('joinHint')}</p>
    <button class="button primary" part="button join-button" @click=${join}>${t.msg('joinToPost')}</button>
    ${hintShown ? html`<p class="muted" part="hint" role="status">${t.msg('errorMembershipRequired')}</p>` : nothing}
  </div>`;

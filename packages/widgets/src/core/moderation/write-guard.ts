/**
 * What every composer does when moderation or the rate limit answers a write (issue 5). One
 * controller, used by the forum composer (new thread, reply, edit), the stories composer and
 * comments, the review form, and questions and answers:
 * - a refused text (`CONTENT_REJECTED`) stays in its field, which is marked invalid and says why;
 * - personal details (`PERSONAL_DETAILS_FOUND`) are listed, with "Edit" (back to the text) and
 *   "Post anyway" (the same write again with `confirmPersonalDetails: true`);
 * - "slow down" (`RATE_LIMITED`) counts down the seconds with the send button disabled;
 * - a paused (`MEMBER_MUTED`) or closed (`MEMBER_BANNED`) account says so and disables sending;
 * - after a stored write, crisis resources (when the API sent them) open at once for the author,
 *   and the composer carries on once they are closed.
 *
 * A composer renders `renderFieldError()` under its text field and `render()` above its buttons,
 * adds `describedBy`/`textRefused` to the text field, disables sending while `blocked`, passes
 * its write's input through `input()`, and hands errors to `refused()` and the result's
 * `moderation` to `written()`.
 */
import { ContextConsumer } from '@lit/context';
import { css, html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CrisisResource, ModerationOutcome, PersonalDetailFinding } from '../api-types.ts';
import { announceContext } from '../context.ts';
import type { Localizer } from '../i18n.ts';
import './crisis-resources.component.ts';
import './messages.ts';
import { CRISIS_PARTS } from './parts.ts';
import { readRefusal, type Refusal } from './refusals.ts';
import { reasonText } from './status.ts';

export { WRITE_GUARD_PARTS } from './parts.ts';
const CRISIS_EXPORTPARTS = CRISIS_PARTS.join(', ');

export interface WriteGuardOptions {
  /** Prefix of the ids it renders, when one element holds two guards (questions: ask, answer). */
  id?: string;
  /** The text the member wrote: a refused text and "Edit" put focus here. */
  field(): HTMLElement | null;
  /** Sends the draft again ("Post anyway"); that send's `input()` carries `confirmPersonalDetails: true`. */
  resend(): void;
}

type GuardHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const CLOCK = svg`<circle cx="10" cy="10" r="7.25" fill="none" stroke="currentColor" stroke-width="1.6" /><path d="M10 6v4.5l2.75 1.75" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />`;
const PAUSE = svg`<circle cx="10" cy="10" r="7.25" fill="none" stroke="currentColor" stroke-width="1.6" /><path d="M8 7v6M12 7v6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />`;
const SHIELD = svg`<path d="M10 2.75l6 2.25v4.5c0 3.6-2.5 6.5-6 7.75-3.5-1.25-6-4.15-6-7.75V5z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" /><path d="M10 7v3.5M10 13v.25" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />`;
const icon = (path: TemplateResult) => html`<svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">${path}</svg>`;

export class WriteGuard implements ReactiveController {
  /** The last refusal: shown until the next send (a slow-down until its time is up). */
  refusal: Refusal | null = null;
  /** When a slow-down ends (ms). */
  private deadline = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The member chose "Post anyway": the next send confirms the personal details. */
  private confirmNext = false;
  private crisis: { resources: CrisisResource[]; closed: () => void } | null = null;
  private readonly announcer: ContextConsumer<typeof announceContext, GuardHost>;

  constructor(
    private readonly host: GuardHost,
    private readonly t: Localizer,
    private readonly options: WriteGuardOptions,
  ) {
    host.addController(this);
    this.announcer = new ContextConsumer(host, { context: announceContext, subscribe: true });
  }

  hostConnected(): void {
    if (this.secondsLeft > 0) this.countDown();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private get id(): string {
    return this.options.id ?? 'write';
  }

  /** Seconds until a slow-down ends (0 when none). */
  get secondsLeft(): number {
    return Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
  }

  /** Sending cannot work now: a slow-down is counting, or the member's posting is paused or closed. */
  get blocked(): boolean {
    const refusal = this.refusal;
    switch (refusal?.code) {
      case 'RATE_LIMITED':
        return this.secondsLeft > 0;
      case 'MEMBER_BANNED':
        return true;
      case 'MEMBER_MUTED':
        return refusal.until === null || Date.parse(refusal.until) > Date.now();
    }
    return false;
  }

  /** The text itself was refused (for the text field's aria-invalid). */
  get textRefused(): boolean {
    return this.refusal?.code === 'CONTENT_REJECTED';
  }

  /** For the text field's aria-describedby: the id of why it was refused, or ''. */
  get describedBy(): string {
    return this.textRefused ? `${this.id}-refused` : '';
  }

  /** A send starts: the last refusal's message goes (one that still blocks stays). */
  clear(): void {
    if (!this.blocked) this.refusal = null;
  }

  /** The write's input, with `confirmPersonalDetails: true` when the member chose "Post anyway". */
  input<T extends object>(input: T): T {
    if (!this.confirmNext) return input;
    this.confirmNext = false;
    return { ...input, confirmPersonalDetails: true };
  }

  /**
   * Explains a refused write (the draft stays where it is) and moves focus to what to do next.
   * False when the error is not a refusal: the composer says those as before.
   */
  refused(error: unknown): boolean {
    const refusal = readRefusal(error);
    if (!refusal) return false;
    this.confirmNext = false;
    this.refusal = refusal;
    if (refusal.code === 'RATE_LIMITED') {
      this.deadline = Date.now() + refusal.seconds * 1000;
      this.countDown();
    }
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const target = refusal.code === 'CONTENT_REJECTED' ? this.options.field() : this.host.renderRoot.querySelector<HTMLElement>(`#${this.id}-notice`);
      target?.focus();
    });
    return true;
  }

  /**
   * A write was stored, with this `moderation` (from its result). When the API sent crisis
   * resources, they open at once for the author and this resolves once they are closed (the
   * composer then carries on). Returns the outcome.
   */
  async written(moderation: ModerationOutcome | null | undefined): Promise<ModerationOutcome | null> {
    this.refusal = null;
    this.confirmNext = false;
    const outcome = moderation ?? null;
    const resources = outcome?.crisisResources;
    if (resources) {
      await new Promise<void>((closed) => {
        this.crisis = { resources, closed };
        this.host.requestUpdate();
      });
    }
    return outcome;
  }

  /** What the live region says once it is stored: `published`, or "Saved. Awaiting review: <why>". */
  savedMessage(outcome: ModerationOutcome | null, published: string): string {
    return outcome?.status === 'pending' ? this.t.msg('modSavedPending', { reason: reasonText(this.t, outcome.reason) }) : published;
  }

  private countDown(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (this.secondsLeft > 0) return this.host.requestUpdate();
      clearInterval(this.timer);
      this.timer = undefined;
      if (this.refusal?.code === 'RATE_LIMITED') this.refusal = null;
      // The countdown is not a live region (it would speak every second): say once that it is over.
      this.announcer.value?.(this.t.msg('modSlowDownOver'));
      this.host.requestUpdate();
    }, 1000);
  }

  private closeCrisis = (): void => {
    const crisis = this.crisis;
    this.crisis = null;
    this.host.requestUpdate();
    crisis?.closed();
  };

  private edit = (): void => {
    this.options.field()?.focus();
  };

  private postAnyway = (): void => {
    this.confirmNext = true;
    this.options.resend();
  };

  // Rendering

  /** Under the text field: why the text was refused. */
  renderFieldError(): TemplateResult | typeof nothing {
    const refusal = this.refusal;
    if (refusal?.code !== 'CONTENT_REJECTED') return nothing;
    return html`<p id="${this.id}-refused" class="field-error" part="error">
      ${this.t.msg(refusal.reason ? `modRejected_${refusal.reason}` : 'modRejectedOther')}
    </p>`;
  }

  /** Above the send button: slow down, paused, personal details; and the crisis resources while open. */
  render(): TemplateResult {
    return html`${this.renderNotice()}
    ${this.crisis
      ? html`<kindred-crisis-resources
          .resources=${this.crisis.resources}
          lang=${this.t.locale}
          exportparts=${CRISIS_EXPORTPARTS}
          @kindred-dialog-closed=${this.closeCrisis}
        ></kindred-crisis-resources>`
      : nothing}`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const t = this.t;
    const refusal = this.refusal;
    const notice = (part: string, glyph: TemplateResult, text: string) =>
      html`<div id="${this.id}-notice" class="write-notice" part="write-notice ${part}" tabindex="-1">${icon(glyph)}<p>${text}</p></div>`;
    switch (refusal?.code) {
      case 'RATE_LIMITED': {
        const count = this.secondsLeft;
        return count > 0 ? notice('slow-down', CLOCK, t.msg('modSlowDown', { count })) : nothing;
      }
      case 'MEMBER_MUTED':
        return notice('paused', PAUSE, refusal.until ? t.msg('modMutedUntil', { date: t.dateTime(refusal.until) }) : t.msg('modMuted'));
      case 'MEMBER_BANNED':
        return notice('paused', PAUSE, t.msg('errorMemberBanned'));
      case 'PERSONAL_DETAILS_FOUND':
        return this.renderPersonalDetails(refusal.found);
    }
    return nothing;
  }

  private renderPersonalDetails(found: PersonalDetailFinding[]): TemplateResult {
    const t = this.t;
    const id = this.id;
    return html`<div
      id="${id}-notice"
      class="write-notice personal-details"
      part="write-notice personal-details"
      role="group"
      tabindex="-1"
      aria-labelledby="${id}-details-heading"
      aria-describedby="${id}-details-intro"
    >
      ${icon(SHIELD)}
      <div class="details-body">
        <p id="${id}-details-heading" class="notice-heading">${t.msg('modDetailsHeading')}</p>
        <p id="${id}-details-intro">${t.msg('modDetailsIntro')}</p>
        ${found.length
          ? html`<ul class="findings" part="personal-details-list" role="list">
              ${found.map(
                (f) => html`<li class="finding" part="personal-detail">
                  <span class="kind">${t.msg(`modDetailsKind_${f.kind}`)}</span> <span class="match">${f.match}</span>
                </li>`,
              )}
            </ul>`
          : nothing}
        <p>${t.msg('modDetailsAdvice')}</p>
        <div class="notice-actions">
          <button type="button" class="button primary" part="button edit-text" @click=${this.edit}>${t.msg('modDetailsEdit')}</button>
          <button type="button" class="button" part="button post-anyway" @click=${this.postAnyway}>${t.msg('modDetailsPostAnyway')}</button>
        </div>
      </div>
    </div>`;
  }
}

/** A composer's styles for its guard's notices (the crisis dialog styles itself). */
export const writeGuardStyles = css`
  .write-notice {
    display: flex;
    align-items: flex-start;
    gap: 0.75em;
    padding: 0.875em 1em;
    border: 1px solid var(--k-border);
    border-inline-start: 4px solid var(--k-accent);
    border-radius: calc(var(--k-radius) * 0.75);
    background: var(--k-bg);
    color: var(--k-text);
  }
  .write-notice > svg {
    flex: none;
    margin-top: 0.1em;
    color: var(--k-accent);
  }
  .write-notice[part~='paused'] {
    border-inline-start-color: var(--k-border-strong);
  }
  .write-notice[part~='paused'] > svg {
    color: var(--k-text-muted);
  }
  .write-notice:focus {
    outline: none;
  }
  .write-notice:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 2px;
  }
  .details-body {
    display: grid;
    gap: 0.625em;
    min-width: 0;
  }
  .notice-heading {
    font-weight: 650;
  }
  .findings {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.375em;
  }
  .finding {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .finding .kind {
    font-weight: 600;
  }
  .finding .match {
    padding: 0.0625em 0.5em;
    border-radius: 0.375em;
    background: var(--k-surface);
    border: 1px solid var(--k-border);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }
  .notice-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.125em;
  }
`;

import { consume } from '@lit/context';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KindredClient } from '../core/api-client.ts';
import type { ReportReason } from '../core/api-types.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { loadErrorMessage } from '../core/errors.ts';
import { trapTab } from '../core/focus-trap.ts';
import type { MessageKey } from '../core/i18n.ts';
import { define, KindredElement } from '../core/kindred-element.ts';
import { baseStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import './thread-messages.ts';
import { dialogStyles } from './thread.styles.ts';

const REASONS: readonly ReportReason[] = ['at_risk', 'misinformation', 'spam', 'personal_information', 'harassment', 'other'];

/**
 * "Report this post": a modal dialog (native `<dialog>`, opened with showModal, so the page
 * behind is inert; Tab is kept inside; Escape closes). Its own chunk, loaded on first use.
 * It opens when connected; the opener removes it on `kindred-dialog-closed` and restores focus.
 */
export class ForumReportDialog extends KindredElement {
  static override styles = [baseStyles, viewStyles, dialogStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  @property({ attribute: false }) postId = '';

  @state() private reason: ReportReason | null = null;
  @state() private note = '';
  @state() private sending = false;
  @state() private sent = false;
  @state() private problem: MessageKey | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  protected override async firstUpdated(): Promise<void> {
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('input')?.focus();
  }

  override render(): TemplateResult {
    const t = this.i18n;
    return html`<dialog
      part="dialog"
      aria-labelledby="report-heading"
      @keydown=${(e: KeyboardEvent) => trapTab(this.dialog, e)}
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <h2 id="report-heading" part="dialog-heading">${t.msg('reportHeading')}</h2>
      ${this.sent
        ? html`<p class="thanks" role="status">${t.msg('reportThanks')}</p>
            <div class="actions">
              <button class="button primary" part="button close" data-close @click=${this.close}>${t.msg('close')}</button>
            </div>`
        : html`<form class="stack" novalidate @submit=${this.submit}>
            <p class="muted">${t.msg('reportIntro')}</p>
            <fieldset aria-describedby=${this.problem === 'reportChooseReason' ? 'reason-error' : nothing}>
              <legend>${t.msg('reportReasonLegend')}</legend>
              ${REASONS.map(
                (reason) => html`<div class="radio">
                  <input
                    type="radio"
                    id="reason-${reason}"
                    name="reason"
                    .value=${reason}
                    .checked=${this.reason === reason}
                    @change=${() => (this.reason = reason)}
                  />
                  <label for="reason-${reason}">${t.msg(`reason_${reason}`)}</label>
                </div>`,
              )}
            </fieldset>
            <div>
              <label for="note">${t.msg('reportNote')}</label>
              <textarea id="note" rows="3" maxlength="1000" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
            </div>
            ${this.problem ? html`<p id="reason-error" class="error-text" role="alert">${t.msg(this.problem)}</p>` : nothing}
            <div class="actions">
              <button type="submit" class="button primary" part="button submit" ?disabled=${this.sending}>${t.msg('reportSubmit')}</button>
              <button type="button" class="button quiet" part="button cancel" @click=${this.close}>${t.msg('cancel')}</button>
            </div>
          </form>`}
    </dialog>`;
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!this.reason) {
      this.problem = 'reportChooseReason';
      this.renderRoot.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    this.sending = true;
    this.problem = null;
    try {
      const note = this.note.trim();
      await this.client!.mutate('forum.report', { postId: this.postId, reason: this.reason, ...(note ? { note } : {}) });
      this.sent = true;
      this.announce?.(this.i18n.msg('reportThanks'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-close]')?.focus();
    } catch (err) {
      const key = loadErrorMessage(err);
      this.problem = key === 'errorGeneric' ? 'actionFailed' : key;
    } finally {
      this.sending = false;
    }
  };

  private onCancel = (event: Event): void => {
    // Escape: close through the same path as the buttons.
    event.preventDefault();
    this.close();
  };

  private close = (): void => {
    if (this.dialog.open) this.dialog.close();
  };

  private onClose = (): void => {
    this.emit('kindred-dialog-closed', {}, { composed: false });
  };
}

define('kindred-forum-report-dialog', ForumReportDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kindred-forum-report-dialog': ForumReportDialog;
  }
}

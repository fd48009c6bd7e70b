/**
 * <kc-sanction-dialog>: ban or mute a member, for a while or for good, with a note the team sees.
 * Used from the moderation queue (`b` on an item) and from a member's page.
 */
import { css, html, LitElement } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConsoleError, StaffApi } from '../../api/client.ts';
import type { SanctionKind } from '../../api/contract.ts';
import { messageFor } from '../../api/messages.ts';
import { define } from '../../ui/console-element.ts';
import { dialogStyles } from '../../ui/dialog-styles.ts';
import { consoleStyles } from '../../ui/styles.ts';

export interface SanctionTarget {
  id: string;
  displayName: string;
}

export interface SanctionedDetail {
  member: SanctionTarget;
  kind: SanctionKind;
  days: number | null;
}

const DURATIONS: { value: string; label: string }[] = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'permanent', label: 'Permanently' },
];

export class SanctionDialog extends LitElement {
  static override styles = [
    consoleStyles,
    dialogStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 1rem;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.375rem;
        padding: 0;
      }
      .choice {
        display: flex;
        gap: 0.625rem;
        align-items: flex-start;
        padding: 0.625rem 0.75rem;
        border: 1px solid var(--k-border);
        border-radius: calc(var(--k-radius) * 0.8);
        font-weight: 400;
        margin-bottom: 0.5rem;
      }
      .choice strong {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @state() private member: SanctionTarget | null = null;
  @state() private kind: SanctionKind = 'mute';
  @state() private duration = '7';
  @state() private note = '';
  @state() private busy = false;
  @state() private error: ConsoleError | null = null;
  @state() private noteMissing = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  async open(member: SanctionTarget, kind: SanctionKind = 'mute'): Promise<void> {
    this.member = member;
    this.kind = kind;
    this.duration = '7';
    this.note = '';
    this.error = null;
    this.noteMissing = false;
    await this.updateComplete;
    this.dialog.showModal();
  }

  private close(): void {
    this.dialog.close();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.member || this.busy) return;
    if (!this.note.trim()) {
      this.noteMissing = true;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#sanction-note')?.focus();
      return;
    }
    this.busy = true;
    this.error = null;
    const days = this.duration === 'permanent' ? null : Number(this.duration);
    try {
      await this.api.members.sanction({ memberId: this.member.id, kind: this.kind, days, note: this.note.trim() });
      const detail: SanctionedDetail = { member: this.member, kind: this.kind, days };
      this.close();
      this.dispatchEvent(new CustomEvent('kc-sanctioned', { detail, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error as ConsoleError;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const name = this.member?.displayName ?? '';
    return html`<dialog aria-labelledby="sanction-title">
      <form @submit=${this.submit} novalidate>
        <h2 id="sanction-title">Ban or mute ${name}</h2>
        <p class="muted">They are not told who did it. Their existing posts stay as they are.</p>
        ${this.error ? html`<div class="alert error" role="alert">${messageFor(this.error)}</div>` : ''}
        <fieldset>
          <legend>What should happen</legend>
          <label class="choice">
            <input type="radio" name="kind" value="mute" .checked=${this.kind === 'mute'} @change=${() => (this.kind = 'mute')} />
            <span><strong>Mute</strong><span class="muted small">They can still read, but cannot post, reply or react.</span></span>
          </label>
          <label class="choice">
            <input type="radio" name="kind" value="ban" .checked=${this.kind === 'ban'} @change=${() => (this.kind = 'ban')} />
            <span><strong>Ban</strong><span class="muted small">They cannot take part in the community at all.</span></span>
          </label>
        </fieldset>
        <div class="field">
          <label for="sanction-duration">For how long</label>
          <select id="sanction-duration" .value=${this.duration} @change=${(e: Event) => (this.duration = (e.target as HTMLSelectElement).value)}>
            ${DURATIONS.map((d) => html`<option value=${d.value} ?selected=${d.value === this.duration}>${d.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="sanction-note">Note for the team</label>
          <span class="hint" id="sanction-note-hint">Why, in a sentence. Kept with the member’s record for your team; the member does not see it.</span>
          <textarea
            id="sanction-note"
            required
            aria-describedby="sanction-note-hint${this.noteMissing ? ' sanction-note-error' : ''}"
            aria-invalid=${this.noteMissing ? 'true' : 'false'}
            .value=${this.note}
            @input=${(e: InputEvent) => {
              this.note = (e.target as HTMLTextAreaElement).value;
              this.noteMissing = false;
            }}
          ></textarea>
          ${this.noteMissing ? html`<span class="field-error" id="sanction-note-error">Add a short note.</span>` : ''}
        </div>
        <div class="dialog-actions">
          <button type="button" class="button" @click=${this.close}>Cancel</button>
          <button type="submit" class="button danger" ?disabled=${this.busy}>${this.kind === 'ban' ? 'Ban' : 'Mute'} ${name}</button>
        </div>
      </form>
    </dialog>`;
  }
}

define('kc-sanction-dialog', SanctionDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kc-sanction-dialog': SanctionDialog;
  }
  interface HTMLElementEventMap {
    'kc-sanctioned': CustomEvent<SanctionedDetail>;
  }
}

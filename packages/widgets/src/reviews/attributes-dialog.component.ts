import { consume } from '@lit/context';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isAuthError, type KindredClient } from '../core/api-client.ts';
import { clientContext } from '../core/context.ts';
import { trapTab } from '../core/focus-trap.ts';
import type { MessageKey } from '../core/i18n.ts';
import { define, KindredElement } from '../core/kindred-element.ts';
import { baseStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import './extra-messages.ts';
import type { ReviewAttribute } from './types.ts';

/**
 * "People like me": a modal dialog where the member chooses the health attributes that describe
 * them, with a plain privacy note (private, used only to filter reviews for them). Native
 * `<dialog>` with showModal (the page behind is inert), Tab kept inside, Escape closes. Its own
 * chunk. It opens when connected; the opener removes it on `kindred-dialog-closed`.
 *
 * @event kindred-shared-attributes-saved - internal, `{ attributes }` once stored.
 * @event kindred-dialog-closed - internal, however it closed.
 */
export class KindredReviewAttributesDialog extends KindredElement {
  static override styles = [
    baseStyles,
    viewStyles,
    css`
      dialog {
        width: min(34rem, calc(100vw - 2rem));
        max-height: calc(100vh - 2rem);
        padding: calc(var(--k-space) * 1.5);
        border: 1px solid var(--k-border-strong);
        border-radius: var(--k-radius);
        background: var(--k-bg);
        color: var(--k-text);
        font-family: var(--k-font);
        font-size: var(--k-font-size);
        line-height: 1.55;
        box-shadow: 0 16px 48px rgb(0 0 0 / 0.25);
      }
      dialog::backdrop {
        background: rgb(15 23 42 / 0.55);
      }
      h2 {
        font-size: 1.25em;
        margin-bottom: 0.5em;
      }
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 0.375em;
        font-weight: 600;
      }
      .choice {
        display: flex;
        align-items: flex-start;
        gap: 0.625em;
        padding: 0.375em 0;
      }
      .choice label {
        margin: 0;
        font-weight: 500;
      }
      .privacy {
        padding: 0.75em 1em;
        border-radius: calc(var(--k-radius) * 0.75);
        background: var(--k-surface);
        border-inline-start: 4px solid var(--k-accent);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
    `,
  ];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;

  /** The tenant's attributes, to choose from. */
  @property({ attribute: false }) choices: ReviewAttribute[] = [];
  /** The member's current choice (keys). */
  @property({ attribute: false }) selected: string[] = [];

  @state() private chosen = new Set<string>();
  @state() private saving = false;
  @state() private problem: MessageKey | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('selected')) this.chosen = new Set(this.selected);
  }

  protected override firstUpdated(): void {
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('input')?.focus();
  }

  private toggle(key: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(key);
    else next.delete(key);
    this.chosen = next;
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.saving || !this.client) return;
    this.saving = true;
    this.problem = null;
    try {
      const keys = this.choices.filter((a) => this.chosen.has(a.key)).map((a) => a.key);
      const attributes = await this.client.mutate('reviews.setSharedAttributes', { attributes: keys });
      this.emit('kindred-shared-attributes-saved', { attributes }, { composed: false });
      this.close();
    } catch (err) {
      this.problem = isAuthError(err) ? 'reviewWriteSignIn' : 'peopleLikeMeSaveFailed';
    } finally {
      this.saving = false;
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

  override render(): TemplateResult {
    const t = this.i18n;
    return html`<dialog
      part="dialog"
      aria-labelledby="ad-heading"
      aria-describedby="ad-intro"
      @keydown=${(e: KeyboardEvent) => trapTab(this.dialog, e)}
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <form class="stack" novalidate @submit=${this.submit}>
        <h2 id="ad-heading" part="dialog-heading">${t.msg('peopleLikeMeHeading')}</h2>
        <p id="ad-intro">${t.msg('peopleLikeMeIntro')}</p>
        <fieldset>
          <legend>${t.msg('peopleLikeMeLegend')}</legend>
          ${this.choices.map(
            (a) => html`<div class="choice">
              <input
                type="checkbox"
                id="ad-${a.key}"
                part="checkbox"
                .checked=${this.chosen.has(a.key)}
                @change=${(e: Event) => this.toggle(a.key, (e.target as HTMLInputElement).checked)}
              />
              <label for="ad-${a.key}">${a.label}</label>
            </div>`,
          )}
        </fieldset>
        <p class="privacy" part="privacy-note">${t.msg('peopleLikeMePrivacy')}</p>
        ${this.problem ? html`<p class="error-text" part="error" role="alert">${t.msg(this.problem)}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="button primary" part="button submit" ?disabled=${this.saving}>
            ${t.msg(this.chosen.size ? 'peopleLikeMeSave' : 'peopleLikeMeSaveEmpty')}
          </button>
          <button type="button" class="button quiet" part="button cancel" @click=${this.close}>${t.msg('cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

define('kindred-review-attributes-dialog', KindredReviewAttributesDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kindred-review-attributes-dialog': KindredReviewAttributesDialog;
  }
}

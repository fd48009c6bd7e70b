import { consume } from '@lit/context';
import { css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, isAuthError, type KindredClient } from '../core/api-client.ts';
import { clientContext } from '../core/context.ts';
import type { MessageKey } from '../core/i18n.ts';
import { define, KindredElement } from '../core/kindred-element.ts';
import { WriteGuard, writeGuardStyles } from '../core/moderation/write-guard.ts';
import { baseStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import './extra-messages.ts';
import { plainText } from './json-ld.ts';
import type { Review, ReviewAttribute } from './types.ts';

type Field = 'rating' | 'title' | 'body' | 'pseudonym';
const FIELD_ORDER: readonly Field[] = ['rating', 'title', 'body', 'pseudonym'];
const STAR = svg`<path d="M12 2.5l2.94 6.1 6.56.78-4.86 4.52 1.27 6.6L12 17.3l-5.91 3.2 1.27-6.6L2.5 9.38l6.56-.78z" />`;

/**
 * Write or edit the member's one review of a product: a rating (a radio group drawn as stars),
 * a title, the review, optional health attributes (explained: they are shown on the review), and
 * how to sign it (name or pseudonym). Checks what the API would refuse before sending; a failed
 * send keeps everything typed; moderation's answers go through the shared WriteGuard. Its own
 * chunk, loaded when the member first writes.
 *
 * @event kindred-review-saved - internal, `{ review }` once the API stored it.
 * @event kindred-compose-cancelled - internal, the member cancelled.
 */
export class KindredReviewForm extends KindredElement {
  static override styles = [
    baseStyles,
    viewStyles,
    writeGuardStyles,
    css`
      .review-form {
        display: grid;
        gap: var(--k-space);
        margin-bottom: calc(var(--k-space) * 1.5);
        padding: calc(var(--k-space) * 1.25);
        border: 1px solid var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
      }
      h3:focus {
        outline: none;
      }
      h3:focus-visible {
        outline: 3px solid var(--k-focus);
        outline-offset: 4px;
      }
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 0.375em;
        font-weight: 600;
      }
      .hint {
        margin: 0.25em 0 0.5em;
      }
      .field-error {
        margin-top: 0.25em;
      }
      .rating-stars {
        display: flex;
        align-items: center;
        gap: 0.125em;
      }
      .rating-stars input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
        margin: 0;
      }
      .star-option {
        display: inline-flex;
        margin: 0;
        padding: 0.25em;
        border-radius: 0.375em;
        cursor: pointer;
      }
      .star-option svg {
        width: 2em;
        height: 2em;
        fill: color-mix(in srgb, var(--k-text) 16%, var(--k-bg));
        stroke: var(--k-border-strong);
        stroke-width: 1;
      }
      .star-option.on svg {
        fill: var(--k-star);
        stroke: var(--k-star);
      }
      input:focus-visible + .star-option {
        outline: 3px solid var(--k-focus);
        outline-offset: 1px;
      }
      .rating-text {
        margin-inline-start: 0.5em;
        font-weight: 600;
      }
      fieldset[aria-invalid='true'] .rating-stars {
        outline: 2px solid var(--k-danger);
        outline-offset: 2px;
        border-radius: 0.375em;
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
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
        gap: 0 var(--k-space);
      }
      .pseudonym {
        margin-top: 0.5em;
        max-width: 24rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      input[aria-invalid='true'] {
        border-color: var(--k-danger);
        border-width: 2px;
      }
      .error-summary {
        padding: 0.625em 0.875em;
        border: 2px solid var(--k-danger);
        border-radius: calc(var(--k-radius) * 0.75);
        background: var(--k-bg);
      }
    `,
  ];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;

  @property() sku = '';
  /** The tenant's health attributes, to choose from. */
  @property({ attribute: false }) choices: ReviewAttribute[] = [];
  /** The member's review when editing; null to write one. */
  @property({ attribute: false }) review: Review | null = null;

  @state() private rating = 0;
  @state() private reviewTitle = '';
  @state() private body = '';
  @state() private chosen = new Set<string>();
  @state() private signing: 'name' | 'pseudonym' = 'name';
  @state() private pseudonym = '';
  @state() private errors: Partial<Record<Field, MessageKey>> = {};
  @state() private sending = false;
  @state() private problem: MessageKey | null = null;

  private readonly guard = new WriteGuard(this, this.i18n, {
    field: () => this.renderRoot.querySelector('#rf-body'),
    resend: () => void this.send(),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('review') && this.review) {
      const r = this.review;
      this.rating = r.rating;
      this.reviewTitle = r.title;
      this.body = r.bodySource ?? plainText(r.bodyHtml);
      this.chosen = new Set(r.attributes.map((a) => a.key));
      this.signing = r.signing;
      this.pseudonym = r.signing === 'pseudonym' ? r.authorName : '';
    }
  }

  /** Moves focus to the form's heading (when it opens). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private validate(): Partial<Record<Field, MessageKey>> {
    const errors: Partial<Record<Field, MessageKey>> = {};
    if (!(this.rating >= 1 && this.rating <= 5)) errors.rating = 'reviewRatingMissing';
    const title = this.reviewTitle.trim();
    if (title.length < 3 || title.length > 150) errors.title = 'reviewTitleMissing';
    const body = this.body.trim();
    if (!body || body.length > 10_000) errors.body = 'reviewBodyMissing';
    if (this.signing === 'pseudonym') {
      const pseudonym = this.pseudonym.trim();
      if (!pseudonym || pseudonym.length > 60) errors.pseudonym = 'reviewPseudonymMissing';
    }
    return errors;
  }

  private submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  };

  /** Sends the review (the form's submit, and "Post anyway"). */
  private send = async (): Promise<void> => {
    if (this.sending || !this.client || this.guard.blocked) return;
    this.problem = null;
    this.errors = this.validate();
    const first = FIELD_ORDER.find((f) => this.errors[f]);
    if (first) {
      await this.updateComplete;
      const target = first === 'rating' ? `input[name="rating"]${this.rating ? ':checked' : ''}` : `#rf-${first}`;
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
      return;
    }
    this.guard.clear();
    this.sending = true;
    try {
      const pseudonym = this.pseudonym.trim();
      const { moderation, ...review } = await this.client.mutate(
        'reviews.write',
        this.guard.input({
          sku: this.sku,
          rating: this.rating,
          title: this.reviewTitle.trim(),
          body: this.body.trim(),
          attributes: this.choices.filter((a) => this.chosen.has(a.key)).map((a) => a.key),
          signing: this.signing,
          ...(this.signing === 'pseudonym' ? { pseudonym } : {}),
        }),
      );
      await this.guard.written(moderation);
      this.emit('kindred-review-saved', { review }, { composed: false });
    } catch (err) {
      if (this.guard.refused(err)) return;
      this.problem = isAuthError(err) ? 'reviewWriteSignIn' : err instanceof ApiError && err.kindredCode === 'NETWORK' ? 'errorNetwork' : 'reviewSaveFailed';
    } finally {
      this.sending = false;
    }
  };

  private cancel = (): void => {
    this.emit('kindred-compose-cancelled', {}, { composed: false });
  };

  private choose(key: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(key);
    else next.delete(key);
    this.chosen = next;
  }

  private describedBy(field: Field, hint?: string): string | typeof nothing {
    const ids = [hint, this.errors[field] ? `rf-${field}-error` : undefined, field === 'body' ? this.guard.describedBy : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private fieldError(field: Field): TemplateResult | typeof nothing {
    const key = this.errors[field];
    return key ? html`<p id="rf-${field}-error" class="field-error" part="error">${this.i18n.msg(key)}</p>` : nothing;
  }

  override render(): TemplateResult {
    const t = this.i18n;
    const errorCount = Object.keys(this.errors).length;
    return html`<form class="review-form" part="review-form" novalidate aria-labelledby="rf-heading" @submit=${this.submit}>
      <div>
        <h3 id="rf-heading" part="form-heading" tabindex="-1">${t.msg(this.review ? 'reviewFormEditHeading' : 'reviewFormHeading')}</h3>
        <p class="muted">${t.msg('reviewFormIntro')}</p>
      </div>
      ${errorCount ? html`<p class="error-summary error-text" part="error-summary" role="alert">${t.msg('reviewFixErrors', { count: errorCount })}</p>` : nothing}
      <fieldset part="rating-input" aria-invalid=${this.errors.rating ? 'true' : 'false'} aria-describedby=${this.describedBy('rating')}>
        <legend>${t.msg('reviewRatingLegend')}</legend>
        <div class="rating-stars">
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<input
                type="radio"
                id="rf-rating-${n}"
                name="rating"
                .value=${String(n)}
                .checked=${this.rating === n}
                @change=${() => (this.rating = n)}
              /><label for="rf-rating-${n}" class="star-option ${n <= this.rating ? 'on' : ''}" part="rating-option"
                ><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${STAR}</svg
                ><span class="visually-hidden">${t.msg('reviewRatingStar', { count: n })}</span></label
              >`,
          )}
          ${this.rating ? html`<span class="rating-text" aria-hidden="true">${t.msg('reviewRatingStar', { count: this.rating })}</span>` : nothing}
        </div>
        ${this.fieldError('rating')}
      </fieldset>
      <div part="field">
        <label for="rf-title">${t.msg('reviewTitleLabel')}</label>
        <input
          id="rf-title"
          part="input"
          maxlength="150"
          autocomplete="off"
          .value=${this.reviewTitle}
          aria-invalid=${this.errors.title ? 'true' : 'false'}
          aria-describedby=${this.describedBy('title')}
          @input=${(e: Event) => (this.reviewTitle = (e.target as HTMLInputElement).value)}
        />
        ${this.fieldError('title')}
      </div>
      <div part="field">
        <label for="rf-body">${t.msg('reviewBodyLabel')}</label>
        <p id="rf-body-hint" class="hint muted" part="hint">${t.msg('reviewBodyHint')}</p>
        <textarea
          id="rf-body"
          part="textarea"
          rows="6"
          maxlength="10000"
          .value=${this.body}
          aria-invalid=${this.errors.body || this.guard.textRefused ? 'true' : 'false'}
          aria-describedby=${this.describedBy('body', 'rf-body-hint')}
          @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.fieldError('body')} ${this.guard.renderFieldError()}
      </div>
      ${this.choices.length
        ? html`<fieldset aria-describedby="rf-attributes-hint">
            <legend>${t.msg('reviewAttributesLegend')}</legend>
            <p id="rf-attributes-hint" class="hint muted" part="hint">${t.msg('reviewAttributesHint')}</p>
            <div class="choices">
              ${this.choices.map(
                (a) => html`<div class="choice">
                  <input
                    type="checkbox"
                    id="rf-attr-${a.key}"
                    part="checkbox"
                    .checked=${this.chosen.has(a.key)}
                    @change=${(e: Event) => this.choose(a.key, (e.target as HTMLInputElement).checked)}
                  />
                  <label for="rf-attr-${a.key}">${a.label}</label>
                </div>`,
              )}
            </div>
          </fieldset>`
        : nothing}
      <fieldset>
        <legend>${t.msg('reviewSigningLegend')}</legend>
        ${(['name', 'pseudonym'] as const).map(
          (signing) => html`<div class="choice">
            <input
              type="radio"
              id="rf-sign-${signing}"
              name="signing"
              .checked=${this.signing === signing}
              @change=${() => (this.signing = signing)}
            />
            <label for="rf-sign-${signing}">${t.msg(signing === 'name' ? 'reviewSignName' : 'reviewSignPseudonym')}</label>
          </div>`,
        )}
        ${this.signing === 'pseudonym'
          ? html`<div class="pseudonym" part="field">
              <label for="rf-pseudonym">${t.msg('reviewPseudonymLabel')}</label>
              <p id="rf-pseudonym-hint" class="hint muted" part="hint">${t.msg('reviewPseudonymHint')}</p>
              <input
                id="rf-pseudonym"
                part="input"
                maxlength="60"
                autocomplete="off"
                .value=${this.pseudonym}
                aria-invalid=${this.errors.pseudonym ? 'true' : 'false'}
                aria-describedby=${this.describedBy('pseudonym', 'rf-pseudonym-hint')}
                @input=${(e: Event) => (this.pseudonym = (e.target as HTMLInputElement).value)}
              />
              ${this.fieldError('pseudonym')}
            </div>`
          : nothing}
      </fieldset>
      ${this.problem ? html`<p class="error-text" part="error" role="alert">${t.msg(this.problem)}</p>` : nothing}
      ${this.guard.render()}
      <div class="actions">
        <button type="submit" class="button primary" part="button submit" ?disabled=${this.sending || this.guard.blocked}>
          ${t.msg(this.sending ? 'reviewSaving' : this.review ? 'reviewSave' : 'reviewSubmit')}
        </button>
        <button type="button" class="button quiet" part="button cancel" @click=${this.cancel}>${t.msg('cancel')}</button>
      </div>
    </form>`;
  }
}

define('kindred-review-form', KindredReviewForm);

declare global {
  interface HTMLElementTagNameMap {
    'kindred-review-form': KindredReviewForm;
  }
}

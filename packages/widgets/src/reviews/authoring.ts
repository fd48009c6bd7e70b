/**
 * The member's own review in <kindred-reviews>: loads it (`reviews.mine`), shows it with its status
 * ("Awaiting review", "Published", "Not published", "Hidden") and what that means (core/moderation),
 * the thanks after sending,
 * Edit (the review form, its own chunk) and Delete with a confirm step. A chunk of its own, loaded
 * for signed-in members and on "Write a review", so the first render stays small.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { KindredClient } from '../core/api-client.ts';
import type { KindredEvent } from '../core/events.ts';
import { whenStrings, type Localizer, type MessageKey } from '../core/i18n.ts';
import { isAuthError } from '../core/api-client.ts';
import type { KeysetPager } from '../core/keyset-pager.ts';
import type { KindredElement } from '../core/kindred-element.ts';
import { ownStatus, ownStatusStyles } from '../core/moderation/status.ts';
import { viewStyles } from '../core/view.styles.ts';
import { WRITE_GUARD_PARTS } from '../core/moderation/parts.ts';
import './extra-messages.ts';
import { stars } from './stars.ts';
import type { Review, ReviewSummary } from './types.ts';

export { adoptStyles } from './adopt.ts';

const WRITE_GUARD_EXPORTPARTS = WRITE_GUARD_PARTS.join(', ');

const STATUS: Record<NonNullable<Review['status']>, MessageKey> = {
  pending: 'reviewStatusPending',
  published: 'reviewStatusPublished',
  rejected: 'reviewStatusRejected',
  hidden: 'reviewStatusHidden',
};

/** What authoring reads and calls on <kindred-reviews> (internal members). */
export interface AuthoringHost extends KindredElement {
  readonly product: string;
  /** The tenant's health attributes (for the form) are in the summary. */
  readonly summary: ReviewSummary | null;
  /** The reviews on screen (a vote updates one in place). */
  readonly pager: KeysetPager<Review>;
  /** A failure shown at a spot (a review's id). */
  notice: { at: string; key: MessageKey; error: boolean } | null;
  /** The member's review changed: the average and the list may have too. */
  reloadQuietly(): Promise<void>;
  /** "Write a review" (shown when the member has no review). */
  writeButton(): TemplateResult;
}

export interface AuthoringOptions {
  api(): KindredClient;
  t: Localizer;
  say(message: string): void;
}

export class ReviewAuthoring {
  /** The member's review: undefined while unknown, null when there is none. */
  mine: Review | null | undefined;
  composing = false;
  /** Reviews whose helpful vote is being sent. */
  voting = new Set<string>();
  private confirmingDelete = false;
  private deleting = false;
  private thanks: MessageKey | null = null;
  private failed = false;

  constructor(
    private readonly host: AuthoringHost,
    private readonly options: AuthoringOptions,
  ) {}

  /** Signed out, or another product: forget everything. */
  reset(): void {
    this.mine = undefined;
    this.composing = this.confirmingDelete = this.failed = false;
    this.thanks = null;
    this.host.requestUpdate();
  }

  async loadMine(): Promise<void> {
    this.reset();
    try {
      this.mine = await this.options.api().query('reviews.mine', { sku: this.host.product });
    } catch {
      // Without it the member sees "Write a review"; writing again edits the one review anyway.
      this.mine = null;
    }
    this.host.requestUpdate();
  }

  /** Toggles a helpful vote: shows the server's count, says what happened, or shows the failure on the review. */
  async vote(review: Review): Promise<void> {
    if (this.voting.has(review.id)) return;
    const { pager } = this.host;
    const { t } = this.options;
    this.voting.add(review.id);
    this.host.requestUpdate();
    try {
      const result = await this.options.api().mutate('reviews.vote', { reviewId: review.id, helpful: !review.votedHelpful });
      pager.items = pager.items.map((r) => (r.id === review.id ? { ...r, ...result } : r));
      this.options.say(t.msg(result.votedHelpful ? 'reviewVoted' : 'reviewUnvoted'));
    } catch (err) {
      this.host.notice = { at: review.id, key: isAuthError(err) ? 'reviewHelpfulSignIn' : 'reviewVoteFailed', error: true };
    } finally {
      this.voting.delete(review.id);
      this.host.requestUpdate();
    }
  }

  /** Opens the form (write, or edit the member's review). */
  write = async (): Promise<void> => {
    this.thanks = null;
    this.failed = false;
    try {
      await import('./review-form.component.ts');
      await whenStrings(this.options.t.locale);
    } catch (err) {
      console.error('[kindred] could not load the review form', err);
      this.failed = true;
      this.host.requestUpdate();
      return;
    }
    this.confirmingDelete = false;
    this.composing = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const form = this.host.renderRoot.querySelector('kindred-review-form');
    await form?.updateComplete;
    form?.focusHeading();
  };

  private onSaved = async (event: KindredEvent<'kindred-review-saved'>): Promise<void> => {
    const { review } = event.detail;
    this.mine = review;
    this.composing = false;
    this.thanks = review.status === 'published' ? 'reviewThanksPublished' : 'reviewThanksPending';
    this.options.say(this.options.t.msg(this.thanks));
    this.host.emit('kindred-review-submitted', { reviewId: review.id, status: review.status ?? 'pending' });
    if (review.status === 'published') void this.host.reloadQuietly();
    await this.focusAfterUpdate('[part~="thanks"]');
  };

  private onCancelled = async (): Promise<void> => {
    this.composing = false;
    await this.focusAfterUpdate('[part~="edit-review"], [part~="write-review"]');
  };

  private askDelete = async (): Promise<void> => {
    this.confirmingDelete = true;
    this.failed = false;
    await this.focusAfterUpdate('[part~="delete-confirm"]');
  };

  private cancelDelete = async (): Promise<void> => {
    this.confirmingDelete = false;
    await this.focusAfterUpdate('[part~="delete-review"]');
  };

  private confirmDelete = async (): Promise<void> => {
    const own = this.mine;
    if (!own || this.deleting) return;
    this.deleting = true;
    this.host.requestUpdate();
    try {
      await this.options.api().mutate('reviews.delete', { sku: this.host.product });
      this.mine = null;
      this.confirmingDelete = false;
      this.thanks = null;
      this.options.say(this.options.t.msg('reviewDeleted'));
      this.host.emit('kindred-review-deleted', { reviewId: own.id });
      void this.host.reloadQuietly();
      await this.focusAfterUpdate('[part~="write-review"]');
    } catch {
      this.failed = true;
    } finally {
      this.deleting = false;
      this.host.requestUpdate();
    }
  };

  private async focusAfterUpdate(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The own review, or "Write a review" when there is none. */
  renderPanel(): TemplateResult | typeof nothing {
    if (this.mine === undefined) return nothing;
    if (this.mine === null) return this.host.writeButton();
    return ownReviewPanel({
      t: this.options.t,
      review: this.mine,
      thanks: this.thanks,
      confirmingDelete: this.confirmingDelete,
      deleting: this.deleting,
      composing: this.composing,
      notice: this.failed ? html`<p class="notice error-text" part="error" role="alert">${this.options.t.msg('actionFailed')}</p>` : nothing,
      edit: this.write,
      askDelete: this.askDelete,
      cancelDelete: this.cancelDelete,
      confirmDelete: this.confirmDelete,
    });
  }

  renderForm(): TemplateResult | typeof nothing {
    if (!this.composing) return nothing;
    return html`<kindred-review-form
      sku=${this.host.product}
      .choices=${this.host.summary?.attributes ?? []}
      .review=${this.mine ?? null}
      exportparts="review-form, form-heading, rating-input, rating-option, field, input, textarea, hint, checkbox, submit, cancel, error-summary, error, button, ${WRITE_GUARD_EXPORTPARTS}"
      @kindred-review-saved=${this.onSaved}
      @kindred-compose-cancelled=${this.onCancelled}
    ></kindred-review-form>`;
  }
}

interface OwnReviewView {
  t: Localizer;
  review: Review;
  /** The thanks after sending, if just sent. */
  thanks: MessageKey | null;
  confirmingDelete: boolean;
  deleting: boolean;
  /** Editing is under way (the form is open). */
  composing: boolean;
  notice: TemplateResult | typeof nothing;
  edit(): void;
  askDelete(): void;
  cancelDelete(): void;
  confirmDelete(): void;
}

function ownReviewPanel(view: OwnReviewView): TemplateResult {
  const { t, review } = view;
  const status = review.status ?? 'published';
  return html`<div class="own panel">
    <div class="own-head">
      <h3>${t.msg('reviewYours')}</h3>
      <span class="status ${status}" part="review-status">${t.msg(STATUS[status])}</span>
    </div>
    ${view.thanks ? html`<p class="thanks" part="thanks" tabindex="-1">${t.msg(view.thanks)}</p>` : nothing}
    ${stars(review.rating, t.msg('reviewsStarsLabel', { rating: review.rating }), 'review-stars')}
    <p class="own-title">${review.title}</p>
    ${ownStatus(t, review, true)}
    ${view.confirmingDelete
      ? html`<div
          class="confirm"
          part="delete-confirm"
          role="group"
          aria-labelledby="rv-delete-text"
          tabindex="-1"
          @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && view.cancelDelete()}
        >
          <p id="rv-delete-text">${t.msg('reviewDeleteConfirm')}</p>
          <div class="actions">
            <button class="button danger" part="button confirm-delete" ?disabled=${view.deleting} @click=${view.confirmDelete}>
              ${t.msg('reviewDeleteConfirmButton')}
            </button>
            <button class="button quiet" part="button cancel" @click=${view.cancelDelete}>${t.msg('cancel')}</button>
          </div>
        </div>`
      : html`<div class="actions">
          <button class="button" part="button edit-review" ?disabled=${view.composing} @click=${view.edit}>${t.msg('reviewEdit')}</button>
          <button class="button quiet" part="button delete-review" @click=${view.askDelete}>${t.msg('reviewDelete')}</button>
        </div>`}
    ${view.notice}
  </div>`;
}

export const ownReviewStyles = css`
  ${viewStyles}
  ${ownStatusStyles}
  .own {
    width: 100%;
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .own-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    width: 100%;
  }
  .own-title {
    font-weight: 600;
  }
  .status {
    padding: 0.125em 0.625em;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
    border: 1px solid var(--k-accent);
    color: var(--k-accent);
  }
  .status.rejected {
    border-color: var(--k-danger);
    color: var(--k-danger);
  }
  .status.hidden {
    border-color: var(--k-border-strong);
    color: var(--k-text-muted);
  }
  .thanks {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--k-accent);
    background: var(--k-bg);
    font-weight: 600;
  }
  .thanks:focus,
  .confirm:focus {
    outline: none;
  }
  .thanks:focus-visible,
  .confirm:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .confirm {
    display: grid;
    gap: 0.5em;
    width: 100%;
  }
`;

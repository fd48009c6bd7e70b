import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../core/api-client.ts';
import { sanitisedHtml, sanitisedHtmlStyles } from '../core/html.ts';
import { resolveLocale, whenStrings, type MessageKey } from '../core/i18n.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { KindredWidget } from '../core/kindred-widget.ts';
import { errorPanel, loadingCards, loadMoreButton } from '../core/parts.ts';
import type { Popover } from '../core/popover.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { themeTokens } from '../core/theme.ts';
import { reviewsStyles } from './reviews.styles.ts';
import { starStyles } from './shared.styles.ts';
import { requestSignIn } from './sign-in.ts';
import { formatRating, stars } from './stars.ts';
import type { ReviewAuthoring } from './authoring.ts';
import type { PeopleLikeMe } from './people-like-me.ts';
import type { Review, ReviewSort, ReviewSummary } from './types.ts';
import './messages.ts';

type Lazy = {
  breakdown: typeof import('./breakdown.ts');
  toolbar: typeof import('./toolbar.ts');
};

/**
 * Peer reviews for one product of the shop: the average and a rating breakdown (a popover that
 * also filters by star), reviews to sort and filter (rating, health situation, "people like me"),
 * helpful votes, the member's own review to write, edit or delete, questions and answers, and
 * schema.org JSON-LD for search engines in the light DOM.
 *
 * Only the summary and the list are in the first download (under 20 kB gzip with Lit and the
 * client). Chunks loaded when needed: the sort and filters (with the first data; the summary
 * waits for them so nothing moves), the member's own review and votes (signed in), the review
 * form, the breakdown popover, "people like me" and its dialog, questions and answers (when their
 * section nears the viewport), the JSON-LD writer, and the Spanish strings.
 *
 * @attr key - the tenant's publishable key (`pk_...`). Required unless `.client` is set.
 * @attr product - the product's SKU, as the shop registered it.
 * @attr token - the member's token; wins over `Kindred.setToken()`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr api-base - where the API is; default: the origin kindred.js came from.
 * @attr lang - `en` or `es`; default: the nearest `lang` up the page, else English.
 * @event kindred-request-sign-in - cancelable, `{ reason: 'vote' | 'review' | 'ask' | 'answer' }`
 * @event kindred-request-token - cancelable, `{ reason: 'expired' }`
 * @event kindred-review-submitted - `{ reviewId, status }`
 * @event kindred-review-deleted - `{ reviewId }`
 * @event kindred-question-asked - `{ questionId, status }`
 * @event kindred-question-answered - `{ questionId, answerId, status }`
 * @csspart base, heading, summary, average, stars, review-count, breakdown-button, breakdown, breakdown-row, breakdown-bar - frame and summary
 * @csspart your-review, write-review, review-status, thanks, edit-review, delete-review, delete-confirm, confirm-delete - the member's review
 * @csspart review-form, form-heading, rating-input, rating-option, field, input, textarea, checkbox, hint, error-summary, submit, cancel - the review form
 * @csspart toolbar, label, sort-select, rating-select, attribute-select, people-like-me, people-like-me-note, change-attributes - sort and filters
 * @csspart review-list, review, review-stars, review-title, review-meta, author, verified, time, attributes, attribute, review-body, merchant-reply, helpful, helpful-count - reviews
 * @csspart questions, questions-heading, question-list, question, question-body, question-meta, answer, answer-body, answer-meta, verified-reply, ask-form, ask-sign-in, ask-thanks, answer-form, answer-button, answer-thanks, pending-note - questions and answers
 * @csspart empty, clear-filters, not-found, skeleton, load-more, button, hint, error, retry - states and shared
 * @cssproperty --kindred-reviews-min-height - height kept while the widget loads (default 28rem).
 * @cssproperty --kindred-star-color - the filled stars (default #b45309; dark #fbbf24).
 */
export class KindredReviews extends KindredWidget {
  static override styles = [themeTokens, baseStyles, listStyles, sanitisedHtmlStyles, starStyles, reviewsStyles];

  /** The product's SKU. */
  @property() product = '';

  @state() summary: ReviewSummary | null = null;
  @state() private summaryStatus: 'loading' | 'ready' | 'missing' | 'error' = 'loading';
  private summaryError: unknown;
  // Read and set by the toolbar chunk (internal, not part of the element's API).
  @state() sort: ReviewSort = 'helpful';
  @state() rating = 0;
  @state() attribute = '';
  @state() peopleLikeMe = false;
  @state() private breakdownOpen = false;
  @state() private questionsReady = false;
  /** A hint or failure for one spot: a review's vote, the write button, the toggle, the own review. */
  @state() notice: { at: string; key: MessageKey; error: boolean } | null = null;

  private lazy: Partial<Lazy> = {};
  /** The member's own review (its chunk loads for signed-in members), and "people like me" (on first use). */
  private authoring: ReviewAuthoring | undefined;
  people: PeopleLikeMe | undefined;
  private breakdownPopover: Popover | undefined;
  private questionsWatcher: IntersectionObserver | undefined;
  /** The published reviews of the unfiltered first page: what the JSON-LD lists. */
  private firstPage: Review[] = [];
  /** What the JSON-LD was last written from. */
  private written: unknown[] = [];

  readonly pager = new KeysetPager<Review>(this, async (cursor, signal) => {
    const filtered = Boolean(this.rating || this.attribute || this.peopleLikeMe);
    const page = await this.member.api!.query(
      'reviews.list',
      {
        sku: this.product,
        sort: this.sort,
        ...(this.rating ? { rating: this.rating } : {}),
        ...(this.attribute ? { attribute: this.attribute } : {}),
        ...(this.peopleLikeMe ? { peopleLikeMe: true } : {}),
        ...(cursor ? { cursor } : {}),
      },
      { signal },
    );
    if (!cursor && !filtered) this.firstPage = page.items;
    return page;
  });

  get signedIn(): boolean {
    return this.currentToken !== null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.writeStructuredData(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.breakdownPopover?.close(false);
    this.questionsWatcher?.disconnect();
    this.questionsWatcher = undefined;
    this.querySelector(':scope > script[data-kindred-reviews]')?.remove();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { clientChanged, memberChanged, refusedChanged } = this.member.sync();
    if (changed.has('product') || clientChanged) void this.loadAll();
    else if (memberChanged || refusedChanged) void this.memberChanged();
  }

  protected override updated(): void {
    this.writeStructuredData();
    this.watchQuestions();
  }

  // Loading

  private async loadAll(): Promise<void> {
    this.summaryStatus = 'loading';
    this.summary = null;
    this.firstPage = [];
    this.notice = null;
    // No SKU: nothing to ask the API about.
    if (!this.product) return void (this.summaryStatus = 'missing');
    await Promise.all([this.loadSummary(), this.pager.reload(), this.loadMine(), whenStrings(resolveLocale(this))]);
    if (this.summary && this.pager.status === 'ready') this.announceLoaded();
  }

  private async loadSummary(): Promise<void> {
    try {
      [this.summary] = await Promise.all([this.member.api!.query('reviews.summary', { sku: this.product }), this.loadToolbar()]);
      this.summaryStatus = 'ready';
    } catch (err) {
      this.summaryError = err;
      this.summaryStatus = err instanceof ApiError && err.kindredCode === 'NOT_FOUND' ? 'missing' : 'error';
    }
  }

  /** The sort and filters' chunk: loaded with the first data (the summary waits for it, so nothing moves). */
  private async loadToolbar(): Promise<void> {
    if (this.lazy.toolbar) return;
    const module = await this.lazily(() => import('./toolbar.ts'));
    module?.adoptStyles(this, module.toolbarStyles);
    this.lazy.toolbar = module;
  }

  private async loadMine(): Promise<void> {
    this.authoring?.reset();
    if (this.signedIn && this.product) await (await this.loadAuthoring())?.loadMine();
  }

  /** What a signed-in member does (their review, helpful votes): a chunk of its own. */
  private async loadAuthoring(): Promise<ReviewAuthoring | undefined> {
    const module = this.authoring ? undefined : await this.lazily(() => import('./authoring.ts'));
    if (module) {
      module.adoptStyles(this, module.ownReviewStyles);
      this.authoring ??= new module.ReviewAuthoring(this, { api: () => this.member.api!, t: this.i18n, say: (message) => this.liveRegion.say(message) });
    }
    return this.authoring;
  }

  /** Signed in or out: what depends on who is reading (own review, votes, people like me). */
  private async memberChanged(): Promise<void> {
    this.people?.reset();
    this.notice = null;
    if (this.peopleLikeMe && !this.signedIn) {
      this.peopleLikeMe = false;
      void this.reloadList();
    } else void this.pager.refresh();
    await this.loadMine();
  }

  async reloadList(): Promise<void> {
    await this.pager.reload();
    if (this.pager.status === 'ready') this.announceLoaded();
  }

  /** After the member's own review changed: the average and the list may have too. */
  async reloadQuietly(): Promise<void> {
    await Promise.all([this.loadSummary(), this.pager.reload()]);
  }

  private announceLoaded(): void {
    const count = this.pager.items.length;
    this.liveRegion.say(this.i18n.msg('reviewsLoaded', { count, n: this.number(count) }));
  }

  private loadMore = async (): Promise<void> => {
    const added = await this.pager.loadMore();
    const first = added[0];
    if (!first) return;
    this.liveRegion.say(this.i18n.msg('reviewsMoreLoaded', { count: added.length, n: this.number(added.length) }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-review="${CSS.escape(first.id)}"]`)?.focus();
  };

  /** The JSON-LD for search engines: its own small chunk, written once the data is here. */
  private writeStructuredData(force = false): void {
    const from = [this.summaryStatus, this.summary, this.firstPage];
    if (!this.isConnected || this.summaryStatus === 'loading' || (!force && from.every((x, i) => x === this.written[i]))) return;
    this.written = from;
    void this.lazily(() => import('./json-ld.ts')).then((ld) => {
      if (ld && this.isConnected) ld.writeJsonLd(this, this.summaryStatus === 'ready' && this.summary ? ld.productJsonLd(this.summary, this.firstPage) : null);
    });
  }

  /**
   * Imports a lazy chunk and waits for the strings it registers (so the widget never flashes
   * English or blanks); undefined if it could not be loaded.
   */
  private async lazily<T>(load: () => Promise<T>): Promise<T | undefined> {
    try {
      const module = await load();
      await whenStrings(this.i18n.locale);
      return module;
    } catch (err) {
      console.error('[kindred] could not load part of <kindred-reviews>', err);
      return undefined;
    }
  }

  // Sorting and filtering

  togglePeopleLikeMe = async (): Promise<void> => {
    this.notice = null;
    const module = this.people ? undefined : await this.lazily(() => import('./people-like-me.ts'));
    if (module) {
      this.people ??= new module.PeopleLikeMe(this, {
        api: () => this.member.api!,
        t: this.i18n,
        isOn: () => this.peopleLikeMe,
        set: (on) => {
          this.peopleLikeMe = on;
          void this.reloadList();
        },
        attributes: () => this.summary?.attributes ?? [],
      });
    }
    if (this.people) return this.people.toggle();
    this.notice = { at: 'people-like-me', key: 'actionFailed', error: true };
  };

  // The rating breakdown popover

  private toggleBreakdown = async (event: Event): Promise<void> => {
    const trigger = event.currentTarget as HTMLElement;
    if (this.breakdownOpen) return this.breakdownPopover?.close(true);
    this.lazy.breakdown ??= await this.lazily(() => import('./breakdown.ts'));
    if (!this.lazy.breakdown) return;
    this.breakdownOpen = true;
    await this.updateComplete;
    this.breakdownPopover = this.lazy.breakdown.openBreakdown(this, trigger, () => (this.breakdownOpen = false));
  };

  private filterByRating = (rating: number): void => {
    this.breakdownPopover?.close(true);
    if (rating === this.rating) return;
    this.rating = rating;
    void this.reloadList();
  };

  // Helpful votes

  private async vote(review: Review): Promise<void> {
    this.notice = null;
    if (!this.signedIn) {
      if (!requestSignIn(this, 'vote')) this.notice = { at: review.id, key: 'reviewHelpfulSignIn', error: false };
      return;
    }
    await (await this.loadAuthoring())?.vote(review);
  }

  // The member's own review

  private writeReview = async (): Promise<void> => {
    this.notice = null;
    if (!this.signedIn) {
      if (!requestSignIn(this, 'review')) this.notice = { at: 'write', key: 'reviewWriteSignIn', error: false };
      return;
    }
    const authoring = await this.loadAuthoring();
    if (authoring) return authoring.write();
    this.notice = { at: 'write', key: 'actionFailed', error: true };
  };

  writeButton(): TemplateResult {
    return html`<button class="button primary" part="button write-review" ?disabled=${this.authoring?.composing ?? false} @click=${this.writeReview}>
        ${this.i18n.msg('reviewWrite')}
      </button>
      ${this.noticeAt('write')}`;
  }

  // Questions and answers: their code comes when the section nears the viewport.

  private watchQuestions(): void {
    if (this.questionsReady || this.questionsWatcher || this.summaryStatus !== 'ready') return;
    const section = this.renderRoot.querySelector('[part~="questions"]');
    if (!section) return;
    const load = () => {
      this.questionsWatcher?.disconnect();
      void this.lazily(() => import('./questions.component.ts')).then((module) => (this.questionsReady = Boolean(module)));
    };
    this.questionsWatcher = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: '300px 0px' });
    this.questionsWatcher.observe(section);
  }

  // Plumbing

  private number(n: number): string {
    return new Intl.NumberFormat(this.i18n.locale).format(n);
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium' }).format(new Date(iso));
  }

  noticeAt(at: string): TemplateResult | typeof nothing {
    const notice = this.notice?.at === at ? this.notice : null;
    if (!notice) return nothing;
    return notice.error
      ? html`<p class="notice error-text" part="error" role="alert">${this.i18n.msg(notice.key)}</p>`
      : html`<p class="notice muted" part="hint">${this.i18n.msg(notice.key)}</p>`;
  }

  // Rendering

  override render(): TemplateResult {
    // A Spanish page waits (its height kept) for its strings rather than flashing English.
    if (this.waitForStrings()) return html`<section class="reviews" part="base" aria-busy="true"></section>`;
    const t = this.i18n;
    return html`<section class="reviews" part="base" aria-labelledby="rv-heading">
      ${this.renderLiveRegion()}
      <h2 id="rv-heading" part="heading">${t.msg('reviewsHeading')}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const t = this.i18n;
    if (this.summaryStatus === 'loading') return this.renderLoading();
    if (this.summaryStatus === 'missing') {
      return html`<div class="empty panel" part="not-found">
        <p class="empty-title">${t.msg('reviewsProductNotFoundTitle')}</p>
        <p class="muted">${t.msg('reviewsProductNotFoundHint')}</p>
      </div>`;
    }
    if (this.summaryStatus === 'error' || !this.summary) return errorPanel(t, this.summaryError, () => void this.loadAll());
    const summary = this.summary;
    return html`<div class="top">
        ${this.renderSummary(summary)}
        <div class="your-review" part="your-review">${this.signedIn ? (this.authoring?.renderPanel() ?? nothing) : this.writeButton()}</div>
      </div>
      ${this.authoring?.renderForm() ?? nothing}
      ${summary.count > 0 ? (this.lazy.toolbar?.toolbar(this, t, summary) ?? nothing) : nothing}
      ${this.renderList()}
      <section class="questions" part="questions" aria-labelledby="rv-questions-heading">
        <h3 id="rv-questions-heading" part="questions-heading">${t.msg('questionsHeading')}</h3>
        ${this.questionsReady
          ? html`<kindred-review-questions sku=${this.product} ?signed-in=${this.signedIn}></kindred-review-questions>`
          : html`<div aria-busy="true" part="skeleton"><p class="visually-hidden">${t.msg('questionsLoading')}</p></div>`}
      </section>`;
  }

  private renderLoading(): TemplateResult {
    return loadingCards(this.i18n.msg('reviewsLoading'), 3);
  }

  private renderSummary(summary: ReviewSummary): TemplateResult | typeof nothing {
    if (!summary.count) return nothing;
    const t = this.i18n;
    const average = summary.average ?? 0;
    const rating = formatRating(average, t.locale);
    const n = this.number(summary.count);
    return html`<div class="summary" part="summary">
      <p class="average" part="average" aria-hidden="true">${rating}</p>
      <div class="summary-detail">
        ${stars(average, t.msg('reviewsAverageLabel', { count: summary.count, rating, n }))}
        <p class="muted" part="review-count" aria-hidden="true">${t.msg('reviewsCount', { count: summary.count, n })}</p>
        <button
          class="button quiet breakdown-button"
          part="button breakdown-button"
          aria-haspopup="menu"
          aria-expanded=${this.breakdownOpen ? 'true' : 'false'}
          aria-controls="rv-breakdown"
          @click=${this.toggleBreakdown}
        >
          ${t.msg('reviewsBreakdownButton')}<span aria-hidden="true">${this.breakdownOpen ? '▴' : '▾'}</span>
        </button>
        ${this.lazy.breakdown?.breakdownMenu(t, summary, this.rating, this.filterByRating) ?? nothing}
      </div>
    </div>`;
  }

  private renderList(): TemplateResult {
    const t = this.i18n;
    const { pager } = this;
    if (pager.loading) return this.renderLoading();
    if (pager.status === 'error') return errorPanel(t, pager.error, () => void this.reloadList());
    if (!pager.items.length) {
      const filtered = this.rating || this.attribute || this.peopleLikeMe;
      if (!filtered) {
        return html`<div class="empty panel" part="empty">
          <p class="empty-title">${t.msg('reviewsEmptyTitle')}</p>
          <p class="muted">${t.msg('reviewsEmptyHint')}</p>
        </div>`;
      }
      return this.lazy.toolbar?.noMatch(this, t) ?? html``;
    }
    return html`<div aria-busy=${pager.moreStatus === 'loading' ? 'true' : 'false'}>
      <ul class="review-list" part="review-list" role="list">
        ${pager.items.map((review) => this.renderReview(review))}
      </ul>
      ${loadMoreButton(pager, t, 'loadMoreReviews', this.loadMore)}
    </div>`;
  }

  private renderReview(review: Review): TemplateResult {
    const t = this.i18n;
    const titleId = `rv-title-${review.id}`;
    const when = review.publishedAt ?? review.updatedAt;
    return html`<li>
      <article class="review" part="review" aria-labelledby=${titleId} tabindex="-1" data-review=${review.id}>
        <div class="review-head">
          ${stars(review.rating, t.msg('reviewsStarsLabel', { rating: review.rating }), 'review-stars')}
          <h3 id=${titleId} class="review-title" part="review-title">${review.title}</h3>
        </div>
        <p class="review-meta" part="review-meta">
          <span class="author" part="author">${review.authorName}</span>
          ${review.verifiedPurchase
            ? html`<span class="verified" part="verified">${t.msg('reviewVerified')}</span>`
            : nothing}
          <time part="time" datetime=${when} title=${t.dateTime(when)}>${t.msg('reviewPublishedOn', { date: this.date(when) })}</time>
        </p>
        ${review.attributes.length
          ? html`<ul class="chips" part="attributes" role="list" aria-label=${t.msg('reviewAttributesLabel')}>
              ${review.attributes.map((a) => html`<li class="chip" part="attribute">${a.label}</li>`)}
            </ul>`
          : nothing}
        <div class="rich review-body" part="review-body">${sanitisedHtml(review.bodyHtml)}</div>
        ${review.merchantReplyHtml
          ? html`<div class="merchant-reply" part="merchant-reply">
              <p class="reply-label">${t.msg('reviewMerchantReply')}</p>
              <div class="rich">${sanitisedHtml(review.merchantReplyHtml)}</div>
            </div>`
          : nothing}
        <div class="review-foot">
          ${review.isOwn
            ? html`<span class="muted" part="helpful-count">${t.msg('reviewHelpfulCount', { count: review.helpfulCount, n: this.number(review.helpfulCount) })}</span>`
            : html`<button
                class="button helpful"
                part="button helpful"
                aria-pressed=${review.votedHelpful ? 'true' : 'false'}
                ?disabled=${this.authoring?.voting.has(review.id) ?? false}
                @click=${() => this.vote(review)}
              >
                ${t.msg('reviewHelpful', { count: review.helpfulCount, n: this.number(review.helpfulCount) })}
              </button>`}
          ${this.noticeAt(review.id)}
        </div>
      </article>
    </li>`;
  }
}

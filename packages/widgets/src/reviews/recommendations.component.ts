import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resolveLocale, whenStrings } from '../core/i18n.ts';
import { KindredWidget } from '../core/kindred-widget.ts';
import { errorPanel } from '../core/parts.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { themeTokens } from '../core/theme.ts';
import './recommendations-messages.ts';
import { starStyles } from './shared.styles.ts';
import { formatRating, stars } from './stars.ts';
import type { Recommendation } from './types.ts';

/**
 * A compact panel of the products most recommended by people who share a health attribute (or by
 * everyone): stars, average, "from N reviews", the product's name (a link to its page when the
 * shop gave one) and its picture. The API returns products only, so the heading comes from the
 * page (`heading`, e.g. "Recommended by people during chemotherapy"), else a generic one.
 *
 * @attr key - the tenant's publishable key (`pk_...`). Required unless `.client` is set.
 * @attr category - only products of this category.
 * @attr attribute - a health attribute's key: products recommended by people who chose it.
 * @attr min-reviews - products need at least this many reviews (default: the API's, 3).
 * @attr limit - at most this many products (default: the API's, 6).
 * @attr heading - the panel's heading.
 * @attr token, theme, api-base, lang - as for every Kindred widget.
 * @cssproperty --kindred-recommendations-min-height - height kept while loading (default 16rem).
 */
export class KindredRecommendations extends KindredWidget {
  static readonly parts = [
    'base',
    'heading',
    'product-list',
    'product',
    'product-image',
    'product-name',
    'product-link',
    'stars',
    'average',
    'review-count',
    'empty',
    'skeleton',
    'button',
    'error',
    'retry',
  ] as const;
  static override styles = [
    themeTokens,
    baseStyles,
    listStyles,
    starStyles,
    css`
      .recommendations {
        container-type: inline-size;
        min-height: var(--kindred-recommendations-min-height, 16rem);
        padding: clamp(1rem, 3vw, 1.5rem);
        background: var(--k-bg);
        color: var(--k-text);
        border-radius: var(--k-radius);
      }
      h2 {
        font-size: 1.25em;
        margin-bottom: var(--k-space);
      }
      .products {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
        gap: 0.75em;
      }
      .product {
        display: flex;
        align-items: center;
        gap: 0.875em;
        padding: 0.75em;
      }
      .product img,
      .placeholder {
        flex: none;
        width: 4rem;
        height: 4rem;
        object-fit: cover;
        border-radius: calc(var(--k-radius) * 0.75);
        background: var(--k-surface);
      }
      .product-detail {
        display: grid;
        gap: 0.125em;
        min-width: 0;
      }
      .name {
        font-weight: 620;
        overflow-wrap: anywhere;
      }
      .name a {
        color: var(--k-text);
        text-decoration: none;
        border-radius: 0.25em;
      }
      .name a::after {
        content: '';
        position: absolute;
        inset: 0;
        border-radius: var(--k-radius);
      }
      .product:hover .name a {
        color: var(--k-accent);
        text-decoration: underline;
        text-underline-offset: 0.2em;
      }
      .rating {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25em 0.5em;
        font-size: 0.9375em;
      }
      .average {
        font-weight: 650;
      }
      .skeleton {
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
        gap: 0.75em;
      }
      .skeleton-card {
        min-height: 5.5rem;
        padding: 0.75em;
      }
      .empty {
        padding: calc(var(--k-space) * 1.5) var(--k-space);
      }
    `,
  ];

  @property() category = '';
  @property() attribute = '';
  @property({ attribute: 'min-reviews', type: Number }) minReviews?: number;
  @property({ type: Number }) limit?: number;
  @property() heading = '';

  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  @state() private items: Recommendation[] = [];
  @state() private error: unknown;
  private abort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { clientChanged } = this.member.sync();
    if (clientChanged || changed.has('category') || changed.has('attribute') || changed.has('minReviews') || changed.has('limit')) void this.load();
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    try {
      const input = {
        ...(this.category ? { category: this.category } : {}),
        ...(this.attribute ? { attribute: this.attribute } : {}),
        ...(this.minReviews ? { minReviews: this.minReviews } : {}),
        ...(this.limit ? { limit: this.limit } : {}),
      };
      const [items] = await Promise.all([this.member.api!.query('reviews.recommendations', input, { signal: abort.signal }), whenStrings(resolveLocale(this))]);
      if (abort.signal.aborted) return;
      this.items = items;
      this.status = 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      this.error = err;
      this.status = 'error';
    }
  }

  override render(): TemplateResult {
    if (this.waitForStrings()) return html`<section class="recommendations" part="base" aria-busy="true"></section>`;
    const t = this.i18n;
    return html`<section class="recommendations" part="base" aria-labelledby="rec-heading" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      <h2 id="rec-heading" part="heading">${this.heading || t.msg('recHeading')}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const t = this.i18n;
    if (this.status === 'loading') {
      return html`<p class="visually-hidden">${t.msg('recLoading')}</p>
        <div class="skeleton" part="skeleton" aria-hidden="true">
          ${[0, 1, 2].map(() => html`<div class="skeleton-card"><span class="skeleton-line title"></span><span class="skeleton-line short"></span></div>`)}
        </div>`;
    }
    if (this.status === 'error') return errorPanel(t, this.error, () => void this.load());
    if (!this.items.length) {
      return html`<div class="empty panel" part="empty">
        <p class="empty-title">${t.msg('recEmptyTitle')}</p>
        <p class="muted">${t.msg('recEmptyHint')}</p>
      </div>`;
    }
    return html`<ul class="products" part="product-list" role="list">
      ${this.items.map((item) => this.renderProduct(item))}
    </ul>`;
  }

  private renderProduct(item: Recommendation): TemplateResult {
    const t = this.i18n;
    const { product } = item;
    const rating = formatRating(item.average, t.locale);
    const n = new Intl.NumberFormat(t.locale).format(item.reviewCount);
    return html`<li class="card product" part="product">
      ${product.imageUrl
        ? html`<img part="product-image" src=${product.imageUrl} alt="" width="64" height="64" loading="lazy" decoding="async" />`
        : html`<span class="placeholder" aria-hidden="true"></span>`}
      <div class="product-detail">
        <h3 class="name" part="product-name">
          ${product.url ? html`<a part="product-link" href=${product.url}>${product.name}</a>` : product.name}
        </h3>
        <p class="rating">
          ${stars(item.average, t.msg('recAverage', { rating }))}
          <span class="average" part="average" aria-hidden="true">${rating}</span>
          <span class="muted" part="review-count">${t.msg('recFromReviews', { count: item.reviewCount, n })}</span>
        </p>
      </div>
    </li>`;
  }
}


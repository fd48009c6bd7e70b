/**
 * schema.org structured data for search engines: a Product with its AggregateRating and the
 * published reviews of the first page. Written as `<script type="application/ld+json">` into the
 * light DOM (a child of the widget's element), where crawlers read it. It is data, never run, so
 * strict-CSP pages need nothing extra.
 *
 * Privacy: no health attributes, and no author for pseudonymous reviews (a pseudonym is not a
 * person's name to publish to search engines).
 */
import type { Review, ReviewSummary } from './types.ts';

const MARK = 'data-kindred-reviews';

/** A review's server-sanitised HTML as plain text: paragraphs separated by a blank line. */
export function plainText(bodyHtml: string): string {
  const body = new DOMParser().parseFromString(bodyHtml, 'text/html').body;
  const blocks = [...body.children].map((child) => child.textContent?.trim() ?? '').filter(Boolean);
  return (blocks.length ? blocks.join('\n\n') : (body.textContent ?? '')).trim();
}

const RATING_RANGE = { bestRating: 5, worstRating: 1 };

/** The structured data for a product, its summary and its first page of reviews. */
export function productJsonLd(summary: ReviewSummary, reviews: readonly Review[]): Record<string, unknown> {
  const { product } = summary;
  const data: Record<string, unknown> = { '@context': 'https://schema.org', '@type': 'Product', name: product.name, sku: product.sku };
  if (product.url) data.url = product.url;
  if (product.imageUrl) data.image = product.imageUrl;
  if (summary.count > 0 && summary.average !== null) {
    data.aggregateRating = { '@type': 'AggregateRating', ratingValue: summary.average, reviewCount: summary.count, ...RATING_RANGE };
  }
  const published = reviews.filter((r) => r.publishedAt && (r.status === null || r.status === 'published'));
  if (published.length) {
    data.review = published.map((r) => ({
      '@type': 'Review',
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, ...RATING_RANGE },
      name: r.title,
      reviewBody: plainText(r.bodyHtml),
      datePublished: r.publishedAt!.slice(0, 10),
      ...(r.signing === 'name' && r.authorName ? { author: { '@type': 'Person', name: r.authorName } } : {}),
    }));
  }
  return data;
}

/** JSON that cannot close its `<script>` element: every "<" becomes \u003c (still the same JSON). */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Writes (or updates) the element's structured data; `null` removes it. */
export function writeJsonLd(host: HTMLElement, data: Record<string, unknown> | null): void {
  let script = host.querySelector<HTMLScriptElement>(`:scope > script[${MARK}]`);
  if (!data) return void script?.remove();
  const text = serialiseJsonLd(data);
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.setAttribute(MARK, '');
    host.append(script);
  }
  if (script.textContent !== text) script.textContent = text;
}

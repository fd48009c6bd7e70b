/**
 * Star ratings as text-free pictures: one `role="img"` with the rating in words ("4.3 out of 5
 * stars"), five SVG stars inside, each full, half or empty (rounded to the nearest half, as shops
 * show them). No inline styles: the fill is a class.
 */
import { html, svg, type TemplateResult } from 'lit';

const STAR = svg`<path d="M12 2.5l2.94 6.1 6.56.78-4.86 4.52 1.27 6.6L12 17.3l-5.91 3.2 1.27-6.6L2.5 9.38l6.56-.78z" />`;

const star = (fill: 'full' | 'half' | 'empty') =>
  html`<span class="star star-${fill}"
    ><svg class="star-bg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${STAR}</svg
    ><span class="star-fg"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${STAR}</svg></span
  ></span>`;

/** What each of the five stars shows for a rating (0 to 5). */
export function starFills(rating: number): ('full' | 'half' | 'empty')[] {
  const halves = Math.round(Math.max(0, Math.min(5, rating)) * 2);
  return [1, 2, 3, 4, 5].map((n) => (halves >= n * 2 ? 'full' : halves === n * 2 - 1 ? 'half' : 'empty'));
}

/** Five stars labelled `label` for assistive technology. `part` names the wrapper's part. */
export function stars(rating: number, label: string, part = 'stars'): TemplateResult {
  return html`<span class="stars" part=${part} role="img" aria-label=${label}>${starFills(rating).map(star)}</span>`;
}

/** "4.3" in the reader's language ("4,3" in Spanish). */
export function formatRating(rating: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating);
}

/**
 * Small templates every widget's lists share: a loading skeleton, a failed-load panel with
 * "Try again", and keyset "Load more". Styles: baseStyles (.skeleton-line, .panel) and listStyles
 * (.skeleton, .skeleton-card, .more), in core/styles.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { loadErrorMessage } from './errors.ts';
import type { Localizer, MessageKey } from './i18n.ts';
import type { KeysetPager } from './keyset-pager.ts';

export const skeletonCards = (count: number): TemplateResult =>
  html`<div class="skeleton" part="skeleton" aria-hidden="true">
    ${Array.from(
      { length: count },
      () => html`<div class="skeleton-card">
        <span class="skeleton-line title"></span><span class="skeleton-line"></span><span class="skeleton-line short"></span>
      </div>`,
    )}
  </div>`;

/** A list's first load: busy for assistive technology, what is loading (said, not shown), skeleton cards. */
export const loadingCards = (label: string, count: number): TemplateResult =>
  html`<div aria-busy="true">
    <p class="visually-hidden">${label}</p>
    ${skeletonCards(count)}
  </div>`;

/** A failed first load: what went wrong, and a Retry button. */
export const errorPanel = (t: Localizer, error: unknown, retry: () => void): TemplateResult =>
  html`<div class="panel error" part="error" role="alert">
    <p>${t.msg(loadErrorMessage(error))}</p>
    <button class="button primary" part="button retry" @click=${retry}>${t.msg('retry')}</button>
  </div>`;

/** A widget's "Load more …" strings: keys named loadMore*. */
export type LoadMoreLabel = Extract<MessageKey, `loadMore${string}`>;

/** "Load more" under a keyset list; after a failed page it offers to try again. */
export function loadMoreButton(
  pager: KeysetPager<{ id: string }>,
  t: Localizer,
  label: LoadMoreLabel,
  loadMore: () => void,
): TemplateResult | typeof nothing {
  if (pager.nextCursor === null) return nothing;
  const failed = pager.moreStatus === 'error';
  const busy = pager.moreStatus === 'loading';
  return html`<div class="more">
    ${failed ? html`<p class="error-text" part="error" role="alert">${t.msg(loadErrorMessage(pager.error))}</p>` : nothing}
    <button class="button" part="button load-more" ?disabled=${busy} @click=${loadMore}>
      ${t.msg(busy ? 'loadingMore' : failed ? 'retry' : label)}
    </button>
  </div>`;
}


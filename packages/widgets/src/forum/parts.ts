/** Small templates the forum's elements share. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { loadErrorMessage } from '../core/errors.ts';
import type { Localizer } from '../core/i18n.ts';
import type { KeysetPager } from '../core/keyset-pager.ts';
import { initials } from '../core/text.ts';

export const skeletonCards = (count: number): TemplateResult =>
  html`<div class="skeleton" part="skeleton" aria-hidden="true">
    ${Array.from(
      { length: count },
      () => html`<div class="skeleton-card">
        <span class="skeleton-line title"></span><span class="skeleton-line"></span><span class="skeleton-line short"></span>
      </div>`,
    )}
  </div>`;

export const replyIcon = html`<svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
  ${svg`<path d="M4 4h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />`}
</svg>`;

export const avatar = (name: string): TemplateResult =>
  html`<span class="avatar" part="avatar" aria-hidden="true">${initials(name)}</span>`;

/** A failed first load: what went wrong, and a Retry button. */
export const errorPanel = (t: Localizer, error: unknown, retry: () => void): TemplateResult =>
  html`<div class="panel error" part="error" role="alert">
    <p>${t.msg(loadErrorMessage(error))}</p>
    <button class="button primary" part="button retry" @click=${retry}>${t.msg('retry')}</button>
  </div>`;

/** "Load more" under a keyset list; after a failed page it offers to try again. */
export function loadMoreButton(
  pager: KeysetPager<{ id: string }>,
  t: Localizer,
  label: 'loadMoreThreads' | 'loadMoreReplies',
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

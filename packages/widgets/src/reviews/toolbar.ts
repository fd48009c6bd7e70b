/**
 * The reviews' sort and filters: sort, rating, health situation and (signed in) "People like me".
 * A small chunk loaded with the first data, so the first download stays within budget; the
 * summary waits for it, so nothing moves when it arrives.
 */
import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { registerMessages, type Localizer, type MessageKey } from '../core/i18n.ts';
import { reviewsToolbarEn } from './locales/toolbar.en.ts';
import type { ReviewSort, ReviewSummary } from './types.ts';

export { adoptStyles } from './adopt.ts';

registerMessages({ en: reviewsToolbarEn, es: () => import('./locales/toolbar.es.ts').then((m) => m.reviewsToolbarEs) });

type ToolbarMessages = typeof reviewsToolbarEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends ToolbarMessages {}
}

const SORTS: readonly [ReviewSort, MessageKey][] = [
  ['helpful', 'reviewsSortHelpful'],
  ['newest', 'reviewsSortNewest'],
  ['highest', 'reviewsSortHighest'],
  ['lowest', 'reviewsSortLowest'],
];

/** What the toolbar reads and sets on <kindred-reviews> (internal members). */
export interface ToolbarHost extends ReactiveElement {
  sort: ReviewSort;
  rating: number;
  attribute: string;
  peopleLikeMe: boolean;
  readonly signedIn: boolean;
  people: { render(): TemplateResult } | undefined;
  reloadList(): Promise<void>;
  togglePeopleLikeMe(): void;
  noticeAt(at: string): TemplateResult | typeof nothing;
}

const value = (event: Event) => (event.target as HTMLSelectElement).value;

export function toolbar(host: ToolbarHost, t: Localizer, summary: ReviewSummary): TemplateResult {
  /** A new sort or filter: the list loads again. */
  const update = (change: () => void) => {
    change();
    void host.reloadList();
  };
  return html`<div class="toolbar" part="toolbar">
      <div class="control">
        <label for="rv-sort" part="label">${t.msg('reviewsSortLabel')}</label>
        <select id="rv-sort" part="sort-select" @change=${(e: Event) => update(() => (host.sort = value(e) as ReviewSort))}>
          ${SORTS.map(([sort, key]) => html`<option value=${sort} ?selected=${sort === host.sort}>${t.msg(key)}</option>`)}
        </select>
      </div>
      <div class="control">
        <label for="rv-rating" part="label">${t.msg('reviewsRatingLabel')}</label>
        <select id="rv-rating" part="rating-select" .value=${String(host.rating || '')} @change=${(e: Event) => update(() => (host.rating = Number(value(e)) || 0))}>
          <option value="" ?selected=${!host.rating}>${t.msg('reviewsRatingAny')}</option>
          ${[5, 4, 3, 2, 1].map((n) => html`<option value=${n} ?selected=${n === host.rating}>${t.msg('reviewsRatingOption', { count: n })}</option>`)}
        </select>
      </div>
      ${summary.attributes.length
        ? html`<div class="control">
            <label for="rv-attribute" part="label">${t.msg('reviewsAttributeLabel')}</label>
            <select id="rv-attribute" part="attribute-select" @change=${(e: Event) => update(() => (host.attribute = value(e)))}>
              <option value="" ?selected=${!host.attribute}>${t.msg('reviewsAttributeAny')}</option>
              ${summary.attributes.map((a) => html`<option value=${a.key} ?selected=${a.key === host.attribute}>${a.label}</option>`)}
            </select>
          </div>`
        : nothing}
      ${host.signedIn && summary.attributes.length
        ? html`<button class="button toggle" part="button people-like-me" aria-pressed=${host.peopleLikeMe ? 'true' : 'false'} @click=${host.togglePeopleLikeMe}>
            <span class="toggle-mark" aria-hidden="true"></span>${t.msg('reviewsPeopleLikeMe')}
          </button>`
        : nothing}
    </div>
    ${host.noticeAt('people-like-me')} ${host.people?.render() ?? nothing}`;
}

/** Filters that match nothing: say so, and offer every review again (focus goes to Sort). */
export function noMatch(host: ToolbarHost, t: Localizer): TemplateResult {
  const onlyPeopleLikeMe = host.peopleLikeMe && !host.rating && !host.attribute;
  const clear = async () => {
    host.rating = 0;
    host.attribute = '';
    host.peopleLikeMe = false;
    await host.reloadList();
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#rv-sort')?.focus();
  };
  return html`<div class="empty panel" part="empty">
    <p class="empty-title">${t.msg(onlyPeopleLikeMe ? 'reviewsNoPeopleLikeMe' : 'reviewsNoMatchTitle')}</p>
    <p class="muted">${t.msg('reviewsNoMatchHint')}</p>
    <button class="button" part="button clear-filters" @click=${clear}>${t.msg('reviewsClearFilters')}</button>
  </div>`;
}

export const toolbarStyles = css`
  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75em var(--k-space);
    margin-bottom: var(--k-space);
    padding: var(--k-space) calc(var(--k-space) * 1.25);
    background: var(--k-surface);
    border-radius: var(--k-radius);
  }
  .control {
    flex: 1 1 11rem;
    min-width: 0;
  }
  .toggle {
    flex: none;
  }
  .toggle-mark {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-radius: 0.25em;
  }
  .toggle[aria-pressed='true'] {
    background: var(--k-accent);
    border-color: var(--k-accent);
    color: var(--k-accent-text);
  }
  .toggle[aria-pressed='true']:hover:not(:disabled) {
    background: color-mix(in srgb, var(--k-accent) 88%, var(--k-text));
  }
  .toggle[aria-pressed='true'] .toggle-mark {
    background: currentColor;
    box-shadow: inset 0 0 0 2px var(--k-accent);
  }
  .people-note {
    margin-bottom: var(--k-space);
  }
  .link {
    padding: 0.25em;
    border: 0;
    background: none;
    color: var(--k-accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    min-height: 2.75em;
  }
`;

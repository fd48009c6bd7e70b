/**
 * The rating breakdown: a menu of the five stars, each with its share of the reviews as a bar,
 * that filters the list by that rating. Its own chunk (with core's popover machinery and Floating
 * UI), loaded the first time a member opens it.
 */
import { css, html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Localizer } from '../core/i18n.ts';
import type { ReviewSummary } from './types.ts';

import './extra-messages.ts';

import type { ReactiveElement } from 'lit';
import { openPopover, type Popover } from '../core/popover.ts';
import { popoverStyles } from '../core/popover.styles.ts';
import { adoptStyles } from './adopt.ts';

/** Opens the (rendered) breakdown next to its button: Floating UI, focus in, Escape and focus return. */
export function openBreakdown(host: ReactiveElement, trigger: HTMLElement, onClose: () => void): Popover {
  adoptStyles(host, popoverStyles, breakdownStyles);
  const panel = host.renderRoot.querySelector<HTMLElement>('#rv-breakdown')!;
  return openPopover(trigger, panel, { placement: 'bottom-start', onClose });
}

const STARS = [5, 4, 3, 2, 1] as const;

/** The menu's panel, `hidden` until `openPopover` shows it. Bars are sized through CSSOM (strict-CSP safe). */
export function breakdownMenu(t: Localizer, summary: ReviewSummary, selected: number, pick: (rating: number) => void): TemplateResult {
  const n = (count: number) => new Intl.NumberFormat(t.locale).format(count);
  const total = summary.count || 1;
  return html`<div id="rv-breakdown" class="popover breakdown" part="breakdown" role="menu" aria-label=${t.msg('reviewsBreakdownLabel')} hidden>
    ${STARS.map((stars) => {
      const count = summary.breakdown[String(stars) as keyof ReviewSummary['breakdown']];
      const label =
        stars === 1
          ? t.msg('reviewsBreakdownRowOne', { count, n: n(count) })
          : t.msg('reviewsBreakdownRow', { count, stars, n: n(count) });
      return html`<button
        class="menu-item breakdown-row"
        part="breakdown-row"
        role="menuitemradio"
        aria-checked=${selected === stars ? 'true' : 'false'}
        aria-label=${label}
        data-rating=${stars}
        @click=${() => pick(stars)}
      >
        <span class="row-stars" aria-hidden="true">${stars} ★</span>
        <span class="bar" part="breakdown-bar" aria-hidden="true"><span class="bar-fill" style=${styleMap({ width: `${Math.round((count / total) * 100)}%` })}></span></span>
        <span class="row-count" aria-hidden="true">${n(count)}</span>
      </button>`;
    })}
    <button class="menu-item breakdown-all" part="breakdown-row" role="menuitemradio" aria-checked=${selected ? 'false' : 'true'} data-rating="0" @click=${() => pick(0)}>
      ${t.msg('reviewsBreakdownAll')}
    </button>
  </div>`;
}

export const breakdownStyles = css`
  .breakdown {
    min-width: 18em;
  }
  .breakdown-row {
    display: grid;
    grid-template-columns: 2.75em minmax(6em, 1fr) 2.5em;
    align-items: center;
    gap: 0.75em;
  }
  .row-stars {
    font-weight: 600;
    white-space: nowrap;
  }
  .row-count {
    text-align: end;
    color: var(--k-text-muted);
  }
  .bar {
    display: block;
    height: 0.625em;
    border-radius: 999px;
    background: color-mix(in srgb, var(--k-text) 12%, var(--k-bg));
    overflow: hidden;
  }
  .bar-fill {
    display: block;
    height: 100%;
    border-radius: inherit;
    background: var(--k-star);
  }
`;

/**
 * Looks of popover panels and menu items (positioned by core/popover.ts). A module of its own so
 * only the chunks that open popovers carry it: add it to an element's styles after baseStyles.
 */
import { css } from 'lit';

export const popoverStyles = css`
  .popover {
    z-index: 10;
    min-width: 12em;
    max-width: min(22em, calc(100vw - 16px));
    padding: 0.375em;
    background: var(--k-bg);
    color: var(--k-text);
    border: 1px solid var(--k-border-strong);
    border-radius: calc(var(--k-radius) * 0.75);
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  }
  .menu-item {
    display: flex;
    align-items: center;
    gap: 0.5em;
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 0;
    border-radius: calc(var(--k-radius) * 0.5);
    background: none;
    text-align: start;
  }
  .menu-item:hover,
  .menu-item:focus-visible {
    background: color-mix(in srgb, var(--k-accent) 10%, var(--k-bg));
  }
  .menu-item[aria-checked='true']::after {
    content: '✓';
    margin-inline-start: auto;
    color: var(--k-accent);
    font-weight: 700;
  }
`;

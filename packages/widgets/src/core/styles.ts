/**
 * Styles every Kindred element shares: type, buttons, fields, focus ring, skeletons, helpers.
 * They are in every widget's first render: rules only the lazy views use are in view.styles.ts.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--k-font);
    font-size: var(--k-font-size);
    line-height: 1.55;
    color: var(--k-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  h3 {
    font-size: 1.125em;
    line-height: 1.35;
    font-weight: 620;
  }
  .muted {
    color: var(--k-text-muted);
    font-size: 0.9375em;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 2px;
  }
  /* A heading that scripts focus (a view's title on open): no ring for a click, one for keys. */
  h2[tabindex='-1']:focus {
    outline: none;
  }
  h2[tabindex='-1']:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 4px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.5em 1.25em;
    border: 1px solid var(--k-border-strong);
    border-radius: calc(var(--k-radius) * 0.75);
    background: var(--k-bg);
    color: var(--k-text);
    font-weight: 600;
    line-height: 1.3;
    text-align: center;
    transition: background-color 120ms ease, border-color 120ms ease;
  }
  .button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--k-accent) 8%, var(--k-bg));
    border-color: var(--k-accent);
  }
  .button.primary {
    background: var(--k-accent);
    border-color: var(--k-accent);
    color: var(--k-accent-text);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--k-accent) 88%, var(--k-text));
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.75;
  }
  .button.quiet {
    border-color: transparent;
    background: transparent;
    padding-inline: 0.75em;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    display: block;
    width: 100%;
    min-height: 2.75em;
    padding: 0.625em 0.75em;
    font: inherit;
    color: var(--k-text);
    background: var(--k-bg);
    border: 1px solid var(--k-border-strong);
    border-radius: calc(var(--k-radius) * 0.75);
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0.2em 0 0;
    accent-color: var(--k-accent);
    flex: none;
  }
  [aria-invalid='true'] {
    border-color: var(--k-danger);
    border-width: 2px;
  }
  .field-error,
  .error-text {
    color: var(--k-danger);
    font-weight: 600;
  }
  .panel {
    padding: calc(var(--k-space) * 1.25);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-surface);
  }
  .skeleton-line {
    display: block;
    height: 0.9em;
    margin: 0.5em 0;
    border-radius: 0.25em;
    background: color-mix(in srgb, var(--k-text) 10%, transparent);
    animation: pulse 1.6s ease-in-out infinite;
  }
  .skeleton-line.title {
    height: 1.2em;
    width: 60%;
  }
  .skeleton-line.short {
    width: 35%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/**
 * Lists of cards (threads, groups) and the states around them: a card whose link covers it all,
 * the empty state, "Load more" and the loading skeleton (core/parts.ts). Widgets add layout
 * (columns, padding, gaps).
 */
export const listStyles = css`
  .card {
    position: relative;
    background: var(--k-bg);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    transition: border-color 120ms ease, background-color 120ms ease;
  }
  .card:hover {
    border-color: var(--k-accent);
    background: color-mix(in srgb, var(--k-accent) 4%, var(--k-bg));
  }
  .card-link {
    padding: 0;
    border: 0;
    background: none;
    font-weight: inherit;
    text-align: start;
    color: var(--k-text);
    border-radius: 0.25em;
  }
  /* The whole card opens it: a large target for fingers. The card's own buttons sit above it. */
  .card-link::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--k-radius);
  }
  .card:hover .card-link {
    color: var(--k-accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .empty {
    padding: calc(var(--k-space) * 2.5) var(--k-space);
    text-align: center;
  }
  .empty-title {
    font-size: 1.125em;
    font-weight: 620;
    margin-bottom: 0.25em;
  }
  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5em;
    margin-top: calc(var(--k-space) * 1.25);
  }
  .skeleton {
    display: grid;
  }
  .skeleton-card {
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
  }
`;

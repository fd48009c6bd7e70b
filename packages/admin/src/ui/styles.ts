/**
 * Styles every console element shares. Each element's styles start with `consoleStyles`: the
 * tokens (so an element renders the same alone in a test or a story as inside the console), type,
 * buttons, fields, tables, focus ring. Everything goes through adoptedStyleSheets: the console
 * runs under a CSP with no inline styles.
 */
import { css, unsafeCSS } from 'lit';
import { DEFAULT_FONT, DEFAULT_LIGHT } from './tokens.ts';

const palette = Object.entries(DEFAULT_LIGHT)
  .map(([name, value]) => `--k-${name}:${value};`)
  .join('');

export const consoleStyles = css`
  :host {
    ${unsafeCSS(palette)}
    --k-font: ${unsafeCSS(DEFAULT_FONT)};
    --k-radius: 0.625rem;
    --k-space: 1rem;
    /* Console-only tones, derived from the palette. */
    --k-accent-soft: color-mix(in srgb, var(--k-accent) 9%, var(--k-bg));
    --k-danger-soft: #fdf0ee;
    --k-warning: #8a4b00;
    --k-warning-soft: #fff6e5;
    --k-success: #1f6f3f;
    --k-success-soft: #eaf6ee;
    color-scheme: light;
    display: block;
    box-sizing: border-box;
    font-family: var(--k-font);
    font-size: 1rem;
    line-height: 1.5;
    color: var(--k-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3,
  h4,
  p,
  ul,
  ol,
  dl,
  dd,
  figure {
    margin: 0;
  }
  h1 {
    font-size: 1.5rem;
    line-height: 1.25;
    font-weight: 680;
    letter-spacing: -0.01em;
  }
  h2 {
    font-size: 1.1875rem;
    line-height: 1.3;
    font-weight: 650;
  }
  h3 {
    font-size: 1rem;
    line-height: 1.35;
    font-weight: 650;
  }
  h1[tabindex='-1']:focus {
    outline: none;
  }
  h1[tabindex='-1']:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 4px;
  }
  a {
    color: var(--k-accent);
    text-underline-offset: 0.2em;
  }
  .muted {
    color: var(--k-text-muted);
  }
  .small {
    font-size: 0.875rem;
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
    min-height: 2.5rem;
    min-width: 2.5rem;
    padding: 0.375rem 1rem;
    border: 1px solid var(--k-border-strong);
    border-radius: calc(var(--k-radius) * 0.8);
    background: var(--k-bg);
    color: var(--k-text);
    font-weight: 600;
    font-size: 0.9375rem;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    white-space: nowrap;
    transition: background-color 120ms ease, border-color 120ms ease;
  }
  .button:hover:not(:disabled) {
    background: var(--k-accent-soft);
    border-color: var(--k-accent);
  }
  .button.primary {
    background: var(--k-accent);
    border-color: var(--k-accent);
    color: var(--k-accent-text);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--k-accent) 85%, #000);
  }
  .button.danger {
    background: var(--k-danger);
    border-color: var(--k-danger);
    color: #fff;
  }
  .button.danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--k-danger) 85%, #000);
  }
  .button.quiet {
    border-color: transparent;
    background: transparent;
  }
  .button.quiet:hover:not(:disabled) {
    border-color: var(--k-border);
  }
  .button.small {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font-size: 0.875rem;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  kbd {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.35em;
    border: 1px solid var(--k-border-strong);
    border-bottom-width: 2px;
    border-radius: 0.3em;
    background: var(--k-bg);
    font: 600 0.8125rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    text-align: center;
    color: var(--k-text);
  }
  code,
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    font-size: 0.9375rem;
    margin-bottom: 0.25rem;
  }
  .hint {
    display: block;
    color: var(--k-text-muted);
    font-size: 0.875rem;
    font-weight: 400;
    margin-bottom: 0.375rem;
  }
  input:not([type='checkbox'], [type='radio'], [type='color']),
  select,
  textarea {
    display: block;
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4375rem 0.625rem;
    font: inherit;
    color: var(--k-text);
    background: var(--k-bg);
    border: 1px solid var(--k-border-strong);
    border-radius: calc(var(--k-radius) * 0.7);
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--k-accent);
    flex: none;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--k-danger) !important;
    border-width: 2px !important;
  }
  .field {
    margin-bottom: 1rem;
  }
  .field-error,
  .error-text {
    display: block;
    color: var(--k-danger);
    font-weight: 600;
    font-size: 0.9375rem;
    margin-top: 0.25rem;
  }
  .check {
    display: flex;
    gap: 0.625rem;
    align-items: flex-start;
    font-weight: 500;
    margin: 0;
    padding: 0.375rem 0;
  }
  .panel {
    padding: 1.25rem;
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-bg);
  }
  .panel + .panel {
    margin-top: 1rem;
  }
  .panel > h2 {
    margin-bottom: 0.75rem;
  }
  .panel-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 0.75rem;
  }
  .page-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: flex-end;
    justify-content: space-between;
    margin-bottom: 1.25rem;
  }
  .page-head p {
    color: var(--k-text-muted);
    margin-top: 0.25rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .stack > * + * {
    margin-top: 0.75rem;
  }
  .alert {
    padding: 0.75rem 1rem;
    border-radius: calc(var(--k-radius) * 0.8);
    border: 1px solid var(--k-border);
    border-left-width: 4px;
    background: var(--k-surface);
  }
  .alert.error {
    border-color: var(--k-danger);
    background: var(--k-danger-soft);
  }
  .alert.warning {
    border-color: var(--k-warning);
    background: var(--k-warning-soft);
  }
  .alert.success {
    border-color: var(--k-success);
    background: var(--k-success-soft);
  }
  .alert.info {
    border-color: var(--k-accent);
    background: var(--k-accent-soft);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--k-border);
    background: var(--k-surface);
    font-size: 0.8125rem;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
    color: var(--k-text);
  }
  .badge.crisis,
  .badge.danger {
    border-color: var(--k-danger);
    background: var(--k-danger-soft);
    color: var(--k-danger);
  }
  .badge.warning {
    border-color: #e3b66b;
    background: var(--k-warning-soft);
    color: var(--k-warning);
  }
  .badge.success {
    border-color: #9fcfb0;
    background: var(--k-success-soft);
    color: var(--k-success);
  }
  .badge.accent {
    border-color: color-mix(in srgb, var(--k-accent) 40%, var(--k-bg));
    background: var(--k-accent-soft);
    color: var(--k-accent);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  th,
  td {
    padding: 0.5rem 0.75rem;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--k-border);
  }
  th {
    font-weight: 650;
    color: var(--k-text-muted);
    font-size: 0.8125rem;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    background: var(--k-surface);
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-bg);
  }
  .table-wrap table tr:last-child td {
    border-bottom: 0;
  }
  .empty {
    padding: 2.5rem 1rem;
    text-align: center;
    color: var(--k-text-muted);
  }
  .empty strong {
    display: block;
    color: var(--k-text);
    font-size: 1.0625rem;
    margin-bottom: 0.25rem;
  }
  .skeleton-line {
    display: block;
    height: 0.9em;
    margin: 0.5em 0;
    border-radius: 0.25em;
    background: color-mix(in srgb, var(--k-text) 10%, transparent);
    animation: pulse 1.6s ease-in-out infinite;
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

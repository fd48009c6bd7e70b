/**
 * Theme tokens. A host themes every widget with `--kindred-*` custom properties (on the element
 * or on :root). Each widget's top element turns them into private `--k-*` variables with light or
 * dark defaults, which its nested elements inherit. All default pairs meet WCAG AA contrast.
 * The defaults are the API's too (packages/api/src/modules/console/theme.ts): keep them in step.
 */
import { css, unsafeCSS } from 'lit';

type Palette = Record<
  'bg' | 'surface' | 'text' | 'text-muted' | 'accent' | 'accent-text' | 'border' | 'border-strong' | 'danger' | 'focus',
  string
>;

export const light: Palette = {
  bg: '#ffffff',
  surface: '#f4f6f8',
  text: '#1b2430',
  'text-muted': '#4b5563',
  accent: '#0f5f66',
  'accent-text': '#ffffff',
  border: '#dde2e8',
  'border-strong': '#6b7480',
  danger: '#b42318',
  focus: '#1d4ed8',
};

export const dark: Palette = {
  bg: '#13171c',
  surface: '#1c2229',
  text: '#e9edf1',
  'text-muted': '#aab4c0',
  accent: '#7fd1cb',
  'accent-text': '#08201f',
  border: '#2e3742',
  'border-strong': '#8893a0',
  danger: '#ffb4ab',
  focus: '#9ec5ff',
};

const colours = (palette: Palette, scheme: string) =>
  Object.entries(palette)
    .map(([name, value]) => `--k-${name}:var(--kindred-color-${name},${value});`)
    .join('') + `color-scheme:${scheme};`;

/**
 * Put first in the styles of every widget's top-level element (not its nested parts). The tenant's
 * theme (tenant-theme.ts) later replaces these fallbacks with its own, in the same three places.
 */
export const themeTokens = css`
  :host {
    ${unsafeCSS(colours(light, 'light'))}
    --k-font: var(--kindred-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --k-font-size: var(--kindred-font-size, max(1rem, 16px));
    --k-radius: var(--kindred-radius, 0.75rem);
    --k-space: var(--kindred-spacing, 1rem);
  }
  :host([theme='dark']) {
    ${unsafeCSS(colours(dark, 'dark'))}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(colours(dark, 'dark'))}
    }
  }
`;

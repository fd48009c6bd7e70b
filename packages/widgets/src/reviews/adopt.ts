import type { CSSResult, ReactiveElement } from 'lit';

/**
 * Adds styles to an element's shadow root, once: the looks of a lazily loaded part of its
 * template travel with that part's chunk instead of the first render. Constructable
 * stylesheets, so strict-CSP pages need nothing extra.
 */
export function adoptStyles(host: ReactiveElement, ...styles: CSSResult[]): void {
  const root = host.renderRoot as ShadowRoot;
  const sheets = styles.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => !!s && !root.adoptedStyleSheets.includes(s));
  if (sheets.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}

/**
 * WCAG 2.2 contrast: relative luminance and ratio of two sRGB colours, and the text/background
 * and UI pairs of a palette that the widgets actually draw. AA: 4.5:1 for text, 3:1 for
 * non-text UI (borders of fields, the focus ring).
 */
import type { Palette, PaletteKey } from '../../api/contract.ts';

export function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

export function luminance(hex: string): number {
  const rgb = parseHex(hex);
  if (!rgb) return NaN;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  if (Number.isNaN(la) || Number.isNaN(lb)) return NaN;
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

export interface ContrastPair {
  fg: PaletteKey;
  bg: PaletteKey;
  /** What this pair is used for, in the widgets. */
  use: string;
  /** 4.5 for text, 3 for UI parts. */
  minimum: number;
}

export const CONTRAST_PAIRS: ContrastPair[] = [
  { fg: 'text', bg: 'bg', use: 'Body text', minimum: 4.5 },
  { fg: 'text', bg: 'surface', use: 'Text on panels', minimum: 4.5 },
  { fg: 'text-muted', bg: 'bg', use: 'Secondary text', minimum: 4.5 },
  { fg: 'text-muted', bg: 'surface', use: 'Secondary text on panels', minimum: 4.5 },
  { fg: 'accent', bg: 'bg', use: 'Links and accent text', minimum: 4.5 },
  { fg: 'accent-text', bg: 'accent', use: 'Text on primary buttons', minimum: 4.5 },
  { fg: 'danger', bg: 'bg', use: 'Error messages', minimum: 4.5 },
  { fg: 'border-strong', bg: 'bg', use: 'Field borders', minimum: 3 },
  { fg: 'focus', bg: 'bg', use: 'Focus ring', minimum: 3 },
];

export interface ContrastResult extends ContrastPair {
  ratio: number;
  passes: boolean;
}

export function checkPalette(palette: Palette): ContrastResult[] {
  return CONTRAST_PAIRS.map((pair) => {
    const ratio = contrastRatio(palette[pair.fg], palette[pair.bg]);
    return { ...pair, ratio, passes: ratio >= pair.minimum };
  });
}

export function formatRatio(ratio: number): string {
  return Number.isNaN(ratio) ? '–' : `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

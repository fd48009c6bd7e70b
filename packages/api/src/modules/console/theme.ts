/**
 * A tenant's widget theme: the colours (light and dark), font and corner radius its widgets
 * use unless the host page overrides them with `--kindred-*` properties. Kept in tenant
 * settings (`theme`), edited in the console, read by the widgets through `themeOf`.
 *
 * Every value ends up inside CSS declarations, so each is held to a shape that cannot leave
 * its declaration: colours are `#rrggbb`, the font family is names and quoted names only (no
 * `;`, `{`, `}`, `(`, `)`, `\`, `/`, `:` or `<`), the radius a plain length.
 * This file imports nothing from the rest of the API (tenant-settings.ts imports it).
 */
import { z } from 'zod';

export const PALETTE_KEYS = ['bg', 'surface', 'text', 'text-muted', 'accent', 'accent-text', 'border', 'border-strong', 'danger', 'focus'] as const;
export type PaletteKey = (typeof PALETTE_KEYS)[number];
export type Palette = Record<PaletteKey, string>;

export interface ThemeDto {
  colorScheme: 'light' | 'dark' | 'auto';
  light: Palette;
  dark: Palette;
  fontFamily: string;
  radius: string;
}

/** The widgets' own defaults (packages/widgets/src/core/theme.ts): keep the two in step. */
export const DEFAULT_LIGHT_PALETTE: Readonly<Palette> = {
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

export const DEFAULT_DARK_PALETTE: Readonly<Palette> = {
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

export const DEFAULT_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const DEFAULT_RADIUS = '0.75rem';

/** A fresh copy of the default theme (light, as the widgets are without a `theme` attribute). */
export function defaultTheme(): ThemeDto {
  return {
    colorScheme: 'light',
    light: { ...DEFAULT_LIGHT_PALETTE },
    dark: { ...DEFAULT_DARK_PALETTE },
    fontFamily: DEFAULT_FONT_FAMILY,
    radius: DEFAULT_RADIUS,
  };
}

const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour written as #rrggbb.')
  .transform((v) => v.toLowerCase());

const paletteSchema = z.strictObject(Object.fromEntries(PALETTE_KEYS.map((key) => [key, colour])) as Record<PaletteKey, typeof colour>);

/**
 * One family: a quoted name ('Segoe UI' or "Segoe UI", the same quote at both ends) or an
 * unquoted name of words. Letters, digits, spaces and hyphens only inside.
 */
const FAMILY = `(?:"[\\p{L}\\p{N} -]+"|'[\\p{L}\\p{N} -]+'|[\\p{L}\\p{N}-]+(?: +[\\p{L}\\p{N}-]+)*)`;
const FONT_FAMILY = new RegExp(`^${FAMILY}(?: *, *${FAMILY})*$`, 'u');

export const fontFamilySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(FONT_FAMILY, 'Use font names separated by commas; names with spaces may be quoted.');

/** 0, or a length in px (up to 48) or rem (up to 3). */
export const radiusSchema = z
  .string()
  .trim()
  .regex(/^(?:0|(?:\d{1,2}(?:\.\d{1,3})?|\.\d{1,3})(?:px|rem))$/, 'Use a length such as 8px or 0.5rem.')
  .refine((v) => {
    const n = Number.parseFloat(v);
    if (v.endsWith('rem')) return n <= 3;
    if (v.endsWith('px')) return n <= 48;
    return true;
  }, 'Use at most 48px or 3rem.');

/** Strict: every field is required and unknown keys are refused. */
export const themeSchema = z.strictObject({
  colorScheme: z.enum(['light', 'dark', 'auto']),
  light: paletteSchema,
  dark: paletteSchema,
  fontFamily: fontFamilySchema,
  radius: radiusSchema,
});

/** The theme the widgets apply for a tenant (defaults when the tenant never set one). */
export function themeOf(settings: { theme?: ThemeDto | undefined }): ThemeDto {
  const parsed = themeSchema.safeParse(settings.theme);
  return parsed.success ? parsed.data : defaultTheme();
}

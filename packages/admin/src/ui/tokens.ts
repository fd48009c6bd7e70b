/**
 * The console's design tokens: the widgets' own default palettes (packages/widgets/src/core/
 * theme.ts), under the same `--k-*` names, so the console and the widgets it configures share one
 * design language and one source for its colours.
 */
import type { Palette, ThemeDto } from '../api/contract.ts';
import { dark, light } from '@kindred/widgets/theme';

export const DEFAULT_LIGHT: Palette = light;
export const DEFAULT_DARK: Palette = dark;

/** The widgets' default font stack and corner radius (theme.ts writes them into its stylesheet). */
export const DEFAULT_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const DEFAULT_RADIUS = '0.75rem';

export const DEFAULT_THEME: ThemeDto = {
  colorScheme: 'light',
  light: DEFAULT_LIGHT,
  dark: DEFAULT_DARK,
  fontFamily: DEFAULT_FONT,
  radius: DEFAULT_RADIUS,
};

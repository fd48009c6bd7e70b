/**
 * The console's design tokens: the same `--k-*` names and default palettes as the widgets
 * (packages/widgets/src/core/theme.ts), so the console and the widgets it configures share one
 * design language. tokens.test.ts checks these defaults against a real widget's computed values.
 */
import type { Palette, ThemeDto } from '../api/contract.ts';

export const DEFAULT_LIGHT: Palette = {
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

export const DEFAULT_DARK: Palette = {
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

export const DEFAULT_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const DEFAULT_RADIUS = '0.75rem';

export const DEFAULT_THEME: ThemeDto = {
  colorScheme: 'light',
  light: DEFAULT_LIGHT,
  dark: DEFAULT_DARK,
  fontFamily: DEFAULT_FONT,
  radius: DEFAULT_RADIUS,
};

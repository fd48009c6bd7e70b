/**
 * The tenant's theme (`appearance.theme`, edited in the admin console) as every widget's defaults.
 *
 * A chunk of its own: MemberSession imports it once a widget has its client, so the first render
 * never waits for it (it shows the built-in defaults) and costs the first download nothing. The
 * theme arrives as one constructed stylesheet adopted by the widget's shadow root (no inline
 * style: strict-CSP pages work). It sets the same private `--k-*` variables as theme.ts, later in
 * the cascade, so the tenant's values replace only the built-in fallbacks:
 * `--k-accent: var(--kindred-color-accent, <tenant's accent>)`. The host page's `--kindred-*`
 * properties still win. Only colours, the font and the corner radius change: no re-render.
 *
 * One request per page and publishable key, shared by every widget (and by a group page's forum,
 * which has the groups widget's client but no key of its own).
 */
import type { KindredClient } from './api-client.ts';
import type { Palette, ThemeDto } from './api-types.ts';

export interface ThemedHost {
  key: string;
  theme?: 'light' | 'dark' | 'auto' | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The API validates every value before storing it; the CSS is still built only from values of
 * these shapes (defence in depth: nothing else can reach a declaration). A bad value is skipped,
 * so its built-in default stays.
 */
const COLOUR = /^#[0-9a-f]{6}$/i;
/** Font names separated by commas: unquoted words, or a name in matching quotes. No `;{}()\/:<`. */
const FAMILY = `(?:"[\\p{L}\\p{N} -]+"|'[\\p{L}\\p{N} -]+'|[\\p{L}\\p{N}-]+(?: +[\\p{L}\\p{N}-]+)*)`;
const FONT_FAMILY = new RegExp(`^${FAMILY}(?: *, *${FAMILY}){0,19}$`, 'u');
const RADIUS = /^(?:0|(?:\d{1,2}(?:\.\d{1,3})?|\.\d{1,3})(?:px|rem))$/;
const PALETTE_KEYS = 'bg surface text text-muted accent accent-text border border-strong danger focus'.split(' ');

/** `--k-accent:var(--kindred-color-accent,#0f5f66);` for each valid colour of a palette. */
const colours = (palette: Partial<Palette> | undefined): string =>
  PALETTE_KEYS.map((key) => {
    const value = palette?.[key as keyof Palette];
    return typeof value === 'string' && COLOUR.test(value) ? `--k-${key}:var(--kindred-color-${key},${value});` : '';
  }).join('');

/** The stylesheet's text: light on :host, dark where theme.ts puts its dark defaults. */
export function themeCss(theme: Partial<ThemeDto>): string {
  const font = typeof theme.fontFamily === 'string' && FONT_FAMILY.test(theme.fontFamily) ? `--k-font:var(--kindred-font-family,${theme.fontFamily});` : '';
  const radius = typeof theme.radius === 'string' && RADIUS.test(theme.radius) ? `--k-radius:var(--kindred-radius,${theme.radius});` : '';
  const dark = colours(theme.dark);
  return `:host{${colours(theme.light)}${font}${radius}}:host([theme=dark]){${dark}}@media (prefers-color-scheme:dark){:host([theme=auto]){${dark}}}`;
}

interface Loaded {
  sheet: CSSStyleSheet;
  scheme: ThemeDto['colorScheme'] | undefined;
}

/** The theme request (and its stylesheet) by publishable key, and by client for keyless widgets. */
const loaded = new Map<unknown, Promise<Loaded | undefined>>();
/** The tenant stylesheet each widget adopted, and the colour scheme it took from the tenant. */
const applied = new WeakMap<ThemedHost, { sheet: CSSStyleSheet; scheme: ThemedHost['theme'] }>();
/** The client each widget last asked about: an answer for an older one is dropped. */
const requested = new WeakMap<ThemedHost, KindredClient>();

function load(key: string, raw: KindredClient, api: KindredClient): Promise<Loaded | undefined> {
  const request =
    (key && loaded.get(key)) ||
    loaded.get(raw) ||
    api.query('appearance.theme', undefined).then(
      (theme) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(themeCss(theme));
        const scheme = theme.colorScheme;
        return { sheet, scheme: scheme === 'dark' || scheme === 'auto' ? scheme : undefined };
      },
      () => {
        // No theme (offline, an old API): the built-in defaults stay; a later widget may try again.
        if (key) loaded.delete(key);
        loaded.delete(raw);
        return undefined;
      },
    );
  if (key) loaded.set(key, request);
  loaded.set(raw, request);
  return request;
}

/**
 * Gives `host` its tenant's theme once it arrives; called again when its client changes (another
 * key), it replaces the previous tenant's. The tenant's colour scheme ('dark' or 'auto') is used
 * when the host page set no `theme`.
 */
export async function useTenantTheme(host: ThemedHost, { raw, api }: { raw?: KindredClient | undefined; api?: KindredClient | undefined }): Promise<void> {
  if (!raw || !api) return;
  requested.set(host, raw);
  const theme = await load(host.key, raw, api);
  if (!theme || requested.get(host) !== raw) return;
  const root = host.renderRoot as ShadowRoot;
  const previous = applied.get(host);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== previous?.sheet), theme.sheet];
  if (!host.theme || host.theme === previous?.scheme) host.theme = theme.scheme;
  applied.set(host, { sheet: theme.sheet, scheme: theme.scheme });
}

/** Tests: forget every theme fetched (a new "page"). */
export function forgetTenantThemes(): void {
  loaded.clear();
}

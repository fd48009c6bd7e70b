/**
 * One localisation mechanism for every widget: typed catalogues (English is the source, Spanish
 * must match its keys), Intl for plurals and dates, and a controller that picks the locale from the
 * element's `lang`, else the nearest ancestor's (across shadow roots), else `<html lang>`, else English.
 *
 * Core holds the strings every widget shares (src/core/locales). Each widget keeps its own strings
 * in its folder and adds them with `registerMessages()`, plus one `declare module` that merges its
 * English keys into `KindredMessages` so `msg()` type-checks them (see src/forum/messages.ts).
 * Keys are one namespace: a key declared twice with different text is a type error.
 *
 * English is bundled; other languages are registered as loaders, so each is a chunk of its own
 * that only pages in that language download. Until it arrives its keys fall back to English:
 * a widget's first render waits for them (keeping its height; see kindred-widget.ts) rather than
 * flashing English, and every element re-renders once the strings are here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from './locales/en.ts';

export interface Plural {
  zero?: string;
  one?: string;
  other: string;
}
type CoreMessages = typeof en;
/**
 * Every message key and its English text. Widgets add theirs by declaration merging:
 * `declare module '../core/i18n.ts' { interface KindredMessages extends MyEnglish {} }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KindredMessages extends CoreMessages {}
type Source = KindredMessages;
export type MessageKey = keyof Source;
/** What a translation of `S` (an English catalogue) must provide: every key, a plural where English has one. */
export type Catalogue<S = CoreMessages> = { [K in keyof S]: S[K] extends string ? string : Plural };
type Table = Record<string, string | Plural>;

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type TextOf<M> = M extends string ? M : M extends { other: infer O } ? O : never;
type ParamsOf<K extends MessageKey> = Source[K] extends string
  ? Record<Placeholders<Source[K]>, string | number>
  : { count: number } & Record<Placeholders<TextOf<Source[K]>>, string | number>;
/** A key without placeholders takes no params; others require exactly theirs. */
export type MsgArgs<K extends MessageKey> = K extends MessageKey
  ? [Placeholders<TextOf<Source[K]>>] extends [never]
    ? []
    : [params: ParamsOf<K>]
  : never;

/** The strings of every registered widget, by locale (those loaded so far). */
export const catalogues: Record<'en' | 'es', Table> = { en: { ...en }, es: {} };
export type Locale = keyof typeof catalogues;

/** A translation fetched on first use: `() => import('./locales/es.ts').then((m) => m.forumEs)`. */
export type LoadCatalogue<S> = () => Promise<Catalogue<S>>;
type Translations<S> = { [L in Exclude<Locale, 'en'>]: LoadCatalogue<S> };

/** Translations registered but not fetched yet, and the fetch under way, by locale. */
const pending: Record<Locale, LoadCatalogue<unknown>[]> = { en: [], es: [] };
const fetching: Partial<Record<Locale, Promise<void>>> = {};

/**
 * Adds a widget's strings (call once, at the top of the widget's module graph, or of a lazy
 * chunk). English is the source; each translation is a loader whose catalogue is checked against
 * English's keys and plural shapes: `registerMessages({ en, es: () => import('./locales/es.ts')… })`.
 */
export function registerMessages<S extends Record<string, string | Plural>>({ en: english, ...translations }: { en: S } & Translations<S>): void {
  Object.assign(catalogues.en, english);
  for (const [locale, load] of Object.entries(translations)) pending[locale as Locale].push(load as LoadCatalogue<unknown>);
}

registerMessages({ en, es: () => import('./locales/es.ts').then((m) => m.es) });

/** Whether every registered string of this locale is here; if not, starts fetching them. */
export function stringsReady(locale: Locale): boolean {
  if (!pending[locale].length && !fetching[locale]) return true;
  void whenStrings(locale);
  return false;
}

/** Resolves once every string registered for this locale is here (at once for English). */
export async function whenStrings(locale: Locale): Promise<void> {
  // A chunk may register more while a fetch is under way: loop until none is left.
  while (pending[locale].length || fetching[locale]) {
    await (fetching[locale] ??= fetchPending(locale));
  }
}

async function fetchPending(locale: Locale): Promise<void> {
  const loads = pending[locale].splice(0);
  await Promise.all(
    loads.map((load) =>
      load().then(
        (table) => void Object.assign(catalogues[locale], table),
        // English shows instead; a later page load tries again.
        (err: unknown) => console.error(`[kindred] could not load the ${locale} strings`, err),
      ),
    ),
  );
  fetching[locale] = undefined;
}

/** 'es-MX' -> 'es'; anything unknown -> undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.trim().toLowerCase().split('-')[0];
  return base && base in catalogues ? (base as Locale) : undefined;
}

/** The nearest `lang` from the element up, crossing shadow roots; then the page's; else English. */
export function resolveLocale(element: Element): Locale {
  let node: Element | null = element;
  while (node) {
    const lang = (node as HTMLElement).lang ?? node.getAttribute('lang');
    if (lang) return matchLocale(lang) ?? 'en';
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return 'en';
}

export function format(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const message: string | Plural = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(params.count);
    const category = new Intl.PluralRules(locale).select(count) as keyof Plural;
    text = (count === 0 ? message.zero : undefined) ?? message[category] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

type LocalizedHost = ReactiveControllerHost & HTMLElement;
const hosts = new Set<LocalizedHost>();
let langObserver: MutationObserver | undefined;

/** Re-renders the host when any `lang` on the page changes; gives it `msg()` and date formatting. */
export class Localizer implements ReactiveController {
  locale: Locale = 'en';

  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    langObserver ??= new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
    langObserver.observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  hostUpdate(): void {
    this.locale = resolveLocale(this.host);
    // Strings still on their way (a language switched at run time, a lazy chunk's): render again when here.
    if (!stringsReady(this.locale)) void whenStrings(this.locale).then(() => this.host.requestUpdate());
  }

  msg<K extends MessageKey>(key: K, ...args: MsgArgs<K>): string {
    return format(this.locale, key, args[0]);
  }

  /** "3 hours ago", "yesterday", or "just now". */
  relativeTime(iso: string, now = Date.now()): string {
    const seconds = (Date.parse(iso) - now) / 1000;
    const format = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    for (const [unit, size] of RELATIVE_UNITS) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return this.msg('justNow');
  }

  /** The full date and time, for a `<time>`'s title. */
  dateTime(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  }
}

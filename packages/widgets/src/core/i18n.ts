/**
 * One localisation mechanism for every widget: typed catalogues (English is the source, Spanish
 * must match its keys), Intl for plurals and dates, and a controller that picks the locale from the
 * element's `lang`, else the nearest ancestor's (across shadow roots), else `<html lang>`, else English.
 *
 * Core holds the strings every widget shares (src/core/locales). Each widget keeps its own strings
 * in its folder and adds them with `registerMessages()`, plus one `declare module` that merges its
 * English keys into `KindredMessages` so `msg()` type-checks them (see src/forum/messages.ts).
 * Keys are one namespace: a key declared twice with different text is a type error.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';

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

/** The strings of every registered widget, by locale. */
export const catalogues: Record<'en' | 'es', Table> = { en: { ...en }, es: { ...es } };
export type Locale = keyof typeof catalogues;

/**
 * Adds a widget's strings (call once, at the top of the widget's module graph). English is the
 * source; the Spanish catalogue is checked against its keys and plural shapes.
 */
export function registerMessages<S extends Record<string, string | Plural>>(messages: { en: S; es: Catalogue<S> }): void {
  Object.assign(catalogues.en, messages.en);
  Object.assign(catalogues.es, messages.es);
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

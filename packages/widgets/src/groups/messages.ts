/**
 * Adds the groups widget's strings to the shared catalogue, and its keys to `msg()`'s type.
 * Spanish is a separate chunk, fetched the first time a Spanish page needs it: English-only
 * pages (most embeds) never download it, which keeps the directory's first render in budget.
 */
import { registerMessages, type Locale } from '../core/i18n.ts';
import { groupsEn } from './locales/en.ts';

// Until a translation arrives its keys fall back to English (the element waits for it; see below).
registerMessages({ en: groupsEn, es: groupsEn });

const loaded = new Set<Locale>(['en']);
let spanish: Promise<void> | undefined;

/** Whether this locale's strings are here; if not, starts fetching them. */
export function stringsReady(locale: Locale): boolean {
  if (loaded.has(locale)) return true;
  void whenStrings(locale);
  return false;
}

/** Resolves once this locale's strings are registered (at once for English). */
export function whenStrings(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return Promise.resolve();
  spanish ??= import('./locales/es.ts').then(
    ({ groupsEs }) => {
      registerMessages({ en: groupsEn, es: groupsEs });
      loaded.add('es');
    },
    (err: unknown) => {
      spanish = undefined; // try again next time; meanwhile English is shown
      loaded.add('es');
      console.error('[kindred] could not load the Spanish strings', err);
    },
  );
  return spanish;
}

type GroupsMessages = typeof groupsEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends GroupsMessages {}
}

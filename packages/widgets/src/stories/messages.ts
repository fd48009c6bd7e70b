/**
 * Adds the stories widget's first-render strings to the shared catalogue, and their keys to
 * `msg()`'s type. Spanish is a separate chunk, fetched the first time a Spanish page needs it.
 */
import { registerMessages } from '../core/i18n.ts';
import { storiesEn } from './locales/en.ts';

registerMessages({ en: storiesEn, es: () => import('./locales/es.ts').then((m) => m.storiesEs) });

type StoriesMessages = typeof storiesEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends StoriesMessages {}
}

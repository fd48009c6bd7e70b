/**
 * Adds <kindred-reviews>' first-render strings to the shared catalogue, and their keys to `msg()`'s
 * type. Spanish is a separate chunk, fetched the first time a Spanish page needs it.
 */
import { registerMessages } from '../core/i18n.ts';
import { reviewsEn } from './locales/en.ts';

registerMessages({ en: reviewsEn, es: () => import('./locales/es.ts').then((m) => m.reviewsEs) });

type ReviewsMessages = typeof reviewsEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends ReviewsMessages {}
}

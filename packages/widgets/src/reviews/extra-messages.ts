/** The strings of the reviews widget's lazy chunks (form, questions, "people like me" dialog). */
import { registerMessages } from '../core/i18n.ts';
import { reviewsExtraEn } from './locales/extra.en.ts';

registerMessages({ en: reviewsExtraEn, es: () => import('./locales/extra.es.ts').then((m) => m.reviewsExtraEs) });

type ReviewsExtraMessages = typeof reviewsExtraEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends ReviewsExtraMessages {}
}

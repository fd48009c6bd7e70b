/** <kindred-recommendations>' strings; Spanish is its own chunk. */
import { registerMessages } from '../core/i18n.ts';
import { recommendationsEn } from './locales/recommendations.en.ts';

registerMessages({ en: recommendationsEn, es: () => import('./locales/recommendations.es.ts').then((m) => m.recommendationsEs) });

type RecommendationsMessages = typeof recommendationsEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends RecommendationsMessages {}
}

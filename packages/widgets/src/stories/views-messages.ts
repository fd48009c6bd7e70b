/**
 * Adds the strings of the reader, composer and "My stories" when their chunk loads. Spanish is a
 * chunk of its own; the widget waits for it before showing those views on a Spanish page.
 */
import { registerMessages } from '../core/i18n.ts';
import { storyViewsEn } from './locales/views.en.ts';

registerMessages({ en: storyViewsEn, es: () => import('./locales/views.es.ts').then((m) => m.storyViewsEs) });

type StoryViewsMessages = typeof storyViewsEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends StoryViewsMessages {}
}

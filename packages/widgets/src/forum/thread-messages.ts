/**
 * Adds the thread view's strings (posts, composers, report dialog) when that chunk loads. Spanish
 * is a chunk of its own; the forum waits for it before showing the thread view on a Spanish page.
 */
import { registerMessages } from '../core/i18n.ts';
import { threadEn } from './locales/thread.en.ts';

registerMessages({ en: threadEn, es: () => import('./locales/thread.es.ts').then((m) => m.threadEs) });

type ThreadMessages = typeof threadEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends ThreadMessages {}
}

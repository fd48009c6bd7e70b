/** Adds the thread view's strings (posts, composers, report dialog) when that chunk loads. */
import { registerMessages } from '../core/i18n.ts';
import { threadEn } from './locales/thread.en.ts';
import { threadEs } from './locales/thread.es.ts';

registerMessages({ en: threadEn, es: threadEs });

type ThreadMessages = typeof threadEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends ThreadMessages {}
}

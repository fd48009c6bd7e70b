/** Adds the forum's first-render strings to the shared catalogue, and their keys to `msg()`'s type. */
import { registerMessages } from '../core/i18n.ts';
import { forumEn } from './locales/en.ts';
import { forumEs } from './locales/es.ts';

registerMessages({ en: forumEn, es: forumEs });

type ForumMessages = typeof forumEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends ForumMessages {}
}

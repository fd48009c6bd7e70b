/**
 * Adds the moderation strings when a chunk that writes content loads (composers, forms, and the
 * views that show an author their own item's status). Spanish is a chunk of its own.
 */
import { registerMessages } from '../i18n.ts';
import { moderationEn } from './locales/en.ts';

registerMessages({ en: moderationEn, es: () => import('./locales/es.ts').then((m) => m.moderationEs) });

type ModerationMessages = typeof moderationEn;
declare module '../i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends ModerationMessages {}
}

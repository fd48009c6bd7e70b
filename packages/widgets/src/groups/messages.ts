/**
 * Adds the groups widget's strings to the shared catalogue, and their keys to `msg()`'s type.
 * Spanish is a separate chunk, fetched the first time a Spanish page needs it.
 */
import { registerMessages } from '../core/i18n.ts';
import { groupsEn } from './locales/en.ts';

registerMessages({ en: groupsEn, es: () => import('./locales/es.ts').then((m) => m.groupsEs) });

type GroupsMessages = typeof groupsEn;
declare module '../core/i18n.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface KindredMessages extends GroupsMessages {}
}

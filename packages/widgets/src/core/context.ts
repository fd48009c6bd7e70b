/** What a widget hands down to its nested elements through @lit/context. */
import { createContext } from '@lit/context';
import type { KindredClient } from './api-client.ts';

/** The API client (already wrapped for the member's session). */
export const clientContext = createContext<KindredClient | undefined>(Symbol('kindred-client'));

/** Says something in the widget's one polite live region. */
export type Announce = (message: string) => void;
export const announceContext = createContext<Announce | undefined>(Symbol('kindred-announce'));

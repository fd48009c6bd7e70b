/**
 * Every DOM event a Kindred widget dispatches, with its detail type. Public events are `composed`
 * and reach the host page; internal ones (marked) stay inside the widget's shadow root.
 * Details carry ids only, never what a member wrote (health data stays out of analytics).
 */
import type { PostDto, ThreadSummaryDto } from '@kindred/api/router';

export interface KindredEventDetails {
  /** Cancelable. The member asked to sign in; cancel it when the page opens its own sign-in. */
  'kindred-request-sign-in': { reason: 'reply' | 'new-thread' };
  /** Cancelable. The member token expired: call `Kindred.setToken()` (or set `token`) within 10 s. */
  'kindred-request-token': { reason: 'expired' };
  'kindred-thread-created': { threadId: string };
  'kindred-reply-created': { threadId: string; postId: string };
  /** Internal: the thread list asks the forum to open a thread. */
  'kindred-open-thread': { thread: ThreadSummaryDto };
  /** Internal: the thread view asks to go back to the list. */
  'kindred-close-thread': Record<string, never>;
  /** Internal: a composer stored a write; its parent shows the result. */
  'kindred-posted': { thread: ThreadSummaryDto } | { post: PostDto };
}

export type KindredEventName = keyof KindredEventDetails;
export type KindredEvent<K extends KindredEventName> = CustomEvent<KindredEventDetails[K]>;

type KindredEvents = { [K in KindredEventName]: KindredEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends KindredEvents {}
}

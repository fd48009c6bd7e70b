/**
 * Every DOM event a Kindred widget dispatches, with its detail type. Public events are `composed`
 * and reach the host page; internal ones (marked) stay inside the widget's shadow root.
 * Details carry ids only, never what a member wrote (health data stays out of analytics).
 */
import type { PostDto, ThreadSummaryDto } from './api-types.ts';

export interface KindredEventDetails {
  /** Cancelable. The member asked to sign in; cancel it when the page opens its own sign-in. */
  'kindred-request-sign-in': {
    reason: 'reply' | 'new-thread' | 'react' | 'join' | 'share' | 'thank' | 'vote' | 'review' | 'ask' | 'answer';
  };
  /** Cancelable. The member token expired: call `Kindred.setToken()` (or set `token`) within 10 s. */
  'kindred-request-token': { reason: 'expired' };
  /** Cancelable. A signed-in member wants to join `group` (a slug) to post; cancel it when the page or `<kindred-groups>` handles it. */
  'kindred-request-join': { group: string };
  'kindred-thread-created': { threadId: string };
  'kindred-reply-created': { threadId: string; postId: string };
  /** Internal: the thread list asks the forum to open a thread. */
  'kindred-open-thread': { thread: ThreadSummaryDto };
  /** Internal: the thread view asks to go back to the list. */
  'kindred-close-thread': Record<string, never>;
  /** Internal: a composer stored a write; its parent shows the result. */
  'kindred-posted': { thread: ThreadSummaryDto } | { post: PostDto };
  /** Internal: a post changed here (edited, deleted, reacted to, marked helpful); `title` when an opening post's title was edited. */
  'kindred-post-changed': { post: PostDto; title?: string };
  /** Internal: a modal dialog closed (its opener puts focus back). */
  'kindred-dialog-closed': Record<string, never>;
  /** Internal: a form (new thread, edit) closed without saving. */
  'kindred-compose-cancelled': Record<string, never>;
}

export type KindredEventName = keyof KindredEventDetails;
export type KindredEvent<K extends KindredEventName> = CustomEvent<KindredEventDetails[K]>;

type KindredEvents = { [K in KindredEventName]: KindredEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends KindredEvents {}
}

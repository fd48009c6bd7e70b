/** Asking the host page to sign the member in, from either reviews widget. */
import type { KindredEventDetails } from '../core/events.ts';
import type { KindredElement } from '../core/kindred-element.ts';

/** Why a reviews widget asks the page to sign the member in. */
export type ReviewSignInReason = 'vote' | 'review' | 'ask' | 'answer';

/**
 * Dispatches the cancelable `kindred-request-sign-in` with `{ reason }`; true when the page
 * handles it (called preventDefault). Core's detail type lists the forum's and groups' reasons;
 * the reviews' reasons are the same event with more values (see the README's events table).
 */
export function requestSignIn(host: KindredElement, reason: ReviewSignInReason): boolean {
  const detail = { reason } as unknown as KindredEventDetails['kindred-request-sign-in'];
  return host.emit('kindred-request-sign-in', detail, { cancelable: true }).defaultPrevented;
}

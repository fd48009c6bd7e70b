/** Asking the host page to sign the member in, from either reviews widget. */
import type { KindredElement } from '../core/kindred-element.ts';

/** Why a reviews widget asks the page to sign the member in. */
export type ReviewSignInReason = 'vote' | 'review' | 'ask' | 'answer';

/** Dispatches the cancelable `kindred-request-sign-in` with `{ reason }`; true when the page handles it. */
export function requestSignIn(host: KindredElement, reason: ReviewSignInReason): boolean {
  return host.emit('kindred-request-sign-in', { reason }, { cancelable: true }).defaultPrevented;
}

/**
 * English strings every widget shares: the source for core's keys. Widgets keep their own strings
 * in their folders (e.g. src/forum/locales/) and add them with `registerMessages()`.
 * A plural is `{ zero?, one?, other }`, chosen with Intl.PluralRules on `count`.
 */
export const en = {
  justNow: 'just now',
  loadingMore: 'Loading…',
  cancel: 'Cancel',
  close: 'Close',
  retry: 'Try again',
  errorNetwork: 'We could not connect. Check your connection and try again.',
  errorUnavailable: 'The community is temporarily unavailable. Please try again shortly.',
  errorNotFound: 'This could not be found. It may have been removed.',
  errorGeneric: 'Something went wrong on our side. Please try again.',
  /** A write (react, edit, join, approve…) failed for no reason worth naming. */
  actionFailed: 'That did not work. Please try again.',
  errorForbidden: 'This action is not available to you.',
  errorMembershipRequired: 'Join this group to take part.',
  /** A read refused with 429 (core/errors.ts). */
  errorSlowDown: 'You’re going a bit fast. Please wait a moment, then try again.',
  /** MEMBER_BANNED: the member's token is refused, for reads (core/errors.ts) and writes (the write guard). */
  errorMemberBanned: 'Your account cannot take part in this community.',
} as const;

import { ApiError, type ClientErrorCode } from './api-client.ts';
import type { MessageKey } from './i18n.ts';

/** Codes with words of their own; any other failure is "Something went wrong on our side". */
const MESSAGES: Partial<Record<ClientErrorCode, MessageKey>> = {
  NETWORK: 'errorNetwork',
  DATABASE_UNAVAILABLE: 'errorUnavailable',
  NOT_FOUND: 'errorNotFound',
  FORBIDDEN_ACTION: 'errorForbidden',
  GROUP_MEMBERSHIP_REQUIRED: 'errorMembershipRequired',
  // A read refused with 429: calm words and "Try again" (a write counts down: core/moderation).
  RATE_LIMITED: 'errorSlowDown',
  // A banned member's token is refused on reads too: say so, not "something went wrong".
  MEMBER_BANNED: 'errorMemberBanned',
};

/** The message a member sees for a failed read or action. */
export function loadErrorMessage(error: unknown): MessageKey {
  return (error instanceof ApiError && MESSAGES[error.kindredCode]) || 'errorGeneric';
}

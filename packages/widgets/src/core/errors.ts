import { ApiError } from './api-client.ts';
import type { MessageKey } from './i18n.ts';

/** The message a member sees for a failed read or action. */
export function loadErrorMessage(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.kindredCode : 'INTERNAL';
  if (code === 'NETWORK') return 'errorNetwork';
  if (code === 'DATABASE_UNAVAILABLE') return 'errorUnavailable';
  if (code === 'NOT_FOUND') return 'errorNotFound';
  if (code === 'FORBIDDEN_ACTION') return 'errorForbidden';
  if (code === 'GROUP_MEMBERSHIP_REQUIRED') return 'errorMembershipRequired';
  return 'errorGeneric';
}

/** What the console tells staff for each error code: plain words, and what to do next. */
import type { ConsoleError } from './client.ts';

const MESSAGES: Record<string, string> = {
  STAFF_SIGN_IN_REQUIRED: 'Your session has ended. Please sign in again.',
  STAFF_CREDENTIALS_INVALID: 'Those sign-in details are not right. Check the organisation, email and password.',
  STAFF_TOTP_REQUIRED: 'Enter the 6-digit code from your authenticator app.',
  CSRF_FAILED: 'This request could not be verified. Reload the console and try again.',
  STAFF_ROLE_FORBIDDEN: 'Your role does not allow this. Ask an owner if you need it.',
  INVITE_INVALID: 'This invite link is not valid any more. Ask an owner for a new one.',
  VALIDATION_FAILED: 'Some details are not valid. Check the highlighted fields.',
  NOT_FOUND: 'This was not found. It may have been removed or already handled.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  NETWORK: 'The console could not reach Kindred. Check your connection and try again.',
  DATABASE_UNAVAILABLE: 'Kindred is temporarily unavailable. Please try again shortly.',
};

export function retryAfterSeconds(error: ConsoleError): number | null {
  const value = error.details?.['retryAfterSeconds'];
  return typeof value === 'number' && value > 0 ? value : null;
}

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/** A message for an error, for an alert or a toast. */
export function messageFor(error: ConsoleError): string {
  if (error.code === 'STAFF_LOCKED') {
    const wait = retryAfterSeconds(error);
    return wait
      ? `Too many failed sign-ins. For your security this account is locked: try again in ${describeWait(wait)}.`
      : 'Too many failed sign-ins. For your security this account is locked for a while.';
  }
  return MESSAGES[error.code] ?? error.message ?? 'Something went wrong. Please try again.';
}

/** The message the API gave for one field, if any (VALIDATION_FAILED issues). */
export function issueFor(error: ConsoleError | null | undefined, field: string): string | undefined {
  return error?.issues.find((i) => i.path === field || i.path.startsWith(`${field}.`))?.message;
}

/**
 * The one list of Kindred error codes, shared by the API and (as types) by the widgets and the
 * admin console. Every error a client can see carries one of these codes in `error.data.code`,
 * next to the tRPC code that decides the HTTP status. Add a code here, never an ad-hoc string.
 */
import { TRPCError } from '@trpc/server';

export const ERROR_CODES = {
  /** The input did not match the procedure's schema; `error.data.issues` says where. */
  VALIDATION_FAILED: { trpc: 'BAD_REQUEST', message: 'The request is not valid.' },
  /** A pagination cursor that this API did not issue (or that was altered). */
  INVALID_CURSOR: { trpc: 'BAD_REQUEST', message: 'The pagination cursor is not valid.' },
  /** No `x-kindred-key` header, or a key that belongs to no tenant. */
  TENANT_KEY_INVALID: { trpc: 'UNAUTHORIZED', message: 'The publishable key is missing or unknown.' },
  /** A server-to-server call without a valid secret key (`Authorization: Bearer sk_...`). */
  SECRET_KEY_INVALID: { trpc: 'UNAUTHORIZED', message: 'The secret key is missing or unknown.' },
  /** The request's Origin is not on the tenant's allowlist (exact match). */
  ORIGIN_NOT_ALLOWED: { trpc: 'FORBIDDEN', message: 'This site is not allowed to use this Kindred key.' },
  /** The member token failed verification (signature, audience, key id, format...). */
  TOKEN_INVALID: { trpc: 'UNAUTHORIZED', message: 'The sign-in token is not valid.' },
  /** The member token was valid but has expired: ask the host page for a fresh one. */
  TOKEN_EXPIRED: { trpc: 'UNAUTHORIZED', message: 'The sign-in token has expired.' },
  /** The procedure needs a signed-in member and the request carried no token. */
  SIGN_IN_REQUIRED: { trpc: 'UNAUTHORIZED', message: 'Please sign in first.' },
  /** Signed in, but this member may not do this (not your post, not the thread's author, not a group moderator...). */
  FORBIDDEN_ACTION: { trpc: 'FORBIDDEN', message: 'You cannot do that here.' },
  /** Posting in this group needs an active membership: join the group first. */
  GROUP_MEMBERSHIP_REQUIRED: { trpc: 'FORBIDDEN', message: 'Join this group to take part.' },
  /** The thing asked for does not exist in this tenant (or is not visible to the caller). */
  NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Not found.' },
  /** The same idempotency key was reused for a different request. */
  IDEMPOTENCY_KEY_REUSED: {
    trpc: 'CONFLICT',
    message: 'This idempotency key was already used for a different request.',
  },
  /**
   * The moderation pipeline refused the content (a banned word, the same post twice, too many
   * links); `error.data.details.reason` says which. Nothing was stored.
   */
  CONTENT_REJECTED: { trpc: 'UNPROCESSABLE_CONTENT', message: 'This cannot be posted as it is. Please change it and try again.' },
  /**
   * Content meant for others contains personal details (phone, email, address, date of birth,
   * record number); `error.data.details.personalDetails` lists them. Send it again with
   * `confirmPersonalDetails: true` to post anyway. Nothing was stored.
   */
  PERSONAL_DETAILS_FOUND: {
    trpc: 'UNPROCESSABLE_CONTENT',
    message: 'This includes personal details that others would see. Remove them, or confirm you want to share them.',
  },
  /** This member is banned from the community: their token is refused everywhere. */
  MEMBER_BANNED: { trpc: 'FORBIDDEN', message: 'Your account cannot take part in this community.' },
  /** This member is muted: they can read but not write until `error.data.details.until`. */
  MEMBER_MUTED: { trpc: 'FORBIDDEN', message: 'You cannot post right now. A moderator has paused your posting.' },
  /** A staff procedure without a valid staff session cookie (or after the session timed out). */
  STAFF_SIGN_IN_REQUIRED: { trpc: 'UNAUTHORIZED', message: 'Please sign in to the console.' },
  /** Wrong organisation, email, password or second-factor code (never says which). */
  STAFF_CREDENTIALS_INVALID: { trpc: 'UNAUTHORIZED', message: 'Those sign-in details are not right.' },
  /** The account has a second factor: send `totpCode` as well. */
  STAFF_TOTP_REQUIRED: { trpc: 'UNAUTHORIZED', message: 'Enter the code from your authenticator app.' },
  /** Too many failed sign-ins: the account is locked for a while (`Retry-After`). */
  STAFF_LOCKED: { trpc: 'TOO_MANY_REQUESTS', message: 'Too many failed sign-ins. Try again later.' },
  /** A console mutation without the session's CSRF token in `x-kindred-csrf`, or from another origin. */
  CSRF_FAILED: { trpc: 'FORBIDDEN', message: 'This request could not be verified. Reload the console and try again.' },
  /** The staff member's role does not allow this (e.g. an analyst approving a post). */
  STAFF_ROLE_FORBIDDEN: { trpc: 'FORBIDDEN', message: 'Your role does not allow this.' },
  /** An invite link that is unknown, used or expired. */
  INVITE_INVALID: { trpc: 'BAD_REQUEST', message: 'This invite link is not valid any more. Ask for a new one.' },
  /** The HTTP method does not fit the procedure (queries are GET, mutations POST). */
  METHOD_NOT_ALLOWED: { trpc: 'METHOD_NOT_SUPPORTED', message: 'This method is not allowed here.' },
  /** Too many requests from this member, address or site; `Retry-After` says when to try again. */
  RATE_LIMITED: { trpc: 'TOO_MANY_REQUESTS', message: 'Too many requests. Please slow down and try again shortly.' },
  /** The request body is larger than the API accepts. */
  PAYLOAD_TOO_LARGE: { trpc: 'PAYLOAD_TOO_LARGE', message: 'The request is too large.' },
  /** The database cannot be reached right now; retrying later is safe. */
  DATABASE_UNAVAILABLE: {
    trpc: 'SERVICE_UNAVAILABLE',
    message: 'The service is temporarily unavailable. Please try again shortly.',
  },
  /** A bug on our side. Never caused by client input. */
  INTERNAL: { trpc: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { trpc: TRPCError['code']; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error type for domain failures. Throw it with a code; the message defaults to the list's. */
export class KindredError extends TRPCError {
  readonly kindredCode: ErrorCode;
  /** For RATE_LIMITED: sent as the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;
  /** Structured facts the client acts on, sent as `error.data.details` (e.g. which personal details were found). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { cause?: unknown; retryAfterSeconds?: number; details?: Record<string, unknown> },
  ) {
    super({ code: ERROR_CODES[code].trpc, message: message ?? ERROR_CODES[code].message, cause: options?.cause });
    this.kindredCode = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.details = options?.details;
  }
}

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

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super({ code: ERROR_CODES[code].trpc, message: message ?? ERROR_CODES[code].message, cause: options?.cause });
    this.kindredCode = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

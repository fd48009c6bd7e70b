/**
 * A thin, typed tRPC client (no batching, no transformer): a few hundred bytes instead of
 * @trpc/client. Paths and payloads are checked against the API's router type (core/api-types.ts).
 */
import type { ErrorCode } from '@kindred/api/router';
import type { InputOf, OutputOf, PathOf } from './api-types.ts';

export type { InputOf, OutputOf } from './api-types.ts';
export type QueryPath = PathOf<'query'>;
export type MutationPath = PathOf<'mutation'>;
export type SubscriptionPath = PathOf<'subscription'>;

export interface RequestOptions {
  signal?: AbortSignal;
}

/** What a live subscription tells its owner. */
export interface SubscribeHandlers<T> {
  /** One event; `id` is the server's event id (resumed from on reconnect). */
  onData(data: T, id: string | undefined): void;
  /** A failure reconnecting cannot fix (not found, forbidden, signed out): the stream has stopped. */
  onError?(error: ApiError): void;
  /** 'open' once connected; 'retrying' while waiting to reconnect after a failure. */
  onState?(state: 'open' | 'retrying'): void;
  /** Abort to close the stream (and stop reconnecting). */
  signal: AbortSignal;
}

export interface KindredClient {
  query<P extends QueryPath>(path: P, input: InputOf<P>, options?: RequestOptions): Promise<OutputOf<P>>;
  mutate<P extends MutationPath>(path: P, input: InputOf<P>, options?: RequestOptions): Promise<OutputOf<P>>;
  /** Server-sent events, reconnecting with backoff until `handlers.signal` aborts. */
  subscribe<P extends SubscriptionPath>(path: P, input: InputOf<P>, handlers: SubscribeHandlers<OutputOf<P>>): void;
}

/** The API's codes plus NETWORK: the request never got an answer (offline, CORS refusal...). */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export interface Issue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly kindredCode: ClientErrorCode,
    readonly httpStatus: number,
    message: string,
    readonly issues: Issue[] = [],
    /** `error.data.details`: facts a client acts on (what was found, how long to wait); read in core/moderation. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** Origin (and path) the API is served from; tRPC lives at `${base}trpc/`. */
  base: string | URL;
  /** The tenant's publishable key (`pk_...`). */
  key: string;
  /** Read before every request, so the current token is always the one sent. */
  getToken?: () => string | null | undefined;
  fetch?: typeof fetch;
}

/** tRPC's error shape, in an HTTP error body and in an SSE `serialized-error` event. */
export interface SerializedError {
  message?: string;
  data?: { kindredCode?: ClientErrorCode; issues?: Issue[]; httpStatus?: number; details?: Record<string, unknown> };
}

/** The one mapping from an API error (or a bare HTTP status) to an ApiError. */
export function toApiError(status: number, error: SerializedError | undefined, fallback = ''): ApiError {
  const data = error?.data;
  return new ApiError(
    data?.kindredCode ?? (status >= 500 || status === 0 ? 'INTERNAL' : 'VALIDATION_FAILED'),
    status,
    error?.message ?? fallback,
    data?.issues ?? [],
    data?.details,
  );
}

/** `${base}trpc/${path}`, with `?input=` for GET requests and subscriptions. */
export function procedureUrl(base: string | URL, path: string, input?: unknown): string {
  const url = new URL(`trpc/${path}`, base).href;
  return input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** The key, and the member's token when there is one. Never cookies, never the token in a URL. */
export function authHeaders(options: ClientOptions): Record<string, string> {
  const headers: Record<string, string> = { 'x-kindred-key': options.key };
  const token = options.getToken?.();
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

export function createClient(options: ClientOptions): KindredClient {
  async function call(method: 'GET' | 'POST', path: string, input: unknown, request?: RequestOptions) {
    const url = procedureUrl(options.base, path, method === 'GET' ? input : undefined);
    const headers = authHeaders(options);
    if (method === 'POST') headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        method,
        headers,
        credentials: 'omit',
        ...(method === 'POST' ? { body: JSON.stringify(input ?? null) } : {}),
        ...(request?.signal ? { signal: request.signal } : {}),
      });
    } catch (err) {
      if (request?.signal?.aborted) throw err;
      throw new ApiError('NETWORK', 0, (err as Error).message);
    }
    const json = (await response.json().catch(() => null)) as { result?: { data: unknown }; error?: SerializedError } | null;
    if (response.ok && json?.result) return json.result.data;
    throw toApiError(response.status, json?.error, response.statusText);
  }
  return {
    query: (path, input, request) => call('GET', path, input, request) as never,
    mutate: (path, input, request) => call('POST', path, input, request) as never,
    // The stream reader is its own chunk: only an open thread or a visible list needs it.
    subscribe: (path, input, handlers) =>
      void import('./sse.ts').then(({ openStream }) => openStream(options, path, input, handlers as SubscribeHandlers<unknown>)),
  };
}

const AUTH_CODES: readonly ClientErrorCode[] = ['TOKEN_EXPIRED', 'TOKEN_INVALID', 'SIGN_IN_REQUIRED'];

export const isAuthError = (err: unknown): err is ApiError =>
  err instanceof ApiError && AUTH_CODES.includes(err.kindredCode);

export interface SessionHooks {
  /** Ask the page for a fresh token; resolves true when one arrived. */
  refreshToken(): Promise<boolean>;
  /** The token is gone for good (rejected, or no fresh one came): show the signed-out state. */
  signOut(): void;
}

/**
 * Wraps a client for a signed-in session. On TOKEN_EXPIRED it asks for a fresh token and retries
 * once with the very same input, so a write keeps its idempotency key. When the token cannot be
 * used, the member is signed out; a read is then retried as a guest, a write fails.
 */
export function withSession(client: KindredClient, hooks: SessionHooks): KindredClient {
  async function run<T>(write: boolean, attempt: () => Promise<T>, mayRefresh = true): Promise<T> {
    try {
      return await attempt();
    } catch (err) {
      if (!isAuthError(err)) throw err;
      if (mayRefresh && err.kindredCode === 'TOKEN_EXPIRED' && (await hooks.refreshToken())) {
        return run(write, attempt, false);
      }
      hooks.signOut();
      if (write) throw err;
      return attempt();
    }
  }
  /**
   * A stream that fails on auth takes the same path as a read: a fresh token and one retry, else
   * sign out and retry as a guest; a second auth failure is reported. It resumes from the last event.
   */
  function subscribe(path: SubscriptionPath, input: object, handlers: SubscribeHandlers<unknown>, stage: 0 | 1 | 2 = 0): void {
    let lastEventId: string | undefined;
    client.subscribe(path, input as never, {
      ...handlers,
      onData: (data, id) => {
        lastEventId = id ?? lastEventId;
        handlers.onData(data, id);
      },
      onError: async (err) => {
        if (!isAuthError(err) || stage === 2 || handlers.signal.aborted) return handlers.onError?.(err);
        const resume = { ...input, ...(lastEventId ? { lastEventId } : {}) };
        if (stage === 0 && err.kindredCode === 'TOKEN_EXPIRED' && (await hooks.refreshToken())) return subscribe(path, resume, handlers, 1);
        hooks.signOut();
        subscribe(path, resume, handlers, 2);
      },
    });
  }
  return {
    query: (path, input, request) => run(false, () => client.query(path, input, request)),
    mutate: (path, input, request) => run(true, () => client.mutate(path, input, request)),
    subscribe: (path, input, handlers) => subscribe(path, input as object, handlers as SubscribeHandlers<unknown>),
  };
}

/**
 * A key for one logical write, reused when that write is retried. (crypto.randomUUID exists only
 * on secure origins; host pages are not always one.)
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

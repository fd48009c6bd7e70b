/**
 * A thin, typed tRPC client (no batching, no transformer): a few hundred bytes instead of
 * @trpc/client. Paths and payloads are checked against the API's router type.
 */
import type { AppRouter, ErrorCode } from '@kindred/api/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Record_ = AppRouter['_def']['record'];
type PathsOf<Kind> = {
  [NS in keyof Record_ & string]: {
    [P in keyof Record_[NS] & string]: Record_[NS][P] extends { _def: { type: Kind } } ? `${NS}.${P}` : never;
  }[keyof Record_[NS] & string];
}[keyof Record_ & string];
type At<T, Path> = Path extends `${infer NS}.${infer P}`
  ? NS extends keyof T
    ? P extends keyof T[NS]
      ? T[NS][P]
      : never
    : never
  : never;

export type QueryPath = PathsOf<'query'>;
export type MutationPath = PathsOf<'mutation'>;
export type InputOf<P extends string> = At<inferRouterInputs<AppRouter>, P>;
export type OutputOf<P extends string> = At<inferRouterOutputs<AppRouter>, P>;

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface KindredClient {
  query<P extends QueryPath>(path: P, input: InputOf<P>, options?: RequestOptions): Promise<OutputOf<P>>;
  mutate<P extends MutationPath>(path: P, input: InputOf<P>, options?: RequestOptions): Promise<OutputOf<P>>;
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

interface ErrorBody {
  error?: { message?: string; data?: { kindredCode?: ErrorCode; issues?: Issue[] } };
}

export function createClient(options: ClientOptions): KindredClient {
  async function call(method: 'GET' | 'POST', path: string, input: unknown, request?: RequestOptions) {
    let url = new URL(`trpc/${path}`, options.base).href;
    if (method === 'GET' && input !== undefined) url += `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const headers: Record<string, string> = { 'x-kindred-key': options.key };
    const token = options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
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
    const json = (await response.json().catch(() => null)) as ({ result?: { data: unknown } } & ErrorBody) | null;
    if (response.ok && json?.result) return json.result.data;
    const data = json?.error?.data;
    throw new ApiError(
      data?.kindredCode ?? (response.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'),
      response.status,
      json?.error?.message ?? response.statusText,
      data?.issues ?? [],
    );
  }
  return {
    query: (path, input, request) => call('GET', path, input, request) as never,
    mutate: (path, input, request) => call('POST', path, input, request) as never,
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
  return {
    query: (path, input, request) => run(false, () => client.query(path, input, request)),
    mutate: (path, input, request) => run(true, () => client.mutate(path, input, request)),
  };
}

/**
 * A key for one logical write, reused when that write is retried. (crypto.randomUUID exists only
 * on secure origins; host pages are not always one.)
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

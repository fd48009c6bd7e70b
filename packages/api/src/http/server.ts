/**
 * The API's HTTP server: tRPC at /trpc (CORS per tenant), GET /healthz, the widget bundles at
 * the root (kindred.js and its chunks, loadable from any site) and the admin console at /admin.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { TRPCError } from '@trpc/server';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { isConnectionError } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { ERROR_CODES, KindredError, type ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { RateLimitStore } from '../modules/rate-limits/rate-limits.ts';
import type { RealtimeHub } from '../modules/realtime/realtime.hub.ts';
import { isOriginKnown } from '../modules/tenants/tenants.repo.ts';
import { appRouter, createCaller } from '../router.ts';
import { createContextInner, type Context } from '../trpc/context.ts';
import { kindredCodeOf, kindredErrorData } from '../trpc/trpc.ts';
import { STAFF_COOKIE } from '../modules/staff/staff-auth.service.ts';
import { serveStatic } from './static-files.ts';

/** What the access log needs to know about a request once it is answered. */
interface RequestState {
  id: string;
  tenantId: string | undefined;
}

export interface ApiServerOptions {
  db: Kysely<Database>;
  log: Logger;
  /** Live updates; without it subscriptions answer with an error. */
  realtime?: RealtimeHub;
  /** Rate-limit counters; without it requests are not limited. */
  rateLimits?: RateLimitStore;
  /** Built widget bundles (packages/widgets/dist). */
  widgetsDir: string;
  /** Built admin console (packages/admin/dist). */
  adminDir: string;
}

/** The largest request body tRPC will read (a 20,000-character post fits many times over). */
const MAX_BODY_BYTES = 256 * 1024;
const ALLOWED_REQUEST_HEADERS = 'content-type, authorization, x-kindred-key, x-request-id, last-event-id';

/** The strict policy the admin console runs under: no inline scripts or styles. */
export const ADMIN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, headers: Record<string, string> = {}) {
  sendJson(res, status, { error: { message: ERROR_CODES[code].message, data: { kindredCode: code, httpStatus: status } } }, headers);
}

/** Errors in tRPC's JSON shape, for refusals answered outside tRPC's own handler. */
function sendTrpcError(res: ServerResponse, error: TRPCError, path: string) {
  const httpStatus = getHTTPStatusCodeFromError(error);
  const { code, issues, message, details } = kindredErrorData(error);
  const data = { code: error.code, httpStatus, path, kindredCode: code, ...(issues ? { issues } : {}), ...(details ? { details } : {}) };
  sendJson(
    res,
    httpStatus,
    { error: { message, code: TRPC_ERROR_CODES_BY_KEY[error.code], data } },
    {
      'cache-control': 'no-store',
      ...(error instanceof KindredError && error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {}),
    },
  );
}

const isSubscription = (path: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>)[path]?._def.type === 'subscription';

/**
 * tRPC answers every subscription with 200 and reports a refusal inside the event stream.
 * Running the procedure's checks first (tenant, origin, token, input, access) lets a refused
 * stream get a real 4xx instead; the stream itself is then opened by tRPC as usual.
 */
async function subscriptionRefusal(ctx: Context, path: string, rawInput: string | null): Promise<TRPCError | undefined> {
  let input: unknown;
  try {
    input = rawInput === null ? undefined : JSON.parse(rawInput);
  } catch (cause) {
    return new TRPCError({ code: 'PARSE_ERROR', message: 'The input is not valid JSON.', cause });
  }
  const abort = new AbortController();
  try {
    const caller = createCaller(ctx, { signal: abort.signal }) as unknown as Record<string, Record<string, (input: unknown) => Promise<AsyncIterable<unknown>>>>;
    const [namespace, name] = path.split('.');
    const stream = await caller[namespace!]![name!]!(input);
    await (stream as AsyncGenerator).return?.(undefined);
    return undefined;
  } catch (err) {
    return err instanceof TRPCError ? err : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: err });
  } finally {
    abort.abort();
  }
}

/**
 * Guest reads of widget data may be served by a CDN for a few seconds (CDN-Cache-Control, keyed
 * by origin and key), while browsers always revalidate: a member who just posted and reloads
 * must see the post. Anything personal (member or console) is never stored.
 */
function cachingHeaders(path: string, type: string, errors: TRPCError[], ctx: Context | undefined): Headers {
  const retryAfter = errors.find((e): e is KindredError => e instanceof KindredError && e.retryAfterSeconds !== undefined)?.retryAfterSeconds;
  if (retryAfter !== undefined) return new Headers({ 'retry-after': String(retryAfter), 'cache-control': 'no-store' });
  const guestWidgetRead = type === 'query' && errors.length === 0 && ctx?.tenant.ok && !ctx.token && !path.startsWith('staff.');
  if (guestWidgetRead) {
    return new Headers({
      'cache-control': 'public, max-age=0, must-revalidate',
      'cdn-cache-control': 'public, max-age=5, stale-while-revalidate=30',
      vary: 'Origin, X-Kindred-Key, Authorization',
    });
  }
  return new Headers({ 'cache-control': 'private, no-store' });
}

/** One cookie's value from the Cookie header. */
function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The origin the browser used to reach this API (the admin console's origin). */
function selfOrigin(req: IncomingMessage): string {
  const forwardedProto = singleHeader(req.headers['x-forwarded-proto'])?.split(',')[0]?.trim();
  const proto = forwardedProto === 'https' || (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  // A present but malformed header is passed on as an (invalid) token so it fails loudly.
  return match ? match[1] : header;
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function createApiServer(options: ApiServerOptions): Server {
  const { db, log } = options;
  const widgetsDir = path.resolve(options.widgetsDir);
  const adminDir = path.resolve(options.adminDir);

  async function handleTrpc(req: IncomingMessage, res: ServerResponse, url: URL, request: RequestState) {
    const origin = singleHeader(req.headers.origin);
    res.setHeader('vary', 'Origin');
    if (req.method === 'OPTIONS') {
      // A preflight carries no key, so it can only ask whether any tenant allows this origin;
      // the real request is then checked against its own tenant's allowlist.
      const known = origin ? await isOriginKnown(db, origin).catch(() => false) : false;
      if (!known) return sendError(res, 403, 'ORIGIN_NOT_ALLOWED');
      res.writeHead(204, {
        'access-control-allow-origin': origin!,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
        'access-control-max-age': '600',
      });
      return res.end();
    }

    const ctx = await createContextInner({
      db,
      log,
      requestId: request.id,
      publishableKey: singleHeader(req.headers['x-kindred-key']),
      origin,
      token: bearerToken(req),
      ip: req.socket.remoteAddress,
      realtime: options.realtime,
      rateLimits: options.rateLimits,
      staffCookie: cookieValue(req, STAFF_COOKIE),
      csrfToken: singleHeader(req.headers['x-kindred-csrf']),
      selfOrigin: selfOrigin(req),
      secure: selfOrigin(req).startsWith('https:'),
    });
    if (ctx.tenant.ok) request.tenantId = ctx.tenant.tenant.id;
    // Echo the origin only when it is on this tenant's allowlist; never with credentials.
    if (ctx.tenant.ok && origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'x-request-id');
    }

    const path = url.pathname.slice('/trpc/'.length);
    if (req.method === 'GET' && isSubscription(path)) {
      const refusal = await subscriptionRefusal(ctx, path, url.searchParams.get('input'));
      if (refusal) return sendTrpcError(res, refusal, path);
    }

    await nodeHTTPRequestHandler({
      req,
      res,
      router: appRouter,
      path,
      maxBodySize: MAX_BODY_BYTES,
      allowBatching: false,
      createContext: () => ctx,
      responseMeta({ type, errors, ctx }) {
        const headers = cachingHeaders(path, type, errors, ctx);
        for (const cookie of ctx?.responseCookies ?? []) headers.append('set-cookie', cookie);
        return { headers };
      },
      onError({ error, path: procedure, ctx }) {
        const code = kindredCodeOf(error);
        const entry = { procedure, code, tenantId: ctx?.tenant.ok ? ctx.tenant.tenant.id : undefined };
        if (code === 'INTERNAL') (ctx?.log ?? log).error({ ...entry, err: error.cause ?? error }, 'procedure failed');
        else if (code === 'DATABASE_UNAVAILABLE') (ctx?.log ?? log).warn(entry, 'database unavailable');
        else (ctx?.log ?? log).debug(entry, 'client error');
      },
    });
  }

  async function handleHealth(res: ServerResponse) {
    try {
      await sql`select 1`.execute(db);
      sendJson(res, 200, { status: 'ok', database: 'up' }, { 'cache-control': 'no-store' });
    } catch (err) {
      if (!isConnectionError(err)) log.error({ err }, 'health check failed');
      sendError(res, 503, 'DATABASE_UNAVAILABLE', { 'cache-control': 'no-store' });
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, request: RequestState) {
    const url = new URL(req.url ?? '/', 'http://kindred.invalid');
    res.setHeader('x-request-id', request.id);
    res.setHeader('x-content-type-options', 'nosniff');

    if (url.pathname.startsWith('/trpc/')) return handleTrpc(req, res, url, request);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED', { allow: 'GET, HEAD' });
    if (url.pathname === '/healthz') return handleHealth(res);

    if (url.pathname === '/admin') {
      res.writeHead(308, { location: '/admin/' });
      return res.end();
    }
    if (url.pathname.startsWith('/admin/')) {
      const served = await serveStatic(req, res, adminDir, url.pathname.slice('/admin/'.length), {
        headers: { 'content-security-policy': ADMIN_CSP, 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' },
        immutable: (file) => file.includes(`${path.sep}assets${path.sep}`),
        fallback: 'index.html',
      });
      if (served) return;
    } else if (url.pathname !== '/' && !url.pathname.endsWith('.html')) {
      // Widget bundles: any site may load them (module scripts are fetched with CORS).
      const served = await serveStatic(req, res, widgetsDir, url.pathname.slice(1), {
        headers: { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' },
        immutable: (file) => path.basename(file) !== 'kindred.js' && /-[A-Za-z0-9_-]{8,}\.js$/.test(file),
      });
      if (served) return;
    }
    if (url.pathname === '/kindred.js') {
      return sendJson(res, 503, { error: { message: 'The widget bundle is not built. Run `npm run build`.' } });
    }
    sendError(res, 404, 'NOT_FOUND');
  }

  return createServer((req, res) => {
    const started = performance.now();
    const request: RequestState = { id: randomUUID(), tenantId: undefined };
    res.on('finish', () => {
      // Path only: query strings can hold user input.
      const pathname = (req.url ?? '/').split('?')[0];
      const ms = Math.round(performance.now() - started);
      log.info({ requestId: request.id, tenantId: request.tenantId, method: req.method, path: pathname, status: res.statusCode, ms }, 'request');
    });
    route(req, res, request).catch((err: unknown) => {
      log.error({ err, requestId: request.id }, 'unhandled request failure');
      if (!res.headersSent) sendError(res, isConnectionError(err) ? 503 : 500, isConnectionError(err) ? 'DATABASE_UNAVAILABLE' : 'INTERNAL');
      else res.destroy();
    });
  });
}

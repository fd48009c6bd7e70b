/**
 * The request context. `createContextInner` needs no HTTP, so tests call procedures through
 * `createCaller(await createContextInner(...))`; the HTTP server builds the same thing from a
 * request in server.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isConnectionError } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import type { RateLimitStore } from '../modules/rate-limits/rate-limits.ts';
import type { RealtimeHub } from '../modules/realtime/realtime.hub.ts';
import { resolveTenant, type TenantResolution } from '../modules/tenants/tenants.service.ts';

export interface ContextInput {
  db: Kysely<Database>;
  log: Logger;
  /** Header `x-kindred-key`. */
  publishableKey?: string | undefined;
  /** Header `Origin`. */
  origin?: string | undefined;
  /** The member token from `Authorization: Bearer ...`. */
  token?: string | undefined;
  requestId?: string | undefined;
  ip?: string | undefined;
  /** This process's realtime hub; subscriptions need it, mutations poke it. */
  realtime?: RealtimeHub | undefined;
  /** Where rate-limit counters live; without it requests are not limited (tests, load benchmarks). */
  rateLimits?: RateLimitStore | undefined;
  /** The admin console's session cookie value (`kindred_staff`). */
  staffCookie?: string | undefined;
  /** Header `x-kindred-csrf`: the session's CSRF token, required on console mutations. */
  csrfToken?: string | undefined;
  /** This API's own origin (scheme://host), where the console runs; console mutations must come from it. */
  selfOrigin?: string | undefined;
  /** Served over https: console cookies get `Secure`. */
  secure?: boolean | undefined;
}

export interface Context {
  db: Kysely<Database>;
  log: Logger;
  requestId: string;
  token: string | undefined;
  ip: string | undefined;
  realtime: RealtimeHub | undefined;
  rateLimits: RateLimitStore | undefined;
  /** Resolved once per request; procedures refuse to run unless it is ok. */
  tenant: TenantResolution | { ok: false; error: 'DATABASE_UNAVAILABLE' };
  /** What the admin console's requests carry (staff procedures read it). */
  console: { cookie: string | undefined; csrfToken: string | undefined; origin: string | undefined; selfOrigin: string | undefined; secure: boolean };
  /** `Set-Cookie` values a procedure wants sent with the response. */
  responseCookies: string[];
}

export async function createContextInner(input: ContextInput): Promise<Context> {
  const requestId = input.requestId ?? randomUUID();
  let tenant: Context['tenant'];
  try {
    tenant = await resolveTenant(input.db, input.publishableKey, input.origin);
  } catch (err) {
    if (!isConnectionError(err)) throw err;
    tenant = { ok: false, error: 'DATABASE_UNAVAILABLE' };
  }
  const log = input.log.child({ requestId, ...(tenant.ok ? { tenantId: tenant.tenant.id } : {}) });
  return {
    db: input.db,
    log,
    requestId,
    token: input.token,
    ip: input.ip,
    realtime: input.realtime,
    rateLimits: input.rateLimits,
    tenant,
    console: {
      cookie: input.staffCookie,
      csrfToken: input.csrfToken,
      origin: input.origin,
      selfOrigin: input.selfOrigin,
      secure: input.secure ?? false,
    },
    responseCookies: [],
  };
}

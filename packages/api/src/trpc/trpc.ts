/**
 * tRPC is initialised here, once. Only procedures that resolve a tenant are exported: there is
 * deliberately no bare `publicProcedure`, so no endpoint can forget tenant resolution.
 *
 * - `tenantProcedure`: the tenant is known and the Origin allowed; the work runs in one
 *   tenant-bound transaction (`ctx.tx`); `ctx.member` is the signed-in member or null.
 * - `memberProcedure`: as above, and a signed-in member is required.
 * - `serverProcedure`: the tenant's own backend, with its secret key.
 * - `staffProcedure` (and `ownerProcedure`, `moderatorProcedure`): the admin console's signed-in
 *   staff; `consoleProcedure`: the console before sign-in.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { isConnectionError } from '../db/database.ts';
import { withTenant, type TenantTx } from '../db/tenant-transaction.ts';
import { ERROR_CODES, KindredError, type ErrorCode } from '../errors.ts';
import { signIn, type SignedInMember } from '../modules/identity/identity.service.ts';
import { enforceRateLimit, limitsOf, type RateLimits } from '../modules/rate-limits/rate-limits.ts';
import { parseSessionCookie, resolveSession, safeEqual } from '../modules/staff/staff-auth.service.ts';
import { findTenantBySecretHash } from '../modules/tenants/tenants.repo.ts';
import type { StaffRole } from '../db/schema.ts';
import { hashSecretKey } from '../modules/tenants/tenants.service.ts';
import type { Context } from './context.ts';

const DEFAULT_CODE_FOR_TRPC: Partial<Record<TRPCError['code'], ErrorCode>> = {
  BAD_REQUEST: 'VALIDATION_FAILED',
  PARSE_ERROR: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAUTHORIZED: 'TOKEN_INVALID',
};

interface Issue {
  path: PropertyKey[];
  message: string;
}

function zodIssues(error: TRPCError): { path: string; message: string }[] | undefined {
  const issues = (error.cause as { issues?: Issue[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function kindredCodeOf(error: TRPCError): ErrorCode {
  if (error instanceof KindredError) return error.kindredCode;
  return DEFAULT_CODE_FOR_TRPC[error.code] ?? 'INTERNAL';
}

/** The `data` every error response carries: the tRPC fields plus Kindred's code and any field issues. */
export function kindredErrorData(error: TRPCError) {
  const code = kindredCodeOf(error);
  const issues = zodIssues(error);
  const message = code === 'INTERNAL' ? ERROR_CODES.INTERNAL.message : issues ? ERROR_CODES.VALIDATION_FAILED.message : error.message;
  const details = error instanceof KindredError ? error.details : undefined;
  return { code, issues, message, details };
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  sse: {
    // Comments keep proxies from closing an idle stream; clients reconnect if even these stop.
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 40_000 },
  },
  errorFormatter({ shape, error }) {
    // Internal failures never echo their cause to the client.
    const { code, issues, message, details } = kindredErrorData(error);
    return { ...shape, message, data: { ...shape.data, kindredCode: code, ...(issues ? { issues } : {}), ...(details ? { details } : {}) } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns infrastructure failures into client-readable errors: an unreachable database is a 503
 * (retry later), and a value PostgreSQL rejects that the schemas let through is still the
 * client's mistake (400), never a 500.
 */
function classifyError(thrown: unknown): unknown {
  // A procedure's own throw reaches here wrapped as INTERNAL_SERVER_ERROR with the original as cause.
  const wrapped = thrown instanceof TRPCError && !(thrown instanceof KindredError) && thrown.code === 'INTERNAL_SERVER_ERROR';
  const err = wrapped ? thrown.cause : thrown;
  if (err instanceof TRPCError) return err;
  if (isConnectionError(err)) return new KindredError('DATABASE_UNAVAILABLE', undefined, { cause: err });
  const sqlState = (err as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && (sqlState.startsWith('22') || sqlState === '23514')) {
    return new KindredError('VALIDATION_FAILED', undefined, { cause: err });
  }
  return thrown;
}

/** Spends the request's rate-limit points before any work (and before a transaction opens). */
async function rateLimit(ctx: Context, tenantId: string, limits: RateLimits, kind: 'read' | 'write'): Promise<void> {
  if (!ctx.rateLimits) return;
  try {
    await enforceRateLimit(ctx.rateLimits, { tenantId, kind, ip: ctx.ip, token: ctx.token, limits });
  } catch (err) {
    throw classifyError(err);
  }
}

export const tenantProcedure = t.procedure.use(async ({ ctx, next, type }) => {
  if (!ctx.tenant.ok) throw new KindredError(ctx.tenant.error);
  const { tenant, bannedWords } = ctx.tenant;
  await rateLimit(ctx, tenant.id, ctx.tenant.limits, type === 'mutation' ? 'write' : 'read');
  try {
    const result = await withTenant(ctx.db, tenant.id, async (tx: TenantTx) => {
      const member: SignedInMember | null = ctx.token ? await signIn(tx, ctx.token, bannedWords) : null;
      const outcome = await next({ ctx: { tx, tenant, member } });
      // tRPC hands errors back as a result: rethrow so the transaction rolls back.
      if (!outcome.ok) throw outcome.error;
      return outcome;
    });
    // Committed: let every API process know there may be new outbox events (coalesced).
    if (type === 'mutation') ctx.realtime?.notify();
    return result;
  } catch (err) {
    throw classifyError(err);
  }
});

/**
 * For subscriptions (long-lived streams): the tenant and member are resolved in a short
 * transaction, and each later read opens its own through `ctx.inTenant`, so no transaction
 * stays open for the life of a stream.
 */
export const tenantStreamProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.tenant.ok) throw new KindredError(ctx.tenant.error);
  const realtime = ctx.realtime;
  if (!realtime) throw new KindredError('INTERNAL', 'Live updates are not running in this process.');
  const { tenant, bannedWords } = ctx.tenant;
  await rateLimit(ctx, tenant.id, ctx.tenant.limits, 'read');
  const token = ctx.token;
  let member: SignedInMember | null;
  try {
    member = token ? await withTenant(ctx.db, tenant.id, (tx) => signIn(tx, token, bannedWords)) : null;
  } catch (err) {
    throw classifyError(err);
  }
  const inTenant = <T>(work: (tx: TenantTx) => Promise<T>): Promise<T> => withTenant(ctx.db, tenant.id, work);
  return next({ ctx: { tenant, member, inTenant, realtime } });
});

/**
 * Server-to-server calls from a tenant's own backend with its secret key
 * (`Authorization: Bearer sk_...`): no Origin (not a browser), never a member. The work runs in
 * the same tenant-bound transaction as every other procedure.
 */
export const serverProcedure = t.procedure.use(async ({ ctx, next }) => {
  const key = ctx.token;
  if (!key?.startsWith('sk_') || key.length > 200) throw new KindredError('SECRET_KEY_INVALID');
  try {
    const found = await findTenantBySecretHash(ctx.db, hashSecretKey(key));
    if (!found) throw new KindredError('SECRET_KEY_INVALID');
    const tenant = { id: found.id, slug: found.slug, name: found.name };
    await rateLimit(ctx, tenant.id, limitsOf(found.settings), 'write');
    return await withTenant(ctx.db, tenant.id, async (tx: TenantTx) => {
      const outcome = await next({ ctx: { tx, tenant } });
      if (!outcome.ok) throw outcome.error;
      return outcome;
    });
  } catch (err) {
    throw classifyError(err);
  }
});

export const memberProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (!ctx.member) throw new KindredError('SIGN_IN_REQUIRED');
  return next({ ctx: { member: ctx.member } });
});

/**
 * Console mutations must come from the console's own origin when the browser says where it is
 * from (SameSite=Strict cookies already keep other sites' requests cookie-less; this is the
 * second lock).
 */
function requireConsoleOrigin(ctx: Context): void {
  const { origin, selfOrigin } = ctx.console;
  if (origin !== undefined && selfOrigin !== undefined && origin !== selfOrigin) throw new KindredError('CSRF_FAILED');
}

/**
 * The admin console's calls before a session exists (sign-in, invites). The tenant comes from
 * the input, so these procedures open their own tenant transactions.
 */
export const consoleProcedure = t.procedure.use(async ({ ctx, next, type }) => {
  try {
    if (type === 'mutation') requireConsoleOrigin(ctx);
    if (ctx.rateLimits) {
      // Per address only: sign-in attempts are also counted per account (lock-out).
      await enforceRateLimit(ctx.rateLimits, { tenantId: 'console', kind: 'write', ip: ctx.ip, token: undefined, limits: limitsOf({}) });
    }
    const outcome = await next();
    if (!outcome.ok) throw outcome.error;
    return outcome;
  } catch (err) {
    throw classifyError(err);
  }
});

/**
 * A signed-in staff member of one tenant, from the console's session cookie. Mutations also need
 * the session's CSRF token in `x-kindred-csrf`. `ctx.staff` is the account; the work runs in the
 * tenant's transaction like every other procedure.
 */
export const staffProcedure = t.procedure.use(async ({ ctx, next, type }) => {
  const cookie = parseSessionCookie(ctx.console.cookie);
  if (!cookie) throw new KindredError('STAFF_SIGN_IN_REQUIRED');
  if (type === 'mutation') requireConsoleOrigin(ctx);
  try {
    if (ctx.rateLimits) {
      const kind = type === 'mutation' ? 'write' : 'read';
      await enforceRateLimit(ctx.rateLimits, { tenantId: cookie.tenantId, kind, ip: ctx.ip, token: ctx.console.cookie, limits: limitsOf({}) });
    }
    const result = await withTenant(ctx.db, cookie.tenantId, async (tx: TenantTx) => {
      const session = await resolveSession(tx, cookie.secret);
      if (!session) throw new KindredError('STAFF_SIGN_IN_REQUIRED');
      if (type === 'mutation' && !safeEqual(ctx.console.csrfToken ?? '', session.csrfToken)) throw new KindredError('CSRF_FAILED');
      const tenant = await tx.selectFrom('tenants').select(['id', 'slug', 'name']).executeTakeFirstOrThrow();
      const outcome = await next({ ctx: { tx, tenant, staff: session.account, staffSession: session } });
      if (!outcome.ok) throw outcome.error;
      return outcome;
    });
    if (type === 'mutation') ctx.realtime?.notify();
    return result;
  } catch (err) {
    throw classifyError(err);
  }
});

/** Staff whose role is one of `roles`; the others get STAFF_ROLE_FORBIDDEN. */
export function staffWithRole(...roles: StaffRole[]) {
  return staffProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.staff.role)) throw new KindredError('STAFF_ROLE_FORBIDDEN');
    return next();
  });
}

/** Owners run the organisation's console: settings, keys, team, audit. */
export const ownerProcedure = staffWithRole('owner');
/** Owners and moderators work the queue and look after members. */
export const moderatorProcedure = staffWithRole('owner', 'moderator');

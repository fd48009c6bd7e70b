/**
 * Rate limits per member, per IP (IPv6 grouped by /64) and per tenant, for reads and writes
 * separately, per minute, configurable per tenant. Counters live in PostgreSQL by default (the
 * embedded database too) or in Redis when REDIS_URL is set, through rate-limiter-flexible.
 * Keys always include the tenant, so one tenant's flood never spends another tenant's budget.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { decodeJwt } from 'jose';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { Database } from '../../db/schema.ts';
import { KindredError } from '../../errors.ts';
import { tenantSettingsSchema, type TenantSettings } from '../tenants/tenant-settings.ts';

export type RateLimits = TenantSettings['rateLimits'];
export type RequestKind = 'read' | 'write';

/** The bucket an address counts in: IPv4 as is, IPv6 by its /64 network (one household or host). */
export function ipBucket(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIP(ip) !== 6) return isIP(ip) === 4 ? ip : undefined;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Who a token says it is, without verifying it: only to pick a counter, never to grant anything. */
function memberBucket(token: string | undefined): string | undefined {
  if (!token) return undefined;
  try {
    const sub = decodeJwt(token).sub;
    return sub ? createHash('sha256').update(sub).digest('base64url').slice(0, 22) : undefined;
  } catch {
    return undefined;
  }
}

export interface RateLimitStore {
  kind: 'postgres' | 'redis';
  limiter(points: number): RateLimiterAbstract;
  close(): Promise<void>;
}

/** rate-limiter-flexible's Postgres store, speaking through Kysely (so PGlite's single session is shared safely). */
export function postgresStore(db: Kysely<Database>): RateLimitStore {
  const client = {
    async query(q: { text: string; values?: unknown[] }) {
      const result = await db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
      return { rows: result.rows, rowCount: result.rows.length };
    },
  };
  const limiters = new Map<number, RateLimiterAbstract>();
  return {
    kind: 'postgres',
    limiter(points) {
      let limiter = limiters.get(points);
      if (!limiter) {
        limiter = new RateLimiterPostgres({
          storeClient: client,
          storeType: 'client',
          tableName: 'rate_limits',
          tableCreated: true,
          keyPrefix: `k${points}`,
          points,
          duration: 60,
          // If the database cannot count, this process counts alone rather than failing requests.
          insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
        });
        limiters.set(points, limiter);
      }
      return limiter;
    },
    async close() {},
  };
}

export function redisStore(redis: Redis, onError: (err: Error) => void = () => {}): RateLimitStore {
  // Unhandled, a connection error event would crash the process; the insurance limiter covers the gap.
  redis.on('error', onError);
  const limiters = new Map<number, RateLimiterAbstract>();
  return {
    kind: 'redis',
    limiter(points) {
      let limiter = limiters.get(points);
      if (!limiter) {
        limiter = new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `kindred:rl:${points}`,
          points,
          duration: 60,
          insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
        });
        limiters.set(points, limiter);
      }
      return limiter;
    },
    async close() {
      redis.disconnect();
    },
  };
}

export interface RateLimitRequest {
  tenantId: string;
  kind: RequestKind;
  ip?: string | undefined;
  token?: string | undefined;
  limits: RateLimits;
}

/**
 * Spends one point from each bucket the request counts in (tenant, IP, member); over any of
 * them: RATE_LIMITED (429) with the seconds until that bucket has room again.
 */
export async function enforceRateLimit(store: RateLimitStore, request: RateLimitRequest): Promise<void> {
  const { tenantId, kind, limits } = request;
  const read = kind === 'read';
  const buckets: [string, number][] = [[`t:${kind}:${tenantId}`, read ? limits.tenantReadsPerMinute : limits.tenantWritesPerMinute]];
  const ip = ipBucket(request.ip);
  if (ip) buckets.push([`i:${kind}:${tenantId}:${ip}`, read ? limits.ipReadsPerMinute : limits.ipWritesPerMinute]);
  const member = memberBucket(request.token);
  if (member) buckets.push([`m:${kind}:${tenantId}:${member}`, read ? limits.memberReadsPerMinute : limits.memberWritesPerMinute]);
  for (const [key, points] of buckets) {
    try {
      await store.limiter(points).consume(key, 1);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        throw new KindredError('RATE_LIMITED', undefined, retryOptions(outcome.msBeforeNext));
      }
      throw outcome;
    }
  }
}

/** Retry-After in whole seconds, as a header (server.ts) and as `error.data.details` for clients. */
function retryOptions(msBeforeNext: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return { retryAfterSeconds, details: { retryAfterSeconds } };
}

/** The limits in force for a tenant (its settings, with defaults). */
export function limitsOf(settings: unknown): RateLimits {
  return tenantSettingsSchema.parse(settings ?? {}).rateLimits;
}

/**
 * Tenants: creating one with its keys, its origin allowlist, SSO key rotation, and resolving the
 * tenant of an incoming request from its publishable key and Origin.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { withTenant } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { RateLimits } from '../rate-limits/rate-limits.ts';
import { DEFAULT_CONSENT_TEXT } from '../stories/consent-text.ts';
import { tenantSettingsSchema } from './tenant-settings.ts';
import * as repo from './tenants.repo.ts';
import type { SystemDb } from './tenants.repo.ts';

export interface ResolvedTenant {
  id: string;
  slug: string;
  name: string;
}

export interface NewTenantCredentials {
  tenant: ResolvedTenant;
  publishableKey: string;
  /** Shown once: only its hash is stored. */
  secretKey: string;
  sso: { kid: string; secret: string };
}

const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');
export const hashSecretKey = (secretKey: string) => createHash('sha256').update(secretKey).digest('hex');

export const tenantSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a slug is lowercase letters, digits and dashes, up to 63 characters');

/**
 * An allowlist entry is an exact origin: scheme, host and port, nothing else.
 * `https://clinic.example/` is accepted as `https://clinic.example`; a path, query or wildcard is refused.
 */
export function normaliseOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new KindredError('VALIDATION_FAILED', `"${input}" is not an origin such as https://clinic.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KindredError('VALIDATION_FAILED', 'an origin must start with https:// or http://');
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new KindredError('VALIDATION_FAILED', 'an origin is scheme, host and port only, with no path');
  }
  if (url.hostname.includes('*')) throw new KindredError('VALIDATION_FAILED', 'wildcard origins are not supported');
  return url.origin;
}

/** A new secret key (shown once; store only `hashSecretKey` of it). */
export const newSecretKey = (): string => `sk_${randomToken(32)}`;

/** A new SSO signing key: its `kid` and HS256 secret. */
export const newSsoKey = (): { kid: string; secret: string } => ({ kid: `kid_${randomToken(9)}`, secret: randomToken(32) });

/**
 * Forgets this process's cached resolutions for `origin`, so a removed origin stops working
 * here at once (other processes within RESOLUTION_TTL_MS).
 */
export function forgetResolutionsFor(origin: string): void {
  for (const key of resolutionCache.keys()) if (key.endsWith(`\n${origin}`)) resolutionCache.delete(key);
}

export async function createTenant(
  db: SystemDb,
  input: { name: string; slug: string; origins?: string[]; publishableKey?: string },
): Promise<NewTenantCredentials> {
  const slug = tenantSlugSchema.parse(input.slug);
  const origins = (input.origins ?? []).map(normaliseOrigin);
  const tenant = await repo.insertTenant(db, { slug, name: input.name });
  const credentials: NewTenantCredentials = {
    tenant,
    publishableKey: input.publishableKey ?? `pk_${randomToken(24)}`,
    secretKey: `sk_${randomToken(32)}`,
    sso: { kid: `kid_${randomToken(9)}`, secret: randomToken(32) },
  };
  await withTenant(db, tenant.id, async (tx) => {
    await repo.insertPublishableKey(tx, credentials.publishableKey);
    await repo.insertSecretKeyHash(tx, hashSecretKey(credentials.secretKey));
    await repo.insertSsoKey(tx, credentials.sso);
    for (const origin of origins) await repo.insertOrigin(tx, origin);
    await tx.insertInto('consent_texts').values({ tenant_id: tenant.id, version: 1, body: DEFAULT_CONSENT_TEXT }).execute();
    await appendAudit(tx, { actorKind: 'operator', action: 'tenant.created', subject: tenant.id, details: { slug, origins } });
  });
  return credentials;
}

export async function addOrigin(db: SystemDb, tenantId: string, origin: string): Promise<string> {
  const normalised = normaliseOrigin(origin);
  await withTenant(db, tenantId, async (tx) => {
    if (await repo.insertOrigin(tx, normalised)) {
      await appendAudit(tx, { actorKind: 'operator', action: 'origin.added', subject: normalised });
    }
  });
  return normalised;
}

/**
 * Makes a new SSO signing key active. Tokens name their key in the `kid` header, so unless
 * `keepPrevious` is set the old keys are retired at once and tokens signed with them refused.
 */
export async function rotateSsoKey(db: SystemDb, tenantId: string, options: { keepPrevious?: boolean } = {}) {
  const key = { kid: `kid_${randomToken(9)}`, secret: randomToken(32) };
  const retired = await withTenant(db, tenantId, async (tx) => {
    await repo.insertSsoKey(tx, key);
    const retiredKids = options.keepPrevious ? [] : await repo.retireSsoKeysExcept(tx, key.kid);
    await appendAudit(tx, { actorKind: 'operator', action: 'sso.rotated', subject: key.kid, details: { retired: retiredKids } });
    return retiredKids;
  });
  return { ...key, retired };
}

export type TenantResolution =
  /** `bannedWords` travels with the tenant so signing a member in needs no settings query. */
  | { ok: true; tenant: ResolvedTenant; limits: RateLimits; bannedWords: readonly string[] }
  | { ok: false; error: 'TENANT_KEY_INVALID' | 'ORIGIN_NOT_ALLOWED' };

const publishableKeySchema = z.string().min(4).max(200).startsWith('pk_');

/**
 * Successful resolutions are remembered briefly: every widget request resolves its tenant, and
 * this saves a query on each. Only successes are cached (a newly allowed origin works at once);
 * a revoked key or removed origin stops working within RESOLUTION_TTL_MS in every process.
 */
const RESOLUTION_TTL_MS = 10_000;
const RESOLUTION_CACHE_MAX = 5_000;
type Resolved = Extract<TenantResolution, { ok: true }>;
const resolutionCache = new Map<string, { resolved: Resolved; expires: number }>();

function cachedResolution(cacheKey: string): Resolved | undefined {
  const hit = resolutionCache.get(cacheKey);
  if (!hit) return undefined;
  if (hit.expires > Date.now()) return hit.resolved;
  resolutionCache.delete(cacheKey);
  return undefined;
}

function rememberResolution(cacheKey: string, resolved: Resolved): void {
  if (resolutionCache.size >= RESOLUTION_CACHE_MAX) resolutionCache.delete(resolutionCache.keys().next().value!);
  resolutionCache.set(cacheKey, { resolved, expires: Date.now() + RESOLUTION_TTL_MS });
}

/**
 * Which tenant a request is for: its publishable key names the tenant, and its Origin must be
 * on that tenant's allowlist, exactly. No Origin (not a browser) is not on any allowlist.
 */
export async function resolveTenant(db: SystemDb, key: string | undefined, origin: string | undefined): Promise<TenantResolution> {
  if (!publishableKeySchema.safeParse(key).success) return { ok: false, error: 'TENANT_KEY_INVALID' };
  const safeOrigin = origin && origin.length <= 300 ? origin : '';
  const cacheKey = `${key}\n${safeOrigin}`;
  const cached = cachedResolution(cacheKey);
  if (cached) return cached;
  const found = await repo.findTenantByPublishableKey(db, key!, safeOrigin);
  if (!found) return { ok: false, error: 'TENANT_KEY_INVALID' };
  if (!found.origin_allowed) return { ok: false, error: 'ORIGIN_NOT_ALLOWED' };
  const settings = tenantSettingsSchema.parse(found.settings ?? {});
  const resolved: Resolved = {
    ok: true,
    tenant: { id: found.id, slug: found.slug, name: found.name },
    limits: settings.rateLimits,
    bannedWords: settings.moderation.bannedWords,
  };
  rememberResolution(cacheKey, resolved);
  return resolved;
}

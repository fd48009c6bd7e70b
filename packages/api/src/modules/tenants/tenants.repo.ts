/**
 * Tenant lookups that happen BEFORE a tenant is known (resolving a publishable key, answering
 * a CORS preflight) run on the owner connection: `SystemDb`. Keep this list short and read-only
 * where possible; everything after resolution goes through `withTenant`.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';

/** The raw (owner) database handle, for the few pre-tenant lookups and operator commands. */
export type SystemDb = Kysely<Database>;

/** The tenant a publishable key belongs to, and whether `origin` is on its allowlist: one round trip. */
export async function findTenantByPublishableKey(db: SystemDb, publishableKey: string, origin: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('tenants', 'tenants.id', 'api_keys.tenant_id')
    .select((eb) => [
      'tenants.id',
      'tenants.slug',
      'tenants.name',
      'tenants.settings',
      eb
        .exists(
          eb
            .selectFrom('tenant_origins')
            .select('origin')
            .whereRef('tenant_origins.tenant_id', '=', 'tenants.id')
            .where('tenant_origins.origin', '=', origin),
        )
        .as('origin_allowed'),
    ])
    .where('api_keys.publishable_key', '=', publishableKey)
    .where('api_keys.kind', '=', 'publishable')
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** A tenant's backend calling with its secret key: the key's hash names the tenant. */
export async function findTenantBySecretHash(db: SystemDb, secretHash: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('tenants', 'tenants.id', 'api_keys.tenant_id')
    .select(['tenants.id', 'tenants.slug', 'tenants.name', 'tenants.settings'])
    .where('api_keys.secret_hash', '=', secretHash)
    .where('api_keys.kind', '=', 'secret')
    // A rotated key keeps working until its revocation time (a grace period), then stops.
    .where((eb) => eb.or([eb('api_keys.revoked_at', 'is', null), eb('api_keys.revoked_at', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
}

/** For CORS preflights, which carry no key: is this origin on any tenant's allowlist? */
export async function isOriginKnown(db: SystemDb, origin: string): Promise<boolean> {
  const row = await db.selectFrom('tenant_origins').select('origin').where('origin', '=', origin).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function findTenantBySlug(db: SystemDb, slug: string) {
  return db.selectFrom('tenants').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function insertTenant(db: SystemDb, tenant: { slug: string; name: string }) {
  return db.insertInto('tenants').values(tenant).returning(['id', 'slug', 'name']).executeTakeFirstOrThrow();
}

export async function insertPublishableKey(tx: TenantTx, publishableKey: string): Promise<void> {
  await tx.insertInto('api_keys').values({ tenant_id: tx.tenantId, kind: 'publishable', publishable_key: publishableKey }).execute();
}

export async function insertSecretKeyHash(tx: TenantTx, secretHash: string): Promise<void> {
  await tx.insertInto('api_keys').values({ tenant_id: tx.tenantId, kind: 'secret', secret_hash: secretHash }).execute();
}

export async function findPublishableKey(tx: TenantTx): Promise<string | undefined> {
  const row = await tx
    .selectFrom('api_keys')
    .select('publishable_key')
    .where('kind', '=', 'publishable')
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.publishable_key ?? undefined;
}

/** Adds an origin to the allowlist; false when it was already there. */
export async function insertOrigin(tx: TenantTx, origin: string): Promise<boolean> {
  const inserted = await tx
    .insertInto('tenant_origins')
    .values({ tenant_id: tx.tenantId, origin })
    .onConflict((oc) => oc.columns(['tenant_id', 'origin']).doNothing())
    .returning('origin')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function listOrigins(tx: TenantTx): Promise<string[]> {
  const rows = await tx.selectFrom('tenant_origins').select('origin').orderBy('origin').execute();
  return rows.map((r) => r.origin);
}

export async function insertSsoKey(tx: TenantTx, key: { kid: string; secret: string }): Promise<void> {
  await tx.insertInto('sso_keys').values({ tenant_id: tx.tenantId, kid: key.kid, secret: key.secret, status: 'active' }).execute();
}

/** Retires every active key except `keepKid`; returns the kids it retired. */
export async function retireSsoKeysExcept(tx: TenantTx, keepKid: string): Promise<string[]> {
  const rows = await tx
    .updateTable('sso_keys')
    .set({ status: 'retired', retired_at: new Date() })
    .where('status', '=', 'active')
    .where('kid', '!=', keepKid)
    .returning('kid')
    .execute();
  return rows.map((r) => r.kid);
}

/** A key that still verifies tokens: active, and not past the end of a rotation's grace period. */
export async function findActiveSsoKey(tx: TenantTx, kid: string) {
  return tx
    .selectFrom('sso_keys')
    .select(['kid', 'secret'])
    .where('kid', '=', kid)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
}

export async function findNewestActiveSsoKey(tx: TenantTx) {
  return tx
    .selectFrom('sso_keys')
    .select(['kid', 'secret'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', sql<Date>`now()`)]))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Removes an origin from the allowlist; false when it was not there. */
export async function deleteOrigin(tx: TenantTx, origin: string): Promise<boolean> {
  const result = await tx.deleteFrom('tenant_origins').where('origin', '=', origin).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Schedules every live secret key to stop working at `at` (a rotation's grace period); keys
 * already scheduled keep their time. Returns how many were scheduled.
 */
export async function scheduleSecretKeysRevocation(tx: TenantTx, at: Date): Promise<number> {
  const result = await tx
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('kind', '=', 'secret')
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Schedules every active SSO key but `keepKid` to stop verifying at `at`; keys already
 * scheduled keep their time. Returns the kids scheduled.
 */
export async function scheduleSsoKeysRetirement(tx: TenantTx, keepKid: string, at: Date): Promise<string[]> {
  const rows = await tx
    .updateTable('sso_keys')
    .set({ retired_at: at })
    .where('status', '=', 'active')
    .where('retired_at', 'is', null)
    .where('kid', '!=', keepKid)
    .returning('kid')
    .execute();
  return rows.map((r) => r.kid);
}

/** The tenant's SSO keys without their secrets, newest first; `retiresAt` may lie in the future. */
export async function listSsoKeys(tx: TenantTx) {
  const rows = await tx
    .selectFrom('sso_keys')
    .select(['kid', 'status', 'created_at', 'retired_at', sql<boolean>`status = 'active' and (retired_at is null or retired_at > now())`.as('verifies')])
    .orderBy('created_at', 'desc')
    .orderBy('kid')
    .execute();
  return rows;
}

/** Consent text versions for the console: SQL only, inside the tenant's transaction. */
import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant-transaction.ts';

export async function latestConsentText(tx: TenantTx) {
  return tx.selectFrom('consent_texts').select(['version', 'body', 'created_at']).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Publishes `body` as the next version; concurrent publishers queue on a per-tenant lock. */
export async function insertConsentText(tx: TenantTx, body: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`consent-text:${tx.tenantId}`}, 0))`.execute(tx);
  const latest = await tx.selectFrom('consent_texts').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  await tx.insertInto('consent_texts').values({ tenant_id: tx.tenantId, version, body }).execute();
  return version;
}

/**
 * The one way to touch tenant data: a transaction bound to one tenant.
 *
 * Inside it the session runs as `kindred_app` (no ownership, no RLS bypass) with
 * `app.tenant_id` set for this transaction only, so every tenant table's policy hides every
 * other tenant's rows: a query that forgets `where tenant_id = ...` still sees one tenant.
 * Repositories take a `TenantTx` and nothing else, so they cannot be handed the raw database.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { APP_ROLE } from './roles.ts';
import type { Database } from './schema.ts';

declare const tenantBound: unique symbol;

/** A transaction that has switched to the app role and is bound to `tenantId`. */
export type TenantTx = Transaction<Database> & { readonly [tenantBound]: true; readonly tenantId: string };

export async function withTenant<T>(
  db: Kysely<Database>,
  tenantId: string,
  work: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // One round trip; both settings end with the transaction (is_local = true).
    await sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    const tx = Object.assign(trx, { tenantId }) as unknown as TenantTx;
    return work(tx);
  });
}

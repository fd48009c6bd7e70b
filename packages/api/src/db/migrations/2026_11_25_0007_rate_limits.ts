/**
 * Rate-limit counters (rate-limiter-flexible's Postgres store), when Redis is not configured.
 * Keys carry the tenant id inside them; the table is read and written only by the limiter on the
 * owner connection, never by tenant transactions, so it has no tenant_id column or policy.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table rate_limits (
       key varchar(255) primary key,
       points integer not null default 0,
       expire bigint
     )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop table rate_limits']);
}

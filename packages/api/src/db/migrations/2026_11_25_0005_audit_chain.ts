/**
 * The audit log becomes a hash chain per tenant: each entry stores the hash of the previous one
 * and its own, so changing or removing any past entry breaks every hash after it (see
 * modules/audit/audit-chain.ts, and `npm run kindred -- audit verify`).
 */
import { sql, type Kysely } from 'kysely';
import { chainHash, type ChainedEntry } from '../../modules/audit/audit-chain.ts';
import { runStatements } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table audit_log add column seq bigint, add column prev_hash text, add column hash text`,
  ]);
  // Chain the entries written so far, oldest first, per tenant (runs as the owner).
  const rows = await sql<ChainedEntry & { id: string }>`
    select id, tenant_id, occurred_at, actor_kind, actor_id, action, subject, ip, details
    from audit_log order by tenant_id, occurred_at, id`.execute(db);
  let tenant = '';
  let seq = 0;
  let prev = '';
  for (const row of rows.rows) {
    if (row.tenant_id !== tenant) [tenant, seq, prev] = [row.tenant_id, 0, ''];
    seq += 1;
    const hash = chainHash({ ...row, seq }, prev);
    await sql`update audit_log set seq = ${seq}, prev_hash = ${prev}, hash = ${hash} where tenant_id = ${row.tenant_id} and id = ${row.id}`.execute(db);
    prev = hash;
  }
  await runStatements(db, [
    `alter table audit_log alter column seq set not null, alter column prev_hash set not null, alter column hash set not null`,
    `alter table audit_log add constraint audit_log_seq unique (tenant_id, seq)`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [`alter table audit_log drop constraint audit_log_seq, drop column hash, drop column prev_hash, drop column seq`]);
}

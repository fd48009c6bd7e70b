/**
 * The tenant's append-only audit log. The app role may insert and read entries, never change or
 * delete them, and every entry extends the tenant's hash chain (audit-chain.ts).
 */
import { sql } from 'kysely';
import type { AuditLogTable } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { chainHash } from './audit-chain.ts';

export interface AuditEntry {
  actorKind: AuditLogTable['actor_kind'];
  actorId?: string | null;
  /** dotted verb, e.g. `sso.rotated`, `origin.added` */
  action: string;
  subject?: string | null;
  ip?: string | null;
  /** Never health content or secrets: ids, counts and names of settings only. */
  details?: Record<string, unknown>;
}

export async function appendAudit(tx: TenantTx, entry: AuditEntry): Promise<void> {
  // One writer at a time per tenant, so the chain never forks.
  await sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${tx.tenantId}`}, 0))`.execute(tx);
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const prev = last?.hash ?? '';
  const occurredAt = new Date();
  const row = {
    tenant_id: tx.tenantId,
    occurred_at: occurredAt,
    actor_kind: entry.actorKind,
    actor_id: entry.actorId ?? null,
    action: entry.action,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  };
  await tx
    .insertInto('audit_log')
    .values({ ...row, details: JSON.stringify(row.details), seq, prev_hash: prev, hash: chainHash({ ...row, seq }, prev) })
    .execute();
}

export interface ChainCheck {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** The first entry whose hash does not follow from the chain. */
  brokenAt?: number;
}

/** Recomputes the tenant's whole chain. */
export async function verifyAuditChain(tx: TenantTx): Promise<ChainCheck> {
  const rows = await tx
    .selectFrom('audit_log')
    .select(['tenant_id', 'seq', 'occurred_at', 'actor_kind', 'actor_id', 'action', 'subject', 'ip', 'details', 'prev_hash', 'hash'])
    .orderBy('seq')
    .execute();
  let prev = '';
  let expectedSeq = 1;
  for (const row of rows) {
    const seq = Number(row.seq);
    if (seq !== expectedSeq || row.prev_hash !== prev || chainHash({ ...row, seq }, prev) !== row.hash) {
      return { ok: false, entries: rows.length, brokenAt: seq };
    }
    prev = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: rows.length };
}

export interface AuditListFilter {
  /** A staff account id: only that staff member's entries. */
  actor?: string | undefined;
  action?: string | undefined;
  /** UTC dates, both included. */
  from?: string | undefined;
  to?: string | undefined;
  /** Entries before this position (keyset on `seq`, newest first). */
  beforeSeq?: number | undefined;
  limit: number;
}

/**
 * Entries newest first, `limit + 1` of them (so the caller knows whether there is a next page),
 * with the acting staff member's display name when the actor is a staff account.
 */
export async function listAuditEntries(tx: TenantTx, filter: AuditListFilter) {
  let q = tx
    .selectFrom('audit_log as a')
    .leftJoin('staff_accounts as s', (j) =>
      j.onRef('s.tenant_id', '=', 'a.tenant_id').on('a.actor_kind', '=', 'staff').on(sql`s.id::text`, '=', sql.ref('a.actor_id')),
    )
    .select(['a.id', 'a.seq', 'a.occurred_at', 'a.actor_kind', 'a.actor_id', 'a.action', 'a.subject', 'a.ip', 'a.details', 's.display_name as staff_name']);
  if (filter.actor !== undefined) q = q.where('a.actor_kind', '=', 'staff').where('a.actor_id', '=', filter.actor);
  if (filter.action !== undefined) q = q.where('a.action', '=', filter.action);
  if (filter.from !== undefined) q = q.where('a.occurred_at', '>=', sql<Date>`${filter.from}::date::timestamp at time zone 'UTC'`);
  if (filter.to !== undefined) q = q.where('a.occurred_at', '<', sql<Date>`(${filter.to}::date + 1)::timestamp at time zone 'UTC'`);
  if (filter.beforeSeq !== undefined) q = q.where('a.seq', '<', String(filter.beforeSeq));
  return q.orderBy('a.seq', 'desc').limit(filter.limit + 1).execute();
}

/** Every action the tenant's log holds, alphabetically. */
export async function distinctAuditActions(tx: TenantTx): Promise<string[]> {
  const rows = await tx.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}

/** When the entry at `seq` happened (for pointing at the first broken link of the chain). */
export async function auditEntryTime(tx: TenantTx, seq: number): Promise<Date | undefined> {
  const row = await tx.selectFrom('audit_log').select('occurred_at').where('seq', '=', String(seq)).executeTakeFirst();
  return row?.occurred_at;
}

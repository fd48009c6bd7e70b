import type { TenantTx } from '../../db/tenant-transaction.ts';
import type { AuditLogTable } from '../../db/schema.ts';

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

/** Appends to the tenant's audit log (the app role may insert and read, never change or delete). */
export async function appendAudit(tx: TenantTx, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      tenant_id: tx.tenantId,
      actor_kind: entry.actorKind,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      subject: entry.subject ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

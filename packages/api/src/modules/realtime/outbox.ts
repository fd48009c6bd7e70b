/**
 * Writing side of realtime: an event row in the same transaction as the change it announces.
 * If the transaction rolls back, so does the event. Payloads carry ids only: each subscriber
 * loads what it may see through the normal, viewer-scoped reads (see realtime.hub.ts).
 */
import type { TenantTx } from '../../db/tenant-transaction.ts';

export const topics = {
  /** A forum space: a group's forum, or the general forum. */
  forum: (groupId: string | null) => `forum:${groupId ?? 'general'}`,
  thread: (threadId: string) => `thread:${threadId}`,
};

export async function publish(tx: TenantTx, topic: string, kind: string, payload: Record<string, string>): Promise<void> {
  await tx.insertInto('realtime_events').values({ tenant_id: tx.tenantId, topic, kind, payload: JSON.stringify(payload) }).execute();
}

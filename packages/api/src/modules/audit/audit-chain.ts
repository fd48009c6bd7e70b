/**
 * The audit log's hash chain. Each entry's hash covers its content, its sequence number and the
 * previous entry's hash, in a canonical form (sorted keys, ISO times), so anyone holding the
 * rows can recompute the chain and see whether anything was altered, removed or reordered.
 */
import { createHash } from 'node:crypto';

export interface ChainedEntry {
  tenant_id: string;
  seq: number | string;
  occurred_at: Date;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  details: unknown;
}

/** JSON with object keys sorted, so the same content always serialises the same way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function chainHash(entry: ChainedEntry, prevHash: string): string {
  const content = canonical({
    tenant: entry.tenant_id,
    seq: Number(entry.seq),
    at: entry.occurred_at.toISOString(),
    actorKind: entry.actor_kind,
    actorId: entry.actor_id,
    action: entry.action,
    subject: entry.subject,
    ip: entry.ip,
    details: entry.details ?? {},
    prev: prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

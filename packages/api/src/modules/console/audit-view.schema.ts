/** Inputs and DTOs of `staff.audit.*`: the audit log as owners read it in the console. */
import { z } from 'zod';
import type { AuditLogTable } from '../../db/schema.ts';

const day = z.iso.date('Use a date written as YYYY-MM-DD.');

export const auditListInput = z
  .object({
    actor: z.uuid().optional(),
    action: z.string().trim().min(1).max(100).optional(),
    from: day.optional(),
    to: day.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, { message: 'The start date must not be after the end date.', path: ['from'] })
  .default({ limit: 50 });

/** The cursor's key: the last entry's position in the chain. */
export const auditCursor = z.tuple([z.number().int().positive()]);

export interface AuditEntryDto {
  id: string;
  occurredAt: string;
  actorKind: AuditLogTable['actor_kind'];
  /** The staff member's display name, or 'Operator (CLI)', 'Member', 'System'. */
  actorLabel: string;
  action: string;
  subject: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditVerifyDto {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  /** When the first entry that does not follow from the chain was written; null when the chain holds. */
  firstBrokenAt: string | null;
}

/**
 * `staff.audit.*`: owners read and verify their organisation's audit log. Reading is not
 * itself audited (every page view would grow the chain); verifying is.
 */
import { decodeCursor, toPage, type Page } from '../../db/keyset.ts';
import { ownerProcedure, router } from '../../trpc/trpc.ts';
import { appendAudit, auditEntryTime, distinctAuditActions, listAuditEntries, verifyAuditChain } from '../audit/audit.repo.ts';
import { auditCursor, auditListInput, type AuditEntryDto, type AuditVerifyDto } from './audit-view.schema.ts';

type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>[number];

const ACTOR_LABELS = { operator: 'Operator (CLI)', member: 'Member', system: 'System' } as const;
/** A staff account that has since been removed. */
const FORMER_STAFF = 'Former staff member';

function toEntryDto(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorKind: row.actor_kind,
    actorLabel: row.actor_kind === 'staff' ? (row.staff_name ?? FORMER_STAFF) : ACTOR_LABELS[row.actor_kind],
    action: row.action,
    subject: row.subject,
    ip: row.ip,
    details: row.details ?? {},
  };
}

export const auditViewRouter = router({
  list: ownerProcedure.input(auditListInput).query(async ({ ctx, input }): Promise<Page<AuditEntryDto>> => {
    const beforeSeq = input.cursor === undefined ? undefined : decodeCursor(input.cursor, auditCursor)[0];
    const rows = await listAuditEntries(ctx.tx, {
      actor: input.actor,
      action: input.action,
      from: input.from,
      to: input.to,
      beforeSeq,
      limit: input.limit,
    });
    return toPage(rows, input.limit, toEntryDto, (row) => [Number(row.seq)]);
  }),

  actions: ownerProcedure.query(({ ctx }) => distinctAuditActions(ctx.tx)),

  verify: ownerProcedure.mutation(async ({ ctx }): Promise<AuditVerifyDto> => {
    const check = await verifyAuditChain(ctx.tx);
    const brokenTime = check.brokenAt === undefined ? undefined : await auditEntryTime(ctx.tx, check.brokenAt);
    const result: AuditVerifyDto = { ok: check.ok, checked: check.entries, firstBrokenAt: brokenTime?.toISOString() ?? null };
    await appendAudit(ctx.tx, {
      actorKind: 'staff',
      actorId: ctx.staff.id,
      action: 'audit.verified',
      details: { ok: result.ok, checked: result.checked, ...(check.brokenAt !== undefined ? { brokenAtSeq: check.brokenAt } : {}) },
      ip: ctx.ip ?? null,
    });
    return result;
  }),
});

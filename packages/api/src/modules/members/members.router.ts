/**
 * `staff.members.*`: owners and moderators look after members: find them, see what they wrote,
 * ban or mute them (for a while or for good), verify clinicians, and honour export and erasure
 * requests. Every action, and every look at a member's history, is audited.
 */
import { z } from 'zod';
import { decodeCursor, toPage } from '../../db/keyset.ts';
import { KindredError } from '../../errors.ts';
import { moderatorProcedure, router } from '../../trpc/trpc.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { eraseMember, exportMemberData } from '../privacy/privacy.service.ts';
import * as repo from './members.repo.ts';

const HISTORY_LIMIT = 50;
const NOT_FOUND = 'There is no such member in this community.';

export interface StaffMemberDto {
  id: string;
  displayName: string;
  /** The host site's own id for this person (to find them in the organisation's systems). */
  externalId: string;
  joinedAt: string;
  badges: string[];
  verifiedClinician: boolean;
  /** An active ban or mute; null when none (or when it has ended). */
  sanction: { kind: 'ban' | 'mute'; until: string | null; note: string } | null;
  contentCount: number;
}

function toDto(row: repo.StaffMemberRow): StaffMemberDto {
  const active = row.sanction !== null && (row.sanction_until === null || row.sanction_until.getTime() > Date.now());
  return {
    id: row.id,
    displayName: row.display_name,
    externalId: row.external_id,
    joinedAt: row.created_at.toISOString(),
    badges: row.badges,
    verifiedClinician: row.verified_clinician,
    sanction: active ? { kind: row.sanction!, until: row.sanction_until?.toISOString() ?? null, note: row.sanction_note ?? '' } : null,
    contentCount: Number(row.content_count),
  };
}

const memberRef = z.object({ memberId: z.uuid() });

export const membersRouter = router({
  search: moderatorProcedure
    .input(
      z.object({
        query: z.string().trim().max(100).optional(),
        cursor: z.string().min(1).max(300).optional(),
        limit: z.number().int().min(1).max(50).default(25),
      }),
    )
    .query(async ({ ctx, input }) => {
      const after = input.cursor ? decodeCursor(input.cursor, z.tuple([z.string().max(200), z.uuid()])) : undefined;
      const rows = await repo.searchMembers(ctx.tx, { text: input.query || undefined, after, limit: input.limit });
      return toPage(rows, input.limit, toDto, (r) => [r.sort_name, r.id]);
    }),

  get: moderatorProcedure.input(memberRef).query(async ({ ctx, input }) => {
    const row = await repo.findMember(ctx.tx, input.memberId);
    if (!row) throw new KindredError('NOT_FOUND', NOT_FOUND);
    const history = await repo.memberHistory(ctx.tx, input.memberId, HISTORY_LIMIT);
    // Staff reading a member's history (which includes unpublished and anonymous items) is audited.
    await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'member.history_read', subject: input.memberId, ip: ctx.ip ?? null });
    return {
      member: toDto(row),
      history: history.map((h) => ({ kind: h.kind, id: h.id, status: h.status, createdAt: h.created_at.toISOString(), excerpt: h.excerpt })),
    };
  }),

  sanction: moderatorProcedure
    .input(
      memberRef.extend({
        kind: z.enum(['ban', 'mute']),
        /** null: until lifted. */
        days: z.number().int().min(1).max(3650).nullable(),
        note: z.string().trim().min(1, 'Say why, for the record.').max(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const until = input.days === null ? null : new Date(Date.now() + input.days * 86_400_000);
      if (!(await repo.setSanction(ctx.tx, input.memberId, { kind: input.kind, until, note: input.note }))) throw new KindredError('NOT_FOUND', NOT_FOUND);
      await appendAudit(ctx.tx, {
        actorKind: 'staff',
        actorId: ctx.staff.id,
        action: `member.${input.kind === 'ban' ? 'banned' : 'muted'}`,
        subject: input.memberId,
        ip: ctx.ip ?? null,
        details: { days: input.days },
      });
      return toDto((await repo.findMember(ctx.tx, input.memberId))!);
    }),

  lift: moderatorProcedure.input(memberRef).mutation(async ({ ctx, input }) => {
    if (!(await repo.setSanction(ctx.tx, input.memberId, null))) throw new KindredError('NOT_FOUND', NOT_FOUND);
    await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'member.sanction_lifted', subject: input.memberId, ip: ctx.ip ?? null });
    return toDto((await repo.findMember(ctx.tx, input.memberId))!);
  }),

  verifyClinician: moderatorProcedure.input(memberRef.extend({ verified: z.boolean() })).mutation(async ({ ctx, input }) => {
    if (!(await repo.setVerifiedClinician(ctx.tx, input.memberId, input.verified))) throw new KindredError('NOT_FOUND', NOT_FOUND);
    await appendAudit(ctx.tx, {
      actorKind: 'staff',
      actorId: ctx.staff.id,
      action: input.verified ? 'member.clinician_verified' : 'member.clinician_unverified',
      subject: input.memberId,
      ip: ctx.ip ?? null,
    });
    return toDto((await repo.findMember(ctx.tx, input.memberId))!);
  }),

  /** A member's data, for staff honouring an export request made to the organisation. */
  export: moderatorProcedure.input(memberRef).mutation(async ({ ctx, input }) => {
    if (!(await repo.findMember(ctx.tx, input.memberId))) throw new KindredError('NOT_FOUND', NOT_FOUND);
    return exportMemberData(ctx.tx, input.memberId, { kind: 'staff', id: ctx.staff.id, ip: ctx.ip });
  }),

  /** Erases a member everywhere, for staff honouring an erasure request. */
  erase: moderatorProcedure.input(memberRef.extend({ confirm: z.literal(true) })).mutation(async ({ ctx, input }) => {
    if (!(await repo.findMember(ctx.tx, input.memberId))) throw new KindredError('NOT_FOUND', NOT_FOUND);
    return eraseMember(ctx.tx, input.memberId, { kind: 'staff', id: ctx.staff.id, ip: ctx.ip });
  }),
});

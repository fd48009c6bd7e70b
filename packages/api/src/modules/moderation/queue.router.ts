/**
 * `staff.queue.*`: the moderation queue for owners and moderators. Crisis items first, then the
 * oldest; each decision is audited, and reading an item that is not public is audited too.
 */
import { z } from 'zod';
import { moderatorProcedure, router } from '../../trpc/trpc.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { CONTENT_KINDS } from '../tenants/tenant-settings.ts';
import { userText } from '../../text.ts';
import * as repo from './moderation.repo.ts';
import * as moderation from './moderation.service.ts';

const kind = z.enum(CONTENT_KINDS);
const reason = z.enum(['premoderation', 'new_member', 'watched_word', 'link_from_new_member', 'crisis', 'reported', 'moderator']);
const itemRef = z.object({ kind, id: z.uuid() });
const note = z.string().trim().min(1, 'Say why, for the author.').max(1000);

export const queueRouter = router({
  /** What waits (or, with view 'hidden', what is hidden), crisis first then oldest. */
  list: moderatorProcedure
    .input(
      z.object({
        kind: kind.optional(),
        reason: reason.optional(),
        group: z.string().min(1).max(63).optional(),
        view: z.enum(['waiting', 'hidden']).default('waiting'),
        cursor: z.string().min(1).max(300).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const page = await moderation.listQueue(ctx.tx, input);
      if (page.items.length) {
        await appendAudit(ctx.tx, {
          actorKind: 'staff',
          actorId: ctx.staff.id,
          action: 'moderation.queue_read',
          ip: ctx.ip ?? null,
          details: { items: page.items.length, view: input.view },
        });
      }
      return page;
    }),

  counts: moderatorProcedure.query(({ ctx }) => repo.queueCounts(ctx.tx)),

  item: moderatorProcedure.input(itemRef).query(async ({ ctx, input }) => {
    const item = await moderation.getItem(ctx.tx, input.kind, input.id);
    if (item.status !== 'published') {
      await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'moderation.item_read', subject: input.id, ip: ctx.ip ?? null, details: { kind: input.kind } });
    }
    return item;
  }),

  approve: moderatorProcedure.input(itemRef).mutation(({ ctx, input }) =>
    moderation.decide(ctx.tx, { kind: 'staff', id: ctx.staff.id, ip: ctx.ip }, { ...input, action: 'approve' }),
  ),
  reject: moderatorProcedure.input(itemRef.extend({ note })).mutation(({ ctx, input }) =>
    moderation.decide(ctx.tx, { kind: 'staff', id: ctx.staff.id, ip: ctx.ip }, { ...input, action: 'reject' }),
  ),
  hide: moderatorProcedure.input(itemRef.extend({ note })).mutation(({ ctx, input }) =>
    moderation.decide(ctx.tx, { kind: 'staff', id: ctx.staff.id, ip: ctx.ip }, { ...input, action: 'hide' }),
  ),
  unhide: moderatorProcedure.input(itemRef).mutation(({ ctx, input }) =>
    moderation.decide(ctx.tx, { kind: 'staff', id: ctx.staff.id, ip: ctx.ip }, { ...input, action: 'unhide' }),
  ),
  /** Undo: back to waiting for review. */
  reopen: moderatorProcedure.input(itemRef).mutation(({ ctx, input }) =>
    moderation.decide(ctx.tx, { kind: 'staff', id: ctx.staff.id, ip: ctx.ip }, { ...input, action: 'reopen' }),
  ),
  edit: moderatorProcedure.input(itemRef.extend({ body: userText(1, 20_000), note })).mutation(({ ctx, input }) =>
    moderation.editItem(ctx.tx, { kind: 'staff', id: ctx.staff.id, ip: ctx.ip }, input),
  ),
});

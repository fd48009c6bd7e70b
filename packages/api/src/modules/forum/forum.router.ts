import { memberProcedure, router, tenantProcedure } from '../../trpc/trpc.ts';
import { createThreadInput, getThreadInput, listThreadsInput, replyInput } from './forum.schema.ts';
import * as forum from './forum.service.ts';

export const forumRouter = router({
  /** Threads of the general forum or of one group, newest activity first. */
  listThreads: tenantProcedure.input(listThreadsInput).query(({ ctx, input }) => forum.listThreads(ctx.tx, input)),
  /** A thread with one page of its posts, oldest first. */
  getThread: tenantProcedure.input(getThreadInput).query(({ ctx, input }) => forum.getThread(ctx.tx, input)),
  createThread: memberProcedure
    .input(createThreadInput)
    .mutation(({ ctx, input }) => forum.createThread(ctx.tx, ctx.member, input)),
  reply: memberProcedure.input(replyInput).mutation(({ ctx, input }) => forum.reply(ctx.tx, ctx.member, input)),
});

import { memberProcedure, router, tenantProcedure } from '../../trpc/trpc.ts';
import {
  createThreadInput,
  editPostInput,
  forumContextInput,
  getThreadInput,
  listThreadsInput,
  markHelpfulInput,
  memberCardInput,
  postRefInput,
  reactInput,
  replyInput,
  reportInput,
  searchInput,
} from './forum.schema.ts';
import * as forum from './forum.service.ts';
import { forumSubscriptions } from './forum.live.ts';

export const forumRouter = router({
  /** What a forum needs to start: the viewer, the tenant's notice, the group and what the viewer may do. */
  context: tenantProcedure.input(forumContextInput).query(({ ctx, input }) => forum.forumContext(ctx.tx, ctx.member, input.group)),
  /** Threads of the general forum or of one group, in the chosen order. */
  listThreads: tenantProcedure.input(listThreadsInput).query(({ ctx, input }) => forum.listThreads(ctx.tx, ctx.member, input)),
  /** Full-text search over everything the viewer may read. */
  search: tenantProcedure.input(searchInput).query(({ ctx, input }) => forum.search(ctx.tx, ctx.member, input)),
  /** A thread with one page of its posts: the opening post, helpful replies, then the rest oldest first. */
  getThread: tenantProcedure.input(getThreadInput).query(({ ctx, input }) => forum.getThread(ctx.tx, ctx.member, input)),
  // A member, or a guest where the tenant allows guest posting (see forum.service.ts).
  createThread: tenantProcedure.input(createThreadInput).mutation(({ ctx, input }) => forum.createThread(ctx.tx, ctx.member, input)),
  reply: tenantProcedure.input(replyInput).mutation(({ ctx, input }) => forum.reply(ctx.tx, ctx.member, input)),
  editPost: memberProcedure.input(editPostInput).mutation(({ ctx, input }) => forum.editPost(ctx.tx, ctx.member, input)),
  deletePost: memberProcedure.input(postRefInput).mutation(({ ctx, input }) => forum.deletePost(ctx.tx, ctx.member, input.postId)),
  react: memberProcedure.input(reactInput).mutation(({ ctx, input }) => forum.react(ctx.tx, ctx.member, input)),
  markHelpful: memberProcedure.input(markHelpfulInput).mutation(({ ctx, input }) => forum.markHelpful(ctx.tx, ctx.member, input)),
  report: memberProcedure.input(reportInput).mutation(({ ctx, input }) => forum.report(ctx.tx, ctx.member, input)),
  memberCard: tenantProcedure.input(memberCardInput).query(({ ctx, input }) => forum.memberCard(ctx.tx, ctx.member, input)),
  ...forumSubscriptions,
});

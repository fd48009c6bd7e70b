import { memberProcedure, router, tenantProcedure } from '../../trpc/trpc.ts';
import { decideRequestInput, groupBySlugInput, inviteInput, listGroupsInput, listRequestsInput } from './groups.schema.ts';
import * as groups from './groups.service.ts';

export const groupsRouter = router({
  /** Condition tags of the groups the viewer can find, for the directory's filter. */
  conditions: tenantProcedure.query(({ ctx }) => groups.listConditions(ctx.tx, ctx.member)),
  /** The directory, alphabetical; invite-only groups only for their members. */
  list: tenantProcedure.input(listGroupsInput).query(({ ctx, input }) => groups.listGroups(ctx.tx, ctx.member, input)),
  get: tenantProcedure.input(groupBySlugInput).query(({ ctx, input }) => groups.getGroup(ctx.tx, ctx.member, input.slug)),
  join: memberProcedure.input(groupBySlugInput).mutation(({ ctx, input }) => groups.join(ctx.tx, ctx.member, input.slug)),
  leave: memberProcedure.input(groupBySlugInput).mutation(({ ctx, input }) => groups.leave(ctx.tx, ctx.member, input.slug)),
  /** Pending join requests (group moderators). */
  requests: memberProcedure.input(listRequestsInput).query(({ ctx, input }) => groups.listJoinRequests(ctx.tx, ctx.member, input)),
  decideRequest: memberProcedure.input(decideRequestInput).mutation(({ ctx, input }) => groups.decideJoinRequest(ctx.tx, ctx.member, input)),
  invite: memberProcedure.input(inviteInput).mutation(({ ctx, input }) => groups.invite(ctx.tx, ctx.member, input)),
});

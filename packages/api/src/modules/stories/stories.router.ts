import { memberProcedure, router, tenantProcedure } from '../../trpc/trpc.ts';
import {
  addCommentInput,
  consentChangeInput,
  createStoryInput,
  listCommentsInput,
  listStoriesInput,
  myStoriesInput,
  storyRefInput,
  thankInput,
  updateStoryInput,
} from './stories.schema.ts';
import * as stories from './stories.service.ts';

export const storiesRouter = router({
  /** The consent text a member is shown before sharing, and what each use means. */
  consentText: tenantProcedure.query(({ ctx }) => stories.consentText(ctx.tx)),
  /** The gallery: stories shared with the viewer (a group's, with `group`), newest first. */
  list: tenantProcedure.input(listStoriesInput).query(({ ctx, input }) => stories.listStories(ctx.tx, ctx.member, input)),
  get: tenantProcedure.input(storyRefInput).query(({ ctx, input }) => stories.getStory(ctx.tx, ctx.member, input.storyId)),
  /** The member's own stories, with their status and consents. */
  mine: memberProcedure.input(myStoriesInput).query(({ ctx, input }) => stories.myStories(ctx.tx, ctx.member, input)),
  create: memberProcedure.input(createStoryInput).mutation(({ ctx, input }) => stories.createStory(ctx.tx, ctx.member, input)),
  update: memberProcedure.input(updateStoryInput).mutation(({ ctx, input }) => stories.updateStory(ctx.tx, ctx.member, input)),
  grantConsent: memberProcedure.input(consentChangeInput).mutation(({ ctx, input }) => stories.grantConsent(ctx.tx, ctx.member, input)),
  revokeConsent: memberProcedure.input(consentChangeInput).mutation(({ ctx, input }) => stories.revokeConsent(ctx.tx, ctx.member, input)),
  delete: memberProcedure.input(storyRefInput).mutation(({ ctx, input }) => stories.deleteStory(ctx.tx, ctx.member, input.storyId)),
  /** "Thank you for sharing". */
  thank: memberProcedure.input(thankInput).mutation(({ ctx, input }) => stories.thank(ctx.tx, ctx.member, input)),
  comments: tenantProcedure.input(listCommentsInput).query(({ ctx, input }) => stories.listComments(ctx.tx, ctx.member, input)),
  addComment: memberProcedure.input(addCommentInput).mutation(({ ctx, input }) => stories.addComment(ctx.tx, ctx.member, input)),
});

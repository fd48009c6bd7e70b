import { z } from 'zod';
import { memberProcedure, moderatorProcedure, router, tenantProcedure } from '../../trpc/trpc.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import {
  addCommentInput,
  consentChangeInput,
  createStoryInput,
  listCommentsInput,
  listStoriesInput,
  myStoriesInput,
  searchStoriesInput,
  storyRefInput,
  thankInput,
  updateStoryInput,
} from './stories.schema.ts';
import * as stories from './stories.service.ts';

/** Staff read stories shared with the care team; each read is audited (non-public content). */
export const careTeamStoriesRouter = router({
  list: moderatorProcedure
    .input(z.object({ cursor: z.string().min(1).max(300).nullish(), limit: z.number().int().min(1).max(50).default(20) }))
    .query(async ({ ctx, input }) => {
      const page = await stories.careTeamStories(ctx.tx, input);
      if (page.items.length) {
        await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'stories.care_team_read', ip: ctx.ip ?? null, details: { stories: page.items.length } });
      }
      return page;
    }),
  get: moderatorProcedure.input(storyRefInput).query(async ({ ctx, input }) => {
    const story = await stories.careTeamStory(ctx.tx, input.storyId);
    await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'stories.care_team_read', subject: input.storyId, ip: ctx.ip ?? null });
    return story;
  }),
});

export const storiesRouter = router({
  /** The consent text a member is shown before sharing, and what each use means. */
  consentText: tenantProcedure.query(({ ctx }) => stories.consentText(ctx.tx)),
  /** Comments on or off, the viewer's groups, and which audiences are pre-moderated. */
  context: tenantProcedure.query(({ ctx }) => stories.storiesContext(ctx.tx, ctx.member)),
  /** Full-text search over the stories shared with the viewer. */
  search: tenantProcedure.input(searchStoriesInput).query(({ ctx, input }) => stories.searchStories(ctx.tx, ctx.member, input)),
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

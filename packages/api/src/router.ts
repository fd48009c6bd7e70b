import { forumRouter } from './modules/forum/forum.router.ts';
import { groupsRouter } from './modules/groups/groups.router.ts';
import { privacyRouter } from './modules/privacy/privacy.router.ts';
import { productsRouter, reviewsRouter } from './modules/reviews/reviews.router.ts';
import { careTeamStoriesRouter, storiesRouter } from './modules/stories/stories.router.ts';
import { identityRouter } from './modules/identity/identity.router.ts';
import { appearanceRouter } from './modules/tenants/appearance.router.ts';
import { staffAccountRouters } from './modules/staff/staff.router.ts';
import { analyticsRouter } from './modules/console/analytics.router.ts';
import { auditViewRouter } from './modules/console/audit-view.router.ts';
import { consoleSettingsRouter } from './modules/console/settings.router.ts';
import { queueRouter } from './modules/moderation/queue.router.ts';
import { membersRouter } from './modules/members/members.router.ts';
import { createCallerFactory, router } from './trpc/trpc.ts';

export const appRouter = router({
  identity: identityRouter,
  forum: forumRouter,
  groups: groupsRouter,
  stories: storiesRouter,
  products: productsRouter,
  reviews: reviewsRouter,
  privacy: privacyRouter,
  appearance: appearanceRouter,
  /** The admin console's procedures (staff sessions, not member tokens). */
  staff: router({
    ...staffAccountRouters,
    queue: queueRouter,
    members: membersRouter,
    stories: careTeamStoriesRouter,
    settings: consoleSettingsRouter,
    analytics: analyticsRouter,
    audit: auditViewRouter,
  }),
});

/** The API's type: widgets and the admin console import this, and only as a type. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

export type { ErrorCode } from './errors.ts';
export type {
  AuthorDto,
  Badge,
  ForumContextDto,
  ForumEvent,
  MemberCardDto,
  PostDto,
  ReactionCounts,
  SearchHitDto,
  ThreadDetailDto,
  ThreadEvent,
  ThreadSort,
  ThreadSummaryDto,
} from './modules/forum/forum.schema.ts';
export type { GroupDto, JoinRequestDto, MembershipDto } from './modules/groups/groups.schema.ts';
export type {
  ConsentDto,
  ConsentTextDto,
  StoriesContextDto,
  StoryAuthorDto,
  StoryCommentDto,
  StoryDto,
} from './modules/stories/stories.schema.ts';
export type {
  AnswerDto,
  ProductDto,
  QuestionDto,
  RecommendationDto,
  ReviewAttributeDto,
  ReviewDto,
  ReviewSummaryDto,
} from './modules/reviews/reviews.schema.ts';
export type {
  ConsentUse,
  GroupRole,
  GroupVisibility,
  JoinPolicy,
  MembershipStatus,
  ModerationStatus,
  ReactionKind,
  ReportReason,
  StoryAudience,
  StorySigning,
} from './db/schema.ts';
export type { Page } from './db/keyset.ts';
export type { InviteDto, SessionDto, StaffDto } from './modules/staff/staff.schema.ts';
export type { SettingsDto, SettingsUpdate, SsoKeyDto } from './modules/console/settings.schema.ts';
export type { Palette, PaletteKey, ThemeDto } from './modules/console/theme.ts';
export type { AnalyticsDayDto, AnalyticsSummaryDto } from './modules/console/analytics.schema.ts';
export type { AuditEntryDto, AuditVerifyDto } from './modules/console/audit-view.schema.ts';
export type { QueueItemDto } from './modules/moderation/moderation.service.ts';
export type { StaffMemberDto } from './modules/members/members.router.ts';
export type { ContentKind } from './modules/tenants/tenant-settings.ts';
export type {
  ContentRejectedDetails,
  ContentStatus,
  CrisisResource,
  MemberMutedDetails,
  ModerationOutcome,
  ModerationReason,
  PersonalDetailFinding,
  PersonalDetailsFoundDetails,
  RejectionReason,
} from './modules/moderation/moderation.types.ts';
export type { StaffRole } from './db/schema.ts';

/** The forum's inputs (zod) and the DTOs it returns. Widgets import these types only. */
import { z } from 'zod';
import { confirmPersonalDetails } from '../moderation/moderation.schema.ts';
import type { ModerationStateDto } from '../moderation/moderation.types.ts';
import type { ReactionKind, ReportReason } from '../../db/schema.ts';
import { userLine, userText } from '../../text.ts';
import type { GroupDto } from '../groups/groups.schema.ts';

export const groupSlug = z.string().min(1).max(63).regex(/^[a-z0-9][a-z0-9-]*$/, 'not a group slug');
export const cursor = z.string().min(1).max(200);
export const pageLimit = z.number().int().min(1).max(50).default(20);
/** Client-generated, one per logical write: retrying with the same key returns the first result. */
export const idempotencyKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const CONTENT_WARNING_MAX = 120;

export const THREAD_SORTS = ['activity', 'newest', 'supported', 'unanswered'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

export const REACTION_KINDS = ['support', 'helpful', 'me_too'] as const satisfies readonly ReactionKind[];
export const REPORT_REASONS = [
  'at_risk',
  'misinformation',
  'spam',
  'personal_information',
  'harassment',
  'other',
] as const satisfies readonly ReportReason[];

/** An author-chosen warning ("graphic medical details"); empty means none. */
const contentWarning = userLine(0, CONTENT_WARNING_MAX).transform((v) => v || null);

export const forumContextInput = z.object({ group: groupSlug.optional() });

export const listThreadsInput = z.object({
  /** Omitted: the tenant's general forum. */
  group: groupSlug.optional(),
  sort: z.enum(THREAD_SORTS).default('activity'),
  cursor: cursor.nullish(),
  limit: pageLimit,
});

export const searchInput = z.object({
  query: z.string().trim().min(2).max(200),
  /** Omitted: everything the viewer may read (the general forum and readable groups). */
  group: groupSlug.optional(),
  cursor: cursor.nullish(),
  limit: pageLimit,
});

export const getThreadInput = z.object({
  threadId: z.uuid(),
  /** Cursor into the posts: the opening post, then replies the author marked helpful, then the rest oldest first. */
  cursor: cursor.nullish(),
  limit: pageLimit,
});

/**
 * Post bodies use a small, safe formatting subset: paragraphs, *emphasis*, **strong**, lists,
 * > quotes and links. Anything else (including raw HTML) is shown as the text it is.
 */
/** A guest's chosen name (only when the tenant allows guest posting and there is no member token). */
const guestName = userLine(2, 40);

export const createThreadInput = z.object({
  group: groupSlug.optional(),
  title: userLine(3, TITLE_MAX),
  body: userText(1, BODY_MAX),
  contentWarning: contentWarning.optional(),
  /** Shown to other members as "Anonymous member"; the author and staff still know. */
  anonymous: z.boolean().default(false),
  idempotencyKey,
  confirmPersonalDetails,
  guestName: guestName.optional(),
});

export const replyInput = z.object({
  threadId: z.uuid(),
  body: userText(1, BODY_MAX),
  contentWarning: contentWarning.optional(),
  anonymous: z.boolean().default(false),
  idempotencyKey,
  confirmPersonalDetails,
  guestName: guestName.optional(),
});

export const editPostInput = z.object({
  postId: z.uuid(),
  body: userText(1, BODY_MAX),
  contentWarning: contentWarning.optional(),
  /** Only for a thread's opening post. */
  title: userLine(3, TITLE_MAX).optional(),
  confirmPersonalDetails,
});

export const postRefInput = z.object({ postId: z.uuid() });

export const reactInput = z.object({ postId: z.uuid(), kind: z.enum(REACTION_KINDS), on: z.boolean() });

export const markHelpfulInput = z.object({ postId: z.uuid(), helpful: z.boolean() });

export const reportInput = z.object({
  postId: z.uuid(),
  reason: z.enum(REPORT_REASONS),
  note: userText(0, 1000).optional(),
});

export const memberCardInput = z.object({ memberId: z.uuid(), group: groupSlug.optional() });

export const onThreadInput = z.object({
  threadId: z.uuid(),
  /** The last event id the client saw (tRPC sends it on reconnect). */
  lastEventId: z.string().regex(/^\d{1,18}$/).nullish(),
});

export const onForumInput = z.object({
  group: groupSlug.optional(),
  lastEventId: z.string().regex(/^\d{1,18}$/).nullish(),
});

export type ListThreadsInput = z.infer<typeof listThreadsInput>;
export type SearchInput = z.infer<typeof searchInput>;
export type GetThreadInput = z.infer<typeof getThreadInput>;
export type CreateThreadInput = z.infer<typeof createThreadInput>;
export type ReplyInput = z.infer<typeof replyInput>;
export type EditPostInput = z.infer<typeof editPostInput>;
export type ReactInput = z.infer<typeof reactInput>;
export type ReportInput = z.infer<typeof reportInput>;

export type Badge = 'clinician' | 'mentor' | 'group_moderator';

/** What other people may see of an author. Never the host's user id. */
export interface AuthorDto {
  id: string;
  displayName: string;
  /** `clinician` only where the tenant trusts host badges; `mentor`/`group_moderator` from the group role. */
  badges: Badge[];
}

export interface ReactionCounts {
  support: number;
  helpful: number;
  me_too: number;
}

/** Readers other than the author only ever receive published threads and posts. */
export interface ThreadSummaryDto extends ModerationStateDto {
  id: string;
  title: string;
  /** The opening post's first 200 characters as plain text ('' behind a content warning). */
  excerpt: string;
  /** null when the thread was started anonymously (and the viewer is not its author). */
  author: AuthorDto | null;
  anonymous: boolean;
  /** The viewer started it. */
  isOwn: boolean;
  contentWarning: string | null;
  group: string | null;
  replyCount: number;
  supportCount: number;
  createdAt: string;
  lastActivityAt: string;
}

export interface PostDto extends ModerationStateDto {
  id: string;
  threadId: string;
  isOpening: boolean;
  /** null when posted anonymously (and the viewer is not its author), or deleted. */
  author: AuthorDto | null;
  anonymous: boolean;
  isOwn: boolean;
  /** Sanitised HTML (paragraphs, emphasis, lists, quotes, links): the only HTML a widget renders. '' once deleted. */
  bodyHtml: string;
  /** The author's own source text, for editing: only on the viewer's own posts. */
  bodySource: string | null;
  contentWarning: string | null;
  markedHelpful: boolean;
  reactions: ReactionCounts;
  myReactions: ReactionKind[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface ThreadDetailDto {
  thread: ThreadSummaryDto;
  posts: { items: PostDto[]; nextCursor: string | null };
  /** Whether the viewer may reply here. */
  canReply: boolean;
}

export interface SearchHitDto {
  thread: ThreadSummaryDto;
  /** The matching post (the opening post when the title matched). */
  postId: string;
  /** Plain text around the match ('' behind a content warning). */
  snippet: string;
}

export interface ForumContextDto {
  viewer: { id: string; displayName: string } | null;
  tenantName: string;
  /** The tenant's "this is not medical advice" notice; null if the tenant turned it off. */
  medicalNotice: string | null;
  /** The group this forum belongs to, null for the general forum. */
  group: GroupDto | null;
  canRead: boolean;
  canPost: boolean;
  /** Signed out, the viewer may still post here as a guest (with a name; reviewed first). */
  guestCanPost: boolean;
}

export interface MemberCardDto {
  id: string;
  displayName: string;
  badges: Badge[];
  /** The member's role in the group the card was opened from, if any. */
  groupRole: 'member' | 'mentor' | 'moderator' | null;
  joinedAt: string;
}

export type ThreadEvent =
  | { type: 'post.created'; post: PostDto }
  | { type: 'post.updated'; post: PostDto }
  | { type: 'reactions.changed'; postId: string; reactions: ReactionCounts };

export type ForumEvent = { type: 'thread.created'; threadId: string } | { type: 'thread.activity'; threadId: string };

/** Story sharing: inputs (zod) and the DTOs the API returns. */
import { z } from 'zod';
import type { ConsentUse, ModerationStatus, StoryAudience, StorySigning } from '../../db/schema.ts';
import { userLine, userText } from '../../text.ts';
import { confirmPersonalDetails } from '../moderation/moderation.schema.ts';
import type { ModerationReason } from '../moderation/moderation.types.ts';
import { cursor, groupSlug, idempotencyKey, pageLimit } from '../forum/forum.schema.ts';

export const STORY_AUDIENCES = ['public', 'members', 'group', 'care_team', 'only_me'] as const satisfies readonly StoryAudience[];
export const STORY_SIGNINGS = ['name', 'pseudonym', 'anonymous'] as const satisfies readonly StorySigning[];
export const CONSENT_USE_NAMES = ['site', 'outreach', 'research'] as const satisfies readonly ConsentUse[];
export const STORY_BODY_MAX = 50_000;

const tag = userLine(1, 60);
const tagList = z.array(tag).max(10).default([]);

export const storyTagsInput = z.object({ condition: tagList, stage: tagList, topic: tagList });

/** Who may read a story, and how it is signed: the author's choices, changeable later. */
const storyChoices = {
  audience: z.enum(STORY_AUDIENCES),
  /** Required when audience is 'group'. */
  group: groupSlug.optional(),
  signing: z.enum(STORY_SIGNINGS),
  /** Required when signing is 'pseudonym'. */
  pseudonym: userLine(1, 60).optional(),
};

export const createStoryInput = z.object({
  title: userLine(3, 200),
  body: userText(1, STORY_BODY_MAX),
  contentWarning: userLine(0, 120).transform((v) => v || null).optional(),
  tags: storyTagsInput.default({ condition: [], stage: [], topic: [] }),
  ...storyChoices,
  /** The consent text the author was shown, and the uses they agreed to. */
  consent: z.object({ consentTextId: z.uuid(), uses: z.array(z.enum(CONSENT_USE_NAMES)).max(3) }),
  idempotencyKey,
  confirmPersonalDetails,
});

export const updateStoryInput = z.object({
  storyId: z.uuid(),
  title: userLine(3, 200).optional(),
  body: userText(1, STORY_BODY_MAX).optional(),
  contentWarning: userLine(0, 120).transform((v) => v || null).optional(),
  tags: storyTagsInput.optional(),
  audience: z.enum(STORY_AUDIENCES).optional(),
  group: groupSlug.optional(),
  signing: z.enum(STORY_SIGNINGS).optional(),
  pseudonym: userLine(1, 60).optional(),
  confirmPersonalDetails,
});

export const listStoriesInput = z.object({
  group: groupSlug.optional(),
  /** One tag of any kind (condition, stage or topic). */
  tag: z.string().trim().min(1).max(60).optional(),
  cursor: cursor.nullish(),
  limit: pageLimit,
});

export const searchStoriesInput = z.object({
  query: z.string().trim().min(2).max(200),
  group: groupSlug.optional(),
  cursor: cursor.nullish(),
  limit: pageLimit,
});

export interface StoriesContextDto {
  /** Readers may comment on stories here. */
  commentsEnabled: boolean;
  /** The signed-in viewer's groups (to share a story with one); [] for guests. */
  myGroups: { slug: string; name: string }[];
  /** Per audience: does a new story wait for review? (The composer says so in plain words.) */
  premoderated: Record<StoryAudience, boolean>;
}

export const myStoriesInput = z.object({ cursor: cursor.nullish(), limit: pageLimit });
export const storyRefInput = z.object({ storyId: z.uuid() });
export const consentChangeInput = z.object({
  storyId: z.uuid(),
  use: z.enum(CONSENT_USE_NAMES),
  /** Granting needs the consent text the author was shown. */
  consentTextId: z.uuid().optional(),
});
export const thankInput = z.object({ storyId: z.uuid(), on: z.boolean() });
export const addCommentInput = z.object({ storyId: z.uuid(), body: userText(1, 5000), idempotencyKey, confirmPersonalDetails });
export const listCommentsInput = z.object({ storyId: z.uuid(), cursor: cursor.nullish(), limit: pageLimit });

export type CreateStoryInput = z.infer<typeof createStoryInput>;
export type UpdateStoryInput = z.infer<typeof updateStoryInput>;
export type ListStoriesInput = z.infer<typeof listStoriesInput>;

export interface StoryAuthorDto {
  /** The member's id only when the story is signed with their name. */
  id: string | null;
  /** Their name or their pseudonym. */
  displayName: string;
}

export interface ConsentDto {
  use: ConsentUse;
  consentTextVersion: number;
  grantedAt: string;
}

export interface StoryDto {
  id: string;
  title: string;
  /** Sanitised HTML: the only story content a widget renders as HTML. */
  bodyHtml: string;
  /** Plain-text opening for cards ('' behind a content warning). */
  excerpt: string;
  contentWarning: string | null;
  tags: { condition: string[]; stage: string[]; topic: string[] };
  /** null when signed anonymously (to everyone but the author). */
  author: StoryAuthorDto | null;
  signing: StorySigning;
  publishedAt: string | null;
  thanksCount: number;
  thankedByMe: boolean;
  isOwn: boolean;
  /** Only on the author's own stories: their choices, status and live consents. */
  own: {
    bodySource: string;
    audience: StoryAudience;
    group: string | null;
    pseudonym: string | null;
    status: ModerationStatus;
    /** Why it is not published (null when published). */
    moderationReason: ModerationReason | null;
    /** A moderator's note to the author. */
    moderationNote: string | null;
    consents: ConsentDto[];
    createdAt: string;
    updatedAt: string;
  } | null;
}

export interface ConsentTextDto {
  id: string;
  version: number;
  body: string;
  uses: { use: ConsentUse; description: string }[];
}

export interface StoryCommentDto {
  id: string;
  author: StoryAuthorDto;
  bodyHtml: string;
  createdAt: string;
  isOwn: boolean;
  /** Own comments awaiting review are shown to their author only. */
  status: ModerationStatus;
  moderationReason: ModerationReason | null;
  moderationNote: string | null;
}

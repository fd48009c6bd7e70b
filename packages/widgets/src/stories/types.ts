/**
 * The stories API's types, taken from the router through core's contract (core/api-types.ts does
 * not list the stories DTOs yet; each is a procedure's output or input). Types only.
 */
import type { InputOf, OutputOf } from '../core/api-client.ts';

export type StoryDto = OutputOf<'stories.get'>;
export type OwnStory = NonNullable<StoryDto['own']>;
export type ConsentTextDto = OutputOf<'stories.consentText'>;
export type StoryCommentDto = OutputOf<'stories.comments'>['items'][number];
export type StoryAudience = InputOf<'stories.create'>['audience'];
export type StorySigning = InputOf<'stories.create'>['signing'];
export type ConsentUse = ConsentTextDto['uses'][number]['use'];
export type StoryTags = StoryDto['tags'];
export type StoryStatus = OwnStory['status'];

/** Audiences readers other than the author and the care team see: they need the 'site' use. */
export const SHARED_AUDIENCES: readonly StoryAudience[] = ['public', 'members', 'group'];
export const TAG_KINDS = ['condition', 'stage', 'topic'] as const;
export type StoriesContextDto = OutputOf<'stories.context'>;
export type StoryGroupOption = StoriesContextDto['myGroups'][number];

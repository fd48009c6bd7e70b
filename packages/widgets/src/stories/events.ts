/**
 * The stories widget's events, added to core's typed map by declaration merging, and its
 * sign-in request. Details carry ids only, never what a member wrote.
 */
import type { KindredElement } from '../core/kindred-element.ts';
import type { StoryDto } from './types.ts';

declare module '../core/events.ts' {
  interface KindredEventDetails {
    /** A member shared a story (any audience, any status). */
    'kindred-story-shared': { storyId: string };
    /** Internal: a view asks to go back to where it was opened from. */
    'kindred-story-back': Record<string, never>;
    /** Internal: a story changed here (thanked, edited, consent withdrawn); the gallery updates its card. */
    'kindred-story-changed': { story: StoryDto };
    /** Internal: the composer stored a story (`created`: a new one). */
    'kindred-story-saved': { story: StoryDto; created: boolean; organisation: string };
    /** Internal: "My stories" asks to edit a story, or to write a new one. */
    'kindred-story-compose': { story: StoryDto | null };
    /** Internal: a story was deleted. */
    'kindred-story-deleted': { storyId: string };
  }
}

export type StoriesSignInReason = 'share' | 'thank' | 'reply';

/** Dispatches the cancelable `kindred-request-sign-in` and says whether the page took it. */
export function requestSignIn(element: KindredElement, reason: StoriesSignInReason): boolean {
  return element.emit('kindred-request-sign-in', { reason }, { cancelable: true }).defaultPrevented;
}

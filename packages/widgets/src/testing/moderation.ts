/**
 * Moderation for the mock clients (tests and Storybook): the refusals the API sends, outcomes a
 * mock's next write returns, and a tenant's crisis resources. Every mock's writes return
 * `moderation` as the API does; `moderateNext(path, outcome)` changes the next one's.
 */
import { ApiError } from '../core/api-client.ts';
import type {
  ContentRejectedDetails,
  CrisisResource,
  MemberMutedDetails,
  ModerationOutcome,
  ModerationReason,
  PersonalDetailsFoundDetails,
} from '../core/api-types.ts';

interface RefusalDetails {
  CONTENT_REJECTED: ContentRejectedDetails;
  PERSONAL_DETAILS_FOUND: PersonalDetailsFoundDetails;
  RATE_LIMITED: { retryAfterSeconds: number };
  MEMBER_MUTED: MemberMutedDetails;
  MEMBER_BANNED: Record<string, never>;
}
type RefusalCode = keyof RefusalDetails;

const STATUS: Record<RefusalCode, number> = { CONTENT_REJECTED: 422, PERSONAL_DETAILS_FOUND: 422, RATE_LIMITED: 429, MEMBER_MUTED: 403, MEMBER_BANNED: 403 };
const MESSAGE: Record<RefusalCode, string> = {
  CONTENT_REJECTED: 'This cannot be posted as it is. Please change it and try again.',
  PERSONAL_DETAILS_FOUND: 'This includes personal details that others would see. Remove them, or confirm you want to share them.',
  RATE_LIMITED: 'Too many requests. Please slow down and try again shortly.',
  MEMBER_MUTED: 'You cannot post right now. A moderator has paused your posting.',
  MEMBER_BANNED: 'Your account cannot take part in this community.',
};

/**
 * The error the API sends when moderation or the rate limit refuses a request, with its HTTP
 * status and `details`: `client.failNext('forum.reply', refusal('RATE_LIMITED', { retryAfterSeconds: 20 }))`.
 */
export function refusal<C extends RefusalCode>(code: C, details: RefusalDetails[C]): ApiError {
  return new ApiError(code, STATUS[code], MESSAGE[code], [], { ...details });
}

/** A tenant's crisis resources: a phone line, a text line given as an instruction, one with a text number. */
export const fixtureCrisisResources: CrisisResource[] = [
  {
    name: 'Samaritans',
    description: 'Free, confidential support, day or night, whatever you are going through.',
    phone: '116 123',
    text: null,
    url: 'https://www.samaritans.org/',
  },
  {
    name: 'Shout',
    description: 'Free, confidential support by text, 24/7.',
    phone: null,
    text: 'Text SHOUT to 85258',
    url: 'https://giveusashout.org/',
  },
  {
    name: 'Riverside Cancer Support nurses',
    description: 'Our nurses listen and help you find support nearby. Monday to Friday, 9am to 5pm.',
    phone: '0800 028 1234',
    text: '07700 900 456',
    url: null,
  },
];

export const publishedOutcome = (): ModerationOutcome => ({ status: 'published', reason: null, crisisResources: null });
/** Held for a moderator, for `reason`. */
export const awaitingReview = (reason: ModerationReason): ModerationOutcome => ({ status: 'pending', reason, crisisResources: null });
/** The crisis phase matched: pending, with the tenant's resources for the author. */
export const crisisOutcome = (resources: CrisisResource[] = fixtureCrisisResources): ModerationOutcome => ({
  status: 'pending',
  reason: 'crisis',
  crisisResources: structuredClone(resources),
});

/** The moderation fields an author's stored item takes from its write's outcome. */
export const moderationState = (outcome: ModerationOutcome) => ({ status: outcome.status, moderationReason: outcome.reason, moderationNote: null });

/** Outcomes queued for a mock's next writes; a write with none queued gets the mock's own. */
export class OutcomeQueue {
  private readonly queued: { path: string; outcome: ModerationOutcome }[] = [];

  push(path: string, outcome: ModerationOutcome): void {
    this.queued.push({ path, outcome: structuredClone(outcome) });
  }

  /** The outcome of this write: the next queued for `path`, else `otherwise`. */
  take(path: string, otherwise: ModerationOutcome): ModerationOutcome {
    const index = this.queued.findIndex((q) => q.path === path);
    return index < 0 ? otherwise : this.queued.splice(index, 1)[0]!.outcome;
  }
}

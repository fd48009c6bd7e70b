/**
 * The one reading of the errors moderation and the rate limit send back on a write. `details`
 * comes from the network, so each field is checked before a widget relies on it.
 */
import { ApiError } from '../api-client.ts';
import type { PersonalDetailFinding, RejectionReason } from '../api-types.ts';

export type Refusal =
  /** Nothing was stored; `reason` null when the API named a reason this widget does not know. */
  | { code: 'CONTENT_REJECTED'; reason: RejectionReason | null }
  /** Nothing was stored; sending again with `confirmPersonalDetails: true` posts it anyway. */
  | { code: 'PERSONAL_DETAILS_FOUND'; found: PersonalDetailFinding[] }
  | { code: 'RATE_LIMITED'; seconds: number }
  /** `until`: ISO time, or null when no end is set. */
  | { code: 'MEMBER_MUTED'; until: string | null }
  | { code: 'MEMBER_BANNED' };

const REJECTIONS: readonly RejectionReason[] = ['banned_word', 'duplicate', 'too_many_links'];
const KINDS: readonly PersonalDetailFinding['kind'][] = ['phone', 'email', 'address', 'date_of_birth', 'record_number'];
/** When a 429 does not say how long to wait. */
const DEFAULT_WAIT_SECONDS = 30;

const isFinding = (value: unknown): value is PersonalDetailFinding => {
  const finding = value as Partial<PersonalDetailFinding> | null;
  return typeof finding?.match === 'string' && KINDS.includes(finding.kind as PersonalDetailFinding['kind']);
};

/** What a failed write means for its author, when moderation or the rate limit refused it; else null. */
export function readRefusal(error: unknown): Refusal | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details ?? {};
  switch (error.kindredCode) {
    case 'CONTENT_REJECTED': {
      const reason = details.reason as RejectionReason;
      return { code: 'CONTENT_REJECTED', reason: REJECTIONS.includes(reason) ? reason : null };
    }
    case 'PERSONAL_DETAILS_FOUND': {
      const found = Array.isArray(details.personalDetails) ? details.personalDetails.filter(isFinding) : [];
      return { code: 'PERSONAL_DETAILS_FOUND', found };
    }
    case 'RATE_LIMITED': {
      const seconds = Number(details.retryAfterSeconds);
      return { code: 'RATE_LIMITED', seconds: Number.isFinite(seconds) && seconds > 0 ? Math.min(Math.ceil(seconds), 3600) : DEFAULT_WAIT_SECONDS };
    }
    case 'MEMBER_MUTED': {
      const until = typeof details.until === 'string' && !Number.isNaN(Date.parse(details.until)) ? details.until : null;
      return { code: 'MEMBER_MUTED', until };
    }
    case 'MEMBER_BANNED':
      return { code: 'MEMBER_BANNED' };
  }
  return null;
}

/**
 * The moderation contract every client sees: what happened to a piece of content when it was
 * written, and why. Widgets and the admin console import these as types.
 */
import type { PersonalDetailKind } from './personal-details.ts';

/** Where a piece of content stands. Only `published` is ever shown to anyone but its author and staff. */
export type ContentStatus = 'published' | 'pending' | 'rejected' | 'hidden';

/**
 * Why content is held, rejected or hidden. The author sees it in plain language (the widgets
 * hold the wording); nothing public ever shows it.
 * - `premoderation`: the organisation reviews this kind of content before it appears.
 * - `new_member`: a new member's first posts are reviewed.
 * - `watched_word`: it uses a word the organisation reviews.
 * - `link_from_new_member`: new members' posts with links are reviewed.
 * - `crisis`: it may describe someone at risk; a person will read it soon.
 * - `reported`: several members reported it; a moderator will look at it.
 * - `moderator`: a moderator decided (their note, if any, is in `moderationNote`).
 */
export type ModerationReason =
  | 'premoderation'
  | 'new_member'
  | 'watched_word'
  | 'link_from_new_member'
  | 'crisis'
  | 'reported'
  | 'moderator';

/** Why a write was refused outright (error `CONTENT_REJECTED`, in `error.data.details.reason`). */
export type RejectionReason = 'banned_word' | 'duplicate' | 'too_many_links';

/** A crisis line or service, configured per tenant for its region. */
export interface CrisisResource {
  name: string;
  /** What it offers, in one sentence: "Free, confidential, 24/7 support by call or text." */
  description: string;
  phone: string | null;
  /** SMS / text line, e.g. "Text SHOUT to 85258". */
  text: string | null;
  url: string | null;
}

/**
 * Returned with every write (`result.moderation`): whether readers can see it now, why not if
 * not, and, when the crisis phase matched, the tenant's crisis resources for the widget to show
 * its author with care (`crisisResources` is null otherwise).
 */
export interface ModerationOutcome {
  status: 'published' | 'pending';
  reason: ModerationReason | null;
  crisisResources: CrisisResource[] | null;
}

/** One personal detail found in content meant for others (error `PERSONAL_DETAILS_FOUND`). */
export interface PersonalDetailFinding {
  kind: PersonalDetailKind;
  /** The text as the author wrote it, so they can find and change it. */
  match: string;
}

/** `error.data.details` for the moderation errors. */
export interface ContentRejectedDetails {
  reason: RejectionReason;
}
export interface PersonalDetailsFoundDetails {
  /** Send the same write again with `confirmPersonalDetails: true` to post anyway. */
  personalDetails: PersonalDetailFinding[];
}
export interface MemberMutedDetails {
  /** ISO time the mute ends; null when permanent. */
  until: string | null;
}

/** What a reader DTO says about the moderation of the viewer's own item (others only ever get published items). */
export interface ModerationStateDto {
  status: ContentStatus;
  /** Why it is not published (null when published). */
  moderationReason: ModerationReason | null;
  /** A moderator's note to the author, if they left one. */
  moderationNote: string | null;
}

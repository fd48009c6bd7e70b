/**
 * The one moderation pipeline. Every write of user content (threads, posts, stories, story
 * comments, reviews, questions, answers) calls `moderate()` before storing anything, and stores
 * the decision's columns with the item. Phases run in order; each passes, holds the item for
 * review (the first hold reason wins, except crisis, which always wins) or refuses the write:
 *
 *  1. standing: a muted member may not write (MEMBER_MUTED);
 *  2. flood: more items in a minute than the tenant allows is refused (RATE_LIMITED, Retry-After);
 *  3. limits: too many links is refused (CONTENT_REJECTED too_many_links);
 *  4. banned words: refused (CONTENT_REJECTED banned_word);
 *  5. repeat posts: the same words again within a day are refused (CONTENT_REJECTED duplicate),
 *     when long enough to be more than a "thank you", or in the same thread;
 *  6. personal details in content others would read: refused until the author confirms
 *     (PERSONAL_DETAILS_FOUND, with what was found);
 *  7. crisis language: held first in the queue, and the author gets the tenant's crisis
 *     resources in the response; nothing public labels the item;
 *  8. watched words: held;
 *  9. links: held from new members (or from everyone) as the tenant chose;
 * 10. new members: their first N items are held;
 * 11. pre-moderation of this kind of content (or this story audience, or this review rating): held.
 *
 * Length limits and sanitising happen before this, in each procedure's input schema and in
 * content/formatting.ts; the stored HTML is always the sanitiser's.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import type { SignedInMember } from '../identity/identity.service.ts';
import { getTenantSettings, type ContentKind, type TenantSettings } from '../tenants/tenant-settings.ts';
import { detectCrisis } from './crisis.ts';
import { CONTENT_TABLES, KIND_TABLES } from './moderation.repo.ts';
import type { CrisisResource, ModerationOutcome, ModerationReason, RejectionReason } from './moderation.types.ts';
import { findPersonalDetails } from './personal-details.ts';
import { findListed } from './word-lists.ts';

/** More links than this in one item is spam, whoever writes it. */
export const MAX_LINKS = 8;
/** Shorter texts ("Thank you!", "Same here") may be repeated, except in the same thread. */
export const REPEAT_MIN_LENGTH = 40;
/** Below this many published items a member counts as new for the link policy. */
const NEW_MEMBER_PUBLISHED = 3;

const LINK = /\bhttps?:\/\/|\bwww\.[\p{L}\d-]+\.[\p{L}]{2,}|\[[^\]]*\]\([^)]*\)/giu;

export interface Submission {
  kind: ContentKind;
  /** Everything the author wrote in this item (title, body, pseudonym...), joined by newlines. */
  text: string;
  /** Read beyond a closed circle: public, or every member of the site (the personal-details guard applies). */
  widelyVisible: boolean;
  /** The tenant reviews this before it appears (its setting for this kind, story audience or review rating). */
  premoderated: boolean;
  /** The author saw the personal details found and chose to post anyway. */
  confirmPersonalDetails?: boolean | undefined;
  /** An edit: the item being changed (not a repeat of itself). */
  editing?: string | undefined;
  /** A retried write carries the same key: it is not a repeat either. */
  idempotencyKey?: string | undefined;
  /** The words compared with the author's recent items of this kind: the body (for threads, the opening post's). */
  body: string;
  /** A reply's thread: the same words twice in one thread are a repeat at any length. */
  threadId?: string | undefined;
}

/** What to store with the item, and what to tell its author. */
export interface ModerationDecision {
  columns: {
    status: 'published' | 'pending';
    moderation_reason: ModerationReason | null;
    moderation_note: null;
    is_crisis: boolean;
    crisis_resources: string | null;
  };
  outcome: ModerationOutcome;
}

function refuse(reason: RejectionReason, message: string): never {
  throw new KindredError('CONTENT_REJECTED', message, { details: { reason } });
}

/** The member's published items (ever) and items written in the last minute, across every kind. */
async function authorActivity(tx: TenantTx, authorId: string): Promise<{ published: number; lastMinute: number }> {
  // Threads are counted through their opening posts.
  const sum = (condition: string) =>
    sql.join(
      CONTENT_TABLES.map((t) => sql`(select count(*) from ${sql.table(t)} where author_id = ${authorId} and ${sql.raw(condition)})`),
      sql` + `,
    );
  const row = await sql<{ published: string; last_minute: string }>`
    select ${sum(`status = 'published'`)} as published,
           ${sum(`created_at > now() - interval '1 minute'`)} as last_minute`.execute(tx);
  return { published: Number(row.rows[0]?.published ?? 0), lastMinute: Number(row.rows[0]?.last_minute ?? 0) };
}

/** The same words from the same author in the same kind of item within a day. */
async function isRepeat(tx: TenantTx, authorId: string, submission: Submission): Promise<boolean> {
  const body = submission.body.trim();
  if (body.length < REPEAT_MIN_LENGTH && !submission.threadId) return false;
  const { table } = KIND_TABLES[submission.kind];
  const hasIdempotencyKey = table !== 'reviews';
  const row = await sql<{ id: string }>`
    select id from ${sql.table(table)}
    where author_id = ${authorId}
      and created_at > now() - interval '1 day'
      and lower(body) = lower(${body})
      ${body.length < REPEAT_MIN_LENGTH ? sql`and thread_id = ${submission.threadId}::uuid` : sql``}
      ${submission.editing ? sql`and id <> ${submission.editing}::uuid` : sql``}
      ${hasIdempotencyKey && submission.idempotencyKey ? sql`and idempotency_key is distinct from ${submission.idempotencyKey}` : sql``}
    limit 1`.execute(tx);
  return row.rows.length > 0;
}

export async function moderate(
  tx: TenantTx,
  author: SignedInMember,
  submission: Submission,
  known?: TenantSettings,
): Promise<ModerationDecision> {
  const settings = known ?? (await getTenantSettings(tx));
  const policy = settings.moderation;

  // 1. Standing.
  if (author.mutedUntil) {
    const until = author.mutedUntil === 'indefinitely' ? null : author.mutedUntil.toISOString();
    throw new KindredError('MEMBER_MUTED', undefined, { details: { until } });
  }

  // 2. Flood.
  const activity = await authorActivity(tx, author.id);
  if (activity.lastMinute >= policy.floodPerMinute && !submission.editing) {
    throw new KindredError('RATE_LIMITED', 'You are posting very quickly. Please wait a minute and try again.', {
      retryAfterSeconds: 60,
      details: { retryAfterSeconds: 60 },
    });
  }

  // 3. Limits the schemas cannot express.
  const links = submission.text.match(LINK)?.length ?? 0;
  if (links > MAX_LINKS) refuse('too_many_links', `Please include at most ${MAX_LINKS} links.`);

  // 4. Banned words.
  if (findListed(submission.text, policy.bannedWords).length) {
    refuse('banned_word', 'This includes words this community does not allow. Please change them and try again.');
  }

  // 5. Repeats.
  if (await isRepeat(tx, author.id, submission)) {
    refuse('duplicate', 'You already posted this.');
  }

  // 6. Personal details.
  if (submission.widelyVisible && !submission.confirmPersonalDetails) {
    const found = findPersonalDetails(submission.text);
    if (found.length) throw new KindredError('PERSONAL_DETAILS_FOUND', undefined, { details: { personalDetails: found } });
  }

  // 7-11. Holds.
  const crisis = detectCrisis(submission.text, policy.crisisPhrases) !== undefined;
  const isNew = activity.published < Math.max(policy.newMemberThreshold, NEW_MEMBER_PUBLISHED);
  const holds: [boolean, ModerationReason][] = [
    [crisis, 'crisis'],
    [findListed(submission.text, policy.watchedWords).length > 0, 'watched_word'],
    [links > 0 && (policy.linkPolicy === 'hold_all' || (policy.linkPolicy === 'hold_new_members' && isNew)), 'link_from_new_member'],
    [activity.published < policy.newMemberThreshold, 'new_member'],
    [submission.premoderated || policy.premoderation[submission.kind], 'premoderation'],
  ];
  const reason = holds.find(([applies]) => applies)?.[1] ?? null;
  const crisisResources: CrisisResource[] | null = crisis ? settings.crisisResources : null;
  const status = reason ? 'pending' : 'published';
  return {
    columns: {
      status,
      moderation_reason: reason,
      moderation_note: null,
      is_crisis: crisis,
      crisis_resources: crisisResources ? JSON.stringify(crisisResources) : null,
    },
    outcome: { status, reason, crisisResources },
  };
}

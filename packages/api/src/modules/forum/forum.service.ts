/**
 * Forum rules: who may read and write where, anonymity, content warnings, edits with history,
 * tombstones, reactions, helpful marks, reports, search, and the DTOs readers get.
 */
import { z } from 'zod';
import { decodeCursor, toPage, type Page } from '../../db/keyset.ts';
import type { ReactionKind } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { plainText, renderBody } from '../content/formatting.ts';
import { canPostInGroup, canReadGroup, findVisibleGroup, toGroupDto, type Viewer } from '../groups/groups.service.ts';
import { findGroupById } from '../groups/groups.repo.ts';
import { guestAuthor, type SignedInMember } from '../identity/identity.service.ts';
import { setModeration } from '../moderation/moderation.repo.ts';
import { moderationStateOf, storedOutcome } from '../moderation/moderation-state.ts';
import type { ModerationOutcome } from '../moderation/moderation.types.ts';
import { moderate } from '../moderation/pipeline.ts';
import { publish, topics } from '../realtime/outbox.ts';
import { getTenantSettings, type TenantSettings } from '../tenants/tenant-settings.ts';
import * as repo from './forum.repo.ts';
import type {
  AuthorDto,
  Badge,
  CreateThreadInput,
  EditPostInput,
  ForumContextDto,
  GetThreadInput,
  ListThreadsInput,
  MemberCardDto,
  PostDto,
  ReactInput,
  ReactionCounts,
  ReplyInput,
  ReportInput,
  SearchHitDto,
  SearchInput,
  ThreadDetailDto,
  ThreadSummaryDto,
} from './forum.schema.ts';

const EXCERPT_LENGTH = 200;
const SNIPPET_RADIUS = 90;

const NOT_FOUND_THREAD = 'This conversation does not exist or was removed.';
const NOT_FOUND_POST = 'This post does not exist or was removed.';

function badgesOf(
  row: { author_badges: string[]; author_group_role: string | null; author_verified_clinician: boolean },
  settings: TenantSettings,
): Badge[] {
  const badges: Badge[] = [];
  const hostVerified = settings.trustHostBadges && row.author_badges.includes('clinician');
  if (row.author_verified_clinician || hostVerified) badges.push('clinician');
  if (row.author_group_role === 'mentor') badges.push('mentor');
  if (row.author_group_role === 'moderator') badges.push('group_moderator');
  return badges;
}

/**
 * The author as this viewer may see them: an anonymous author is null to everyone but
 * themselves (staff see it through staff procedures, never through these DTOs).
 */
function authorFor(
  row: { author_id: string; author_name: string; author_badges: string[]; author_group_role: string | null; author_verified_clinician: boolean },
  anonymous: boolean,
  viewer: Viewer,
  settings: TenantSettings,
): AuthorDto | null {
  if (anonymous && row.author_id !== viewer?.id) return null;
  return { id: row.author_id, displayName: row.author_name, badges: badgesOf(row, settings) };
}

function excerptOf(source: string, contentWarning: string | null): string {
  if (contentWarning) return '';
  const text = plainText(source);
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text;
}

function toThreadSummary(row: repo.ThreadSummaryRow, viewer: Viewer, settings: TenantSettings): ThreadSummaryDto {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerptOf(row.opening_source, row.content_warning),
    author: authorFor(row, row.is_anonymous, viewer, settings),
    anonymous: row.is_anonymous,
    isOwn: viewer?.id === row.author_id,
    contentWarning: row.content_warning,
    group: row.group_slug,
    replyCount: row.reply_count,
    supportCount: row.support_count,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    ...moderationStateOf(row),
  };
}

function toPost(row: repo.PostRow, viewer: Viewer, settings: TenantSettings): PostDto {
  const deleted = row.deleted_at !== null;
  const isOwn = viewer?.id === row.author_id;
  return {
    id: row.id,
    threadId: row.thread_id,
    isOpening: row.is_opening,
    author: deleted ? null : authorFor(row, row.is_anonymous, viewer, settings),
    anonymous: row.is_anonymous,
    isOwn,
    bodyHtml: row.body_html,
    bodySource: isOwn && !deleted ? row.body : null,
    contentWarning: row.content_warning,
    markedHelpful: row.marked_helpful,
    reactions: { support: row.support, helpful: row.helpful, me_too: row.me_too },
    myReactions: row.my_reactions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    ...moderationStateOf(row),
  };
}


/** Posts in the general forum, and in public or members-only groups, are read beyond a closed circle. */
async function isWidelyVisible(tx: TenantTx, groupId: string | null): Promise<boolean> {
  if (groupId === null) return true;
  const group = await findGroupById(tx, groupId, null);
  return group?.visibility !== 'group';
}

/**
 * The forum space a request names, checked for reading: a group's forum, or the general forum
 * (null) when no group is given. Members-only and group-only forums refuse with a reason the
 * widget can act on (sign in / join).
 */
async function readableSpace(tx: TenantTx, viewer: Viewer, groupSlug: string | undefined): Promise<string | null> {
  if (groupSlug === undefined) return null;
  const group = await findVisibleGroup(tx, viewer, groupSlug);
  if (!canReadGroup(group, viewer)) throw new KindredError(viewer ? 'GROUP_MEMBERSHIP_REQUIRED' : 'SIGN_IN_REQUIRED');
  return group.id;
}

/** Writing needs a signed-in member; in a group, an active membership. */
async function requireCanPost(tx: TenantTx, member: SignedInMember, groupId: string | null): Promise<void> {
  if (groupId === null) return;
  const group = await findGroupById(tx, groupId, member.id);
  if (!group || !canPostInGroup(group, member)) throw new KindredError('GROUP_MEMBERSHIP_REQUIRED');
}

export async function forumContext(tx: TenantTx, viewer: Viewer, groupSlug: string | undefined): Promise<ForumContextDto> {
  const [settings, tenant] = await Promise.all([getTenantSettings(tx), tx.selectFrom('tenants').select('name').executeTakeFirstOrThrow()]);
  const group = groupSlug === undefined ? null : await findVisibleGroup(tx, viewer, groupSlug);
  return {
    viewer: viewer ? { id: viewer.id, displayName: viewer.displayName } : null,
    tenantName: tenant.name,
    medicalNotice: settings.medicalNotice,
    group: group ? toGroupDto(group, viewer) : null,
    canRead: group ? canReadGroup(group, viewer) : true,
    canPost: group ? canPostInGroup(group, viewer) : viewer !== null,
    guestCanPost: viewer === null && group === null && settings.moderation.guestPosting,
  };
}

const threadCursor = z.tuple([z.union([z.iso.datetime(), z.number().int().min(0)]), z.uuid()]);

function threadKey(row: repo.ThreadSummaryRow, sort: ListThreadsInput['sort']): repo.ThreadKey {
  if (sort === 'supported') return [row.support_count, row.id];
  return [(sort === 'activity' ? row.last_activity_at : row.created_at).toISOString(), row.id];
}

export async function listThreads(tx: TenantTx, viewer: Viewer, input: ListThreadsInput): Promise<Page<ThreadSummaryDto>> {
  const groupId = await readableSpace(tx, viewer, input.group);
  const after = input.cursor ? decodeCursor(input.cursor, threadCursor) : undefined;
  if (after && (typeof after[0] === 'number') !== (input.sort === 'supported')) throw new KindredError('INVALID_CURSOR');
  const [settings, rows] = await Promise.all([
    getTenantSettings(tx),
    repo.listThreads(tx, { viewerId: viewer?.id ?? null, groupId, sort: input.sort, after, limit: input.limit }),
  ]);
  return toPage(rows, input.limit, (r) => toThreadSummary(r, viewer, settings), (r) => threadKey(r, input.sort));
}

function snippetOf(source: string, contentWarning: string | null, query: string): string {
  if (contentWarning) return '';
  const text = plainText(source);
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  const lower = text.toLowerCase();
  const at = Math.max(0, Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), text.length));
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(text.length, at + SNIPPET_RADIUS * 2);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

export async function search(tx: TenantTx, viewer: Viewer, input: SearchInput): Promise<Page<SearchHitDto>> {
  const groupId = input.group === undefined ? undefined : await readableSpace(tx, viewer, input.group);
  const after = input.cursor ? decodeCursor(input.cursor, z.tuple([z.iso.datetime(), z.uuid()])) : undefined;
  const [settings, rows] = await Promise.all([
    getTenantSettings(tx),
    repo.searchThreads(tx, { viewerId: viewer?.id ?? null, groupId, text: input.query, after, limit: input.limit }),
  ]);
  return toPage(
    rows,
    input.limit,
    (r) => ({ thread: toThreadSummary(r, viewer, settings), postId: r.hit_post_id, snippet: snippetOf(r.hit_body, r.hit_warning, input.query) }),
    (r) => [r.last_activity_at.toISOString(), r.id],
  );
}

const postCursor = z.tuple([z.number().int().min(0).max(2), z.iso.datetime(), z.uuid()]);

async function canReplyIn(tx: TenantTx, viewer: Viewer, groupId: string | null): Promise<boolean> {
  if (!viewer) return false;
  if (groupId === null) return true;
  const group = await findGroupById(tx, groupId, viewer.id);
  return group !== undefined && canPostInGroup(group, viewer);
}

export async function getThread(tx: TenantTx, viewer: Viewer, input: GetThreadInput): Promise<ThreadDetailDto> {
  const after = input.cursor ? decodeCursor(input.cursor, postCursor) : undefined;
  const thread = await repo.findThread(tx, input.threadId, viewer?.id ?? null);
  if (!thread) throw new KindredError('NOT_FOUND', NOT_FOUND_THREAD);
  const [settings, rows, canReply] = await Promise.all([
    getTenantSettings(tx),
    repo.listPosts(tx, { viewerId: viewer?.id ?? null, threadId: input.threadId, after, limit: input.limit }),
    canReplyIn(tx, viewer, thread.group_id),
  ]);
  const posts = toPage(rows, input.limit, (r) => toPost(r, viewer, settings), (r) => [r.rank, r.created_at.toISOString(), r.id]);
  return { thread: toThreadSummary(thread, viewer, settings), posts, canReply };
}

/** A post as the viewer sees it after a change (they can always read what they just wrote). */
export async function loadPost(tx: TenantTx, viewer: Viewer, postId: string): Promise<PostDto | null> {
  const [settings, row] = await Promise.all([getTenantSettings(tx), repo.findPost(tx, postId, viewer?.id ?? null)]);
  return row ? toPost(row, viewer, settings) : null;
}

async function loadOwnPost(tx: TenantTx, viewer: SignedInMember, postId: string): Promise<PostDto> {
  const post = await loadPost(tx, viewer, postId);
  if (!post) throw new Error(`post ${postId} is not readable by its own author`);
  return post;
}

/**
 * Who writes: the signed-in member, or, signed out, a guest where the tenant allows guest
 * posting (general forum only; everything a guest writes waits for review).
 */
async function writer(
  tx: TenantTx,
  member: SignedInMember | null,
  input: { guestName?: string | undefined; idempotencyKey: string },
  groupId: string | null,
  settings: TenantSettings,
): Promise<{ author: SignedInMember; guest: boolean }> {
  if (member) return { author: member, guest: false };
  if (!settings.moderation.guestPosting || groupId !== null) throw new KindredError('SIGN_IN_REQUIRED');
  if (!input.guestName) throw new KindredError('VALIDATION_FAILED', 'Choose a name to post under.');
  return { author: await guestAuthor(tx, input.guestName, input.idempotencyKey), guest: true };
}

export async function createThread(
  tx: TenantTx,
  member: SignedInMember | null,
  input: CreateThreadInput,
): Promise<ThreadSummaryDto & { moderation: ModerationOutcome }> {
  const groupId = await readableSpace(tx, member, input.group);
  const settings = await getTenantSettings(tx);
  const { author, guest } = await writer(tx, member, input, groupId, settings);
  await requireCanPost(tx, author, groupId);
  const thread = await repo.insertThread(tx, {
    groupId,
    authorId: author.id,
    title: input.title,
    anonymous: input.anonymous,
    idempotencyKey: input.idempotencyKey,
  });
  let moderation: ModerationOutcome | undefined;
  if (thread.created) {
    // Moderated after the idempotent insert so a retry is never a "repeat"; a refusal rolls it back.
    const decision = await moderate(
      tx,
      author,
      {
        kind: 'thread',
        text: `${input.title}\n${input.contentWarning ?? ''}\n${input.body}`,
        body: input.body,
        widelyVisible: await isWidelyVisible(tx, groupId),
        premoderated: guest,
        confirmPersonalDetails: input.confirmPersonalDetails,
      },
      settings,
    );
    moderation = decision.outcome;
    await repo.insertOpeningPost(tx, {
      threadId: thread.id,
      authorId: author.id,
      body: input.body,
      bodyHtml: renderBody(input.body),
      contentWarning: input.contentWarning ?? null,
      anonymous: input.anonymous,
      moderation: decision.columns,
    });
    if (decision.columns.status === 'published') await publish(tx, topics.forum(groupId), 'thread.created', { threadId: thread.id });
  }
  const row = await repo.findThread(tx, thread.id, author.id);
  if (!row) throw new Error(`thread ${thread.id} vanished inside its own transaction`);
  // A retry must describe the same write; a reused key for something else is a client bug.
  if (!thread.created && (row.title !== input.title || row.group_slug !== (input.group ?? null))) {
    throw new KindredError('IDEMPOTENCY_KEY_REUSED');
  }
  const dto = toThreadSummary(row, author, settings);
  return { ...dto, moderation: moderation ?? storedOutcome(dto.status, dto.moderationReason, settings) };
}

export async function reply(tx: TenantTx, member: SignedInMember | null, input: ReplyInput): Promise<PostDto & { moderation: ModerationOutcome }> {
  const thread = await repo.findThread(tx, input.threadId, member?.id ?? null);
  if (!thread) throw new KindredError('NOT_FOUND', NOT_FOUND_THREAD);
  const settings = await getTenantSettings(tx);
  const { author, guest } = await writer(tx, member, input, thread.group_id, settings);
  await requireCanPost(tx, author, thread.group_id);
  const decision = await moderate(
    tx,
    author,
    {
      kind: 'post',
      text: `${input.contentWarning ?? ''}\n${input.body}`,
      body: input.body,
      widelyVisible: await isWidelyVisible(tx, thread.group_id),
      premoderated: guest,
      confirmPersonalDetails: input.confirmPersonalDetails,
      idempotencyKey: input.idempotencyKey,
      threadId: input.threadId,
    },
    settings,
  );
  const post = await repo.insertReply(tx, {
    threadId: input.threadId,
    authorId: author.id,
    body: input.body,
    bodyHtml: renderBody(input.body),
    contentWarning: input.contentWarning ?? null,
    anonymous: input.anonymous,
    idempotencyKey: input.idempotencyKey,
    moderation: decision.columns,
  });
  if (post.created && decision.columns.status === 'published') await announceReply(tx, input.threadId, thread.group_id, post.id);
  const dto = await loadOwnPost(tx, author, post.id);
  if (!post.created && (dto.threadId !== input.threadId || dto.bodySource !== input.body)) {
    throw new KindredError('IDEMPOTENCY_KEY_REUSED');
  }
  return { ...dto, moderation: post.created ? decision.outcome : storedOutcome(dto.status, dto.moderationReason, settings) };
}

/** Live events for a reply readers can now see. */
export async function announceReply(tx: TenantTx, threadId: string, groupId: string | null, postId: string): Promise<void> {
  await publish(tx, topics.thread(threadId), 'post.created', { postId });
  await publish(tx, topics.forum(groupId), 'thread.activity', { threadId });
}

/** The viewer's own post, for changing it; someone else's is FORBIDDEN_ACTION, a missing one NOT_FOUND. */
async function ownPost(tx: TenantTx, member: SignedInMember, postId: string) {
  const post = await repo.findPostAuthorship(tx, postId);
  if (!post || post.deleted_at) throw new KindredError('NOT_FOUND', NOT_FOUND_POST);
  if (post.author_id !== member.id) throw new KindredError('FORBIDDEN_ACTION', 'You can only change your own posts.');
  return post;
}

export async function editPost(tx: TenantTx, member: SignedInMember, input: EditPostInput): Promise<PostDto & { moderation: ModerationOutcome }> {
  const post = await ownPost(tx, member, input.postId);
  if (!(await repo.findPost(tx, input.postId, member.id))) throw new KindredError('NOT_FOUND', NOT_FOUND_POST);
  if (input.title !== undefined && !post.is_opening) throw new KindredError('VALIDATION_FAILED', 'Only the first post of a conversation has a title.');
  const thread = await repo.findThread(tx, post.thread_id, member.id);
  const decision = await moderate(tx, member, {
    kind: post.is_opening ? 'thread' : 'post',
    text: `${input.title ?? (post.is_opening ? (thread?.title ?? '') : '')}\n${input.contentWarning ?? ''}\n${input.body}`,
    body: input.body,
    widelyVisible: await isWidelyVisible(tx, post.group_id),
    premoderated: false,
    confirmPersonalDetails: input.confirmPersonalDetails,
    editing: input.postId,
  });
  await repo.editPost(tx, {
    postId: input.postId,
    editorId: member.id,
    body: input.body,
    bodyHtml: renderBody(input.body),
    contentWarning: input.contentWarning ?? null,
    title: input.title,
    moderation: decision.columns,
  });
  await publish(tx, topics.thread(post.thread_id), 'post.updated', { postId: input.postId });
  return { ...(await loadOwnPost(tx, member, input.postId)), moderation: decision.outcome };
}

/** Authors can always delete their own posts, even after leaving the group they wrote in. */
export async function deletePost(tx: TenantTx, member: SignedInMember, postId: string): Promise<PostDto> {
  const post = await ownPost(tx, member, postId);
  await repo.tombstonePost(tx, postId);
  await publish(tx, topics.thread(post.thread_id), 'post.updated', { postId });
  const settings = await getTenantSettings(tx);
  const row = await repo.findPost(tx, postId, member.id);
  if (row) return toPost(row, member, settings);
  // No longer readable by its author (they left a members-only group): the tombstone itself.
  return {
    id: postId, threadId: post.thread_id, isOpening: post.is_opening, author: null, anonymous: false, isOwn: true,
    bodyHtml: '', bodySource: null, contentWarning: null, markedHelpful: false,
    reactions: { support: 0, helpful: 0, me_too: 0 }, myReactions: [],
    createdAt: new Date().toISOString(), editedAt: null, deletedAt: new Date().toISOString(),
    status: 'published', moderationReason: null, moderationNote: null,
  };
}

/** A live post the member may take part in (read it, and post where it is). */
async function participablePost(tx: TenantTx, member: SignedInMember, postId: string): Promise<repo.PostRow> {
  const row = await repo.findPost(tx, postId, member.id);
  if (!row || row.deleted_at) throw new KindredError('NOT_FOUND', NOT_FOUND_POST);
  await requireCanPost(tx, member, row.group_id);
  return row;
}

export async function react(
  tx: TenantTx,
  member: SignedInMember,
  input: ReactInput,
): Promise<{ postId: string; reactions: ReactionCounts; myReactions: ReactionKind[] }> {
  const row = await participablePost(tx, member, input.postId);
  const changed = await repo.setReaction(tx, { postId: input.postId, threadId: row.thread_id, memberId: member.id, kind: input.kind, on: input.on });
  if (changed) await publish(tx, topics.thread(row.thread_id), 'reactions.changed', { postId: input.postId });
  const post = await loadOwnPost(tx, member, input.postId);
  return { postId: input.postId, reactions: post.reactions, myReactions: post.myReactions };
}

export async function markHelpful(tx: TenantTx, member: SignedInMember, input: { postId: string; helpful: boolean }): Promise<PostDto> {
  const row = await repo.findPost(tx, input.postId, member.id);
  if (!row || row.deleted_at) throw new KindredError('NOT_FOUND', NOT_FOUND_POST);
  if (row.thread_author_id !== member.id) throw new KindredError('FORBIDDEN_ACTION', 'Only the person who started the conversation can mark replies helpful.');
  if (row.is_opening) throw new KindredError('VALIDATION_FAILED', 'Only replies can be marked helpful.');
  if (row.marked_helpful !== input.helpful) {
    await repo.setMarkedHelpful(tx, input.postId, input.helpful);
    await publish(tx, topics.thread(row.thread_id), 'post.updated', { postId: input.postId });
  }
  return loadOwnPost(tx, member, input.postId);
}

/**
 * A member reports a post. Once enough distinct members have reported it (the tenant's
 * threshold), it is hidden until a moderator looks.
 */
export async function report(tx: TenantTx, member: SignedInMember, input: ReportInput): Promise<{ ok: true }> {
  const row = await repo.findPost(tx, input.postId, member.id);
  if (!row || row.deleted_at) throw new KindredError('NOT_FOUND', NOT_FOUND_POST);
  const reporters = await repo.upsertReport(tx, { postId: input.postId, reporterId: member.id, reason: input.reason, note: input.note || null });
  const { moderation } = await getTenantSettings(tx);
  if (reporters >= moderation.reportThreshold && row.status === 'published') {
    await setModeration(tx, row.is_opening ? 'thread' : 'post', input.postId, { status: 'hidden', reason: 'reported', note: null });
    if (!row.is_opening) await repo.recountThread(tx, row.thread_id);
    await publish(tx, topics.thread(row.thread_id), 'post.updated', { postId: input.postId });
    await publish(tx, topics.forum(row.group_id), 'thread.activity', { threadId: row.thread_id });
  }
  return { ok: true };
}

export async function memberCard(tx: TenantTx, viewer: Viewer, input: { memberId: string; group?: string | undefined }): Promise<MemberCardDto> {
  const group = input.group === undefined ? null : await findVisibleGroup(tx, viewer, input.group);
  const [settings, row] = await Promise.all([getTenantSettings(tx), repo.findMemberCard(tx, input.memberId, group?.id ?? null)]);
  if (!row) throw new KindredError('NOT_FOUND', 'There is no such member.');
  const groupRole = group && canReadGroup(group, viewer) ? (row.group_role ?? null) : null;
  return {
    id: row.id,
    displayName: row.display_name,
    badges: badgesOf({ author_badges: row.badges, author_group_role: groupRole, author_verified_clinician: row.verified_clinician }, settings),
    groupRole,
    joinedAt: row.created_at.toISOString(),
  };
}

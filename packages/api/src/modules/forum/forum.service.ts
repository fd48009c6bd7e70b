/** Forum rules: which space a thread belongs to, idempotent writes, and the DTOs readers get. */
import { decodeCursor, toPage, type Page } from '../../db/keyset.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import type { SignedInMember } from '../identity/identity.service.ts';
import * as repo from './forum.repo.ts';
import type {
  CreateThreadInput,
  GetThreadInput,
  ListThreadsInput,
  PostDto,
  ReplyInput,
  ThreadSummaryDto,
} from './forum.schema.ts';

function toThreadSummary(row: repo.ThreadSummaryRow): ThreadSummaryDto {
  return {
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    author: { id: row.author_id, displayName: row.author_name },
    group: row.group_slug,
    replyCount: row.reply_count,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
  };
}

function toPost(row: repo.PostRow): PostDto {
  return {
    id: row.id,
    threadId: row.thread_id,
    body: row.body,
    author: { id: row.author_id, displayName: row.author_name },
    isOpening: row.is_opening,
    createdAt: row.created_at.toISOString(),
  };
}

/** The forum space a request names: a group's forum, or the general forum when no group is given. */
async function resolveSpace(tx: TenantTx, groupSlug: string | undefined): Promise<string | null> {
  if (groupSlug === undefined) return null;
  const groupId = await repo.findGroupIdBySlug(tx, groupSlug);
  if (!groupId) throw new KindredError('NOT_FOUND', `There is no group "${groupSlug}".`);
  return groupId;
}

export async function listThreads(tx: TenantTx, input: ListThreadsInput): Promise<Page<ThreadSummaryDto>> {
  const groupId = await resolveSpace(tx, input.group);
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await repo.listThreads(tx, { groupId, after, limit: input.limit });
  return toPage(rows, input.limit, toThreadSummary, (r) => ({ at: r.last_activity_at.toISOString(), id: r.id }));
}

export async function getThread(
  tx: TenantTx,
  input: GetThreadInput,
): Promise<{ thread: ThreadSummaryDto; posts: Page<PostDto> }> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const thread = await repo.findThread(tx, input.threadId);
  if (!thread) throw new KindredError('NOT_FOUND', 'This conversation does not exist or was removed.');
  const rows = await repo.listPosts(tx, { threadId: input.threadId, after, limit: input.limit });
  const posts = toPage(rows, input.limit, toPost, (r) => ({ at: r.created_at.toISOString(), id: r.id }));
  return { thread: toThreadSummary(thread), posts };
}

export async function createThread(tx: TenantTx, author: SignedInMember, input: CreateThreadInput): Promise<ThreadSummaryDto> {
  const groupId = await resolveSpace(tx, input.group);
  const thread = await repo.insertThread(tx, {
    groupId,
    authorId: author.id,
    title: input.title,
    idempotencyKey: input.idempotencyKey,
  });
  if (thread.created) await repo.insertOpeningPost(tx, { threadId: thread.id, authorId: author.id, body: input.body });
  const row = await repo.findThread(tx, thread.id);
  if (!row) throw new Error(`thread ${thread.id} vanished inside its own transaction`);
  // A retry must describe the same write; a reused key for something else is a client bug.
  if (!thread.created && (row.title !== input.title || row.group_slug !== (input.group ?? null))) {
    throw new KindredError('IDEMPOTENCY_KEY_REUSED');
  }
  return toThreadSummary(row);
}

export async function reply(tx: TenantTx, author: SignedInMember, input: ReplyInput): Promise<PostDto> {
  if (!(await repo.findThread(tx, input.threadId))) {
    throw new KindredError('NOT_FOUND', 'This conversation does not exist or was removed.');
  }
  const post = await repo.insertReply(tx, {
    threadId: input.threadId,
    authorId: author.id,
    body: input.body,
    idempotencyKey: input.idempotencyKey,
  });
  const row = await repo.findPost(tx, post.id);
  if (!row) throw new Error(`post ${post.id} vanished inside its own transaction`);
  if (!post.created && (row.thread_id !== input.threadId || row.body !== input.body)) {
    throw new KindredError('IDEMPOTENCY_KEY_REUSED');
  }
  return toPost(row);
}

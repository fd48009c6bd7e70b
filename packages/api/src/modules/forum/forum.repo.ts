/**
 * Forum SQL. Every function takes the tenant-bound transaction first; row-level security
 * scopes each query to its tenant, and joins still match on tenant_id so that each join can use
 * the (tenant_id, ...) keys and stay co-located if tables are ever distributed by tenant.
 */
import { sql } from 'kysely';
import type { TimeAndId } from '../../db/keyset.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';

export async function findGroupIdBySlug(tx: TenantTx, slug: string): Promise<string | undefined> {
  const row = await tx.selectFrom('groups').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

const EXCERPT_LENGTH = 200;

function threadSummaries(tx: TenantTx) {
  return tx
    .selectFrom('threads as t')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 't.tenant_id').onRef('m.id', '=', 't.author_id'))
    .innerJoin('posts as p', (j) =>
      j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.thread_id', '=', 't.id').on('p.is_opening', '=', true),
    )
    .leftJoin('groups as g', (j) => j.onRef('g.tenant_id', '=', 't.tenant_id').onRef('g.id', '=', 't.group_id'))
    .select([
      't.id',
      't.title',
      't.reply_count',
      't.created_at',
      't.last_activity_at',
      't.author_id',
      'm.display_name as author_name',
      'g.slug as group_slug',
      sql<string>`left(p.body, ${EXCERPT_LENGTH})`.as('excerpt'),
    ]);
}

export type ThreadSummaryRow = Awaited<ReturnType<ReturnType<typeof threadSummaries>['executeTakeFirstOrThrow']>>;

/**
 * One page of a forum space, newest activity first:
 * `... where group_id = $1 and (last_activity_at, id) < ($2, $3) order by last_activity_at desc, id desc limit $4`
 */
export async function listThreads(
  tx: TenantTx,
  query: { groupId: string | null; after: TimeAndId | undefined; limit: number },
): Promise<ThreadSummaryRow[]> {
  let q = threadSummaries(tx).where((eb) => (query.groupId ? eb('t.group_id', '=', query.groupId) : eb('t.group_id', 'is', null)));
  if (query.after) {
    q = q.where(sql<boolean>`(t.last_activity_at, t.id) < (${query.after.at}::timestamptz, ${query.after.id}::uuid)`);
  }
  return q.orderBy('t.last_activity_at', 'desc').orderBy('t.id', 'desc').limit(query.limit + 1).execute();
}

export async function findThread(tx: TenantTx, threadId: string): Promise<ThreadSummaryRow | undefined> {
  return threadSummaries(tx).where('t.id', '=', threadId).executeTakeFirst();
}

/** One page of a thread's posts, oldest first (the opening post comes first). */
export async function listPosts(tx: TenantTx, query: { threadId: string; after: TimeAndId | undefined; limit: number }) {
  let q = tx
    .selectFrom('posts as p')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.id', '=', 'p.author_id'))
    .select(['p.id', 'p.thread_id', 'p.body', 'p.is_opening', 'p.created_at', 'p.author_id', 'm.display_name as author_name'])
    .where('p.thread_id', '=', query.threadId);
  if (query.after) {
    q = q.where(sql<boolean>`(p.created_at, p.id) > (${query.after.at}::timestamptz, ${query.after.id}::uuid)`);
  }
  return q.orderBy('p.created_at', 'asc').orderBy('p.id', 'asc').limit(query.limit + 1).execute();
}

export type PostRow = Awaited<ReturnType<typeof listPosts>>[number];

export async function findPost(tx: TenantTx, postId: string): Promise<PostRow | undefined> {
  return tx
    .selectFrom('posts as p')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.id', '=', 'p.author_id'))
    .select(['p.id', 'p.thread_id', 'p.body', 'p.is_opening', 'p.created_at', 'p.author_id', 'm.display_name as author_name'])
    .where('p.id', '=', postId)
    .executeTakeFirst();
}

/** Inserts a thread unless this author already used the idempotency key; returns its id either way. */
export async function insertThread(
  tx: TenantTx,
  thread: { groupId: string | null; authorId: string; title: string; idempotencyKey: string },
): Promise<{ id: string; created: boolean }> {
  const inserted = await tx
    .insertInto('threads')
    .values({
      tenant_id: tx.tenantId,
      group_id: thread.groupId,
      author_id: thread.authorId,
      title: thread.title,
      idempotency_key: thread.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'author_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await tx
    .selectFrom('threads')
    .select('id')
    .where('author_id', '=', thread.authorId)
    .where('idempotency_key', '=', thread.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export async function insertOpeningPost(tx: TenantTx, post: { threadId: string; authorId: string; body: string }): Promise<void> {
  await tx
    .insertInto('posts')
    .values({ tenant_id: tx.tenantId, thread_id: post.threadId, author_id: post.authorId, body: post.body, is_opening: true })
    .execute();
}

/** Inserts a reply unless this author already used the idempotency key; returns its id either way. */
export async function insertReply(
  tx: TenantTx,
  post: { threadId: string; authorId: string; body: string; idempotencyKey: string },
): Promise<{ id: string; created: boolean }> {
  const inserted = await tx
    .insertInto('posts')
    .values({
      tenant_id: tx.tenantId,
      thread_id: post.threadId,
      author_id: post.authorId,
      body: post.body,
      idempotency_key: post.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'author_id', 'idempotency_key']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();
  if (inserted) {
    await tx
      .updateTable('threads')
      .set((eb) => ({ reply_count: eb('reply_count', '+', 1), last_activity_at: inserted.created_at }))
      .where('id', '=', post.threadId)
      .execute();
    return { id: inserted.id, created: true };
  }
  const existing = await tx
    .selectFrom('posts')
    .select('id')
    .where('author_id', '=', post.authorId)
    .where('idempotency_key', '=', post.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Forum SQL. Every function takes the tenant-bound transaction first; row-level security
 * scopes each query to its tenant, and `threadReadableBy` (groups.repo.ts) scopes every read
 * to what the viewer may see. Joins still match on tenant_id so each can use the
 * (tenant_id, ...) keys and stay co-located if tables are ever distributed by tenant.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, ReactionKind, ReportReason } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { threadReadableBy } from '../groups/groups.repo.ts';
import type { ModerationColumnValues } from '../moderation/moderation.repo.ts';
import type { ThreadSort } from './forum.schema.ts';

/** How much of the opening post the list query fetches to make an excerpt from. */
const EXCERPT_SOURCE_LENGTH = 600;
const NO_MEMBER = '00000000-0000-0000-0000-000000000000';

type ThreadRowScope = ExpressionBuilder<Database & { t: Database['threads']; g: Database['groups'] }, 't' | 'g'>;

function threadSummaries(tx: TenantTx, viewerId: string | null) {
  return tx
    .selectFrom('threads as t')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 't.tenant_id').onRef('m.id', '=', 't.author_id'))
    .innerJoin('posts as p', (j) =>
      j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.thread_id', '=', 't.id').on('p.is_opening', '=', true),
    )
    .leftJoin('groups as g', (j) => j.onRef('g.tenant_id', '=', 't.tenant_id').onRef('g.id', '=', 't.group_id'))
    .leftJoin('group_memberships as am', (j) =>
      j
        .onRef('am.tenant_id', '=', 't.tenant_id')
        .onRef('am.group_id', '=', 't.group_id')
        .onRef('am.member_id', '=', 't.author_id')
        .on('am.status', '=', 'active'),
    )
    .where((eb: ThreadRowScope) => threadReadableBy(viewerId)(eb))
    .where((eb) => eb.or([eb('t.status', '=', 'published'), eb('t.author_id', '=', viewerId ?? NO_MEMBER)]))
    .select([
      't.id',
      't.title',
      't.status',
      't.moderation_reason',
      't.moderation_note',
      'm.verified_clinician as author_verified_clinician',
      't.group_id',
      't.reply_count',
      't.support_count',
      't.is_anonymous',
      't.created_at',
      't.last_activity_at',
      't.author_id',
      'm.display_name as author_name',
      'm.badges as author_badges',
      'am.role as author_group_role',
      'g.slug as group_slug',
      'p.content_warning',
      sql<string>`left(p.body, ${EXCERPT_SOURCE_LENGTH})`.as('opening_source'),
    ]);
}

export type ThreadSummaryRow = Awaited<ReturnType<ReturnType<typeof threadSummaries>['executeTakeFirstOrThrow']>>;

/** The sort key each list sort pages by (always ending in the id, which breaks ties). */
export type ThreadKey = readonly [string | number, string];

const SORT_COLUMN = {
  activity: 't.last_activity_at',
  newest: 't.created_at',
  supported: 't.support_count',
  unanswered: 't.created_at',
} as const;

/**
 * One page of a forum space in the given order:
 * `... where <readable> and group_id = $1 and (<sort column>, id) < ($2, $3) order by <sort column> desc, id desc limit $4`
 */
export async function listThreads(
  tx: TenantTx,
  query: { viewerId: string | null; groupId: string | null; sort: ThreadSort; after: ThreadKey | undefined; limit: number },
): Promise<ThreadSummaryRow[]> {
  const column = SORT_COLUMN[query.sort];
  let q = threadSummaries(tx, query.viewerId).where((eb) =>
    query.groupId ? eb('t.group_id', '=', query.groupId) : eb('t.group_id', 'is', null),
  );
  if (query.sort === 'unanswered') q = q.where('t.reply_count', '=', 0);
  if (query.after) {
    const [key, id] = query.after;
    const typedKey = query.sort === 'supported' ? sql`${key}::int` : sql`${key}::timestamptz`;
    q = q.where(sql<boolean>`(${sql.ref(column)}, t.id) < (${typedKey}, ${id}::uuid)`);
  }
  return q.orderBy(column, 'desc').orderBy('t.id', 'desc').limit(query.limit + 1).execute();
}

export async function findThread(tx: TenantTx, threadId: string, viewerId: string | null): Promise<ThreadSummaryRow | undefined> {
  return threadSummaries(tx, viewerId).where('t.id', '=', threadId).executeTakeFirst();
}

/**
 * Full-text search over titles and posts (GIN-indexed tsvectors), one hit per thread (its
 * newest matching post), in threads the viewer may read, newest activity first.
 * `websearch_to_tsquery` accepts any user input without syntax errors.
 */
export async function searchThreads(
  tx: TenantTx,
  query: { viewerId: string | null; groupId: string | null | undefined; text: string; after: ThreadKey | undefined; limit: number },
) {
  const tsquery = sql`websearch_to_tsquery('simple', ${query.text})`;
  const hits = tx
    .selectFrom('posts as hp')
    .innerJoin('threads as ht', (j) => j.onRef('ht.tenant_id', '=', 'hp.tenant_id').onRef('ht.id', '=', 'hp.thread_id'))
    .where('hp.deleted_at', 'is', null)
    .where('hp.status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb(sql`hp.search`, '@@', tsquery),
        eb.and([eb('hp.is_opening', '=', true), eb(sql`ht.search`, '@@', tsquery)]),
      ]),
    )
    .distinctOn('hp.thread_id')
    .select(['hp.thread_id', 'hp.id as hit_post_id', 'hp.body as hit_body', 'hp.content_warning as hit_warning'])
    .orderBy('hp.thread_id')
    .orderBy('hp.created_at', 'desc');

  let q = threadSummaries(tx, query.viewerId)
    .innerJoin(hits.as('h'), 'h.thread_id', 't.id')
    .select(['h.hit_post_id', 'h.hit_body', 'h.hit_warning']);
  if (query.groupId !== undefined) {
    const groupId = query.groupId;
    q = q.where((eb) => (groupId ? eb('t.group_id', '=', groupId) : eb('t.group_id', 'is', null)));
  }
  if (query.after) q = q.where(sql<boolean>`(t.last_activity_at, t.id) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`);
  return q.orderBy('t.last_activity_at', 'desc').orderBy('t.id', 'desc').limit(query.limit + 1).execute();
}

export type SearchRow = Awaited<ReturnType<typeof searchThreads>>[number];

/** Display order inside a thread: the opening post, replies marked helpful, then the rest. */
const postRank = sql<number>`(case when p.is_opening then 0 when p.marked_helpful then 1 else 2 end)`;

function postsWithContext(tx: TenantTx, viewerId: string | null) {
  const viewer = viewerId ?? NO_MEMBER;
  const count = (kind: ReactionKind) =>
    sql<number>`(select count(*)::int from reactions r where r.tenant_id = p.tenant_id and r.post_id = p.id and r.kind = ${kind})`;
  return tx
    .selectFrom('posts as p')
    .innerJoin('threads as t', (j) => j.onRef('t.tenant_id', '=', 'p.tenant_id').onRef('t.id', '=', 'p.thread_id'))
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.id', '=', 'p.author_id'))
    .leftJoin('groups as g', (j) => j.onRef('g.tenant_id', '=', 't.tenant_id').onRef('g.id', '=', 't.group_id'))
    .leftJoin('group_memberships as am', (j) =>
      j
        .onRef('am.tenant_id', '=', 'p.tenant_id')
        .onRef('am.group_id', '=', 't.group_id')
        .onRef('am.member_id', '=', 'p.author_id')
        .on('am.status', '=', 'active'),
    )
    .where((eb: ThreadRowScope) => threadReadableBy(viewerId)(eb))
    // Unpublished posts (and posts in unpublished threads) are their author's alone.
    .where((eb) => eb.or([eb('p.status', '=', 'published'), eb('p.author_id', '=', viewer)]))
    .where((eb) => eb.or([eb('t.status', '=', 'published'), eb('t.author_id', '=', viewer)]))
    .select([
      'p.id',
      'p.thread_id',
      'p.status',
      'p.moderation_reason',
      'p.moderation_note',
      'm.verified_clinician as author_verified_clinician',
      'p.body',
      'p.body_html',
      'p.content_warning',
      'p.is_opening',
      'p.is_anonymous',
      'p.marked_helpful',
      'p.created_at',
      'p.edited_at',
      'p.deleted_at',
      'p.author_id',
      't.author_id as thread_author_id',
      't.group_id',
      'm.display_name as author_name',
      'm.badges as author_badges',
      'am.role as author_group_role',
      postRank.as('rank'),
      count('support').as('support'),
      count('helpful').as('helpful'),
      count('me_too').as('me_too'),
      sql<ReactionKind[]>`array(select r.kind from reactions r where r.tenant_id = p.tenant_id and r.post_id = p.id and r.member_id = ${viewer} order by r.kind)`.as(
        'my_reactions',
      ),
    ]);
}

export type PostRow = Awaited<ReturnType<ReturnType<typeof postsWithContext>['executeTakeFirstOrThrow']>>;
export type PostKey = readonly [number, string, string];

/** One page of a thread's posts in display order (see `postRank`), keyed by (rank, created_at, id). */
export async function listPosts(
  tx: TenantTx,
  query: { viewerId: string | null; threadId: string; after: PostKey | undefined; limit: number },
): Promise<PostRow[]> {
  let q = postsWithContext(tx, query.viewerId).where('p.thread_id', '=', query.threadId);
  if (query.after) {
    const [rank, at, id] = query.after;
    q = q.where(sql<boolean>`(${postRank}, p.created_at, p.id) > (${rank}::int, ${at}::timestamptz, ${id}::uuid)`);
  }
  return q.orderBy(postRank).orderBy('p.created_at').orderBy('p.id').limit(query.limit + 1).execute();
}

/** A post the viewer may read (undefined otherwise). */
export async function findPost(tx: TenantTx, postId: string, viewerId: string | null): Promise<PostRow | undefined> {
  return postsWithContext(tx, viewerId).where('p.id', '=', postId).executeTakeFirst();
}

/** Authorship of a post regardless of whether its author can still read it (to delete it after leaving a group). */
export async function findPostAuthorship(tx: TenantTx, postId: string) {
  return tx
    .selectFrom('posts as p')
    .innerJoin('threads as t', (j) => j.onRef('t.tenant_id', '=', 'p.tenant_id').onRef('t.id', '=', 'p.thread_id'))
    .select(['p.id', 'p.author_id', 'p.thread_id', 'p.is_opening', 'p.deleted_at', 't.group_id'])
    .where('p.id', '=', postId)
    .executeTakeFirst();
}

export interface NewPostContent {
  body: string;
  bodyHtml: string;
  contentWarning: string | null;
  anonymous: boolean;
  /** The moderation pipeline's decision. */
  moderation: ModerationColumnValues;
}

/** Inserts a thread unless this author already used the idempotency key; returns its id either way. */
export async function insertThread(
  tx: TenantTx,
  thread: { groupId: string | null; authorId: string; title: string; anonymous: boolean; idempotencyKey: string },
): Promise<{ id: string; created: boolean }> {
  // Inserted unpublished; `insertOpeningPost` sets the pipeline's decision on both.
  const inserted = await tx
    .insertInto('threads')
    .values({
      tenant_id: tx.tenantId,
      group_id: thread.groupId,
      author_id: thread.authorId,
      title: thread.title,
      is_anonymous: thread.anonymous,
      idempotency_key: thread.idempotencyKey,
      status: 'pending',
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

export async function insertOpeningPost(tx: TenantTx, post: { threadId: string; authorId: string } & NewPostContent): Promise<void> {
  await tx.updateTable('threads').set(post.moderation).where('id', '=', post.threadId).execute();
  await tx
    .insertInto('posts')
    .values({
      tenant_id: tx.tenantId,
      thread_id: post.threadId,
      author_id: post.authorId,
      is_opening: true,
      body: post.body,
      body_html: post.bodyHtml,
      content_warning: post.contentWarning,
      is_anonymous: post.anonymous,
      idempotency_key: null,
      ...post.moderation,
    })
    .execute();
}

/** Inserts a reply unless this author already used the idempotency key; returns its id either way. */
export async function insertReply(
  tx: TenantTx,
  post: { threadId: string; authorId: string; idempotencyKey: string } & NewPostContent,
): Promise<{ id: string; created: boolean }> {
  const inserted = await tx
    .insertInto('posts')
    .values({
      tenant_id: tx.tenantId,
      thread_id: post.threadId,
      author_id: post.authorId,
      body: post.body,
      body_html: post.bodyHtml,
      content_warning: post.contentWarning,
      is_anonymous: post.anonymous,
      idempotency_key: post.idempotencyKey,
      ...post.moderation,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'author_id', 'idempotency_key']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();
  if (inserted) {
    // A reply waiting for review is not activity yet: `recountThread` runs when it is published.
    if (post.moderation.status === 'published') await recountThread(tx, post.threadId, inserted.created_at);
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

/**
 * A thread's reply count (published replies) and, when a reply was just published, its last
 * activity. Runs whenever a reply is published, held, hidden or rejected.
 */
export async function recountThread(tx: TenantTx, threadId: string, activityAt?: Date): Promise<void> {
  await tx
    .updateTable('threads')
    .set((eb) => ({
      reply_count: eb
        .selectFrom('posts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('thread_id', '=', threadId)
        .where('is_opening', '=', false)
        .where('status', '=', 'published'),
      ...(activityAt ? { last_activity_at: activityAt } : {}),
    }))
    .where('id', '=', threadId)
    .execute();
}

/** Keeps the replaced version (history), then writes the new one with the pipeline's decision on it. */
export async function editPost(
  tx: TenantTx,
  edit: {
    postId: string;
    editorId: string;
    body: string;
    bodyHtml: string;
    contentWarning: string | null;
    title?: string | undefined;
    moderation: ModerationColumnValues;
  },
): Promise<void> {
  const current = await tx
    .selectFrom('posts as p')
    .innerJoin('threads as t', (j) => j.onRef('t.tenant_id', '=', 'p.tenant_id').onRef('t.id', '=', 'p.thread_id'))
    .select(['p.body', 'p.content_warning', 'p.is_opening', 'p.thread_id', 't.title'])
    .where('p.id', '=', edit.postId)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('post_revisions')
    .values({
      tenant_id: tx.tenantId,
      post_id: edit.postId,
      editor_id: edit.editorId,
      body: current.body,
      content_warning: current.content_warning,
      title: current.is_opening ? current.title : null,
    })
    .execute();
  await tx
    .updateTable('posts')
    .set({ body: edit.body, body_html: edit.bodyHtml, content_warning: edit.contentWarning, edited_at: new Date(), ...edit.moderation })
    .where('id', '=', edit.postId)
    .execute();
  if (current.is_opening) {
    await tx
      .updateTable('threads')
      .set({ ...(edit.title !== undefined ? { title: edit.title } : {}), ...edit.moderation })
      .where('id', '=', current.thread_id)
      .execute();
  } else {
    await recountThread(tx, current.thread_id);
  }
}

/** A tombstone: the post keeps its place in the thread, its words are gone. */
export async function tombstonePost(tx: TenantTx, postId: string): Promise<void> {
  await tx
    .updateTable('posts')
    .set({ body: '', body_html: '', content_warning: null, marked_helpful: false, deleted_at: new Date() })
    .where('id', '=', postId)
    .execute();
}

/** Turns one reaction on or off; returns whether anything changed. Keeps the thread's support count. */
export async function setReaction(
  tx: TenantTx,
  reaction: { postId: string; threadId: string; memberId: string; kind: ReactionKind; on: boolean },
): Promise<boolean> {
  const changed = reaction.on
    ? (await tx
        .insertInto('reactions')
        .values({ tenant_id: tx.tenantId, post_id: reaction.postId, member_id: reaction.memberId, kind: reaction.kind })
        .onConflict((oc) => oc.columns(['tenant_id', 'post_id', 'member_id', 'kind']).doNothing())
        .returning('kind')
        .executeTakeFirst()) !== undefined
    : (await tx
        .deleteFrom('reactions')
        .where('post_id', '=', reaction.postId)
        .where('member_id', '=', reaction.memberId)
        .where('kind', '=', reaction.kind)
        .returning('kind')
        .executeTakeFirst()) !== undefined;
  if (changed && reaction.kind === 'support') {
    await tx
      .updateTable('threads')
      .set((eb) => ({ support_count: eb('support_count', reaction.on ? '+' : '-', 1) }))
      .where('id', '=', reaction.threadId)
      .execute();
  }
  return changed;
}

export async function setMarkedHelpful(tx: TenantTx, postId: string, helpful: boolean): Promise<void> {
  await tx.updateTable('posts').set({ marked_helpful: helpful }).where('id', '=', postId).execute();
}

/** One report per member per post; reporting again updates the reason. Returns the open reports' count of distinct reporters. */
export async function upsertReport(
  tx: TenantTx,
  report: { postId: string; reporterId: string; reason: ReportReason; note: string | null },
): Promise<number> {
  await tx
    .insertInto('reports')
    .values({ tenant_id: tx.tenantId, post_id: report.postId, reporter_id: report.reporterId, reason: report.reason, note: report.note })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'post_id', 'reporter_id']).doUpdateSet({ reason: report.reason, note: report.note, status: 'open' }),
    )
    .execute();
  const row = await tx
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('post_id', '=', report.postId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findMemberCard(tx: TenantTx, memberId: string, groupId: string | null) {
  return tx
    .selectFrom('members as m')
    .leftJoin('group_memberships as gm', (j) =>
      j
        .onRef('gm.tenant_id', '=', 'm.tenant_id')
        .onRef('gm.member_id', '=', 'm.id')
        .on('gm.group_id', '=', groupId ?? NO_MEMBER)
        .on('gm.status', '=', 'active'),
    )
    .select(['m.id', 'm.display_name', 'm.badges', 'm.verified_clinician', 'm.created_at', 'gm.role as group_role'])
    .where('m.id', '=', memberId)
    .executeTakeFirst();
}

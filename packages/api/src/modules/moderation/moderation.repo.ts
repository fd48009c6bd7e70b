/**
 * Moderation SQL shared by every kind of content: the queue (pending, hidden and reported items,
 * crisis first then oldest, keyset-paged), and changing one item's moderation state.
 */
import { sql, type RawBuilder } from 'kysely';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import type { ContentKind } from '../tenants/tenant-settings.ts';
import type { ContentStatus, ModerationReason } from './moderation.types.ts';

/** The moderation columns as written with an item (migration 0008). */
export interface ModerationColumnValues {
  status: ContentStatus;
  moderation_reason: ModerationReason | null;
  moderation_note: string | null;
  is_crisis: boolean;
  /** JSON of the CrisisResource[] the author was shown. */
  crisis_resources: string | null;
}

/**
 * Where each kind lives and how the queue describes it. `title` and `context` are SQL over the
 * item's row (`c`), for the moderator to see the item in place.
 */
interface KindTable {
  table: string;
  /** SQL for the item's title, or null. */
  title: RawBuilder<string | null>;
  /** SQL for the item's body as stored (source text) and as sanitised HTML. */
  body: RawBuilder<string>;
  bodyHtml: RawBuilder<string>;
  /** SQL naming where it appears: "Reply in “…”", "Review of …". */
  context: RawBuilder<string>;
  /** SQL for the group slug it belongs to, or null. */
  group: RawBuilder<string | null>;
  author: RawBuilder<string | null>;
  /** Stories and reviews carry a publication time that must be set when published. */
  hasPublishedAt: boolean;
}

const threadTitle = sql<string>`(select t.title from threads t where t.tenant_id = c.tenant_id and t.id = c.thread_id)`;
const threadGroup = sql<string | null>`(select g.slug from threads t join groups g on g.tenant_id = t.tenant_id and g.id = t.group_id where t.tenant_id = c.tenant_id and t.id = c.thread_id)`;
const productName = (productId: RawBuilder<string>) =>
  sql<string>`(select p.name from products p where p.tenant_id = c.tenant_id and p.id = ${productId})`;

export const KIND_TABLES: Record<ContentKind, KindTable> = {
  thread: {
    // A thread is moderated through its opening post (`c` is that post); the thread row mirrors its state.
    table: 'posts',
    title: threadTitle,
    body: sql`c.body`,
    bodyHtml: sql`c.body_html`,
    context: sql`'New conversation' || coalesce(' in ' || ${threadGroup}, '')`,
    group: threadGroup,
    author: sql`c.author_id`,
    hasPublishedAt: false,
  },
  post: {
    table: 'posts',
    title: sql`null`,
    body: sql`c.body`,
    bodyHtml: sql`c.body_html`,
    context: sql`'Reply in “' || ${threadTitle} || '”' || coalesce(' (' || ${threadGroup} || ')', '')`,
    group: threadGroup,
    author: sql`c.author_id`,
    hasPublishedAt: false,
  },
  story: {
    table: 'stories',
    title: sql`c.title`,
    body: sql`c.body`,
    bodyHtml: sql`c.body_html`,
    context: sql`'Story for ' || replace(c.audience, '_', ' ')`,
    group: sql`(select g.slug from groups g where g.tenant_id = c.tenant_id and g.id = c.group_id)`,
    author: sql`c.author_id`,
    hasPublishedAt: true,
  },
  story_comment: {
    table: 'story_comments',
    title: sql`null`,
    body: sql`c.body`,
    bodyHtml: sql`c.body_html`,
    context: sql`'Comment on the story “' || (select s.title from stories s where s.tenant_id = c.tenant_id and s.id = c.story_id) || '”'`,
    group: sql`null`,
    author: sql`c.author_id`,
    hasPublishedAt: false,
  },
  review: {
    table: 'reviews',
    title: sql`c.title`,
    body: sql`c.body`,
    bodyHtml: sql`c.body_html`,
    context: sql`c.rating || '-star review of ' || ${productName(sql`c.product_id`)}`,
    group: sql`null`,
    author: sql`c.author_id`,
    hasPublishedAt: true,
  },
  question: {
    table: 'product_questions',
    title: sql`null`,
    body: sql`c.body`,
    // Questions are plain text; the queue escapes it into a paragraph.
    bodyHtml: sql`'<p>' || replace(replace(replace(c.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>'`,
    context: sql`'Question about ' || ${productName(sql`c.product_id`)}`,
    group: sql`null`,
    author: sql`c.author_id`,
    hasPublishedAt: false,
  },
  answer: {
    table: 'product_answers',
    title: sql`null`,
    body: sql`c.body`,
    bodyHtml: sql`c.body_html`,
    context: sql`'Answer to “' || (select left(q.body, 80) from product_questions q where q.tenant_id = c.tenant_id and q.id = c.question_id) || '”'`,
    group: sql`null`,
    author: sql`c.author_id`,
    hasPublishedAt: false,
  },
};

/** Every table that holds user content (threads live in `posts` through their opening post). */
export const CONTENT_TABLES = [...new Set(Object.values(KIND_TABLES).map((k) => k.table))];

export interface QueueRow {
  kind: ContentKind;
  id: string;
  status: ContentStatus;
  moderation_reason: ModerationReason | null;
  moderation_note: string | null;
  is_crisis: boolean;
  crisis_resources: unknown;
  created_at: Date;
  author_id: string | null;
  author_name: string | null;
  title: string | null;
  body: string;
  body_html: string;
  context: string;
  group_slug: string | null;
  /** Posts only: the thread it belongs to, and whether it opens it. */
  thread_id: string | null;
}

function kindSelect(kind: ContentKind) {
  const k = KIND_TABLES[kind];
  const isPost = k.table === 'posts';
  const opening = kind === 'thread' ? sql`and c.is_opening` : kind === 'post' ? sql`and not c.is_opening` : sql``;
  return sql<QueueRow>`
    select ${kind}::text as kind, c.id, c.status, c.moderation_reason, c.moderation_note, c.is_crisis, c.crisis_resources,
           c.created_at, ${k.author}::uuid as author_id,
           (select m.display_name from members m where m.tenant_id = c.tenant_id and m.id = ${k.author}) as author_name,
           ${k.title}::text as title, ${k.body}::text as body, ${k.bodyHtml}::text as body_html, ${k.context}::text as context,
           ${k.group}::text as group_slug, ${isPost ? sql`c.thread_id` : sql`null::uuid`} as thread_id
    from ${sql.table(k.table)} c
    where true ${opening}`;
}

export interface QueueQuery {
  kinds: readonly ContentKind[];
  /** Which items: waiting (pending), hidden, or everything reported and still open. */
  statuses: readonly ContentStatus[];
  reason?: ModerationReason | undefined;
  group?: string | undefined;
  /** Keyset: (crisis first, then oldest). */
  after?: readonly [boolean, string, string] | undefined;
  limit: number;
}

/** One page of the queue: crisis first, then oldest first, across every kind asked for. */
export async function listQueue(tx: TenantTx, query: QueueQuery): Promise<QueueRow[]> {
  const union = sql.join(query.kinds.map((kind) => kindSelect(kind)), sql` union all `);
  const statuses = sql.join(query.statuses.map((s) => sql`${s}`));
  const after = query.after
    ? sql`and (not q.is_crisis, q.created_at, q.id) > (not ${query.after[0]}, ${query.after[1]}::timestamptz, ${query.after[2]}::uuid)`
    : sql``;
  const result = await sql<QueueRow>`
    select * from (${union}) q
    where q.status in (${statuses})
      ${query.reason ? sql`and q.moderation_reason = ${query.reason}` : sql``}
      ${query.group ? sql`and q.group_slug = ${query.group}` : sql``}
      ${after}
    order by q.is_crisis desc, q.created_at, q.id
    limit ${query.limit + 1}`.execute(tx);
  return result.rows;
}

/** One item of any kind, whatever its state. */
export async function findItem(tx: TenantTx, kind: ContentKind, id: string): Promise<QueueRow | undefined> {
  const result = await sql<QueueRow>`select * from (${kindSelect(kind)}) q where q.id = ${id}::uuid`.execute(tx);
  return result.rows[0];
}

/** How many items wait, how many of them are crisis items, and how many are hidden by reports. */
export async function queueCounts(tx: TenantTx): Promise<{ pending: number; crisis: number; reported: number }> {
  const part = (condition: string) =>
    sql.join(CONTENT_TABLES.map((t) => sql`(select count(*) from ${sql.table(t)} where ${sql.raw(condition)})`), sql` + `);
  const result = await sql<{ pending: string; crisis: string; reported: string }>`
    select ${part(`status = 'pending'`)} as pending,
           ${part(`status = 'pending' and is_crisis`)} as crisis,
           ${part(`status = 'hidden' and moderation_reason = 'reported'`)} as reported`.execute(tx);
  const row = result.rows[0]!;
  return { pending: Number(row.pending), crisis: Number(row.crisis), reported: Number(row.reported) };
}

/**
 * Sets an item's moderation state. Stories and reviews get their publication time on first
 * publication (and keep it when hidden, so unhiding restores their place).
 */
export async function setModeration(
  tx: TenantTx,
  kind: ContentKind,
  id: string,
  change: { status: ContentStatus; reason: ModerationReason | null; note: string | null },
): Promise<boolean> {
  const k = KIND_TABLES[kind];
  const result = await sql`
    update ${sql.table(k.table)} set status = ${change.status}, moderation_reason = ${change.reason},
      moderation_note = ${change.note}, moderated_at = now()
      ${k.hasPublishedAt ? sql`, published_at = case when ${change.status} = 'published' then coalesce(published_at, now()) else published_at end` : sql``}
    where id = ${id}::uuid ${kind === 'thread' ? sql`and is_opening` : kind === 'post' ? sql`and not is_opening` : sql``}
    returning id`.execute(tx);
  if (!result.rows.length) return false;
  if (kind === 'thread') {
    await sql`update threads t set status = ${change.status}, moderation_reason = ${change.reason}, moderation_note = ${change.note}, moderated_at = now()
      from posts p where p.tenant_id = t.tenant_id and p.thread_id = t.id and p.id = ${id}::uuid`.execute(tx);
  }
  return true;
}

/** Every open report on a post, for the moderator. */
export async function reportsOn(tx: TenantTx, postIds: readonly string[]) {
  if (postIds.length === 0) return [];
  return tx
    .selectFrom('reports')
    .select(['post_id', 'reason', 'note', 'created_at'])
    .where('post_id', 'in', postIds)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .execute();
}

/** Closes a post's open reports once a moderator has decided. */
export async function resolveReports(tx: TenantTx, postId: string, outcome: 'resolved' | 'dismissed'): Promise<void> {
  await tx.updateTable('reports').set({ status: outcome }).where('post_id', '=', postId).where('status', '=', 'open').execute();
}

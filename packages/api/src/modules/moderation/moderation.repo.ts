/**
 * Content waiting for review, across every kind of pre-moderated content, and the decision on
 * one item. The operator CLI uses it today; the moderation queue (staff procedures) builds on it.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant-transaction.ts';

export type ModeratedKind = 'story' | 'story_comment' | 'review' | 'question' | 'answer';

const TABLES = {
  story: { table: 'stories', text: 'title' },
  story_comment: { table: 'story_comments', text: 'body' },
  review: { table: 'reviews', text: 'title' },
  question: { table: 'product_questions', text: 'body' },
  answer: { table: 'product_answers', text: 'body' },
} as const;

export interface PendingItem {
  kind: ModeratedKind;
  id: string;
  createdAt: Date;
  /** The first words, for the operator to recognise it. */
  preview: string;
}

/** Everything pending, oldest first (at most `limit` of each kind). */
export async function listPending(tx: TenantTx, limit = 200): Promise<PendingItem[]> {
  const items: PendingItem[] = [];
  for (const [kind, { table, text }] of Object.entries(TABLES) as [ModeratedKind, (typeof TABLES)[ModeratedKind]][]) {
    const rows = await sql<{ id: string; created_at: Date; preview: string }>`
      select id, created_at, left(${sql.ref(text)}, 80) as preview from ${sql.table(table)}
      where status = 'pending' order by created_at limit ${limit}`.execute(tx);
    items.push(...rows.rows.map((r) => ({ kind, id: r.id, createdAt: r.created_at, preview: r.preview })));
  }
  return items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Publishes or rejects one item of any kind; returns its kind, or undefined when no such item. */
export async function decide(tx: TenantTx, id: string, status: 'published' | 'rejected'): Promise<ModeratedKind | undefined> {
  for (const [kind, { table }] of Object.entries(TABLES) as [ModeratedKind, (typeof TABLES)[ModeratedKind]][]) {
    const hasPublishedAt = table === 'stories' || table === 'reviews';
    const result = await sql`
      update ${sql.table(table)} set status = ${status}
        ${hasPublishedAt ? sql`, published_at = ${status === 'published' ? sql`now()` : sql`null`}` : sql``}
      where id = ${id}::uuid returning id`.execute(tx);
    if (result.rows.length) return kind;
  }
  return undefined;
}

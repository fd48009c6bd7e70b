/**
 * Moderators' decisions on one item of any kind: approve, reject, hide, unhide, reopen (undo),
 * and edit with a reason (the replaced words are kept). Each keeps what depends on the item in
 * step (a thread's reply count, live events, open reports) and is audited. Used by the staff
 * procedures and the operator CLI.
 */
import { z } from 'zod';
import { decodeCursor, toPage, type Page } from '../../db/keyset.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { appendAudit, type AuditEntry } from '../audit/audit.repo.ts';
import { renderBody } from '../content/formatting.ts';
import { announceReply } from '../forum/forum.service.ts';
import { recountThread } from '../forum/forum.repo.ts';
import { publish, topics } from '../realtime/outbox.ts';
import { CONTENT_KINDS, type ContentKind } from '../tenants/tenant-settings.ts';
import * as repo from './moderation.repo.ts';
import type { ContentStatus, CrisisResource, ModerationReason } from './moderation.types.ts';

export type ModerationAction = 'approve' | 'reject' | 'hide' | 'unhide' | 'reopen';

/** Who decided: a staff member (console) or the operator (CLI). */
export interface Moderator {
  kind: 'staff' | 'operator';
  id: string | null;
  ip?: string | null | undefined;
}

export interface QueueItemDto {
  kind: ContentKind;
  /** For threads, the id of the opening post (which carries the thread's words). */
  id: string;
  status: ContentStatus;
  reason: ModerationReason | null;
  priority: 'crisis' | 'normal';
  createdAt: string;
  author: { id: string; displayName: string } | null;
  title: string | null;
  /** Sanitised HTML (the same sanitiser as the widgets): the only markup the console renders. */
  bodyHtml: string;
  bodySource: string;
  context: { label: string; group: string | null; threadId: string | null };
  reports: { reason: string; note: string | null; createdAt: string }[];
  /** The crisis resources its author was shown, for the moderator reaching out. */
  crisisResourcesGiven: CrisisResource[] | null;
  moderationNote: string | null;
}

const NOT_FOUND = 'There is no such item in this community.';

function toQueueItem(row: repo.QueueRow, reports: { post_id: string; reason: string; note: string | null; created_at: Date }[]): QueueItemDto {
  return {
    kind: row.kind,
    id: row.id,
    status: row.status,
    reason: row.moderation_reason,
    priority: row.is_crisis ? 'crisis' : 'normal',
    createdAt: row.created_at.toISOString(),
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    title: row.title,
    bodyHtml: row.body_html,
    bodySource: row.body,
    context: { label: row.context, group: row.group_slug, threadId: row.thread_id },
    reports: reports.filter((r) => r.post_id === row.id).map((r) => ({ reason: r.reason, note: r.note, createdAt: r.created_at.toISOString() })),
    crisisResourcesGiven: row.is_crisis ? ((row.crisis_resources as CrisisResource[] | null) ?? []) : null,
    moderationNote: row.moderation_note,
  };
}

async function withReports(tx: TenantTx, rows: repo.QueueRow[]): Promise<QueueItemDto[]> {
  const postIds = rows.filter((r) => r.kind === 'thread' || r.kind === 'post').map((r) => r.id);
  const reports = await repo.reportsOn(tx, postIds);
  return rows.map((r) => toQueueItem(r, reports));
}

const queueCursor = z.tuple([z.boolean(), z.iso.datetime(), z.uuid()]);

export interface QueueFilter {
  kind?: ContentKind | undefined;
  reason?: ModerationReason | undefined;
  group?: string | undefined;
  /** `waiting` (pending, the default), `hidden` (by moderators or reports). */
  view?: 'waiting' | 'hidden' | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listQueue(tx: TenantTx, filter: QueueFilter): Promise<Page<QueueItemDto>> {
  const after = filter.cursor ? decodeCursor(filter.cursor, queueCursor) : undefined;
  const rows = await repo.listQueue(tx, {
    kinds: filter.kind ? [filter.kind] : CONTENT_KINDS,
    statuses: filter.view === 'hidden' ? ['hidden'] : ['pending'],
    reason: filter.reason,
    group: filter.group,
    after,
    limit: filter.limit,
  });
  const page = toPage(rows, filter.limit, (r) => r, (r) => [r.is_crisis, r.created_at.toISOString(), r.id]);
  return { items: await withReports(tx, page.items), nextCursor: page.nextCursor };
}

export async function getItem(tx: TenantTx, kind: ContentKind, id: string): Promise<QueueItemDto> {
  const row = await repo.findItem(tx, kind, id);
  if (!row) throw new KindredError('NOT_FOUND', NOT_FOUND);
  return (await withReports(tx, [row]))[0]!;
}

/** The state each action leads to, from the item's current one. */
function nextState(action: ModerationAction, current: repo.QueueRow, note: string | null) {
  switch (action) {
    case 'approve':
    case 'unhide':
      // The original reason stays on the row, so an undo can put it back.
      return { status: 'published' as const, reason: current.moderation_reason, note: null };
    case 'reject':
      return { status: 'rejected' as const, reason: 'moderator' as const, note };
    case 'hide':
      return { status: 'hidden' as const, reason: 'moderator' as const, note };
    case 'reopen':
      return { status: 'pending' as const, reason: current.moderation_reason ?? ('moderator' as const), note: null };
  }
}

/** Keeps forum threads and live readers in step after a post's state changed. */
async function afterForumChange(tx: TenantTx, row: repo.QueueRow, before: ContentStatus, after: ContentStatus): Promise<void> {
  if (row.thread_id === null) return;
  const thread = await tx.selectFrom('threads').select(['id', 'group_id']).where('id', '=', row.thread_id).executeTakeFirst();
  if (!thread) return;
  const nowPublished = after === 'published' && before !== 'published';
  if (row.kind === 'post') {
    await recountThread(tx, thread.id, nowPublished ? new Date() : undefined);
    if (nowPublished && before === 'pending') return announceReply(tx, thread.id, thread.group_id, row.id);
  } else if (nowPublished && before === 'pending') {
    return publish(tx, topics.forum(thread.group_id), 'thread.created', { threadId: thread.id });
  }
  await publish(tx, topics.thread(thread.id), 'post.updated', { postId: row.id });
  await publish(tx, topics.forum(thread.group_id), 'thread.activity', { threadId: thread.id });
}

function audit(tx: TenantTx, by: Moderator, entry: Omit<AuditEntry, 'actorKind' | 'actorId' | 'ip'>) {
  return appendAudit(tx, { actorKind: by.kind, actorId: by.id, ip: by.ip ?? null, ...entry });
}

export async function decide(
  tx: TenantTx,
  by: Moderator,
  input: { kind: ContentKind; id: string; action: ModerationAction; note?: string | undefined },
): Promise<QueueItemDto> {
  const row = await repo.findItem(tx, input.kind, input.id);
  if (!row) throw new KindredError('NOT_FOUND', NOT_FOUND);
  const next = nextState(input.action, row, input.note?.trim() || null);
  await repo.setModeration(tx, input.kind, input.id, next);
  if (input.kind === 'thread' || input.kind === 'post') {
    await afterForumChange(tx, row, row.status, next.status);
    if (input.action !== 'reopen') await repo.resolveReports(tx, input.id, next.status === 'published' ? 'dismissed' : 'resolved');
  }
  await audit(tx, by, {
    action: `moderation.${input.action}`,
    subject: input.id,
    details: { kind: input.kind, from: row.status, to: next.status, crisis: row.is_crisis },
  });
  return getItem(tx, input.kind, input.id);
}

/**
 * A moderator changes an item's words (e.g. removes a phone number) with a reason the author
 * sees; what it replaced is kept in `moderation_edits`.
 */
export async function editItem(
  tx: TenantTx,
  by: Moderator,
  input: { kind: ContentKind; id: string; body: string; note: string },
): Promise<QueueItemDto> {
  const row = await repo.findItem(tx, input.kind, input.id);
  if (!row || row.author_id === null) throw new KindredError('NOT_FOUND', NOT_FOUND);
  await tx
    .insertInto('moderation_edits')
    .values({
      tenant_id: tx.tenantId,
      kind: input.kind,
      item_id: input.id,
      author_id: row.author_id,
      staff_id: by.kind === 'staff' ? by.id : null,
      previous_title: row.title,
      previous_body: row.body,
      note: input.note,
    })
    .execute();
  const table = repo.KIND_TABLES[input.kind].table as 'posts' | 'stories' | 'story_comments' | 'reviews' | 'product_questions' | 'product_answers';
  const plain = table === 'product_questions';
  await tx
    .updateTable(table)
    .set({ body: input.body, ...(plain ? {} : { body_html: renderBody(input.body) }), moderation_note: input.note })
    .where('id', '=', input.id)
    .execute();
  if (input.kind === 'thread' || input.kind === 'post') await afterForumChange(tx, row, row.status, row.status);
  await audit(tx, by, { action: 'moderation.edit', subject: input.id, details: { kind: input.kind } });
  return getItem(tx, input.kind, input.id);
}

/** Finds which kind an id belongs to (the CLI takes ids alone). */
export async function findKindOf(tx: TenantTx, id: string): Promise<ContentKind | undefined> {
  for (const kind of CONTENT_KINDS) if (await repo.findItem(tx, kind, id)) return kind;
  return undefined;
}

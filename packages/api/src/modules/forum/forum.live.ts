/**
 * Live forum updates over server-sent events (tRPC subscriptions). Each event from the hub is
 * turned into what THIS viewer may see by the same reads the forum uses (visibility, anonymity),
 * in a short transaction of its own; an event the viewer may not see is simply not sent.
 * Events carry the outbox seq as their id, so a reconnecting client resumes where it left off.
 */
import { tracked } from '@trpc/server';
import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { tenantStreamProcedure } from '../../trpc/trpc.ts';
import { canReadGroup, findVisibleGroup, type Viewer } from '../groups/groups.service.ts';
import { eventStream, type RealtimeEvent } from '../realtime/realtime.hub.ts';
import { topics } from '../realtime/outbox.ts';
import * as repo from './forum.repo.ts';
import { onForumInput, onThreadInput, type ForumEvent, type ThreadEvent } from './forum.schema.ts';
import { loadPost } from './forum.service.ts';

/** Outbox events of a topic after `afterSeq`, for a client resuming a stream. */
async function missedEvents(tx: TenantTx, topic: string, afterSeq: string): Promise<RealtimeEvent[]> {
  const rows = await tx
    .selectFrom('realtime_events')
    .select([sql<string>`seq::text`.as('seq'), 'topic', 'kind', 'payload'])
    .where('topic', '=', topic)
    .where(sql<boolean>`seq > ${afterSeq}::bigint`)
    .orderBy('seq')
    .limit(500)
    .execute();
  return rows.map((r) => ({ seq: r.seq, tenantId: tx.tenantId, topic: r.topic, kind: r.kind, payload: r.payload as Record<string, string> }));
}

/**
 * Missed events first (when resuming), then live ones, each once. Subscribing to the hub comes
 * before reading what was missed, so nothing falls between the two.
 */
async function* resumable(
  ctx: { realtime: Parameters<typeof eventStream>[0]; tenant: { id: string }; inTenant: <T>(work: (tx: TenantTx) => Promise<T>) => Promise<T> },
  topic: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<RealtimeEvent> {
  const live = eventStream(ctx.realtime, ctx.tenant.id, topic, signal);
  const sent = new Set<string>();
  if (lastEventId) {
    for (const event of await ctx.inTenant((tx) => missedEvents(tx, topic, lastEventId))) {
      sent.add(event.seq);
      yield event;
    }
  }
  for await (const event of live) {
    if (sent.has(event.seq)) continue;
    if (lastEventId && BigInt(event.seq) <= BigInt(lastEventId)) continue;
    yield event;
  }
}

async function threadEventFor(tx: TenantTx, viewer: Viewer, event: RealtimeEvent): Promise<ThreadEvent | null> {
  const postId = event.payload.postId;
  if (!postId) return null;
  const post = await loadPost(tx, viewer, postId);
  if (!post) return null;
  if (event.kind === 'post.created') return { type: 'post.created', post };
  if (event.kind === 'post.updated') return { type: 'post.updated', post };
  if (event.kind === 'reactions.changed') return { type: 'reactions.changed', postId, reactions: post.reactions };
  return null;
}

async function forumEventFor(tx: TenantTx, viewer: Viewer, event: RealtimeEvent): Promise<ForumEvent | null> {
  const threadId = event.payload.threadId;
  if (!threadId || !(await repo.findThread(tx, threadId, viewer?.id ?? null))) return null;
  if (event.kind === 'thread.created') return { type: 'thread.created', threadId };
  if (event.kind === 'thread.activity') return { type: 'thread.activity', threadId };
  return null;
}

export const forumSubscriptions = {
  /** New replies, edits, deletions and reaction counts in one thread, as this viewer may see them. */
  onThread: tenantStreamProcedure
    .input(onThreadInput)
    // Refusals happen here, before the stream starts, so they are answered as HTTP errors.
    .use(async ({ ctx, input, next }) => {
      const thread = await ctx.inTenant((tx) => repo.findThread(tx, input.threadId, ctx.member?.id ?? null));
      if (!thread) throw new KindredError('NOT_FOUND', 'This conversation does not exist or was removed.');
      return next();
    })
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const event of resumable(ctx, topics.thread(input.threadId), input.lastEventId, signal)) {
        const payload = await ctx.inTenant((tx) => threadEventFor(tx, ctx.member, event));
        if (payload) yield tracked(event.seq, payload);
      }
    }),

  /** New threads and new activity in a forum space (the general forum or a group's). */
  onForum: tenantStreamProcedure
    .input(onForumInput)
    .use(async ({ ctx, input, next }) => {
      const groupId = await ctx.inTenant(async (tx) => {
        if (input.group === undefined) return null;
        const group = await findVisibleGroup(tx, ctx.member, input.group);
        if (!canReadGroup(group, ctx.member)) throw new KindredError(ctx.member ? 'GROUP_MEMBERSHIP_REQUIRED' : 'SIGN_IN_REQUIRED');
        return group.id;
      });
      return next({ ctx: { topic: topics.forum(groupId) } });
    })
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const event of resumable(ctx, ctx.topic, input.lastEventId, signal)) {
        const payload = await ctx.inTenant((tx) => forumEventFor(tx, ctx.member, event));
        if (payload) yield tracked(event.seq, payload);
      }
    }),
};

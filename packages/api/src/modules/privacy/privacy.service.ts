/**
 * A member's right to their data: export everything Kindred holds about them, and erase it.
 * Erasure runs in one transaction (so an interruption leaves nothing half-done) and can be
 * repeated safely. What each table gets is listed in privacy.coverage.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { appendAudit } from '../audit/audit.repo.ts';

const ERASED_NAME = 'Former member';
const REMOVED_TITLE = 'Removed by its author';

/** Who asked: the member themselves (widget) or a staff member honouring their request (console). */
export interface PrivacyRequester {
  kind: 'member' | 'staff';
  id: string;
  ip?: string | null | undefined;
}

export async function exportMemberData(tx: TenantTx, memberId: string, by: PrivacyRequester) {
  const id = memberId;
  const [profile, threads, posts, revisions, reactions, reports, memberships, stories, consents, thanks, comments, reviews, votes, questions, answers, moderatorEdits] =
    await Promise.all([
      tx.selectFrom('members').select(['id', 'display_name', 'avatar_url', 'badges', 'shared_attributes', 'created_at']).where('id', '=', id).executeTakeFirst(),
      tx.selectFrom('threads').select(['id', 'title', 'group_id', 'is_anonymous', 'created_at']).where('author_id', '=', id).execute(),
      tx.selectFrom('posts').select(['id', 'thread_id', 'body', 'content_warning', 'is_anonymous', 'created_at', 'edited_at', 'deleted_at']).where('author_id', '=', id).execute(),
      tx.selectFrom('post_revisions').select(['post_id', 'body', 'title', 'content_warning', 'replaced_at']).where('editor_id', '=', id).execute(),
      tx.selectFrom('reactions').select(['post_id', 'kind', 'created_at']).where('member_id', '=', id).execute(),
      tx.selectFrom('reports').select(['post_id', 'reason', 'note', 'status', 'created_at']).where('reporter_id', '=', id).execute(),
      tx
        .selectFrom('group_memberships as gm')
        .innerJoin('groups as g', (j) => j.onRef('g.tenant_id', '=', 'gm.tenant_id').onRef('g.id', '=', 'gm.group_id'))
        .select(['g.slug', 'g.name', 'gm.status', 'gm.role', 'gm.created_at'])
        .where('gm.member_id', '=', id)
        .execute(),
      tx
        .selectFrom('stories')
        .select(['id', 'title', 'body', 'content_warning', 'condition_tags', 'stage_tags', 'topic_tags', 'audience', 'signing', 'pseudonym', 'status', 'created_at', 'published_at'])
        .where('author_id', '=', id)
        .execute(),
      tx
        .selectFrom('story_consents as sc')
        .innerJoin('stories as s', (j) => j.onRef('s.tenant_id', '=', 'sc.tenant_id').onRef('s.id', '=', 'sc.story_id'))
        .innerJoin('consent_texts as ct', (j) => j.onRef('ct.tenant_id', '=', 'sc.tenant_id').onRef('ct.id', '=', 'sc.consent_text_id'))
        .select(['sc.story_id', 'sc.use', 'ct.version', 'ct.body as consent_text', 'sc.granted_at', 'sc.revoked_at'])
        .where('s.author_id', '=', id)
        .execute(),
      tx.selectFrom('story_thanks').select(['story_id', 'created_at']).where('member_id', '=', id).execute(),
      tx.selectFrom('story_comments').select(['id', 'story_id', 'body', 'status', 'created_at']).where('author_id', '=', id).execute(),
      tx
        .selectFrom('reviews as r')
        .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.product_id'))
        .select(['p.sku', 'r.rating', 'r.title', 'r.body', 'r.attributes', 'r.signing', 'r.pseudonym', 'r.verified_purchase', 'r.status', 'r.created_at'])
        .where('r.author_id', '=', id)
        .execute(),
      tx.selectFrom('review_votes').select(['review_id', 'created_at']).where('member_id', '=', id).execute(),
      tx.selectFrom('product_questions').select(['id', 'product_id', 'body', 'status', 'created_at']).where('author_id', '=', id).execute(),
      tx.selectFrom('product_answers').select(['id', 'question_id', 'body', 'status', 'created_at']).where('author_id', '=', id).execute(),
      tx.selectFrom('moderation_edits').select(['kind', 'item_id', 'previous_title', 'previous_body', 'note', 'created_at']).where('author_id', '=', id).execute(),
    ]);
  await appendAudit(tx, { actorKind: by.kind, actorId: by.id, action: 'member.exported', subject: id, ip: by.ip ?? null });
  return {
    exportedAt: new Date().toISOString(),
    profile,
    forum: { threads, posts, revisions, reactions, reports },
    groups: memberships,
    stories: { stories, consents, thanksGiven: thanks, comments },
    reviews: { reviews, helpfulVotes: votes, questions, answers },
    /** Words of yours a moderator replaced, with their reason. */
    moderatorEdits,
  };
}

/**
 * Erases the member: their words are removed everywhere they appear (search indexes are
 * generated columns, so they go with the words; live events carry only ids; JSON-LD is built
 * from live rows), their reactions and votes are removed with the counts they fed, and their
 * profile becomes an anonymous "Former member" with a fresh opaque host id, so a later sign-in
 * with the same host id starts a new, empty member. Audit entries keep only the opaque id.
 */
export async function eraseMember(tx: TenantTx, memberId: string, by: PrivacyRequester): Promise<{ erased: true }> {
  const id = memberId;
  const now = new Date();

  // Counts other people see, before the rows that feed them go.
  const reacted = await tx.selectFrom('reactions as r').innerJoin('posts as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.post_id')).select('p.thread_id').where('r.member_id', '=', id).where('r.kind', '=', 'support').execute();
  await tx.deleteFrom('reactions').where('member_id', '=', id).execute();
  for (const { thread_id } of reacted) {
    await tx.updateTable('threads').set((eb) => ({ support_count: sql`greatest(${eb.ref('support_count')} - 1, 0)` })).where('id', '=', thread_id).execute();
  }
  const voted = await tx.deleteFrom('review_votes').where('member_id', '=', id).returning('review_id').execute();
  for (const { review_id } of voted) {
    await tx.updateTable('reviews').set((eb) => ({ helpful_count: sql`greatest(${eb.ref('helpful_count')} - 1, 0)` })).where('id', '=', review_id).execute();
  }
  const thanked = await tx.deleteFrom('story_thanks').where('member_id', '=', id).returning('story_id').execute();
  for (const { story_id } of thanked) {
    await tx.updateTable('stories').set((eb) => ({ thanks_count: sql`greatest(${eb.ref('thanks_count')} - 1, 0)` })).where('id', '=', story_id).execute();
  }
  const groups = await tx.deleteFrom('group_memberships').where('member_id', '=', id).returning('group_id').execute();
  for (const { group_id } of groups) {
    await tx
      .updateTable('groups')
      .set((eb) => ({
        member_count: eb.selectFrom('group_memberships').select(sql<number>`count(*)::int`.as('n')).where('group_id', '=', group_id).where('status', '=', 'active'),
      }))
      .where('id', '=', group_id)
      .execute();
  }

  await tx.deleteFrom('post_revisions').where('editor_id', '=', id).execute();
  await tx.deleteFrom('moderation_edits').where('author_id', '=', id).execute();
  await tx.deleteFrom('reports').where('reporter_id', '=', id).execute();
  await tx
    .updateTable('posts')
    .set({ body: '', body_html: '', content_warning: null, marked_helpful: false, deleted_at: now, idempotency_key: null })
    .where('author_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  await tx.updateTable('threads').set({ title: REMOVED_TITLE, idempotency_key: null }).where('author_id', '=', id).execute();
  await tx.deleteFrom('stories').where('author_id', '=', id).execute();
  await tx.deleteFrom('story_comments').where('author_id', '=', id).execute();
  await tx.deleteFrom('reviews').where('author_id', '=', id).execute();
  await tx.deleteFrom('product_answers').where('author_id', '=', id).execute();
  await tx.updateTable('product_questions').set({ body: '[removed]', idempotency_key: null }).where('author_id', '=', id).execute();
  await tx
    .updateTable('members')
    .set({ display_name: ERASED_NAME, external_id: `erased:${randomUUID()}`, avatar_url: null, badges: [], shared_attributes: [], updated_at: now })
    .where('id', '=', id)
    .execute();
  await appendAudit(tx, { actorKind: by.kind, actorId: by.id, action: 'member.erased', subject: id, ip: by.ip ?? null });
  return { erased: true };
}

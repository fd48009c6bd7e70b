/**
 * Story SQL. Who may read a story is decided here, in SQL (`storyReadableBy`): the author
 * always; otherwise only a published story with a live "shown on the site" consent, to the
 * audience its author chose. Care-team stories are for the organisation's staff, whose reads
 * come through staff procedures, never through these member-facing queries.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { ConsentUse, Database, StoryAudience, StorySigning } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import type { ModerationColumnValues } from '../moderation/moderation.repo.ts';

const NO_MEMBER = '00000000-0000-0000-0000-000000000000';

type StoryScope = ExpressionBuilder<Database & { s: Database['stories'] }, 's'>;

/** Published, shown on the site, and shared with an audience the viewer belongs to (authorship aside). */
function sharedWith(viewerId: string | null) {
  return (eb: StoryScope) => {
    const liveSiteConsent = eb.exists(
      eb
        .selectFrom('story_consents as sc')
        .select(sql.lit(1).as('one'))
        .whereRef('sc.tenant_id', '=', 's.tenant_id')
        .whereRef('sc.story_id', '=', 's.id')
        .where('sc.use', '=', 'site')
        .where('sc.revoked_at', 'is', null),
    );
    const audiences = [eb('s.audience', '=', 'public')];
    if (viewerId) {
      audiences.push(
        eb('s.audience', '=', 'members'),
        eb.and([
          eb('s.audience', '=', 'group'),
          eb.exists(
            eb
              .selectFrom('group_memberships as gm')
              .select(sql.lit(1).as('one'))
              .whereRef('gm.tenant_id', '=', 's.tenant_id')
              .whereRef('gm.group_id', '=', 's.group_id')
              .where('gm.member_id', '=', viewerId)
              .where('gm.status', '=', 'active'),
          ),
        ]),
      );
    }
    return eb.and([eb('s.status', '=', 'published'), liveSiteConsent, eb.or(audiences)]);
  };
}

/** What a viewer may open: shared with them, or their own. */
export function storyReadableBy(viewerId: string | null) {
  return (eb: StoryScope) => (viewerId ? eb.or([eb('s.author_id', '=', viewerId), sharedWith(viewerId)(eb)]) : sharedWith(null)(eb));
}

function storiesWithContext(tx: TenantTx, viewerId: string | null) {
  return tx
    .selectFrom('stories as s')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 's.tenant_id').onRef('m.id', '=', 's.author_id'))
    .leftJoin('groups as g', (j) => j.onRef('g.tenant_id', '=', 's.tenant_id').onRef('g.id', '=', 's.group_id'))
    .select([
      's.id',
      's.author_id',
      's.title',
      's.body',
      's.body_html',
      's.content_warning',
      's.condition_tags',
      's.stage_tags',
      's.topic_tags',
      's.audience',
      's.signing',
      's.pseudonym',
      's.status',
      's.moderation_reason',
      's.moderation_note',
      's.thanks_count',
      's.created_at',
      's.updated_at',
      's.published_at',
      'g.slug as group_slug',
      'm.display_name as author_name',
      sql<boolean>`exists (select 1 from story_thanks t where t.tenant_id = s.tenant_id and t.story_id = s.id and t.member_id = ${viewerId ?? NO_MEMBER})`.as(
        'thanked_by_me',
      ),
    ]);
}

export type StoryRow = Awaited<ReturnType<ReturnType<typeof storiesWithContext>['executeTakeFirstOrThrow']>>;

/** The gallery: stories shared with the viewer, newest published first, keyset on (published_at, id). */
export async function listGallery(
  tx: TenantTx,
  query: { viewerId: string | null; groupId: string | null; tag?: string | undefined; after?: readonly [string, string]; limit: number },
): Promise<StoryRow[]> {
  let q = storiesWithContext(tx, query.viewerId)
    .where((eb: StoryScope) => sharedWith(query.viewerId)(eb))
    .where((eb) => (query.groupId ? eb('s.group_id', '=', query.groupId) : eb('s.audience', 'in', ['public', 'members'])));
  if (query.tag) q = q.where(sql<boolean>`${query.tag} = any(s.condition_tags || s.stage_tags || s.topic_tags)`);
  if (query.after) q = q.where(sql<boolean>`(s.published_at, s.id) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`);
  return q.orderBy('s.published_at', 'desc').orderBy('s.id', 'desc').limit(query.limit + 1).execute();
}

/** Full-text search over the stories shared with the viewer, newest published first. */
export async function searchGallery(
  tx: TenantTx,
  query: { viewerId: string | null; groupId: string | null; text: string; after?: readonly [string, string]; limit: number },
): Promise<StoryRow[]> {
  let q = storiesWithContext(tx, query.viewerId)
    .where((eb: StoryScope) => sharedWith(query.viewerId)(eb))
    .where(sql<boolean>`s.search @@ websearch_to_tsquery('simple', ${query.text})`);
  if (query.groupId) q = q.where('s.group_id', '=', query.groupId);
  if (query.after) q = q.where(sql<boolean>`(s.published_at, s.id) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`);
  return q.orderBy('s.published_at', 'desc').orderBy('s.id', 'desc').limit(query.limit + 1).execute();
}

/**
 * Stories shared with the organisation's care team, for its staff: published, newest first.
 * Private journals ("only me") are never among them.
 */
export async function listForCareTeam(tx: TenantTx, query: { after?: readonly [string, string]; limit: number }): Promise<StoryRow[]> {
  let q = storiesWithContext(tx, null).where('s.audience', '=', 'care_team').where('s.status', '=', 'published');
  if (query.after) q = q.where(sql<boolean>`(s.published_at, s.id) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`);
  return q.orderBy('s.published_at', 'desc').orderBy('s.id', 'desc').limit(query.limit + 1).execute();
}

export async function findForCareTeam(tx: TenantTx, storyId: string): Promise<StoryRow | undefined> {
  return storiesWithContext(tx, null).where('s.id', '=', storyId).where('s.audience', '=', 'care_team').where('s.status', '=', 'published').executeTakeFirst();
}

/** The groups a member belongs to (to share a story with one of them). */
export async function memberGroups(tx: TenantTx, memberId: string) {
  return tx
    .selectFrom('group_memberships as gm')
    .innerJoin('groups as g', (j) => j.onRef('g.tenant_id', '=', 'gm.tenant_id').onRef('g.id', '=', 'gm.group_id'))
    .select(['g.slug', 'g.name'])
    .where('gm.member_id', '=', memberId)
    .where('gm.status', '=', 'active')
    .orderBy('g.name')
    .execute();
}

export async function listOwn(tx: TenantTx, query: { authorId: string; after?: readonly [string, string]; limit: number }): Promise<StoryRow[]> {
  let q = storiesWithContext(tx, query.authorId).where('s.author_id', '=', query.authorId);
  if (query.after) q = q.where(sql<boolean>`(s.created_at, s.id) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`);
  return q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(query.limit + 1).execute();
}

export async function findReadable(tx: TenantTx, storyId: string, viewerId: string | null): Promise<StoryRow | undefined> {
  return storiesWithContext(tx, viewerId)
    .where('s.id', '=', storyId)
    .where((eb: StoryScope) => storyReadableBy(viewerId)(eb))
    .executeTakeFirst();
}

export async function findShared(tx: TenantTx, storyId: string, viewerId: string | null): Promise<StoryRow | undefined> {
  return storiesWithContext(tx, viewerId)
    .where('s.id', '=', storyId)
    .where((eb: StoryScope) => sharedWith(viewerId)(eb))
    .executeTakeFirst();
}

export async function findOwnStory(tx: TenantTx, storyId: string) {
  return tx.selectFrom('stories').selectAll().where('id', '=', storyId).executeTakeFirst();
}

export async function liveConsents(tx: TenantTx, storyIds: string[]) {
  if (storyIds.length === 0) return [];
  return tx
    .selectFrom('story_consents as sc')
    .innerJoin('consent_texts as ct', (j) => j.onRef('ct.tenant_id', '=', 'sc.tenant_id').onRef('ct.id', '=', 'sc.consent_text_id'))
    .select(['sc.story_id', 'sc.use', 'sc.granted_at', 'ct.version'])
    .where('sc.story_id', 'in', storyIds)
    .where('sc.revoked_at', 'is', null)
    .orderBy('sc.use')
    .execute();
}

export async function currentConsentText(tx: TenantTx) {
  return tx.selectFrom('consent_texts').select(['id', 'version', 'body']).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
}

export interface StoryFields {
  title: string;
  body: string;
  bodyHtml: string;
  contentWarning: string | null;
  tags: { condition: string[]; stage: string[]; topic: string[] };
  audience: StoryAudience;
  groupId: string | null;
  signing: StorySigning;
  pseudonym: string | null;
  /** The moderation pipeline's decision (or the story's current state, when nothing it checks changed). */
  moderation: ModerationColumnValues;
}

export async function insertStory(
  tx: TenantTx,
  story: StoryFields & { authorId: string; idempotencyKey: string },
): Promise<{ id: string; created: boolean }> {
  const inserted = await tx
    .insertInto('stories')
    .values({
      tenant_id: tx.tenantId,
      author_id: story.authorId,
      title: story.title,
      body: story.body,
      body_html: story.bodyHtml,
      content_warning: story.contentWarning,
      condition_tags: story.tags.condition,
      stage_tags: story.tags.stage,
      topic_tags: story.tags.topic,
      audience: story.audience,
      group_id: story.groupId,
      signing: story.signing,
      pseudonym: story.pseudonym,
      ...story.moderation,
      published_at: story.moderation.status === 'published' ? new Date() : null,
      idempotency_key: story.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'author_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await tx
    .selectFrom('stories')
    .select('id')
    .where('author_id', '=', story.authorId)
    .where('idempotency_key', '=', story.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export async function updateStory(tx: TenantTx, storyId: string, story: StoryFields, republish: boolean): Promise<void> {
  await tx
    .updateTable('stories')
    .set({
      title: story.title,
      body: story.body,
      body_html: story.bodyHtml,
      content_warning: story.contentWarning,
      condition_tags: story.tags.condition,
      stage_tags: story.tags.stage,
      topic_tags: story.tags.topic,
      audience: story.audience,
      group_id: story.groupId,
      signing: story.signing,
      pseudonym: story.pseudonym,
      ...story.moderation,
      updated_at: new Date(),
      ...(story.moderation.status === 'pending' ? { published_at: null } : republish ? { published_at: new Date() } : {}),
    })
    .where('id', '=', storyId)
    .execute();
}

export async function grantConsent(tx: TenantTx, consent: { storyId: string; use: ConsentUse; consentTextId: string }): Promise<void> {
  const live = await tx
    .selectFrom('story_consents')
    .select('id')
    .where('story_id', '=', consent.storyId)
    .where('use', '=', consent.use)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (live) return;
  await tx
    .insertInto('story_consents')
    .values({ tenant_id: tx.tenantId, story_id: consent.storyId, use: consent.use, consent_text_id: consent.consentTextId })
    .execute();
}

/** Revokes a use at once; the consent row stays as the record of what was agreed and when. */
export async function revokeConsent(tx: TenantTx, storyId: string, use: ConsentUse): Promise<void> {
  await tx
    .updateTable('story_consents')
    .set({ revoked_at: new Date() })
    .where('story_id', '=', storyId)
    .where('use', '=', use)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function deleteStory(tx: TenantTx, storyId: string): Promise<void> {
  await tx.deleteFrom('stories').where('id', '=', storyId).execute();
}

export async function setThanks(tx: TenantTx, thanks: { storyId: string; memberId: string; on: boolean }): Promise<void> {
  const changed = thanks.on
    ? await tx
        .insertInto('story_thanks')
        .values({ tenant_id: tx.tenantId, story_id: thanks.storyId, member_id: thanks.memberId })
        .onConflict((oc) => oc.columns(['tenant_id', 'story_id', 'member_id']).doNothing())
        .returning('story_id')
        .executeTakeFirst()
    : await tx
        .deleteFrom('story_thanks')
        .where('story_id', '=', thanks.storyId)
        .where('member_id', '=', thanks.memberId)
        .returning('story_id')
        .executeTakeFirst();
  if (changed) {
    await tx
      .updateTable('stories')
      .set((eb) => ({ thanks_count: eb('thanks_count', thanks.on ? '+' : '-', 1) }))
      .where('id', '=', thanks.storyId)
      .execute();
  }
}

/** One comment, whatever its state (for its author right after writing it). */
export async function findComment(tx: TenantTx, id: string) {
  return commentsWithAuthors(tx).where('c.id', '=', id).executeTakeFirst();
}

function commentsWithAuthors(tx: TenantTx) {
  return tx
    .selectFrom('story_comments as c')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.id', '=', 'c.author_id'))
    .select(['c.id', 'c.author_id', 'c.body_html', 'c.status', 'c.moderation_reason', 'c.moderation_note', 'c.created_at', 'm.display_name as author_name']);
}

export async function listComments(tx: TenantTx, query: { storyId: string; viewerId: string | null; after?: readonly [string, string]; limit: number }) {
  let q = commentsWithAuthors(tx)
    .where('c.story_id', '=', query.storyId)
    .where((eb) => eb.or([eb('c.status', '=', 'published'), eb('c.author_id', '=', query.viewerId ?? NO_MEMBER)]));
  if (query.after) q = q.where(sql<boolean>`(c.created_at, c.id) > (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`);
  return q.orderBy('c.created_at').orderBy('c.id').limit(query.limit + 1).execute();
}

export async function insertComment(
  tx: TenantTx,
  comment: { storyId: string; authorId: string; body: string; bodyHtml: string; moderation: ModerationColumnValues; idempotencyKey: string },
): Promise<string> {
  const inserted = await tx
    .insertInto('story_comments')
    .values({
      tenant_id: tx.tenantId,
      story_id: comment.storyId,
      author_id: comment.authorId,
      body: comment.body,
      body_html: comment.bodyHtml,
      ...comment.moderation,
      idempotency_key: comment.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'author_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await tx
    .selectFrom('story_comments')
    .select('id')
    .where('author_id', '=', comment.authorId)
    .where('idempotency_key', '=', comment.idempotencyKey)
    .executeTakeFirstOrThrow();
  return existing.id;
}

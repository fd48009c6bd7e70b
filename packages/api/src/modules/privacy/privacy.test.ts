import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { addToGroup, createGroup, signedIn, startThread } from '../../testing/community.ts';
import { testDatabase } from '../../testing/database.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, idem } from '../../testing/fixtures.ts';
import { updateTenantSettings } from '../tenants/tenant-settings.ts';
import { MEMBER_DATA_TABLES } from './privacy.coverage.ts';

async function busyMember() {
  const tenant = await createTestTenant('privacy');
  await withTenant(tenant.db, tenant.tenant.id, (tx) => updateTenantSettings(tx, { reviewAutoPublishMinRating: 1, storyComments: true }));
  await tenant.db.insertInto('products').values({ tenant_id: tenant.tenant.id, sku: 'SKU-1', name: 'A product' }).execute();
  const groupId = await createGroup(tenant, 'circle');
  const me = await signedIn(tenant, 'me', 'Maria Secret');
  const friend = await signedIn(tenant, 'friend', 'Friend');
  await addToGroup(tenant, groupId, me.id);
  const mine = await startThread(me.caller, 'My unique-word-ponderosa thread', 'my own words ponderosa');
  const theirs = await startThread(friend.caller, 'Friend thread');
  const theirPost = (await friend.caller.forum.getThread({ threadId: theirs.id })).posts.items[0]!;
  await me.caller.forum.reply({ threadId: theirs.id, body: 'my reply ponderosa', anonymous: true, idempotencyKey: idem() });
  await me.caller.forum.react({ postId: theirPost.id, kind: 'support', on: true });
  await me.caller.forum.report({ postId: theirPost.id, reason: 'spam' });
  const consent = await me.caller.stories.consentText();
  await me.caller.stories.create({ title: 'My story', body: 'story words', audience: 'public', signing: 'name', consent: { consentTextId: consent.id, uses: ['site'] }, idempotencyKey: idem() });
  const review = await me.caller.reviews.write({ sku: 'SKU-1', rating: 5, title: 'My review', body: 'review words' });
  await friend.caller.reviews.vote({ reviewId: review.id, helpful: true });
  const friendReview = await friend.caller.reviews.write({ sku: 'SKU-1', rating: 4, title: 'Friend review', body: 'x' });
  await me.caller.reviews.vote({ reviewId: friendReview.id, helpful: true });
  await me.caller.reviews.ask({ sku: 'SKU-1', body: 'My question ponderosa?', idempotencyKey: idem() });
  return { tenant, me, friend, mine, theirs, friendReview };
}

describe('export', () => {
  it('gives the member everything Kindred holds about them, and nothing about anyone else', async () => {
    const { me } = await busyMember();
    const data = await me.caller.privacy.export();
    expect(data.profile).toMatchObject({ display_name: 'Maria Secret' });
    expect(data.forum.threads.map((t) => t.title)).toEqual(['My unique-word-ponderosa thread']);
    expect(data.forum.posts.map((p) => p.body).sort()).toEqual(['my own words ponderosa', 'my reply ponderosa']);
    expect(data.forum.reactions).toHaveLength(1);
    expect(data.forum.reports).toHaveLength(1);
    expect(data.groups.map((g) => g.slug)).toEqual(['circle']);
    expect(data.stories.stories.map((s) => s.title)).toEqual(['My story']);
    expect(data.stories.consents.map((c) => [c.use, c.version])).toEqual([['site', 1]]);
    expect(data.reviews.reviews.map((r) => r.title)).toEqual(['My review']);
    expect(data.reviews.helpfulVotes).toHaveLength(1);
    expect(data.reviews.questions).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain('Friend thread');
  });
});

describe('erasure', () => {
  it('removes the member’s words, reactions and votes everywhere, keeps others’ content readable, and can run twice', async () => {
    const { tenant, me, friend, mine, theirs, friendReview } = await busyMember();
    expect(await me.caller.privacy.erase({ confirm: true })).toEqual({ erased: true });
    expect(await me.caller.privacy.erase({ confirm: true })).toEqual({ erased: true });

    const guest = await tenant.caller();
    expect((await guest.forum.search({ query: 'ponderosa' })).items).toEqual([]);
    const ownThread = await guest.forum.getThread({ threadId: mine.id });
    expect(ownThread.thread.title).toBe('Removed by its author');
    expect(ownThread.posts.items[0]).toMatchObject({ bodyHtml: '', author: null });
    const friendThread = await guest.forum.getThread({ threadId: theirs.id });
    expect(friendThread.posts.items.map((p) => p.bodyHtml)).toEqual(['<p>Opening post</p>', '']);
    expect(friendThread.posts.items[0]!.reactions.support).toBe(0);
    expect(friendThread.thread.supportCount).toBe(0);
    expect((await guest.stories.list({})).items).toEqual([]);
    const reviews = await guest.reviews.list({ sku: 'SKU-1' });
    expect(reviews.items.map((r) => r.title)).toEqual(['Friend review']);
    expect(reviews.items[0]!.helpfulCount).toBe(0);
    expect((await guest.groups.get({ slug: 'circle' })).memberCount).toBe(0);
    expect(JSON.stringify(await guest.reviews.questions({ sku: 'SKU-1' }))).not.toContain('ponderosa');

    const everything = JSON.stringify(
      await Promise.all(['posts', 'threads', 'post_revisions', 'stories', 'reviews', 'product_questions', 'members'].map((t) => sql`select * from ${sql.table(t)} where tenant_id = ${tenant.tenant.id}`.execute(tenant.db))),
      (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value),
    );
    expect(everything).not.toContain('ponderosa');
    expect(everything).not.toContain('Maria Secret');
    expect(await tenant.db.selectFrom('reports').select('id').where('tenant_id', '=', tenant.tenant.id).execute()).toEqual([]);
    // The friend is untouched, and a new sign-in with the same host id starts afresh.
    expect((await friend.caller.reviews.mine({ sku: 'SKU-1' }))?.id).toBe(friendReview.id);
    const again = await tenant.caller({ token: await tenant.token({ sub: 'me', name: 'Maria Again' }) });
    expect((await again.identity.me()).member?.id).not.toBe(me.id);
    expect((await again.privacy.export()).forum.posts).toEqual([]);
    await expectKindredError(again.privacy.erase({ confirm: false as never }), 'VALIDATION_FAILED');
  });

  it('never reaches into another tenant', async () => {
    const a = await busyMember();
    const b = await createTestTenant('privacy-b');
    const inB = await signedIn(b, 'me', 'Maria Secret');
    await inB.caller.privacy.erase({ confirm: true });
    expect((await a.me.caller.privacy.export()).forum.posts).toHaveLength(2);
    expect((await inB.caller.privacy.export()).forum.posts).toEqual([]);
  });
});

describe('coverage', () => {
  it('covers every table that references a member in export and erasure', async () => {
    const { db } = await testDatabase();
    const tables = await sql<{ table: string }>`
      select distinct c.relname as table from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_class ref on ref.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and con.contype = 'f' and ref.relname = 'members'`.execute(db);
    const needed = new Set(['members', ...tables.rows.map((r) => r.table)]);
    expect([...needed].filter((t) => !(t in MEMBER_DATA_TABLES))).toEqual([]);
    expect(needed.size).toBeGreaterThan(10);
  });
});

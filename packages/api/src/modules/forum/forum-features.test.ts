/** The support-forum features beyond the basics: sorts, search, reactions, helpful, edits, anonymity... */
import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { addToGroup, createGroup, signedIn, startThread } from '../../testing/community.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, idem } from '../../testing/fixtures.ts';
import { updateTenantSettings } from '../tenants/tenant-settings.ts';

describe('sorting', () => {
  it('orders by latest activity, newest, most supported, and shows unanswered threads', async () => {
    const tenant = await createTestTenant('sorts');
    const ana = await signedIn(tenant, 'ana');
    const ben = await signedIn(tenant, 'ben');
    const first = await startThread(ana.caller, 'First thread');
    const second = await startThread(ana.caller, 'Second thread');
    const third = await startThread(ana.caller, 'Third thread');
    await ben.caller.forum.reply({ threadId: first.id, body: 'a reply', idempotencyKey: idem() });
    const opening = async (threadId: string) => (await ben.caller.forum.getThread({ threadId })).posts.items[0]!.id;
    await ben.caller.forum.react({ postId: await opening(second.id), kind: 'support', on: true });
    await ana.caller.forum.react({ postId: await opening(second.id), kind: 'support', on: true });
    await ben.caller.forum.react({ postId: await opening(third.id), kind: 'support', on: true });

    const titles = async (sort: 'activity' | 'newest' | 'supported' | 'unanswered') =>
      (await ben.caller.forum.listThreads({ sort })).items.map((t) => t.title);
    expect(await titles('activity')).toEqual(['First thread', 'Third thread', 'Second thread']);
    expect(await titles('newest')).toEqual(['Third thread', 'Second thread', 'First thread']);
    expect((await titles('supported'))[0]).toBe('Second thread');
    expect((await ben.caller.forum.listThreads({ sort: 'supported' })).items[0]!.supportCount).toBe(2);
    expect((await titles('unanswered')).sort()).toEqual(['Second thread', 'Third thread']);

    // Keyset pages per sort, and a cursor from one sort is refused by another.
    const page = await ben.caller.forum.listThreads({ sort: 'supported', limit: 1 });
    const next = await ben.caller.forum.listThreads({ sort: 'supported', limit: 2, cursor: page.nextCursor });
    expect([...page.items, ...next.items].map((t) => t.title).sort()).toEqual(['First thread', 'Second thread', 'Third thread']);
    await expectKindredError(ben.caller.forum.listThreads({ sort: 'newest', cursor: page.nextCursor }), 'INVALID_CURSOR');
  });
});

describe('reactions and helpful replies', () => {
  it('toggles one of each reaction per member and counts them', async () => {
    const tenant = await createTestTenant('react');
    const ana = await signedIn(tenant, 'ana');
    const ben = await signedIn(tenant, 'ben');
    const thread = await startThread(ana.caller, 'Reactions');
    const postId = (await ana.caller.forum.getThread({ threadId: thread.id })).posts.items[0]!.id;
    await ben.caller.forum.react({ postId, kind: 'support', on: true });
    await ben.caller.forum.react({ postId, kind: 'support', on: true });
    const both = await ben.caller.forum.react({ postId, kind: 'me_too', on: true });
    expect(both).toMatchObject({ reactions: { support: 1, helpful: 0, me_too: 1 }, myReactions: ['me_too', 'support'] });
    const anaSees = (await ana.caller.forum.getThread({ threadId: thread.id })).posts.items[0]!;
    expect(anaSees).toMatchObject({ reactions: { support: 1, me_too: 1 }, myReactions: [] });
    expect((await ben.caller.forum.react({ postId, kind: 'support', on: false })).reactions.support).toBe(0);
    expect((await ben.caller.forum.listThreads({})).items[0]!.supportCount).toBe(0);
    await expectKindredError((await tenant.caller()).forum.react({ postId, kind: 'support', on: true }), 'SIGN_IN_REQUIRED');
    await expectKindredError(ben.caller.forum.react({ postId, kind: 'love' as never, on: true }), 'VALIDATION_FAILED');
  });

  it('lets only the thread’s author mark replies helpful, and shows those first', async () => {
    const tenant = await createTestTenant('helpful');
    const ana = await signedIn(tenant, 'ana');
    const ben = await signedIn(tenant, 'ben');
    const thread = await startThread(ana.caller, 'Which cream?');
    const early = await ben.caller.forum.reply({ threadId: thread.id, body: 'early reply', idempotencyKey: idem() });
    const useful = await ben.caller.forum.reply({ threadId: thread.id, body: 'the useful one', idempotencyKey: idem() });
    await expectKindredError(ben.caller.forum.markHelpful({ postId: useful.id, helpful: true }), 'FORBIDDEN_ACTION');
    const opening = (await ana.caller.forum.getThread({ threadId: thread.id })).posts.items[0]!;
    await expectKindredError(ana.caller.forum.markHelpful({ postId: opening.id, helpful: true }), 'VALIDATION_FAILED');
    expect((await ana.caller.forum.markHelpful({ postId: useful.id, helpful: true })).markedHelpful).toBe(true);
    const order = (await ben.caller.forum.getThread({ threadId: thread.id })).posts.items.map((p) => p.id);
    expect(order).toEqual([opening.id, useful.id, early.id]);
    // Paging across the helpful boundary keeps every post once.
    const p1 = await ben.caller.forum.getThread({ threadId: thread.id, limit: 2 });
    const p2 = await ben.caller.forum.getThread({ threadId: thread.id, limit: 2, cursor: p1.posts.nextCursor });
    expect([...p1.posts.items, ...p2.posts.items].map((p) => p.id)).toEqual(order);
  });
});

describe('editing and deleting', () => {
  it('edits own posts with history kept and an edited time; never someone else’s', async () => {
    const tenant = await createTestTenant('edit');
    const ana = await signedIn(tenant, 'ana');
    const ben = await signedIn(tenant, 'ben');
    const thread = await startThread(ana.caller, 'Original title', 'original *body*');
    const opening = (await ana.caller.forum.getThread({ threadId: thread.id })).posts.items[0]!;
    await expectKindredError(ben.caller.forum.editPost({ postId: opening.id, body: 'hijack' }), 'FORBIDDEN_ACTION');
    const edited = await ana.caller.forum.editPost({ postId: opening.id, body: 'better **body**', title: 'Better title', contentWarning: 'Surgery details' });
    expect(edited).toMatchObject({ bodyHtml: '<p>better <strong>body</strong></p>', bodySource: 'better **body**', contentWarning: 'Surgery details' });
    expect(edited.editedAt).not.toBeNull();
    expect((await ben.caller.forum.getThread({ threadId: thread.id })).thread.title).toBe('Better title');
    const history = await tenant.db.selectFrom('post_revisions').select(['body', 'title']).where('post_id', '=', opening.id).execute();
    expect(history).toEqual([{ body: 'original *body*', title: 'Original title' }]);
    const reply = await ben.caller.forum.reply({ threadId: thread.id, body: 'reply', idempotencyKey: idem() });
    await expectKindredError(ben.caller.forum.editPost({ postId: reply.id, body: 'x', title: 'Titles are for openings' }), 'VALIDATION_FAILED');
  });

  it('deletes as a tombstone that keeps the thread readable and holds no words', async () => {
    const tenant = await createTestTenant('delete');
    const ana = await signedIn(tenant, 'ana');
    const ben = await signedIn(tenant, 'ben');
    const thread = await startThread(ana.caller, 'Keep me readable');
    const reply = await ben.caller.forum.reply({ threadId: thread.id, body: 'something I regret', idempotencyKey: idem() });
    await expectKindredError(ana.caller.forum.deletePost({ postId: reply.id }), 'FORBIDDEN_ACTION');
    const tombstone = await ben.caller.forum.deletePost({ postId: reply.id });
    expect(tombstone).toMatchObject({ bodyHtml: '', bodySource: null, author: null });
    expect(tombstone.deletedAt).not.toBeNull();
    const seen = await (await tenant.caller()).forum.getThread({ threadId: thread.id });
    expect(seen.posts.items).toHaveLength(2);
    expect(JSON.stringify(seen)).not.toContain('regret');
    await expectKindredError(ben.caller.forum.deletePost({ postId: reply.id }), 'NOT_FOUND');
    await expectKindredError(ben.caller.forum.react({ postId: reply.id, kind: 'support', on: true }), 'NOT_FOUND');
    const stored = await tenant.db.selectFrom('posts').select(['body', 'body_html']).where('id', '=', reply.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ body: '', body_html: '' });
  });
});

describe('anonymous posts and content warnings', () => {
  it('shows "anonymous" to everyone but the author, and never sends the author’s identity', async () => {
    const tenant = await createTestTenant('anon');
    const ana = await signedIn(tenant, 'ana', 'Ana Real-Name');
    const ben = await signedIn(tenant, 'ben');
    const thread = await ana.caller.forum.createThread({ title: 'Hard to say out loud', body: 'anonymous words', anonymous: true, idempotencyKey: idem() });
    const reply = await ana.caller.forum.reply({ threadId: thread.id, body: 'anon reply', anonymous: true, idempotencyKey: idem() });
    expect(thread).toMatchObject({ anonymous: true, isOwn: true, author: { displayName: 'Ana Real-Name' } });
    for (const viewer of [ben.caller, await tenant.caller()]) {
      const list = await viewer.forum.listThreads({});
      const detail = await viewer.forum.getThread({ threadId: thread.id });
      const hits = await viewer.forum.search({ query: 'anonymous' });
      expect(list.items[0]).toMatchObject({ anonymous: true, author: null, isOwn: false });
      expect(detail.posts.items.every((p) => p.author === null && p.anonymous)).toBe(true);
      expect(hits.items[0]!.thread.author).toBeNull();
      const everything = JSON.stringify([list, detail, hits]);
      expect(everything).not.toContain('Real-Name');
      expect(everything).not.toContain(ana.id);
    }
    expect(reply.isOwn).toBe(true);
  });

  it('keeps the words behind a content warning out of excerpts and snippets', async () => {
    const tenant = await createTestTenant('cw');
    const ana = await signedIn(tenant, 'ana');
    await ana.caller.forum.createThread({ title: 'After surgery', body: 'graphic wound details', contentWarning: 'Wound photos described', idempotencyKey: idem() });
    const item = (await ana.caller.forum.listThreads({})).items[0]!;
    expect(item).toMatchObject({ contentWarning: 'Wound photos described', excerpt: '' });
    const hit = (await ana.caller.forum.search({ query: 'wound' })).items[0]!;
    expect(hit.snippet).toBe('');
  });
});

describe('search', () => {
  it('finds words in titles and posts, one hit per thread, newest activity first', async () => {
    const tenant = await createTestTenant('search');
    const ana = await signedIn(tenant, 'ana');
    const a = await startThread(ana.caller, 'Compression socks for flights', 'Which class do you wear?');
    const b = await startThread(ana.caller, 'Swimming again', 'first time in the pool');
    await ana.caller.forum.reply({ threadId: b.id, body: 'I wore compression shorts under my costume', idempotencyKey: idem() });
    await ana.caller.forum.reply({ threadId: b.id, body: 'more compression talk', idempotencyKey: idem() });
    const hits = await ana.caller.forum.search({ query: 'compression' });
    expect(hits.items.map((h) => h.thread.id)).toEqual([b.id, a.id]);
    expect(hits.items[0]!.snippet).toBe('more compression talk');
    expect((await ana.caller.forum.search({ query: 'pool' })).items.map((h) => h.thread.id)).toEqual([b.id]);
    expect((await ana.caller.forum.search({ query: '"socks for" -swimming OR :* & ! (' })).items.map((h) => h.thread.id)).toEqual([a.id]);
    expect((await ana.caller.forum.search({ query: 'nothing-matches-this' })).items).toEqual([]);
    await expectKindredError(ana.caller.forum.search({ query: 'x' }), 'VALIDATION_FAILED');
  });
});

describe('reports, member cards, badges and the medical notice', () => {
  it('files one report per member per post, with a reason', async () => {
    const tenant = await createTestTenant('report');
    const ana = await signedIn(tenant, 'ana');
    const ben = await signedIn(tenant, 'ben');
    const thread = await startThread(ana.caller, 'Miracle cure!!', 'buy my pills');
    const postId = (await ben.caller.forum.getThread({ threadId: thread.id })).posts.items[0]!.id;
    expect(await ben.caller.forum.report({ postId, reason: 'misinformation', note: 'dangerous claims' })).toEqual({ ok: true });
    await ben.caller.forum.report({ postId, reason: 'spam' });
    const reports = await tenant.db.selectFrom('reports').select(['reason', 'note', 'reporter_id']).where('post_id', '=', postId).execute();
    expect(reports).toEqual([{ reason: 'spam', note: null, reporter_id: ben.id }]);
    await expectKindredError(ben.caller.forum.report({ postId, reason: 'boring' as never }), 'VALIDATION_FAILED');
    await expectKindredError((await tenant.caller()).forum.report({ postId, reason: 'spam' }), 'SIGN_IN_REQUIRED');
  });

  it('shows the clinician badge only when the tenant trusts host badges, and group roles as badges', async () => {
    const tenant = await createTestTenant('badges');
    const groupId = await createGroup(tenant, 'heart');
    const doc = await tenant.caller({ token: await tenant.token({ sub: 'doc', name: 'Dr Lee', claims: { badges: ['clinician'] } }) });
    const docId = (await doc.identity.me()).member!.id;
    const mentor = await signedIn(tenant, 'mentor');
    await addToGroup(tenant, groupId, docId);
    await addToGroup(tenant, groupId, mentor.id, 'mentor');
    const thread = await doc.forum.createThread({ group: 'heart', title: 'Ask me', body: 'x', idempotencyKey: idem() });
    await mentor.caller.forum.reply({ threadId: thread.id, body: 'mentor here', idempotencyKey: idem() });
    const authors = async () => (await (await tenant.caller()).forum.getThread({ threadId: thread.id })).posts.items.map((p) => p.author?.badges);
    expect(await authors()).toEqual([[], ['mentor']]);
    await withTenant(tenant.db, tenant.tenant.id, (tx) => updateTenantSettings(tx, { trustHostBadges: true }));
    expect(await authors()).toEqual([['clinician'], ['mentor']]);
    const card = await (await tenant.caller()).forum.memberCard({ memberId: mentor.id, group: 'heart' });
    expect(card).toMatchObject({ displayName: 'mentor', badges: ['mentor'], groupRole: 'mentor' });
    expect(Object.keys(card).sort()).toEqual(['badges', 'displayName', 'groupRole', 'id', 'joinedAt']);
  });

  it('gives the forum its context: viewer, notice, group and permissions', async () => {
    const tenant = await createTestTenant('context');
    await createGroup(tenant, 'private', { visibility: 'group', joinPolicy: 'request' });
    const guest = await (await tenant.caller()).forum.context({});
    expect(guest).toMatchObject({ viewer: null, canRead: true, canPost: false, group: null, tenantName: 'Test context' });
    expect(guest.medicalNotice).toMatch(/not medical advice/);
    const ana = await signedIn(tenant, 'ana', 'Ana');
    expect(await ana.caller.forum.context({ group: 'private' })).toMatchObject({
      viewer: { displayName: 'Ana' },
      canRead: false,
      canPost: false,
      group: { slug: 'private', joinPolicy: 'request' },
    });
    await withTenant(tenant.db, tenant.tenant.id, (tx) => updateTenantSettings(tx, { medicalNotice: null }));
    expect((await ana.caller.forum.context({})).medicalNotice).toBeNull();
  });
});

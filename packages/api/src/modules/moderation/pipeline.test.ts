/**
 * The moderation pipeline through the public procedures: every phase, bypass attempts, what the
 * author is told, what others see, and the staff queue that works on it.
 */
import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { signedIn, startThread } from '../../testing/community.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, idem, type TestTenant } from '../../testing/fixtures.ts';
import { signedInStaff } from '../../testing/staff.ts';
import { DEFAULT_MODERATION_POLICY, updateTenantSettings, type ModerationPolicy, type TenantSettings } from '../tenants/tenant-settings.ts';

async function community(policy: Partial<ModerationPolicy> = {}, settings: Partial<TenantSettings> = {}) {
  const tenant = await createTestTenant('pipeline');
  await withTenant(tenant.db, tenant.tenant.id, (tx) =>
    updateTenantSettings(tx, { moderation: { ...DEFAULT_MODERATION_POLICY, ...policy }, ...settings }),
  );
  const author = await signedIn(tenant, 'author', 'Author');
  const reader = await signedIn(tenant, 'reader', 'Reader');
  return { tenant, author, reader, guest: await tenant.caller() };
}

const details = (err: unknown) => (err as { details?: Record<string, unknown> }).details;

async function threadIds(caller: Awaited<ReturnType<TestTenant['caller']>>) {
  return (await caller.forum.listThreads({})).items.map((t) => t.id);
}

describe('phases that refuse', () => {
  it('refuses banned words as whole words, whatever the disguise, and stores nothing', async () => {
    const { author, guest } = await community({ bannedWords: ['scam', 'miracle cure'] });
    for (const body of ['This is a SCAM', 'this is a s-c-a-m', 'a ѕсаm (Cyrillic)', 'a s\u200Bcam', 'a &#115;cam', 'buy the Miracle\nCure now', 'mïracle cüre']) {
      const err = await expectKindredError(startThread(author.caller, 'A question', body), 'CONTENT_REJECTED');
      expect(details(err)).toEqual({ reason: 'banned_word' });
    }
    // "scampi" is not "scam".
    await startThread(author.caller, 'Dinner', 'I had scampi');
    expect((await guest.forum.listThreads({})).items.map((t) => t.title)).toEqual(['Dinner']);
  });

  it('does not show a profile name that uses a banned word', async () => {
    const { tenant } = await community({ bannedWords: ['idiot'] });
    const rude = await tenant.caller({ token: await tenant.token({ sub: 'rude', name: 'Total 1d10t' }) });
    expect((await rude.identity.me()).member?.displayName).toBe('Member');
  });

  it('refuses the same long words twice in a day, and short ones twice in one thread', async () => {
    const { author } = await community();
    const long = 'Has anyone tried the cold cap during chemotherapy? I would love to hear how it went.';
    const first = await startThread(author.caller, 'Cold cap', long);
    const err = await expectKindredError(startThread(author.caller, 'Cold cap again', long), 'CONTENT_REJECTED');
    expect(details(err)).toEqual({ reason: 'duplicate' });
    await author.caller.forum.reply({ threadId: first.id, body: 'Thank you!', idempotencyKey: idem() });
    await expectKindredError(author.caller.forum.reply({ threadId: first.id, body: 'thank you!', idempotencyKey: idem() }), 'CONTENT_REJECTED');
    const other = await startThread(author.caller, 'Another', 'Something else entirely');
    await author.caller.forum.reply({ threadId: other.id, body: 'Thank you!', idempotencyKey: idem() });
    // A retried write (same idempotency key) is never a repeat of itself.
    const key = idem();
    const once = await author.caller.forum.reply({ threadId: other.id, body: long.replace('cold cap', 'scalp cooling'), idempotencyKey: key });
    const again = await author.caller.forum.reply({ threadId: other.id, body: long.replace('cold cap', 'scalp cooling'), idempotencyKey: key });
    expect(again.id).toBe(once.id);
  });

  it('refuses too many links, and asks a flooding member to slow down', async () => {
    const { author } = await community({ linkPolicy: 'allow', floodPerMinute: 3 });
    const links = Array.from({ length: 9 }, (_, i) => `https://example.org/${i}`).join(' ');
    const err = await expectKindredError(startThread(author.caller, 'Links', links), 'CONTENT_REJECTED');
    expect(details(err)).toEqual({ reason: 'too_many_links' });
    for (let i = 0; i < 3; i++) await startThread(author.caller, `Post ${i}`, `Body ${i}`);
    const flood = await expectKindredError(startThread(author.caller, 'Post 4', 'Body 4'), 'RATE_LIMITED');
    expect(details(flood)).toEqual({ retryAfterSeconds: 60 });
  });

  it('refuses personal details in public content until the author confirms, and names what it found', async () => {
    const { author, guest } = await community();
    const body = 'Call me on 07700 900123 or write to jane.doe@example.com, I live at 12 Rosewood Road.';
    const err = await expectKindredError(startThread(author.caller, 'Meet up?', body), 'PERSONAL_DETAILS_FOUND');
    expect((details(err)?.personalDetails as { kind: string }[]).map((d) => d.kind).sort()).toEqual(['address', 'email', 'phone']);
    expect(await threadIds(guest)).toEqual([]);
    const thread = await author.caller.forum.createThread({ title: 'Meet up?', body, idempotencyKey: idem(), confirmPersonalDetails: true });
    expect(thread.moderation).toEqual({ status: 'published', reason: null, crisisResources: null });
    // Stories for the care team only are not checked.
    const consent = await author.caller.stories.consentText();
    const story = await author.caller.stories.create({
      title: 'For my nurses',
      body: 'My record number is MRN 123456789',
      audience: 'care_team',
      signing: 'name',
      consent: { consentTextId: consent.id, uses: [] },
      idempotencyKey: idem(),
    });
    expect(story.moderation.status).toBe('published');
  });

  it('refuses writes from a muted member, and every request from a banned one', async () => {
    const { tenant, author } = await community();
    const owner = await signedInStaff(tenant);
    await owner.caller.staff.members.sanction({ memberId: author.id, kind: 'mute', days: 3, note: 'Cooling off' });
    const muted = await expectKindredError(startThread(author.caller, 'Hello', 'Is anyone here?'), 'MEMBER_MUTED');
    expect(new Date(details(muted)!.until as string).getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    // Reading still works while muted.
    await author.caller.forum.listThreads({});
    await owner.caller.staff.members.sanction({ memberId: author.id, kind: 'ban', days: null, note: 'Abuse' });
    const banned = await tenant.caller({ token: await tenant.token({ sub: 'author', name: 'Author' }) });
    await expectKindredError(banned.forum.listThreads({}), 'MEMBER_BANNED');
    await owner.caller.staff.members.lift({ memberId: author.id });
    await startThread(banned, 'Back', 'Thanks for having me back');
  });
});

describe('phases that hold', () => {
  it('holds crisis language for a person to read, gives the author the crisis resources, and labels nothing publicly', async () => {
    const { tenant, author, reader, guest } = await community();
    const thread = await startThread(author.caller, 'Tired', 'Honestly I just want to die, I am so tired of all of this');
    expect(thread.moderation.status).toBe('pending');
    expect(thread.moderation.reason).toBe('crisis');
    expect(thread.moderation.crisisResources?.map((r) => r.name)).toContain('988 Suicide & Crisis Lifeline');
    expect(await threadIds(guest)).toEqual([]);
    expect(await threadIds(reader.caller)).toEqual([]);
    // The author still sees their own post, marked as waiting.
    const own = (await author.caller.forum.listThreads({})).items[0]!;
    expect(own).toMatchObject({ id: thread.id, status: 'pending', moderationReason: 'crisis' });
    // Staff see it first in the queue, with the resources the author was given.
    const owner = await signedInStaff(tenant);
    await startThread(author.caller, 'Older question', 'When does the clinic open?');
    const queue = await owner.caller.staff.queue.list({});
    expect(queue.items[0]).toMatchObject({ kind: 'thread', priority: 'crisis', reason: 'crisis', title: 'Tired' });
    expect(queue.items[0]!.crisisResourcesGiven?.length).toBeGreaterThan(0);
    expect(await owner.caller.staff.queue.counts()).toMatchObject({ crisis: 1 });
  });

  it('uses the tenant’s own crisis phrases and resources', async () => {
    const resources = [{ name: 'Clinic nurse line', description: 'Call us any time.', phone: '0800 123 456', text: null, url: null }];
    const { author } = await community({ crisisPhrases: ['ready to give up on everything'] }, { crisisResources: resources });
    const thread = await startThread(author.caller, 'Today', 'I am ready to give up on everything.');
    expect(thread.moderation).toEqual({ status: 'pending', reason: 'crisis', crisisResources: resources });
  });

  it('does not hold figures of speech and negations', async () => {
    const { author } = await community();
    for (const body of ['this treatment is killing me slowly, ha', 'I don’t want to die, I want to fight this', 'Signing up for the suicide prevention walk']) {
      expect((await startThread(author.caller, body.slice(0, 20), body)).moderation.status).toBe('published');
    }
  });

  it('holds watched words, links from new members, new members’ first posts and pre-moderated kinds', async () => {
    const watched = await community({ watchedWords: ['supplement'] });
    expect((await startThread(watched.author.caller, 'Vitamins', 'Which SUPPLEMENT helps?')).moderation.reason).toBe('watched_word');

    const links = await community();
    expect((await startThread(links.author.caller, 'Article', 'See https://example.org/study')).moderation.reason).toBe('link_from_new_member');

    const newcomers = await community({ newMemberThreshold: 1 });
    const first = await startThread(newcomers.author.caller, 'Hello', 'My first post here');
    expect(first.moderation.reason).toBe('new_member');
    const owner = await signedInStaff(newcomers.tenant);
    await owner.caller.staff.queue.approve({ kind: 'thread', id: (await owner.caller.staff.queue.list({})).items[0]!.id });
    expect((await startThread(newcomers.author.caller, 'Again', 'My second post here')).moderation.status).toBe('published');

    const premoderated = await community({ premoderation: { ...DEFAULT_MODERATION_POLICY.premoderation, post: true } });
    const open = await startThread(premoderated.author.caller, 'Open', 'Threads are not pre-moderated');
    const reply = await premoderated.author.caller.forum.reply({ threadId: open.id, body: 'but replies are', idempotencyKey: idem() });
    expect(reply.moderation).toEqual({ status: 'pending', reason: 'premoderation', crisisResources: null });
    const seen = await premoderated.reader.caller.forum.getThread({ threadId: open.id });
    expect(seen.posts.items.map((p) => p.id)).not.toContain(reply.id);
    expect(seen.thread.replyCount).toBe(0);
  });

  it('runs every kind of content through the same pipeline', async () => {
    const { tenant, author } = await community({ bannedWords: ['scam'] }, { storyComments: true, reviewAutoPublishMinRating: 1 });
    await tenant.db.insertInto('products').values({ tenant_id: tenant.tenant.id, sku: 'SKU-1', name: 'Soft cap' }).execute();
    const consent = await author.caller.stories.consentText();
    const story = { body: 'x', audience: 'only_me' as const, signing: 'name' as const, consent: { consentTextId: consent.id, uses: [] as [] }, idempotencyKey: idem() };
    await expectKindredError(author.caller.stories.create({ ...story, title: 'A scam story' }), 'CONTENT_REJECTED');
    await expectKindredError(author.caller.reviews.write({ sku: 'SKU-1', rating: 5, title: 'Total scam', body: 'no' }), 'CONTENT_REJECTED');
    await expectKindredError(author.caller.reviews.ask({ sku: 'SKU-1', body: 'Is this a scam?', idempotencyKey: idem() }), 'CONTENT_REJECTED');
    await expectKindredError(author.caller.reviews.ask({ sku: 'SKU-1', body: 'Email me at a@example.com', idempotencyKey: idem() }), 'PERSONAL_DETAILS_FOUND');
    const review = await author.caller.reviews.write({ sku: 'SKU-1', rating: 4, title: 'I want to end my life', body: 'some days' });
    expect(review.moderation.reason).toBe('crisis');
    expect(review).toMatchObject({ status: 'pending', moderationReason: 'crisis' });
  });
});

describe('guest posting', () => {
  it('is refused unless the tenant turns it on; then guests post under a name, always reviewed first, general forum only', async () => {
    const off = await community();
    await expectKindredError(off.guest.forum.createThread({ title: 'Hello there', body: 'A question', idempotencyKey: idem(), guestName: 'Pat' }), 'SIGN_IN_REQUIRED');
    expect((await off.guest.forum.context({})).guestCanPost).toBe(false);

    const { tenant, guest, reader, author } = await community({ guestPosting: true, bannedWords: ['scam'] });
    expect((await guest.forum.context({})).guestCanPost).toBe(true);
    expect((await reader.caller.forum.context({})).guestCanPost).toBe(false);
    await expectKindredError(guest.forum.createThread({ title: 'No name', body: 'x', idempotencyKey: idem() }), 'VALIDATION_FAILED');
    await expectKindredError(guest.forum.createThread({ title: 'Buy', body: 'a scam', idempotencyKey: idem(), guestName: 'Pat' }), 'CONTENT_REJECTED');
    const key = idem();
    const input = { title: 'Visiting hours?', body: 'When can family visit?', idempotencyKey: key, guestName: 'Pat' };
    const thread = await guest.forum.createThread(input);
    expect(thread.moderation).toEqual({ status: 'pending', reason: 'premoderation', crisisResources: null });
    expect(thread.author?.displayName).toBe('Pat (guest)');
    // A retry is the same write, by the same guest.
    expect((await guest.forum.createThread(input)).id).toBe(thread.id);
    expect(await threadIds(reader.caller)).toEqual([]);
    const owner = await signedInStaff(tenant);
    await owner.caller.staff.queue.approve({ kind: 'thread', id: (await owner.caller.staff.queue.list({})).items[0]!.id });
    expect(await threadIds(reader.caller)).toEqual([thread.id]);
    const reply = await guest.forum.reply({ threadId: thread.id, body: 'Also on Sundays?', idempotencyKey: idem(), guestName: 'Sam' });
    expect(reply.moderation.status).toBe('pending');
    // Crisis words from a guest still bring the crisis lines at once.
    const worried = await guest.forum.reply({ threadId: thread.id, body: 'I want to kill myself', idempotencyKey: idem(), guestName: 'Anon' });
    expect(worried.moderation.reason).toBe('crisis');
    // Groups stay for members.
    await tenant.db.insertInto('groups').values({ tenant_id: tenant.tenant.id, slug: 'open-group', name: 'Open group' }).execute();
    await expectKindredError(guest.forum.createThread({ group: 'open-group', title: 'In a group', body: 'x', idempotencyKey: idem(), guestName: 'Pat' }), 'SIGN_IN_REQUIRED');
    // Members are unaffected by the setting.
    expect((await startThread(author.caller, 'Member thread', 'Members post as before')).moderation.status).toBe('published');
  });
});

describe('reports', () => {
  it('hides a post reported by enough distinct members until a moderator decides', async () => {
    const { tenant, author, guest } = await community({ reportThreshold: 2 });
    const thread = await startThread(author.caller, 'Topic', 'Opening words');
    const reply = await author.caller.forum.reply({ threadId: thread.id, body: 'a reply people dislike', idempotencyKey: idem() });
    const r1 = await signedIn(tenant, 'r1');
    const r2 = await signedIn(tenant, 'r2');
    await r1.caller.forum.report({ postId: reply.id, reason: 'spam' });
    await r1.caller.forum.report({ postId: reply.id, reason: 'harassment' });
    expect((await guest.forum.getThread({ threadId: thread.id })).posts.items).toHaveLength(2);
    await r2.caller.forum.report({ postId: reply.id, reason: 'spam', note: 'selling things' });
    const after = await guest.forum.getThread({ threadId: thread.id });
    expect(after.posts.items.map((p) => p.id)).toEqual([after.posts.items[0]!.id]);
    expect(after.thread.replyCount).toBe(0);
    // Its author sees why.
    const own = (await author.caller.forum.getThread({ threadId: thread.id })).posts.items.find((p) => p.id === reply.id);
    expect(own).toMatchObject({ status: 'hidden', moderationReason: 'reported' });

    const owner = await signedInStaff(tenant);
    const hidden = await owner.caller.staff.queue.list({ view: 'hidden' });
    expect(hidden.items[0]).toMatchObject({ kind: 'post', id: reply.id, reason: 'reported' });
    expect(hidden.items[0]!.reports.map((r) => r.reason).sort()).toEqual(['harassment', 'spam']);
    await owner.caller.staff.queue.unhide({ kind: 'post', id: reply.id });
    const restored = await guest.forum.getThread({ threadId: thread.id });
    expect(restored.posts.items).toHaveLength(2);
    expect(restored.thread.replyCount).toBe(1);
  });
});

describe('moderation queue', () => {
  it('approves, rejects with a note the author sees, hides, reopens (undo), and edits keeping the old words', async () => {
    const { tenant, author, reader } = await community({ premoderation: { ...DEFAULT_MODERATION_POLICY.premoderation, thread: true } });
    const owner = await signedInStaff(tenant, 'moderator');
    const a = await startThread(author.caller, 'First', 'First words');
    const b = await startThread(author.caller, 'Second', 'Second words');
    const queue = await owner.caller.staff.queue.list({ kind: 'thread' });
    expect(queue.items.map((i) => i.title)).toEqual(['First', 'Second']);
    const [first, second] = queue.items;
    expect(first!.context.label).toBe('New conversation');

    await owner.caller.staff.queue.approve({ kind: 'thread', id: first!.id });
    expect(await threadIds(reader.caller)).toEqual([a.id]);
    await owner.caller.staff.queue.reopen({ kind: 'thread', id: first!.id });
    expect(await threadIds(reader.caller)).toEqual([]);
    await owner.caller.staff.queue.approve({ kind: 'thread', id: first!.id });

    await expectKindredError(owner.caller.staff.queue.reject({ kind: 'thread', id: second!.id, note: ' ' }), 'VALIDATION_FAILED');
    await owner.caller.staff.queue.reject({ kind: 'thread', id: second!.id, note: 'Please ask the clinic directly.' });
    const own = (await author.caller.forum.listThreads({})).items.find((t) => t.id === b.id);
    expect(own).toMatchObject({ status: 'rejected', moderationReason: 'moderator', moderationNote: 'Please ask the clinic directly.' });

    const edited = await owner.caller.staff.queue.edit({ kind: 'thread', id: first!.id, body: 'First words (phone number removed)', note: 'Removed a phone number' });
    expect(edited.bodySource).toBe('First words (phone number removed)');
    const exported = await author.caller.privacy.export();
    expect(exported.moderatorEdits).toEqual([expect.objectContaining({ previous_body: 'First words', note: 'Removed a phone number' })]);

    await owner.caller.staff.queue.hide({ kind: 'thread', id: first!.id, note: 'Off topic' });
    expect(await threadIds(reader.caller)).toEqual([]);

    const actions = await withTenant(tenant.db, tenant.tenant.id, (tx) =>
      tx.selectFrom('audit_log').select('action').where('actor_kind', '=', 'staff').orderBy('seq').execute(),
    );
    expect(actions.map((x) => x.action)).toEqual(
      expect.arrayContaining(['moderation.approve', 'moderation.reopen', 'moderation.reject', 'moderation.edit', 'moderation.hide', 'moderation.queue_read']),
    );
  });

  it('pages the queue by keyset, crisis first', async () => {
    const { tenant, author } = await community({ premoderation: { ...DEFAULT_MODERATION_POLICY.premoderation, thread: true }, floodPerMinute: 100 });
    for (let i = 0; i < 5; i++) await startThread(author.caller, `Thread ${i}`, `Body number ${i}`);
    await startThread(author.caller, 'Hard day', 'I have been thinking about ending my life');
    const owner = await signedInStaff(tenant);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await owner.caller.staff.queue.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.title!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Hard day', 'Thread 0', 'Thread 1', 'Thread 2', 'Thread 3', 'Thread 4']);
    await expectKindredError(owner.caller.staff.queue.list({ cursor: 'forged' }), 'INVALID_CURSOR');
  });

  it('lets analysts do nothing in the queue or with members', async () => {
    const { tenant, author } = await community();
    const analyst = await signedInStaff(tenant, 'analyst');
    await expectKindredError(analyst.caller.staff.queue.list({}), 'STAFF_ROLE_FORBIDDEN');
    await expectKindredError(analyst.caller.staff.members.search({}), 'STAFF_ROLE_FORBIDDEN');
    await expectKindredError(analyst.caller.staff.members.sanction({ memberId: author.id, kind: 'ban', days: null, note: 'x' }), 'STAFF_ROLE_FORBIDDEN');
  });

  it('never shows or touches another tenant’s items or members', async () => {
    const a = await community({ premoderation: { ...DEFAULT_MODERATION_POLICY.premoderation, thread: true } });
    const b = await community();
    await startThread(a.author.caller, 'Secret of A', 'Only A');
    const ownerA = await signedInStaff(a.tenant);
    const ownerB = await signedInStaff(b.tenant);
    const itemA = (await ownerA.caller.staff.queue.list({})).items[0]!;
    expect((await ownerB.caller.staff.queue.list({})).items).toEqual([]);
    expect(await ownerB.caller.staff.queue.counts()).toEqual({ pending: 0, crisis: 0, reported: 0 });
    // Thunks: each call starts only when awaited (a rejected promise left waiting is an unhandled rejection).
    for (const call of [
      () => ownerB.caller.staff.queue.approve({ kind: 'thread', id: itemA.id }),
      () => ownerB.caller.staff.queue.item({ kind: 'thread', id: itemA.id }),
      () => ownerB.caller.staff.queue.edit({ kind: 'thread', id: itemA.id, body: 'x', note: 'x' }),
      () => ownerB.caller.staff.members.get({ memberId: a.author.id }),
      () => ownerB.caller.staff.members.sanction({ memberId: a.author.id, kind: 'ban', days: null, note: 'x' }),
      () => ownerB.caller.staff.members.verifyClinician({ memberId: a.author.id, verified: true }),
      () => ownerB.caller.staff.members.export({ memberId: a.author.id }),
      () => ownerB.caller.staff.members.erase({ memberId: a.author.id, confirm: true }),
    ]) {
      await expectKindredError(call(), 'NOT_FOUND');
    }
    expect((await ownerB.caller.staff.members.search({ query: 'Author' })).items.map((m) => m.id)).toEqual([b.author.id]);
    expect((await ownerA.caller.staff.queue.item({ kind: 'thread', id: itemA.id })).status).toBe('pending');
  });
});

describe('members', () => {
  it('finds members, shows their history, verifies clinicians, and exports and erases on request', async () => {
    const { tenant, author, reader } = await community();
    const thread = await startThread(author.caller, 'Anonymous question', 'Something private', undefined);
    const owner = await signedInStaff(tenant);
    const found = await owner.caller.staff.members.search({ query: 'auth' });
    expect(found.items.map((m) => m.displayName)).toEqual(['Author']);
    const { member, history } = await owner.caller.staff.members.get({ memberId: author.id });
    expect(member).toMatchObject({ externalId: 'author', contentCount: 1, sanction: null, verifiedClinician: false });
    expect(history.map((h) => h.kind)).toEqual(['thread']);

    await owner.caller.staff.members.verifyClinician({ memberId: author.id, verified: true });
    const post = (await reader.caller.forum.getThread({ threadId: thread.id })).posts.items[0]!;
    expect(post.author?.badges).toEqual(['clinician']);

    const data = await owner.caller.staff.members.export({ memberId: author.id });
    expect(data.forum.threads.map((t) => t.title)).toEqual(['Anonymous question']);
    await expectKindredError(owner.caller.staff.members.erase({ memberId: author.id, confirm: false as never }), 'VALIDATION_FAILED');
    await owner.caller.staff.members.erase({ memberId: author.id, confirm: true });
    expect((await owner.caller.staff.members.get({ memberId: author.id })).member.displayName).not.toBe('Author');
  });
});

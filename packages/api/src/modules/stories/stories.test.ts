import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { addToGroup, createGroup, signedIn } from '../../testing/community.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, idem, type TestTenant } from '../../testing/fixtures.ts';
import { updateTenantSettings } from '../tenants/tenant-settings.ts';
import { decide } from '../moderation/moderation.service.ts';
import { signedInStaff } from '../../testing/staff.ts';

type Caller = Awaited<ReturnType<TestTenant['caller']>>;

async function share(caller: Caller, overrides: Record<string, unknown> = {}) {
  const consent = await caller.stories.consentText();
  return caller.stories.create({
    title: 'My first year after diagnosis',
    body: 'It was hard, and *then* it got easier.',
    audience: 'public',
    signing: 'name',
    tags: { condition: ['Breast cancer'], stage: ['After treatment'], topic: ['Work'] },
    consent: { consentTextId: consent.id, uses: ['site'] },
    idempotencyKey: idem(),
    ...overrides,
  } as never);
}

const approve = (tenant: TestTenant, storyId: string) =>
  withTenant(tenant.db, tenant.tenant.id, (tx) => decide(tx, { kind: 'operator', id: null }, { kind: 'story', id: storyId, action: 'approve' }));

async function storyWorld() {
  const tenant = await createTestTenant('stories');
  const groupId = await createGroup(tenant, 'circle');
  const author = await signedIn(tenant, 'author', 'Author Name');
  const groupMember = await signedIn(tenant, 'member', 'Member');
  const outsider = await signedIn(tenant, 'outsider', 'Outsider');
  await addToGroup(tenant, groupId, author.id);
  await addToGroup(tenant, groupId, groupMember.id);
  return { tenant, author, groupMember, outsider, guest: await tenant.caller() };
}

describe('who reads a story', () => {
  it('follows the audience the author chose, in the gallery and in detail, after approval', async () => {
    const { tenant, author, groupMember, outsider, guest } = await storyWorld();
    const stories = {
      public: await share(author.caller, { audience: 'public', title: 'Public story' }),
      members: await share(author.caller, { audience: 'members', title: 'Members story' }),
      group: await share(author.caller, { audience: 'group', group: 'circle', title: 'Group story' }),
      care_team: await share(author.caller, { audience: 'care_team', title: 'Care team story', consent: { consentTextId: (await author.caller.stories.consentText()).id, uses: [] } }),
      only_me: await share(author.caller, { audience: 'only_me', title: 'Journal entry', consent: { consentTextId: (await author.caller.stories.consentText()).id, uses: [] } }),
    };
    expect(stories.public.own?.status).toBe('pending');
    expect(stories.only_me.own?.status).toBe('published');
    // Pending: only the author sees it, with its status.
    await expectKindredError(guest.stories.get({ storyId: stories.public.id }), 'NOT_FOUND');
    expect((await author.caller.stories.get({ storyId: stories.public.id })).own?.status).toBe('pending');
    for (const s of [stories.public, stories.members, stories.group]) await approve(tenant, s.id);

    const viewers = { guest, outsider: outsider.caller, groupMember: groupMember.caller, author: author.caller };
    const canOpen = async (caller: Caller, id: string) => caller.stories.get({ storyId: id }).then(() => true, () => false);
    const table: Record<string, Record<string, boolean>> = {};
    for (const [name, caller] of Object.entries(viewers)) {
      table[name] = {};
      for (const [audience, story] of Object.entries(stories)) table[name][audience] = await canOpen(caller, story.id);
    }
    expect(table).toEqual({
      guest: { public: true, members: false, group: false, care_team: false, only_me: false },
      outsider: { public: true, members: true, group: false, care_team: false, only_me: false },
      groupMember: { public: true, members: true, group: true, care_team: false, only_me: false },
      author: { public: true, members: true, group: true, care_team: true, only_me: true },
    });
    expect((await guest.stories.list({})).items.map((s) => s.title)).toEqual(['Public story']);
    expect((await outsider.caller.stories.list({})).items.map((s) => s.title)).toEqual(['Members story', 'Public story']);
    expect((await groupMember.caller.stories.list({ group: 'circle' })).items.map((s) => s.title)).toEqual(['Group story']);
    await expectKindredError(outsider.caller.stories.list({ group: 'circle' }), 'GROUP_MEMBERSHIP_REQUIRED');
    await expectKindredError(guest.stories.list({ group: 'circle' }), 'SIGN_IN_REQUIRED');
    // The gallery never holds private journals or care-team stories, even for their author.
    expect((await author.caller.stories.list({})).items.map((s) => s.title)).toEqual(['Members story', 'Public story']);
    expect((await author.caller.stories.mine({})).items).toHaveLength(5);
  });

  it('signs a story with the name, a pseudonym, or nothing, and never leaks who wrote it', async () => {
    const { tenant, author, outsider } = await storyWorld();
    const named = await share(author.caller, { title: 'Named', signing: 'name' });
    const pseudo = await share(author.caller, { title: 'Pseudonymous', signing: 'pseudonym', pseudonym: 'Brave Heart' });
    const anon = await share(author.caller, { title: 'Anonymous', signing: 'anonymous' });
    for (const s of [named, pseudo, anon]) await approve(tenant, s.id);
    const seen = await outsider.caller.stories.list({});
    const byTitle = new Map(seen.items.map((s) => [s.title, s]));
    expect(byTitle.get('Named')!.author).toEqual({ id: author.id, displayName: 'Author Name' });
    expect(byTitle.get('Pseudonymous')!.author).toEqual({ id: null, displayName: 'Brave Heart' });
    expect(byTitle.get('Anonymous')!.author).toBeNull();
    const leaked = JSON.stringify([byTitle.get('Pseudonymous'), byTitle.get('Anonymous')]);
    expect(leaked).not.toContain('Author Name');
    expect(leaked).not.toContain(author.id);
    expect(seen.items.every((s) => s.own === null)).toBe(true);
    await expectKindredError(share(author.caller, { signing: 'pseudonym' }), 'VALIDATION_FAILED');
  });

  it('lets the author change audience and signing later; wider or new words go back to review', async () => {
    const { tenant, author, outsider, guest } = await storyWorld();
    const story = await share(author.caller, { audience: 'members' });
    await approve(tenant, story.id);
    expect((await author.caller.stories.update({ storyId: story.id, signing: 'anonymous' })).own?.status).toBe('published');
    expect((await outsider.caller.stories.get({ storyId: story.id })).author).toBeNull();
    const widened = await author.caller.stories.update({ storyId: story.id, audience: 'public' });
    expect(widened.own?.status).toBe('pending');
    await expectKindredError(guest.stories.get({ storyId: story.id }), 'NOT_FOUND');
    await approve(tenant, story.id);
    expect((await guest.stories.get({ storyId: story.id })).title).toBe(story.title);
    const narrowed = await author.caller.stories.update({ storyId: story.id, audience: 'only_me' });
    expect(narrowed.own?.status).toBe('published');
    await expectKindredError(outsider.caller.stories.get({ storyId: story.id }), 'NOT_FOUND');
    await expectKindredError(outsider.caller.stories.update({ storyId: story.id, title: 'Hijack' }), 'NOT_FOUND');
    await expectKindredError(author.caller.stories.update({ storyId: story.id, audience: 'group' }), 'VALIDATION_FAILED');
  });

  it('publishes at once where the tenant turned pre-moderation off for that audience', async () => {
    const { tenant, author, guest } = await storyWorld();
    await withTenant(tenant.db, tenant.tenant.id, (tx) =>
      updateTenantSettings(tx, { storyPremoderation: { public: false, members: true, group: true, care_team: false, only_me: false } }),
    );
    const story = await share(author.caller, { audience: 'public' });
    expect(story.own?.status).toBe('published');
    expect((await guest.stories.list({})).items.map((s) => s.id)).toEqual([story.id]);
    expect((await share(author.caller, { audience: 'members' })).own?.status).toBe('pending');
  });
});

describe('search, staff and the widget context', () => {
  it('searches only what each viewer may read, and staff read care-team stories (audited) but never private journals', async () => {
    const { tenant, author, groupMember, outsider, guest } = await storyWorld();
    const consent = await author.caller.stories.consentText();
    const made = {
      public: await share(author.caller, { audience: 'public', title: 'Public ponderosa' }),
      members: await share(author.caller, { audience: 'members', title: 'Members ponderosa' }),
      group: await share(author.caller, { audience: 'group', group: 'circle', title: 'Group ponderosa' }),
      care_team: await share(author.caller, { audience: 'care_team', title: 'Care ponderosa', consent: { consentTextId: consent.id, uses: [] } }),
      only_me: await share(author.caller, { audience: 'only_me', title: 'Journal ponderosa', consent: { consentTextId: consent.id, uses: [] } }),
      anonymous: await share(author.caller, { audience: 'public', title: 'Anonymous ponderosa', signing: 'anonymous' }),
    };
    // Approved through the staff console, as an organisation would.
    const moderator = await signedInStaff(tenant, 'moderator');
    for (const s of [made.public, made.members, made.group, made.anonymous]) await moderator.caller.staff.queue.approve({ kind: 'story', id: s.id });
    const titles = async (caller: Caller, group?: string) =>
      (await caller.stories.search({ query: 'ponderosa', ...(group ? { group } : {}) })).items.map((s) => s.title).sort();
    expect(await titles(guest)).toEqual(['Anonymous ponderosa', 'Public ponderosa']);
    expect(await titles(outsider.caller)).toEqual(['Anonymous ponderosa', 'Members ponderosa', 'Public ponderosa']);
    expect(await titles(groupMember.caller)).toEqual(['Anonymous ponderosa', 'Group ponderosa', 'Members ponderosa', 'Public ponderosa']);
    expect(await titles(groupMember.caller, 'circle')).toEqual(['Group ponderosa']);
    const hit = (await guest.stories.search({ query: 'anonymous ponderosa' })).items.find((s) => s.title === 'Anonymous ponderosa')!;
    expect(hit.author).toBeNull();
    expect(JSON.stringify(hit)).not.toContain('Author Name');

    const careTeam = await moderator.caller.staff.stories.list({});
    expect(careTeam.items.map((s) => s.title)).toEqual(['Care ponderosa']);
    expect((await moderator.caller.staff.stories.get({ storyId: made.care_team.id })).bodyHtml).toContain('easier');
    await expectKindredError(moderator.caller.staff.stories.get({ storyId: made.only_me.id }), 'NOT_FOUND');
    await expectKindredError(moderator.caller.staff.stories.get({ storyId: made.public.id }), 'NOT_FOUND');
    const analyst = await signedInStaff(tenant, 'analyst');
    await expectKindredError(analyst.caller.staff.stories.list({}), 'STAFF_ROLE_FORBIDDEN');
    const reads = await withTenant(tenant.db, tenant.tenant.id, (tx) =>
      tx.selectFrom('audit_log').select('action').where('action', '=', 'stories.care_team_read').execute(),
    );
    expect(reads).toHaveLength(2);
    // Staff of another tenant see none of it.
    const other = await createTestTenant('stories-other');
    expect((await (await signedInStaff(other)).caller.staff.stories.list({})).items).toEqual([]);
    await expectKindredError((await signedInStaff(other)).caller.staff.stories.get({ storyId: made.care_team.id }), 'NOT_FOUND');
  });

  it('tells the widget whether comments are on, the viewer’s groups, and what is pre-moderated', async () => {
    const { tenant, author, guest } = await storyWorld();
    expect(await guest.stories.context()).toEqual({
      commentsEnabled: false,
      myGroups: [],
      premoderated: { public: true, members: true, group: true, care_team: false, only_me: false },
    });
    await withTenant(tenant.db, tenant.tenant.id, (tx) => updateTenantSettings(tx, { storyComments: true }));
    expect(await author.caller.stories.context()).toMatchObject({ commentsEnabled: true, myGroups: [{ slug: 'circle', name: expect.any(String) }] });
  });
});

describe('consent', () => {
  it('records which consent text and uses; a revoked use ends at once; the author can agree again', async () => {
    const { tenant, author, guest } = await storyWorld();
    const consent = await author.caller.stories.consentText();
    expect(consent).toMatchObject({ version: 1 });
    expect(consent.uses.map((u) => u.use)).toEqual(['site', 'outreach', 'research']);
    const story = await share(author.caller, { consent: { consentTextId: consent.id, uses: ['site', 'research'] } });
    expect(story.own?.consents.map((c) => [c.use, c.consentTextVersion])).toEqual([['research', 1], ['site', 1]]);
    await approve(tenant, story.id);
    expect((await guest.stories.list({})).items).toHaveLength(1);

    const revoked = await author.caller.stories.revokeConsent({ storyId: story.id, use: 'site' });
    expect(revoked.own?.consents.map((c) => c.use)).toEqual(['research']);
    expect((await guest.stories.list({})).items).toEqual([]);
    await expectKindredError(guest.stories.get({ storyId: story.id }), 'NOT_FOUND');
    const history = await tenant.db.selectFrom('story_consents').select(['use', 'revoked_at']).where('story_id', '=', story.id).orderBy('use').execute();
    expect(history.map((h) => [h.use, h.revoked_at !== null])).toEqual([['research', false], ['site', true]]);

    await expectKindredError(author.caller.stories.grantConsent({ storyId: story.id, use: 'site' }), 'VALIDATION_FAILED');
    await author.caller.stories.grantConsent({ storyId: story.id, use: 'site', consentTextId: consent.id });
    expect((await guest.stories.list({})).items).toHaveLength(1);
  });

  it('refuses to share without showing-on-site consent or with an outdated consent text', async () => {
    const { tenant, author } = await storyWorld();
    const consent = await author.caller.stories.consentText();
    await expectKindredError(share(author.caller, { consent: { consentTextId: consent.id, uses: ['research'] } }), 'VALIDATION_FAILED');
    await withTenant(tenant.db, tenant.tenant.id, (tx) => tx.insertInto('consent_texts').values({ tenant_id: tenant.tenant.id, version: 2, body: 'Version two' }).execute());
    await expectKindredError(share(author.caller, { consent: { consentTextId: consent.id, uses: ['site'] } }), 'VALIDATION_FAILED');
    expect((await author.caller.stories.consentText()).version).toBe(2);
  });
});

describe('thanks, comments, deleting', () => {
  it('counts thanks once per reader, and takes comments only when the tenant turned them on', async () => {
    const { tenant, author, outsider, groupMember } = await storyWorld();
    const story = await share(author.caller, { audience: 'members' });
    await approve(tenant, story.id);
    await outsider.caller.stories.thank({ storyId: story.id, on: true });
    await outsider.caller.stories.thank({ storyId: story.id, on: true });
    expect(await groupMember.caller.stories.thank({ storyId: story.id, on: true })).toEqual({ thanksCount: 2, thankedByMe: true });
    await expectKindredError(outsider.caller.stories.addComment({ storyId: story.id, body: 'So brave', idempotencyKey: idem() }), 'FORBIDDEN_ACTION');
    await withTenant(tenant.db, tenant.tenant.id, (tx) => updateTenantSettings(tx, { storyComments: true }));
    const comment = await outsider.caller.stories.addComment({ storyId: story.id, body: 'So *brave*', idempotencyKey: idem() });
    expect(comment).toMatchObject({ bodyHtml: '<p>So <em>brave</em></p>', status: 'pending', isOwn: true });
    expect((await groupMember.caller.stories.comments({ storyId: story.id })).items).toEqual([]);
    expect((await outsider.caller.stories.comments({ storyId: story.id })).items).toHaveLength(1);
    await expectKindredError((await tenant.caller()).stories.comments({ storyId: story.id }), 'NOT_FOUND');
  });

  it('deletes the author’s story with everything attached', async () => {
    const { tenant, author, outsider } = await storyWorld();
    const story = await share(author.caller);
    await approve(tenant, story.id);
    await outsider.caller.stories.thank({ storyId: story.id, on: true });
    await expectKindredError(outsider.caller.stories.delete({ storyId: story.id }), 'FORBIDDEN_ACTION');
    expect(await author.caller.stories.delete({ storyId: story.id })).toEqual({ ok: true });
    expect(await tenant.db.selectFrom('stories').select('id').where('id', '=', story.id).execute()).toEqual([]);
    expect(await tenant.db.selectFrom('story_consents').select('id').where('story_id', '=', story.id).execute()).toEqual([]);
  });

  it('is idempotent and validates every field', async () => {
    const { author } = await storyWorld();
    const key = idem();
    const a = await share(author.caller, { idempotencyKey: key });
    const b = await share(author.caller, { idempotencyKey: key });
    expect(a.id).toBe(b.id);
    await expectKindredError(share(author.caller, { idempotencyKey: key, title: 'Something else' }), 'IDEMPOTENCY_KEY_REUSED');
    for (const bad of [{ title: 'x' }, { audience: 'everyone' }, { signing: 'fake' }, { body: '' }, { tags: { condition: Array(11).fill('x') } }, { group: 'circle' }]) {
      await expectKindredError(share(author.caller, bad), 'VALIDATION_FAILED');
    }
    await expectKindredError(author.caller.stories.list({ cursor: 'bad' }), 'INVALID_CURSOR');
  });
});

describe('stories tenant isolation', () => {
  it('keeps every story procedure inside its tenant', async () => {
    const a = await storyWorld();
    const b = await createTestTenant('stories-b');
    const inB = await signedIn(b, 'author', 'Same sub in B');
    const story = await share(a.author.caller, { audience: 'public' });
    await approve(a.tenant, story.id);
    const consentB = await inB.caller.stories.consentText();
    expect(consentB.id).not.toBe((await a.author.caller.stories.consentText()).id);
    expect((await inB.caller.stories.list({})).items).toEqual([]);
    expect((await inB.caller.stories.mine({})).items).toEqual([]);
    expect((await inB.caller.stories.search({ query: story.title })).items).toEqual([]);
    expect((await a.guest.stories.search({ query: story.title })).items.map((s) => s.id)).toEqual([story.id]);
    expect((await inB.caller.stories.context()).myGroups).toEqual([]);
    await expectKindredError(inB.caller.stories.get({ storyId: story.id }), 'NOT_FOUND');
    await expectKindredError(inB.caller.stories.update({ storyId: story.id, title: 'Taken over' }), 'NOT_FOUND');
    await expectKindredError(inB.caller.stories.revokeConsent({ storyId: story.id, use: 'site' }), 'NOT_FOUND');
    await expectKindredError(inB.caller.stories.grantConsent({ storyId: story.id, use: 'outreach', consentTextId: consentB.id }), 'NOT_FOUND');
    await expectKindredError(inB.caller.stories.delete({ storyId: story.id }), 'NOT_FOUND');
    await expectKindredError(inB.caller.stories.thank({ storyId: story.id, on: true }), 'NOT_FOUND');
    await expectKindredError(inB.caller.stories.comments({ storyId: story.id }), 'NOT_FOUND');
    await expectKindredError(inB.caller.stories.addComment({ storyId: story.id, body: 'x', idempotencyKey: idem() }), 'FORBIDDEN_ACTION');
    await expectKindredError(
      inB.caller.stories.create({ title: 'Using A’s consent', body: 'x', audience: 'public', signing: 'name', consent: { consentTextId: (await a.author.caller.stories.consentText()).id, uses: ['site'] }, idempotencyKey: idem() }),
      'VALIDATION_FAILED',
    );
    expect((await a.guest.stories.get({ storyId: story.id })).thanksCount).toBe(0);
  });
});

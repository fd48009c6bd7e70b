import { describe, expect, it } from 'vitest';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant } from '../../testing/fixtures.ts';
import { addToGroup, createGroup, signedIn } from '../../testing/community.ts';

describe('the group directory', () => {
  it('lists groups alphabetically with keyset pages, filters by condition and words, and hides invite-only groups from outsiders', async () => {
    const tenant = await createTestTenant('dir');
    await createGroup(tenant, 'lupus', { name: 'Lupus warriors', conditionTags: ['Lupus'] });
    await createGroup(tenant, 'ms', { name: 'Living with MS', conditionTags: ['Multiple sclerosis'], joinPolicy: 'request', visibility: 'members' });
    await createGroup(tenant, 'caregivers', { name: 'Carers circle', conditionTags: ['Caregivers'], joinPolicy: 'invite', visibility: 'group' });
    await createGroup(tenant, 'asthma', { name: 'Asthma and COPD', conditionTags: ['Asthma', 'COPD'] });
    const guest = await tenant.caller();

    const first = await guest.groups.list({ limit: 2 });
    const second = await guest.groups.list({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((g) => g.name)).toEqual(['Asthma and COPD', 'Living with MS', 'Lupus warriors']);
    expect(second.nextCursor).toBeNull();
    expect((await guest.groups.list({ condition: 'COPD' })).items.map((g) => g.slug)).toEqual(['asthma']);
    expect((await guest.groups.list({ query: 'sclerosis' })).items.map((g) => g.slug)).toEqual(['ms']);
    expect((await guest.groups.list({ query: '100%_' })).items).toEqual([]);
    expect(await guest.groups.conditions()).toEqual(['Asthma', 'COPD', 'Lupus', 'Multiple sclerosis']);
    await expectKindredError(guest.groups.get({ slug: 'caregivers' }), 'NOT_FOUND');

    const carer = await signedIn(tenant, 'carer');
    const groupId = (await tenant.db.selectFrom('groups').select('id').where('slug', '=', 'caregivers').executeTakeFirstOrThrow()).id;
    await addToGroup(tenant, groupId, carer.id);
    expect((await carer.caller.groups.list({})).items.map((g) => g.slug)).toContain('caregivers');
    expect(await carer.caller.groups.conditions()).toContain('Caregivers');
  });

  it('describes membership, counts and what the viewer may do', async () => {
    const tenant = await createTestTenant('dir-state');
    await createGroup(tenant, 'open-public');
    await createGroup(tenant, 'members-only', { visibility: 'members' });
    const guest = await tenant.caller();
    expect(await guest.groups.get({ slug: 'open-public' })).toMatchObject({ membership: null, canRead: true, canPost: false, memberCount: 0 });
    expect(await guest.groups.get({ slug: 'members-only' })).toMatchObject({ canRead: false, canPost: false });
    const ana = await signedIn(tenant, 'ana');
    expect(await ana.caller.groups.get({ slug: 'members-only' })).toMatchObject({ canRead: true, canPost: false });
    expect(await ana.caller.groups.join({ slug: 'open-public' })).toMatchObject({
      membership: { status: 'active', role: 'member' },
      canPost: true,
      memberCount: 1,
    });
    expect((await guest.groups.get({ slug: 'open-public' })).memberCount).toBe(1);
  });
});

describe('joining and leaving', () => {
  it('joins an open group at once, and leaves it at any time', async () => {
    const tenant = await createTestTenant('join-open');
    await createGroup(tenant, 'open');
    const ana = await signedIn(tenant, 'ana');
    expect((await ana.caller.groups.join({ slug: 'open' })).membership?.status).toBe('active');
    expect((await ana.caller.groups.join({ slug: 'open' })).memberCount).toBe(1);
    expect(await ana.caller.groups.leave({ slug: 'open' })).toMatchObject({ membership: null, memberCount: 0 });
  });

  it('asks to join a request group; a group moderator approves or declines; others cannot', async () => {
    const tenant = await createTestTenant('join-request');
    const groupId = await createGroup(tenant, 'req', { joinPolicy: 'request', visibility: 'group' });
    const mod = await signedIn(tenant, 'mod', 'Moderator');
    await addToGroup(tenant, groupId, mod.id, 'moderator');
    const ana = await signedIn(tenant, 'ana', 'Ana');
    const ben = await signedIn(tenant, 'ben', 'Ben');

    expect(await ana.caller.groups.join({ slug: 'req' })).toMatchObject({ membership: { status: 'requested' }, canRead: false, canPost: false });
    await ben.caller.groups.join({ slug: 'req' });
    await expectKindredError(ana.caller.groups.requests({ slug: 'req' }), 'FORBIDDEN_ACTION');
    await expectKindredError(ana.caller.groups.decideRequest({ slug: 'req', memberId: ben.id, approve: true }), 'FORBIDDEN_ACTION');

    const requests = await mod.caller.groups.requests({ slug: 'req' });
    expect(requests.items.map((r) => r.member.displayName)).toEqual(['Ana', 'Ben']);
    await mod.caller.groups.decideRequest({ slug: 'req', memberId: ana.id, approve: true });
    await mod.caller.groups.decideRequest({ slug: 'req', memberId: ben.id, approve: false });
    await expectKindredError(mod.caller.groups.decideRequest({ slug: 'req', memberId: ben.id, approve: true }), 'NOT_FOUND');
    expect(await ana.caller.groups.get({ slug: 'req' })).toMatchObject({ membership: { status: 'active' }, canRead: true, canPost: true, memberCount: 2 });
    expect((await ben.caller.groups.get({ slug: 'req' })).membership).toBeNull();
    // Withdrawing a request is leaving.
    await ben.caller.groups.join({ slug: 'req' });
    expect((await ben.caller.groups.leave({ slug: 'req' })).membership).toBeNull();
  });

  it('keeps invite-only groups closed to strangers: only an invitation lets someone in', async () => {
    const tenant = await createTestTenant('join-invite');
    const groupId = await createGroup(tenant, 'secret', { joinPolicy: 'invite', visibility: 'group' });
    const mod = await signedIn(tenant, 'mod');
    await addToGroup(tenant, groupId, mod.id, 'moderator');
    const ana = await signedIn(tenant, 'ana');
    await expectKindredError(ana.caller.groups.join({ slug: 'secret' }), 'NOT_FOUND');
    await expectKindredError(ana.caller.groups.invite({ slug: 'secret', memberId: mod.id }), 'NOT_FOUND');
    await mod.caller.groups.invite({ slug: 'secret', memberId: ana.id });
    expect((await ana.caller.groups.get({ slug: 'secret' })).membership?.status).toBe('invited');
    expect((await ana.caller.groups.join({ slug: 'secret' })).membership?.status).toBe('active');
    await ana.caller.groups.leave({ slug: 'secret' });
    await expectKindredError(ana.caller.groups.get({ slug: 'secret' }), 'NOT_FOUND');
  });

  it('refuses guests and bad input clearly', async () => {
    const tenant = await createTestTenant('join-bad');
    await createGroup(tenant, 'open');
    const guest = await tenant.caller();
    await expectKindredError(guest.groups.join({ slug: 'open' }), 'SIGN_IN_REQUIRED');
    const ana = await signedIn(tenant, 'ana');
    await expectKindredError(ana.caller.groups.join({ slug: 'NOT A SLUG' }), 'VALIDATION_FAILED');
    await expectKindredError(ana.caller.groups.list({ query: 'x'.repeat(101) }), 'VALIDATION_FAILED');
    await expectKindredError(ana.caller.groups.list({ cursor: 'nonsense' }), 'INVALID_CURSOR');
    await expectKindredError(ana.caller.groups.decideRequest({ slug: 'open', memberId: 'nope', approve: true }), 'VALIDATION_FAILED');
  });
});

describe('groups tenant isolation', () => {
  it('never shows or changes another tenant’s groups, even with the same slug', async () => {
    const a = await createTestTenant('giso-a');
    const b = await createTestTenant('giso-b');
    const groupInA = await createGroup(a, 'same', { conditionTags: ['Only in A'] });
    await createGroup(b, 'other');
    const modA = await signedIn(a, 'mod');
    await addToGroup(a, groupInA, modA.id, 'moderator');
    const inB = await signedIn(b, 'mod');

    expect((await inB.caller.groups.list({})).items.map((g) => g.slug)).toEqual(['other']);
    expect(await inB.caller.groups.conditions()).toEqual([]);
    await expectKindredError(inB.caller.groups.get({ slug: 'same' }), 'NOT_FOUND');
    await expectKindredError(inB.caller.groups.join({ slug: 'same' }), 'NOT_FOUND');
    await expectKindredError(inB.caller.groups.leave({ slug: 'same' }), 'NOT_FOUND');
    await expectKindredError(inB.caller.groups.requests({ slug: 'same' }), 'NOT_FOUND');
    await expectKindredError(inB.caller.groups.decideRequest({ slug: 'same', memberId: modA.id, approve: true }), 'NOT_FOUND');
    await expectKindredError(inB.caller.groups.invite({ slug: 'same', memberId: modA.id }), 'NOT_FOUND');
    // A moderator in A cannot pull a member of B into A's group.
    await expectKindredError(modA.caller.groups.invite({ slug: 'same', memberId: inB.id }), 'NOT_FOUND');
    expect((await (await a.caller()).groups.get({ slug: 'same' })).memberCount).toBe(1);
  });
});

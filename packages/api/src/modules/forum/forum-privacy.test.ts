/**
 * Who sees what. For each kind of group forum, a guest, a member of the site outside the
 * group, a group member and the author each see exactly what they should, in lists, threads
 * and search. (Live events: realtime.test.ts.) And nothing crosses tenants.
 */
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, signedIn, startThread } from '../../testing/community.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, idem } from '../../testing/fixtures.ts';

async function community(visibility: 'public' | 'members' | 'group') {
  const tenant = await createTestTenant(`priv-${visibility}`);
  const groupId = await createGroup(tenant, 'circle', { visibility, joinPolicy: visibility === 'group' ? 'request' : 'open' });
  const author = await signedIn(tenant, 'author', 'Author');
  const groupMember = await signedIn(tenant, 'member', 'Group member');
  const outsider = await signedIn(tenant, 'outsider', 'Outsider');
  await addToGroup(tenant, groupId, author.id);
  await addToGroup(tenant, groupId, groupMember.id);
  const thread = await startThread(author.caller, 'Circle thread about fatigue', 'fatigue words inside', 'circle');
  return { tenant, thread, viewers: { guest: await tenant.caller(), outsider: outsider.caller, groupMember: groupMember.caller, author: author.caller }, outsider };
}

type Viewers = Awaited<ReturnType<typeof community>>['viewers'];

async function sees(viewers: Viewers, threadId: string) {
  const result: Record<string, { list: boolean | string; thread: boolean; search: boolean }> = {};
  for (const [name, caller] of Object.entries(viewers)) {
    const list = await caller.forum.listThreads({ group: 'circle' }).then(
      (page) => page.items.some((t) => t.id === threadId),
      (err: { data?: unknown; cause?: unknown } & Error) => (err as unknown as { kindredCode: string }).kindredCode,
    );
    const thread = await caller.forum.getThread({ threadId }).then(
      () => true,
      () => false,
    );
    const search = (await caller.forum.search({ query: 'fatigue' })).items.some((h) => h.thread.id === threadId);
    result[name] = { list, thread, search };
  }
  return result;
}

describe('group forum visibility', () => {
  it('public group: everyone reads', async () => {
    const { viewers, thread } = await community('public');
    const all = { list: true, thread: true, search: true };
    expect(await sees(viewers, thread.id)).toEqual({ guest: all, outsider: all, groupMember: all, author: all });
  });

  it('members-only group: signed-in members of the site read, guests do not', async () => {
    const { viewers, thread } = await community('members');
    const all = { list: true, thread: true, search: true };
    expect(await sees(viewers, thread.id)).toEqual({
      guest: { list: 'SIGN_IN_REQUIRED', thread: false, search: false },
      outsider: all,
      groupMember: all,
      author: all,
    });
  });

  it('group-only group: only its members read; outsiders cannot tell it has threads', async () => {
    const { viewers, thread } = await community('group');
    const all = { list: true, thread: true, search: true };
    expect(await sees(viewers, thread.id)).toEqual({
      guest: { list: 'SIGN_IN_REQUIRED', thread: false, search: false },
      outsider: { list: 'GROUP_MEMBERSHIP_REQUIRED', thread: false, search: false },
      groupMember: all,
      author: all,
    });
    await expectKindredError(viewers.outsider.forum.getThread({ threadId: thread.id }), 'NOT_FOUND');
  });

  it('only group members write, react or report inside the group', async () => {
    const { viewers, thread } = await community('members');
    const postId = (await viewers.outsider.forum.getThread({ threadId: thread.id })).posts.items[0]!.id;
    await expectKindredError(viewers.outsider.forum.reply({ threadId: thread.id, body: 'x', idempotencyKey: idem() }), 'GROUP_MEMBERSHIP_REQUIRED');
    await expectKindredError(viewers.outsider.forum.createThread({ group: 'circle', title: 'Let me in', body: 'x', idempotencyKey: idem() }), 'GROUP_MEMBERSHIP_REQUIRED');
    await expectKindredError(viewers.outsider.forum.react({ postId, kind: 'support', on: true }), 'GROUP_MEMBERSHIP_REQUIRED');
    // Reporting is open to anyone who can read: a safety valve, not participation.
    expect(await viewers.outsider.forum.report({ postId, reason: 'at_risk' })).toEqual({ ok: true });
    expect((await viewers.groupMember.forum.reply({ threadId: thread.id, body: 'welcome', idempotencyKey: idem() })).isOwn).toBe(true);
    expect((await viewers.outsider.forum.getThread({ threadId: thread.id })).canReply).toBe(false);
    expect((await viewers.groupMember.forum.getThread({ threadId: thread.id })).canReply).toBe(true);
  });

  it('lets authors delete their own posts after leaving the group', async () => {
    const { tenant, thread, viewers } = await community('group');
    const reply = await viewers.groupMember.forum.reply({ threadId: thread.id, body: 'mine', idempotencyKey: idem() });
    await viewers.groupMember.groups.leave({ slug: 'circle' });
    await expectKindredError(viewers.groupMember.forum.getThread({ threadId: thread.id }), 'NOT_FOUND');
    expect((await viewers.groupMember.forum.deletePost({ postId: reply.id })).deletedAt).not.toBeNull();
    const stored = await tenant.db.selectFrom('posts').select('body').where('id', '=', reply.id).executeTakeFirstOrThrow();
    expect(stored.body).toBe('');
  });
});

describe('forum tenant isolation for every procedure', () => {
  it('keeps tenant B out of tenant A’s posts, cards, search and context', async () => {
    const a = await createTestTenant('fiso-a');
    const b = await createTestTenant('fiso-b');
    const inA = await signedIn(a, 'same-sub', 'Member of A');
    const inB = await signedIn(b, 'same-sub', 'Member of B');
    const thread = await startThread(inA.caller, 'Tenant A only: unique-word-xyzzy');
    const postId = (await inA.caller.forum.getThread({ threadId: thread.id })).posts.items[0]!.id;

    expect((await inB.caller.forum.search({ query: 'unique-word-xyzzy' })).items).toEqual([]);
    expect((await inB.caller.forum.context({})).tenantName).toBe('Test fiso-b');
    await expectKindredError(inB.caller.forum.editPost({ postId, body: 'x' }), 'NOT_FOUND');
    await expectKindredError(inB.caller.forum.deletePost({ postId }), 'NOT_FOUND');
    await expectKindredError(inB.caller.forum.react({ postId, kind: 'support', on: true }), 'NOT_FOUND');
    await expectKindredError(inB.caller.forum.markHelpful({ postId, helpful: true }), 'NOT_FOUND');
    await expectKindredError(inB.caller.forum.report({ postId, reason: 'spam' }), 'NOT_FOUND');
    await expectKindredError(inB.caller.forum.memberCard({ memberId: inA.id }), 'NOT_FOUND');
    await expectKindredError(inB.caller.forum.getThread({ threadId: thread.id }), 'NOT_FOUND');
    const untouched = (await inA.caller.forum.getThread({ threadId: thread.id })).posts.items[0]!;
    expect(untouched).toMatchObject({ bodySource: 'Opening post', reactions: { support: 0 } });
    expect(await a.db.selectFrom('reports').select('id').where('post_id', '=', postId).execute()).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type TenantTx } from '../../db/tenant-transaction.ts';
import type { ModerationStatus } from '../../db/schema.ts';
import { testDatabase } from '../../testing/database.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, type TestTenant } from '../../testing/fixtures.ts';
import { consoleCaller, signedInStaff } from '../../testing/staff.ts';

/** Seeds rows straight into the tables with chosen times (UTC), as weeks of real use would leave them. */
function seeder(tx: TenantTx) {
  const tenant_id = tx.tenantId;
  return {
    async member(name: string, createdAt: string) {
      const row = await tx
        .insertInto('members')
        .values({ tenant_id, external_id: `ext-${name}`, display_name: name, created_at: createdAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async group(slug: string, name = slug) {
      const row = await tx.insertInto('groups').values({ tenant_id, slug, name }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async thread(author: string, createdAt: string, options: { group?: string; status?: ModerationStatus; moderatedAt?: string } = {}) {
      const status = options.status ?? 'published';
      const thread = await tx
        .insertInto('threads')
        .values({ tenant_id, author_id: author, group_id: options.group ?? null, title: 'A thread title', status, created_at: createdAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      const post = await tx
        .insertInto('posts')
        .values({
          tenant_id,
          thread_id: thread.id,
          author_id: author,
          is_opening: true,
          body: 'Words that never reach analytics',
          status,
          created_at: createdAt,
          moderated_at: options.moderatedAt ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { threadId: thread.id, postId: post.id };
    },
    async reply(threadId: string, author: string, createdAt: string, options: { status?: ModerationStatus; moderatedAt?: string } = {}) {
      const row = await tx
        .insertInto('posts')
        .values({
          tenant_id,
          thread_id: threadId,
          author_id: author,
          body: 'A reply',
          status: options.status ?? 'published',
          created_at: createdAt,
          moderated_at: options.moderatedAt ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async report(postId: string, reporter: string, createdAt: string) {
      await tx.insertInto('reports').values({ tenant_id, post_id: postId, reporter_id: reporter, reason: 'spam', created_at: createdAt }).execute();
    },
    async story(author: string, createdAt: string, options: { status?: ModerationStatus; moderatedAt?: string } = {}) {
      await tx
        .insertInto('stories')
        .values({
          tenant_id,
          author_id: author,
          title: 'My story',
          body: 'A story',
          body_html: '<p>A story</p>',
          audience: 'public',
          signing: 'name',
          status: options.status ?? 'pending',
          published_at: options.status === 'published' ? (options.moderatedAt ?? createdAt) : null,
          created_at: createdAt,
          moderated_at: options.moderatedAt ?? null,
        })
        .execute();
    },
    async review(author: string, createdAt: string, options: { status?: ModerationStatus; moderatedAt?: string } = {}) {
      const product = await tx
        .insertInto('products')
        .values({ tenant_id, sku: `SKU-${Math.random().toString(36).slice(2, 10)}`, name: 'A product' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('reviews')
        .values({
          tenant_id,
          product_id: product.id,
          author_id: author,
          rating: 4,
          title: 'Good one',
          body: 'A review',
          body_html: '<p>A review</p>',
          signing: 'name',
          status: options.status ?? 'pending',
          published_at: options.status === 'published' ? (options.moderatedAt ?? createdAt) : null,
          created_at: createdAt,
          moderated_at: options.moderatedAt ?? null,
        })
        .execute();
    },
  };
}

function seed<T>(tenant: TestTenant, work: (s: ReturnType<typeof seeder>) => Promise<T>): Promise<T> {
  return withTenant(tenant.db, tenant.tenant.id, (tx) => work(seeder(tx)));
}

/** Five days of a small community, with a quiet day in the middle and one at the end. */
async function seedCommunity(tenant: TestTenant) {
  await seed(tenant, async (s) => {
    const m1 = await s.member('m1', '2026-03-01T10:00:00Z');
    const m2 = await s.member('m2', '2026-03-01T23:59:59.999Z');
    const m3 = await s.member('m3', '2026-03-03T00:00:00Z');
    await s.member('before', '2026-02-28T23:59:59.999Z');
    await s.member('after', '2026-03-06T00:00:00Z');
    const asthma = await s.group('asthma', 'Asthma');
    const diabetes = await s.group('diabetes', 'Diabetes');

    // 1 March: one thread in Asthma (never answered); a story by m2.
    const t1 = await s.thread(m1, '2026-03-01T10:05:00Z', { group: asthma });
    await s.story(m2, '2026-03-01T12:00:00Z', { status: 'published', moderatedAt: '2026-03-02T12:10:00Z' });
    // 2 March: no posts counted (a hidden one does not count), two reports, three decisions.
    await s.thread(m1, '2026-03-02T00:00:00Z', { status: 'hidden', moderatedAt: '2026-03-02T00:30:00Z' });
    await s.report(t1.postId, m2, '2026-03-02T08:00:00Z');
    await s.report(t1.postId, m3, '2026-03-02T09:00:00Z');
    await s.reply(t1.threadId, m3, '2026-03-01T23:00:00Z', { status: 'rejected', moderatedAt: '2026-03-02T00:10:00Z' });
    // 3 March: a pending thread in Diabetes, a published thread later answered, a review decided in 5 minutes.
    await s.thread(m1, '2026-03-03T08:00:00Z', { group: diabetes, status: 'pending' });
    const t3 = await s.thread(m2, '2026-03-03T09:00:00Z');
    await s.review(m1, '2026-03-03T10:00:00Z', { status: 'published', moderatedAt: '2026-03-03T10:05:00Z' });
    // 4 March: t3 answered; a new Asthma thread whose only reply was rejected (so unanswered).
    await s.reply(t3.threadId, m2, '2026-03-04T11:00:00Z');
    const t4 = await s.thread(m1, '2026-03-04T12:00:00Z', { group: asthma });
    await s.reply(t4.threadId, m3, '2026-03-04T13:00:00Z', { status: 'rejected' });
    // Outside the range.
    await s.thread(m1, '2026-02-28T23:59:59Z', { group: diabetes });
    await s.thread(m1, '2026-03-06T00:00:00Z', { group: diabetes });
  });
}

const zero = { posts: 0, newMembers: 0, activeMembers: 0, reports: 0, medianResponseMinutes: null };

// Boot and migrate the test database in a hook (generous timeout) rather than inside the first test.
beforeAll(() => testDatabase(), 120_000);

describe('staff.analytics.summary', () => {
  it('counts each day of the range, zero days included, from the seeded data', async () => {
    const tenant = await createTestTenant('analytics');
    await seedCommunity(tenant);
    const analyst = await signedInStaff(tenant, 'analyst');
    const summary = await analyst.caller.staff.analytics.summary({ from: '2026-03-01', to: '2026-03-05' });
    expect(summary.days).toEqual([
      // m1's thread; m1 and m2 joined; m1 (thread) and m2 (story) and m3 (a rejected reply, still activity) wrote.
      { date: '2026-03-01', posts: 1, newMembers: 2, activeMembers: 3, reports: 0, medianResponseMinutes: null },
      // Decisions that day after 30, 70 (written the day before) and 1450 minutes.
      { date: '2026-03-02', posts: 0, newMembers: 0, activeMembers: 1, reports: 2, medianResponseMinutes: 70 },
      { date: '2026-03-03', posts: 2, newMembers: 1, activeMembers: 2, reports: 0, medianResponseMinutes: 5 },
      { date: '2026-03-04', posts: 2, newMembers: 0, activeMembers: 3, reports: 0, medianResponseMinutes: null },
      { date: '2026-03-05', ...zero },
    ]);
    expect(summary.topGroups).toEqual([
      { slug: 'asthma', name: 'Asthma', posts: 2 },
      { slug: 'diabetes', name: 'Diabetes', posts: 1 },
    ]);
    // t1 and t4 (its only reply was rejected); t3 is answered, t2 pending, the hidden one is not published.
    expect(summary.unansweredThreads).toBe(2);
    expect(JSON.stringify(summary)).not.toMatch(/Words that never|A reply|m1|m2|m3|ext-/);
  });

  it('takes a single day, and a range with nothing in it', async () => {
    const tenant = await createTestTenant('analytics');
    await seedCommunity(tenant);
    const owner = await signedInStaff(tenant);
    const day = await owner.caller.staff.analytics.summary({ from: '2026-03-03', to: '2026-03-03' });
    expect(day.days).toEqual([{ date: '2026-03-03', posts: 2, newMembers: 1, activeMembers: 2, reports: 0, medianResponseMinutes: 5 }]);
    expect(day.topGroups).toEqual([{ slug: 'diabetes', name: 'Diabetes', posts: 1 }]);
    expect(day.unansweredThreads).toBe(0);
    const empty = await owner.caller.staff.analytics.summary({ from: '2025-12-30', to: '2026-01-02' });
    expect(empty).toEqual({
      days: ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'].map((date) => ({ date, ...zero })),
      topGroups: [],
      unansweredThreads: 0,
    });
  });

  it('lists the five busiest groups, busiest first', async () => {
    const tenant = await createTestTenant('analytics');
    await seed(tenant, async (s) => {
      const m = await s.member('m', '2026-01-01T00:00:00Z');
      for (let g = 1; g <= 7; g++) {
        const group = await s.group(`group-${g}`, `Group ${g}`);
        const { threadId } = await s.thread(m, '2026-04-10T10:00:00Z', { group });
        for (let r = 1; r < g; r++) await s.reply(threadId, m, '2026-04-10T11:00:00Z');
      }
    });
    const owner = await signedInStaff(tenant);
    const summary = await owner.caller.staff.analytics.summary({ from: '2026-04-10', to: '2026-04-10' });
    expect(summary.topGroups).toEqual([7, 6, 5, 4, 3].map((g) => ({ slug: `group-${g}`, name: `Group ${g}`, posts: g })));
    expect(summary.days[0]!.posts).toBe(28);
    expect(summary.unansweredThreads).toBe(1);
  });

  it('covers up to 366 days, every one of them', async () => {
    const tenant = await createTestTenant('analytics');
    const moderator = await signedInStaff(tenant, 'moderator');
    const year = await moderator.caller.staff.analytics.summary({ from: '2023-03-01', to: '2024-02-29' });
    expect(year.days).toHaveLength(366);
    expect(year.days[0]!.date).toBe('2023-03-01');
    expect(year.days.at(-1)!.date).toBe('2024-02-29');
  });

  it('refuses bad ranges with VALIDATION_FAILED', async () => {
    const tenant = await createTestTenant('analytics');
    const owner = await signedInStaff(tenant);
    const bad: { from: string; to: string }[] = [
      { from: '2026-03-05', to: '2026-03-01' },
      { from: '2023-03-01', to: '2024-03-01' },
      { from: '2026-3-1', to: '2026-03-05' },
      { from: '2026-13-01', to: '2026-13-02' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: "2026-03-01'; drop table posts; --", to: '2026-03-02' },
      { from: '', to: '2026-03-02' },
    ];
    for (const range of bad) await expectKindredError(owner.caller.staff.analytics.summary(range), 'VALIDATION_FAILED');
    await expectKindredError(owner.caller.staff.analytics.summary({ from: '2026-03-01' } as never), 'VALIDATION_FAILED');
  });

  it('is for every staff role, and only with a session', async () => {
    const tenant = await createTestTenant('analytics');
    for (const role of ['owner', 'moderator', 'analyst'] as const) {
      const staff = await signedInStaff(tenant, role);
      expect((await staff.caller.staff.analytics.summary({ from: '2026-01-01', to: '2026-01-01' })).days).toHaveLength(1);
    }
    const guest = await consoleCaller(tenant);
    await expectKindredError(guest.caller.staff.analytics.summary({ from: '2026-01-01', to: '2026-01-01' }), 'STAFF_SIGN_IN_REQUIRED');
  });

  it('counts only the staff member’s own tenant', async () => {
    const a = await createTestTenant('analytics-a');
    const b = await createTestTenant('analytics-b');
    await seedCommunity(a);
    await seed(b, async (s) => {
      const m = await s.member('b-member', '2026-03-02T10:00:00Z');
      const group = await s.group('b-group', 'B group');
      await s.thread(m, '2026-03-02T11:00:00Z', { group });
    });
    const ownerA = await signedInStaff(a);
    const ownerB = await signedInStaff(b);
    const range = { from: '2026-03-01', to: '2026-03-05' };
    const seenByB = await ownerB.caller.staff.analytics.summary(range);
    expect(seenByB.days).toEqual([
      { date: '2026-03-01', ...zero },
      { date: '2026-03-02', posts: 1, newMembers: 1, activeMembers: 1, reports: 0, medianResponseMinutes: null },
      ...['2026-03-03', '2026-03-04', '2026-03-05'].map((date) => ({ date, ...zero })),
    ]);
    expect(seenByB.topGroups).toEqual([{ slug: 'b-group', name: 'B group', posts: 1 }]);
    expect(seenByB.unansweredThreads).toBe(1);
    const seenByA = await ownerA.caller.staff.analytics.summary(range);
    expect(seenByA.days[1]).toEqual({ date: '2026-03-02', posts: 0, newMembers: 0, activeMembers: 1, reports: 2, medianResponseMinutes: 70 });
    expect(seenByA.topGroups.map((g) => g.slug)).toEqual(['asthma', 'diabetes']);
  });
});

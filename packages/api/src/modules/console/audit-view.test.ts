import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { testDatabase } from '../../testing/database.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, type TestTenant } from '../../testing/fixtures.ts';
import { consoleCaller, signedInStaff, STAFF_PASSWORD } from '../../testing/staff.ts';
import { appendAudit } from '../audit/audit.repo.ts';

const countEntries = (tenant: TestTenant) =>
  withTenant(tenant.db, tenant.tenant.id, async (tx) => Number((await tx.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n));

/** A tenant whose log holds every kind of actor: operator (creation), staff, a member, the system. */
async function busyTenant(label = 'audit-view') {
  const tenant = await createTestTenant(label);
  const owner = await signedInStaff(tenant);
  await (await tenant.caller({ token: await tenant.token({ sub: 'member-1', name: 'Member One' }) })).identity.me();
  const { caller } = await consoleCaller(tenant);
  await expectKindredError(caller.staff.auth.signIn({ organisation: tenant.tenant.slug, email: owner.email, password: 'wrong password!' }), 'STAFF_CREDENTIALS_INVALID');
  await owner.caller.staff.settings.addOrigin({ origin: 'https://second.example' });
  return { tenant, owner };
}

// Boot and migrate the test database in a hook (generous timeout) rather than inside the first test.
beforeAll(() => testDatabase(), 120_000);

describe('staff.audit.list', () => {
  it('lists entries newest first with who did them, and reading is not itself audited', async () => {
    const { tenant, owner } = await busyTenant();
    const before = await countEntries(tenant);
    const page = await owner.caller.staff.audit.list();
    expect(await countEntries(tenant)).toBe(before);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((e) => [e.action, e.actorKind, e.actorLabel])).toEqual([
      ['origin.added', 'staff', 'Test owner'],
      ['staff.sign_in_failed', 'system', 'System'],
      ['member.joined', 'member', 'Member'],
      ['staff.signed_in', 'staff', 'Test owner'],
      ['tenant.created', 'operator', 'Operator (CLI)'],
    ]);
    const added = page.items[0]!;
    expect(added).toMatchObject({ subject: 'https://second.example', ip: '203.0.113.9', details: {} });
    expect(Date.parse(added.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(page.items[4]!.details).toMatchObject({ slug: tenant.tenant.slug });
    expect(new Set(page.items.map((e) => e.id)).size).toBe(5);
    // Nothing secret is ever in the log.
    expect(JSON.stringify(page)).not.toContain(STAFF_PASSWORD);
    expect(JSON.stringify(page)).not.toContain(tenant.sso.secret);
  });

  it('filters by actor, action and UTC dates', async () => {
    const { tenant, owner } = await busyTenant();
    const other = await signedInStaff(tenant, 'moderator');
    const byOwner = await owner.caller.staff.audit.list({ actor: owner.id });
    expect(byOwner.items.map((e) => e.action)).toEqual(['origin.added', 'staff.signed_in']);
    expect((await owner.caller.staff.audit.list({ actor: other.id })).items.map((e) => [e.action, e.actorLabel])).toEqual([['staff.signed_in', 'Test moderator']]);
    expect((await owner.caller.staff.audit.list({ action: 'member.joined' })).items).toHaveLength(1);
    expect((await owner.caller.staff.audit.list({ action: 'staff.signed_in', actor: owner.id })).items).toHaveLength(1);
    expect((await owner.caller.staff.audit.list({ action: 'no.such_action' })).items).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const dayOffset = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
    expect((await owner.caller.staff.audit.list({ from: today, to: today })).items).toHaveLength(6);
    expect((await owner.caller.staff.audit.list({ from: dayOffset(1) })).items).toEqual([]);
    expect((await owner.caller.staff.audit.list({ to: dayOffset(-1) })).items).toEqual([]);
    // An entry from last year (written as it would have been, then dated back by the owner role of the database).
    await withTenant(tenant.db, tenant.tenant.id, (tx) => appendAudit(tx, { actorKind: 'system', action: 'test.old' }));
    await sql`update audit_log set occurred_at = '2025-06-15T23:30:00Z' where tenant_id = ${tenant.tenant.id} and action = 'test.old'`.execute(tenant.db);
    expect((await owner.caller.staff.audit.list({ from: '2025-06-15', to: '2025-06-15' })).items.map((e) => e.action)).toEqual(['test.old']);
    expect((await owner.caller.staff.audit.list({ from: '2025-06-16', to: '2025-06-16' })).items).toEqual([]);
    expect((await owner.caller.staff.audit.list({ to: '2025-12-31' })).items.map((e) => e.action)).toEqual(['test.old']);
  });

  it('pages with keyset cursors, without gaps or repeats', async () => {
    const { tenant, owner } = await busyTenant();
    await withTenant(tenant.db, tenant.tenant.id, async (tx) => {
      for (let i = 0; i < 7; i++) await appendAudit(tx, { actorKind: 'system', action: 'test.paging', details: { i } });
    });
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await owner.caller.staff.audit.list({ action: 'test.paging', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.details.i as number));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
    // Unfiltered, the whole log in pages of 4 is the same as in one page.
    const all = (await owner.caller.staff.audit.list({ limit: 100 })).items.map((e) => e.id);
    const paged: string[] = [];
    cursor = undefined;
    do {
      const page = await owner.caller.staff.audit.list({ limit: 4, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all).toHaveLength(12);
    expect((await owner.caller.staff.audit.list()).items).toHaveLength(12);
  });

  it('refuses bad filters and cursors', async () => {
    const { owner } = await busyTenant();
    const list = owner.caller.staff.audit.list;
    for (const input of [{ limit: 0 }, { limit: 101 }, { limit: 2.5 }, { actor: 'not-a-uuid' }, { from: '2026-1-1' }, { to: 'tomorrow' }, { from: '2026-03-02', to: '2026-03-01' }, { action: '' }, { action: 'x'.repeat(101) }]) {
      await expectKindredError(list(input as never), 'VALIDATION_FAILED');
    }
    await expectKindredError(list({ cursor: 'bm90IGEgY3Vyc29y' }), 'INVALID_CURSOR');
    await expectKindredError(list({ cursor: Buffer.from(JSON.stringify([-1])).toString('base64url') }), 'INVALID_CURSOR');
  });
});

describe('staff.audit.actions', () => {
  it('lists the distinct actions in the log, alphabetically', async () => {
    const { owner } = await busyTenant();
    expect(await owner.caller.staff.audit.actions()).toEqual(['member.joined', 'origin.added', 'staff.sign_in_failed', 'staff.signed_in', 'tenant.created']);
  });
});

describe('staff.audit.verify', () => {
  it('recomputes the chain, says when the first broken entry was written, and is audited', async () => {
    const { tenant, owner } = await busyTenant();
    expect(await owner.caller.staff.audit.verify()).toEqual({ ok: true, checked: 5, firstBrokenAt: null });
    const latest = (await owner.caller.staff.audit.list({ limit: 1 })).items[0]!;
    expect(latest).toMatchObject({ action: 'audit.verified', actorLabel: 'Test owner', details: { ok: true, checked: 5 } });
    expect(await owner.caller.staff.audit.verify()).toEqual({ ok: true, checked: 6, firstBrokenAt: null });

    // Someone with database access rewrites history (as the database owner: the app role cannot).
    const target = (await owner.caller.staff.audit.list({ action: 'member.joined' })).items[0]!;
    await sql`update audit_log set subject = 'someone-else' where tenant_id = ${tenant.tenant.id} and id = ${target.id}`.execute(tenant.db);
    expect(await owner.caller.staff.audit.verify()).toEqual({ ok: false, checked: 7, firstBrokenAt: target.occurredAt });
    expect((await owner.caller.staff.audit.list({ limit: 1 })).items[0]!.details).toMatchObject({ ok: false, checked: 7, brokenAtSeq: 3 });
  });
});

describe('staff.audit roles and tenancy', () => {
  it('is for owners only', async () => {
    const { tenant } = await busyTenant();
    for (const role of ['moderator', 'analyst'] as const) {
      const staff = await signedInStaff(tenant, role);
      await expectKindredError(staff.caller.staff.audit.list(), 'STAFF_ROLE_FORBIDDEN');
      await expectKindredError(staff.caller.staff.audit.actions(), 'STAFF_ROLE_FORBIDDEN');
      await expectKindredError(staff.caller.staff.audit.verify(), 'STAFF_ROLE_FORBIDDEN');
    }
    await expectKindredError((await consoleCaller(tenant)).caller.staff.audit.list(), 'STAFF_SIGN_IN_REQUIRED');
    expect((await withTenant(tenant.db, tenant.tenant.id, (tx) => tx.selectFrom('audit_log').select('action').where('action', '=', 'audit.verified').execute())).length).toBe(0);
  });

  it('staff of tenant B never see tenant A’s entries', async () => {
    const a = await busyTenant('audit-a');
    const b = await busyTenant('audit-b');
    await a.owner.caller.staff.settings.addOrigin({ origin: 'https://only-a.example' });
    const seenByB = await b.owner.caller.staff.audit.list({ limit: 100 });
    const seenByA = await a.owner.caller.staff.audit.list({ limit: 100 });
    expect(seenByB.items).toHaveLength(5);
    expect(seenByA.items).toHaveLength(6);
    const idsA = new Set(seenByA.items.map((e) => e.id));
    expect(seenByB.items.some((e) => idsA.has(e.id))).toBe(false);
    expect(JSON.stringify(seenByB)).not.toContain('only-a');
    expect(JSON.stringify(seenByB)).not.toContain(a.tenant.tenant.slug);
    expect((await b.owner.caller.staff.audit.list({ actor: a.owner.id })).items).toEqual([]);
    // Each verifies its own chain only.
    expect((await b.owner.caller.staff.audit.verify()).checked).toBe(5);
    expect((await a.owner.caller.staff.audit.verify()).checked).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant } from '../../testing/fixtures.ts';
import { consoleCaller, createStaff, sessionCookieFrom, signedInStaff, STAFF_PASSWORD } from '../../testing/staff.ts';
import { TOTP, Secret } from 'otpauth';

describe('staff sign-in', () => {
  it('signs in with email and password, sets a strict HttpOnly cookie and answers the session', async () => {
    const tenant = await createTestTenant('staff');
    const { email } = await createStaff(tenant, 'owner');
    const { caller, cookies } = await consoleCaller(tenant);
    const session = await caller.staff.auth.signIn({ organisation: tenant.tenant.slug, email: email.toUpperCase(), password: STAFF_PASSWORD });
    expect(session.staff).toMatchObject({ email, role: 'owner', totpEnabled: false });
    expect(session.tenant.slug).toBe(tenant.tenant.slug);
    expect(cookies[0]).toMatch(/^kindred_staff=[0-9a-f-]{36}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    const again = await consoleCaller(tenant, { cookie: sessionCookieFrom(cookies) });
    expect((await again.caller.staff.auth.session()).staff.email).toBe(email);
  });

  it('refuses wrong passwords, unknown emails and unknown organisations alike, and locks after five failures', async () => {
    const tenant = await createTestTenant('staff');
    const { email } = await createStaff(tenant, 'moderator');
    const { caller } = await consoleCaller(tenant);
    await expectKindredError(caller.staff.auth.signIn({ organisation: tenant.tenant.slug, email: 'nobody@example.org', password: 'x' }), 'STAFF_CREDENTIALS_INVALID');
    await expectKindredError(caller.staff.auth.signIn({ organisation: 'no-such-org', email, password: STAFF_PASSWORD }), 'STAFF_CREDENTIALS_INVALID');
    for (let i = 0; i < 5; i++) {
      await expectKindredError(caller.staff.auth.signIn({ organisation: tenant.tenant.slug, email, password: 'wrong password!' }), 'STAFF_CREDENTIALS_INVALID');
    }
    const locked = await expectKindredError(caller.staff.auth.signIn({ organisation: tenant.tenant.slug, email, password: STAFF_PASSWORD }), 'STAFF_LOCKED');
    expect((locked as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(60);
  });

  it('needs the CSRF token and the console origin for mutations', async () => {
    const tenant = await createTestTenant('staff');
    const owner = await signedInStaff(tenant);
    const noToken = await consoleCaller(tenant, { cookie: owner.cookie });
    await expectKindredError(noToken.caller.staff.auth.signOut(), 'CSRF_FAILED');
    const otherSite = await consoleCaller(tenant, { cookie: owner.cookie, csrfToken: owner.csrfToken, origin: 'https://evil.example' });
    await expectKindredError(otherSite.caller.staff.auth.signOut(), 'CSRF_FAILED');
    // Reads need no token.
    expect((await noToken.caller.staff.auth.session()).staff.id).toBe(owner.id);
  });

  it('signs out one session or every session', async () => {
    const tenant = await createTestTenant('staff');
    const first = await signedInStaff(tenant);
    const second = await consoleCaller(tenant);
    await second.caller.staff.auth.signIn({ organisation: tenant.tenant.slug, email: first.email, password: STAFF_PASSWORD });
    const secondCookie = sessionCookieFrom(second.cookies);
    const out = await consoleCaller(tenant, { cookie: first.cookie, csrfToken: first.csrfToken });
    await out.caller.staff.auth.signOut({ everywhere: true });
    expect(out.cookies[0]).toContain('Max-Age=0');
    await expectKindredError((await consoleCaller(tenant, { cookie: first.cookie })).caller.staff.auth.session(), 'STAFF_SIGN_IN_REQUIRED');
    await expectKindredError((await consoleCaller(tenant, { cookie: secondCookie })).caller.staff.auth.session(), 'STAFF_SIGN_IN_REQUIRED');
  });

  it('times out idle sessions', async () => {
    const tenant = await createTestTenant('staff');
    const owner = await signedInStaff(tenant);
    await withTenant(tenant.db, tenant.tenant.id, (tx) => tx.updateTable('staff_sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).execute());
    await expectKindredError((await consoleCaller(tenant, { cookie: owner.cookie })).caller.staff.auth.session(), 'STAFF_SIGN_IN_REQUIRED');
  });

  it('asks for and checks a TOTP code once the second factor is on', async () => {
    const tenant = await createTestTenant('staff');
    const owner = await signedInStaff(tenant);
    const setup = await owner.caller.staff.auth.totpSetup();
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secret) });
    await expectKindredError(owner.caller.staff.auth.totpEnable({ code: totp.generate() === '000000' ? '111111' : '000000' }), 'VALIDATION_FAILED');
    await owner.caller.staff.auth.totpEnable({ code: totp.generate() });
    const { caller } = await consoleCaller(tenant);
    const credentials = { organisation: tenant.tenant.slug, email: owner.email, password: STAFF_PASSWORD };
    await expectKindredError(caller.staff.auth.signIn(credentials), 'STAFF_TOTP_REQUIRED');
    await expectKindredError(caller.staff.auth.signIn({ ...credentials, totpCode: '123456' === totp.generate() ? '654321' : '123456' }), 'STAFF_CREDENTIALS_INVALID');
    expect((await caller.staff.auth.signIn({ ...credentials, totpCode: totp.generate() })).staff.totpEnabled).toBe(true);
  });

  it('a session of tenant A is no session at all with tenant B forged into the cookie', async () => {
    const a = await createTestTenant('staff-a');
    const b = await createTestTenant('staff-b');
    const owner = await signedInStaff(a);
    const forged = owner.cookie.replace(a.tenant.id, b.tenant.id);
    await expectKindredError((await consoleCaller(b, { cookie: forged })).caller.staff.auth.session(), 'STAFF_SIGN_IN_REQUIRED');
  });
});

describe('team', () => {
  it('owners invite staff; the invite link signs the new member in with the invited role; all audited', async () => {
    const tenant = await createTestTenant('team');
    const owner = await signedInStaff(tenant);
    const { inviteUrl } = await owner.caller.staff.team.invite({ email: 'New.Mod@Example.org', role: 'moderator' });
    const token = inviteUrl.split('#/invite/')[1]!;
    const guest = await consoleCaller(tenant);
    expect(await guest.caller.staff.auth.inviteInfo({ token })).toEqual({ organisation: 'Test team', email: 'new.mod@example.org', role: 'moderator' });
    await expectKindredError(guest.caller.staff.auth.acceptInvite({ token, displayName: 'Mo', password: 'short' }), 'VALIDATION_FAILED');
    const session = await guest.caller.staff.auth.acceptInvite({ token, displayName: 'Mo Derator', password: 'a long enough password' });
    expect(session.staff).toMatchObject({ role: 'moderator', displayName: 'Mo Derator' });
    await expectKindredError(guest.caller.staff.auth.acceptInvite({ token, displayName: 'Again', password: 'a long enough password' }), 'INVITE_INVALID');
    const team = await owner.caller.staff.team.list();
    expect(team.staff.map((s) => s.role).sort()).toEqual(['moderator', 'owner']);
    const actions = await withTenant(tenant.db, tenant.tenant.id, (tx) => tx.selectFrom('audit_log').select('action').orderBy('seq').execute());
    expect(actions.map((a) => a.action)).toEqual(['tenant.created', 'staff.signed_in', 'staff.invited', 'staff.invite_accepted']);
  });

  it('only owners manage the team, and the last owner stays', async () => {
    const tenant = await createTestTenant('team');
    const owner = await signedInStaff(tenant);
    const moderator = await signedInStaff(tenant, 'moderator');
    await expectKindredError(moderator.caller.staff.team.list(), 'STAFF_ROLE_FORBIDDEN');
    await expectKindredError(moderator.caller.staff.team.invite({ email: 'x@example.org', role: 'owner' }), 'STAFF_ROLE_FORBIDDEN');
    await expectKindredError(owner.caller.staff.team.setRole({ staffId: owner.id, role: 'analyst' }), 'VALIDATION_FAILED');
    expect((await owner.caller.staff.team.setRole({ staffId: moderator.id, role: 'analyst' })).role).toBe('analyst');
    await expectKindredError(moderator.caller.staff.team.list(), 'STAFF_ROLE_FORBIDDEN');
  });

  it('staff of tenant B cannot touch tenant A staff', async () => {
    const a = await createTestTenant('team-a');
    const b = await createTestTenant('team-b');
    const ownerA = await signedInStaff(a);
    const ownerB = await signedInStaff(b);
    await expectKindredError(ownerB.caller.staff.team.setRole({ staffId: ownerA.id, role: 'analyst' }), 'NOT_FOUND');
    await expectKindredError(ownerB.caller.staff.team.remove({ staffId: ownerA.id }), 'NOT_FOUND');
    expect((await ownerB.caller.staff.team.list()).staff.map((s) => s.id)).toEqual([ownerB.id]);
  });
});

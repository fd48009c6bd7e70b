import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { rotateSsoKey } from '../tenants/tenants.service.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, signTestToken } from '../../testing/fixtures.ts';

describe('member sign-in with a host-signed token', () => {
  it('creates the member on first use and refreshes the name later', async () => {
    const tenant = await createTestTenant('idn');
    const first = await (await tenant.caller({ token: await tenant.token({ sub: 'u-42', name: 'Maria' }) })).identity.me();
    expect(first.member?.displayName).toBe('Maria');
    const again = await (await tenant.caller({ token: await tenant.token({ sub: 'u-42', name: 'Maria G.' }) })).identity.me();
    expect(again.member).toEqual({ id: first.member!.id, displayName: 'Maria G.' });
  });

  it('is a guest without a token', async () => {
    const tenant = await createTestTenant('idn-guest');
    expect((await (await tenant.caller()).identity.me()).member).toBeNull();
  });

  it('keeps members of two tenants apart even with the same host user id', async () => {
    const a = await createTestTenant('idn-a');
    const b = await createTestTenant('idn-b');
    const inA = await (await a.caller({ token: await a.token({ sub: 'same' }) })).identity.me();
    const inB = await (await b.caller({ token: await b.token({ sub: 'same' }) })).identity.me();
    expect(inA.member!.id).not.toBe(inB.member!.id);
  });

  const forged: [string, (t: Awaited<ReturnType<typeof createTestTenant>>) => Promise<string>, 'TOKEN_INVALID' | 'TOKEN_EXPIRED'][] = [
    ['alg none', async (t) => new UnsecuredJWT({ name: 'x' }).setSubject('u').setAudience(t.tenant.id).setExpirationTime('5m').encode(), 'TOKEN_INVALID'],
    ['the wrong secret', (t) => t.token({ secret: 'x'.repeat(43) }), 'TOKEN_INVALID'],
    ['another tenant’s secret', async (t) => {
      const other = await createTestTenant('idn-other');
      return signTestToken(other.sso, t.tenant.id, { kid: t.sso.kid });
    }, 'TOKEN_INVALID'],
    ['another tenant’s whole key and audience', async () => {
      const other = await createTestTenant('idn-other2');
      return other.token();
    }, 'TOKEN_INVALID'],
    ['an expired token', (t) => t.token({ expiresIn: -60 }), 'TOKEN_EXPIRED'],
    ['nbf in the future', (t) => t.token({ claims: { nbf: Math.floor(Date.now() / 1000) + 600 } }), 'TOKEN_INVALID'],
    ['the wrong audience', (t) => t.token({ audience: 'someone-else' }), 'TOKEN_INVALID'],
    ['an unknown key id', (t) => t.token({ kid: 'kid_unknown' }), 'TOKEN_INVALID'],
    ['a malformed token', async () => 'not.a.jwt', 'TOKEN_INVALID'],
    ['garbage', async () => '%%%', 'TOKEN_INVALID'],
    ['no exp claim', async (t) =>
      new SignJWT({ name: 'x' }).setProtectedHeader({ alg: 'HS256', kid: t.sso.kid }).setSubject('u').setAudience(t.tenant.id)
        .sign(new TextEncoder().encode(t.sso.secret)), 'TOKEN_INVALID'],
    ['HS512 instead of HS256', async (t) =>
      new SignJWT({ name: 'x' }).setProtectedHeader({ alg: 'HS512', kid: t.sso.kid }).setSubject('u').setAudience(t.tenant.id)
        .setExpirationTime('5m').sign(new TextEncoder().encode(t.sso.secret.repeat(2))), 'TOKEN_INVALID'],
    ['no member name', (t) => t.token({ claims: { name: '' } }), 'TOKEN_INVALID'],
  ];

  for (const [label, make, code] of forged) {
    it(`refuses ${label}`, async () => {
      const tenant = await createTestTenant('idn-bad');
      const caller = await tenant.caller({ token: await make(tenant) });
      const err = await expectKindredError(caller.identity.me(), code);
      expect(err.code).toBe('UNAUTHORIZED');
    });
  }

  it('ignores staff-like claims and unknown badges: a token only ever signs in a member', async () => {
    const tenant = await createTestTenant('idn-staff');
    const token = await tenant.token({ claims: { role: 'owner', staff: true, badges: ['admin', 'moderator', 'clinician'] } });
    expect((await (await tenant.caller({ token })).identity.me()).member?.displayName).toBe('Test Member');
    const stored = await tenant.db.selectFrom('members').select('badges').where('tenant_id', '=', tenant.tenant.id).execute();
    expect(stored).toEqual([{ badges: ['clinician'] }]);
  });

  it('refuses a token signed with a retired key and accepts the new one', async () => {
    const tenant = await createTestTenant('idn-rot');
    const oldToken = await tenant.token();
    const rotated = await rotateSsoKey(tenant.db, tenant.tenant.id);
    expect(rotated.retired).toEqual([tenant.sso.kid]);
    await expectKindredError((await tenant.caller({ token: oldToken })).identity.me(), 'TOKEN_INVALID');
    const fresh = await signTestToken(rotated, tenant.tenant.id);
    expect((await (await tenant.caller({ token: fresh })).identity.me()).member).not.toBeNull();
  });

  it('keeps the previous key working during a rotation with keepPrevious', async () => {
    const tenant = await createTestTenant('idn-grace');
    await rotateSsoKey(tenant.db, tenant.tenant.id, { keepPrevious: true });
    expect((await (await tenant.caller({ token: await tenant.token() })).identity.me()).member).not.toBeNull();
  });
});

describe('tenant resolution', () => {
  it('refuses an unknown publishable key with TENANT_KEY_INVALID (401)', async () => {
    const tenant = await createTestTenant('res');
    const err = await expectKindredError((await tenant.caller({ publishableKey: 'pk_nope' })).identity.me(), 'TENANT_KEY_INVALID');
    expect(err.code).toBe('UNAUTHORIZED');
  });

  it('refuses an origin that is not exactly on the allowlist with ORIGIN_NOT_ALLOWED (403)', async () => {
    const a = await createTestTenant('res-a');
    const b = await createTestTenant('res-b');
    for (const origin of [b.origin, `${a.origin}.evil.example`, a.origin.replace('https:', 'http:'), `${a.origin}:444`, '', 'null']) {
      const err = await expectKindredError((await a.caller({ origin })).identity.me(), 'ORIGIN_NOT_ALLOWED');
      expect(err.code).toBe('FORBIDDEN');
    }
  });
});

import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { createCaller } from '../../router.ts';
import { createContextInner } from '../../trpc/context.ts';
import { kindredErrorData } from '../../trpc/trpc.ts';
import { testDatabase, testLog } from '../../testing/database.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, signTestToken, type TestTenant } from '../../testing/fixtures.ts';
import { CONSOLE_ORIGIN, consoleCaller, signedInStaff } from '../../testing/staff.ts';
import { DEFAULT_MODERATION_POLICY, getTenantSettings } from '../tenants/tenant-settings.ts';
import { hashSecretKey } from '../tenants/tenants.service.ts';
import { defaultTheme } from './theme.ts';

const HOUR = 60 * 60 * 1000;

async function auditOf(tenant: TestTenant) {
  return withTenant(tenant.db, tenant.tenant.id, (tx) =>
    tx.selectFrom('audit_log').select(['action', 'actor_kind', 'actor_id', 'subject', 'details', 'ip']).orderBy('seq').execute(),
  );
}

/** The tenant's backend, calling with a secret key. */
async function backend(tenant: TestTenant, secretKey: string) {
  return createCaller(await createContextInner({ db: tenant.db, log: testLog, token: secretKey }));
}

const upsertProduct = (tenant: TestTenant, secretKey: string) =>
  backend(tenant, secretKey).then((b) => b.products.upsert({ products: [{ sku: 'SKU-1', name: 'A product' }] }));

/** The field paths a VALIDATION_FAILED error names. */
async function validationIssues(promise: Promise<unknown>): Promise<string[]> {
  const err = await expectKindredError(promise, 'VALIDATION_FAILED');
  const issues = kindredErrorData(err).issues;
  expect(issues, 'a validation error says which field').toBeDefined();
  return issues!.map((i) => i.path);
}

// Boot and migrate the test database in a hook (generous timeout) rather than inside the first test.
beforeAll(() => testDatabase(), 120_000);

describe('staff.settings.get', () => {
  it('shows owners and moderators the settings, keys and origins, never a secret; analysts are refused', async () => {
    const tenant = await createTestTenant('settings');
    const owner = await signedInStaff(tenant);
    const moderator = await signedInStaff(tenant, 'moderator');
    const analyst = await signedInStaff(tenant, 'analyst');
    const settings = await owner.caller.staff.settings.get();
    expect(settings).toMatchObject({
      origins: [tenant.origin],
      publishableKey: tenant.publishableKey,
      ssoKeys: [{ kid: tenant.sso.kid, status: 'active', retiresAt: null }],
      moderation: DEFAULT_MODERATION_POLICY,
      consentText: { version: 1 },
      storyComments: false,
      trustHostBadges: false,
      reviewAutoPublishMinRating: null,
      storyPremoderation: { public: true, only_me: false },
      theme: defaultTheme(),
      apiOrigin: CONSOLE_ORIGIN,
    });
    expect(settings.consentText!.text.length).toBeGreaterThan(20);
    expect(settings.crisisResources.length).toBeGreaterThan(0);
    expect(settings.reviewAttributes.length).toBeGreaterThan(0);
    const json = JSON.stringify(settings);
    expect(json).not.toContain(tenant.sso.secret);
    expect(json).not.toContain(tenant.secretKey);
    expect(json).not.toContain(hashSecretKey(tenant.secretKey));
    expect(json).not.toMatch(/secret/i);

    expect(await moderator.caller.staff.settings.get()).toEqual(settings);
    await expectKindredError(analyst.caller.staff.settings.get(), 'STAFF_ROLE_FORBIDDEN');
    await expectKindredError((await consoleCaller(tenant)).caller.staff.settings.get(), 'STAFF_SIGN_IN_REQUIRED');
  });
});

describe('staff.settings.update', () => {
  it('saves the given settings strictly and audits only the names of what changed', async () => {
    const tenant = await createTestTenant('settings');
    const owner = await signedInStaff(tenant);
    const moderation = { ...DEFAULT_MODERATION_POLICY, bannedWords: ['zorblax'], reportThreshold: 5, linkPolicy: 'hold_all' as const };
    const theme = { ...defaultTheme(), colorScheme: 'auto' as const, fontFamily: '"Open Sans", Arial, sans-serif', radius: '8px' };
    theme.light = { ...theme.light, accent: '#AA0033' };
    const updated = await owner.caller.staff.settings.update({
      moderation,
      theme,
      storyComments: false, // unchanged: not audited
      medicalNotice: null,
      reviewAutoPublishMinRating: 4,
    });
    expect(updated.moderation).toEqual(moderation);
    expect(updated.theme).toEqual({ ...theme, light: { ...theme.light, accent: '#aa0033' } });
    expect(updated.medicalNotice).toBeNull();
    expect(updated.reviewAutoPublishMinRating).toBe(4);
    // Stored: what the rest of the API reads.
    const stored = await withTenant(tenant.db, tenant.tenant.id, (tx) => getTenantSettings(tx));
    expect(stored.moderation.bannedWords).toEqual(['zorblax']);
    expect(stored.theme.colorScheme).toBe('auto');
    expect(await owner.caller.staff.settings.get()).toEqual(updated);

    const entries = (await auditOf(tenant)).filter((e) => e.action === 'settings.updated');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_kind: 'staff', actor_id: owner.id, ip: '203.0.113.9' });
    expect(entries[0]!.details).toEqual({ changed: ['moderation', 'medicalNotice', 'theme', 'reviewAutoPublishMinRating'].sort((a, b) => order(a) - order(b)) });
    expect(JSON.stringify(entries[0])).not.toContain('zorblax');

    // Saving the same values again changes nothing and writes no entry.
    await owner.caller.staff.settings.update({ moderation, storyComments: false });
    expect((await auditOf(tenant)).filter((e) => e.action === 'settings.updated')).toHaveLength(1);
    // Another field alone.
    await owner.caller.staff.settings.update({ storyComments: true, trustHostBadges: true });
    expect((await auditOf(tenant)).at(-1)).toMatchObject({ action: 'settings.updated', details: { changed: ['storyComments', 'trustHostBadges'] } });
  });

  it('is for owners only', async () => {
    const tenant = await createTestTenant('settings');
    for (const role of ['moderator', 'analyst'] as const) {
      const staff = await signedInStaff(tenant, role);
      await expectKindredError(staff.caller.staff.settings.update({ storyComments: true }), 'STAFF_ROLE_FORBIDDEN');
    }
    expect((await withTenant(tenant.db, tenant.tenant.id, (tx) => getTenantSettings(tx))).storyComments).toBe(false);
  });

  it('refuses bad values with VALIDATION_FAILED and the field, never saving a default instead', async () => {
    const tenant = await createTestTenant('settings');
    const owner = await signedInStaff(tenant);
    const before = await owner.caller.staff.settings.get();
    const update = owner.caller.staff.settings.update;
    const theme = defaultTheme();
    expect(await validationIssues(update({ moderation: { ...DEFAULT_MODERATION_POLICY, reportThreshold: 0 } }))).toEqual(['moderation.reportThreshold']);
    expect(await validationIssues(update({ moderation: { ...DEFAULT_MODERATION_POLICY, linkPolicy: 'sometimes' as 'allow' } }))).toEqual(['moderation.linkPolicy']);
    expect(await validationIssues(update({ moderation: { bannedWords: ['x'] } as never }))).toContain('moderation.premoderation');
    expect(await validationIssues(update({ crisisResources: [{ name: 'Line', description: '', phone: null, text: null, url: 'http://insecure.example' }] }))).toEqual([
      'crisisResources.0.url',
    ]);
    expect(await validationIssues(update({ reviewAttributes: [{ key: 'Bad Key', label: 'x' }] }))).toEqual(['reviewAttributes.0.key']);
    await validationIssues(update({ reviewAttributes: [{ key: 'same', label: 'One' }, { key: 'same', label: 'Two' }] }));
    expect(await validationIssues(update({ reviewAutoPublishMinRating: 6 }))).toEqual(['reviewAutoPublishMinRating']);
    expect(await validationIssues(update({ storyPremoderation: { ...before.storyPremoderation, only_me: true as false } }))).toEqual(['storyPremoderation.only_me']);
    expect(await validationIssues(update({ medicalNotice: 'x'.repeat(501) }))).toEqual(['medicalNotice']);
    expect(await validationIssues(update({ storyComments: 'yes' as unknown as boolean }))).toEqual(['storyComments']);
    // Settings the console may not change, or that do not exist, are refused rather than ignored.
    await validationIssues(update({ rateLimits: { memberReadsPerMinute: 1 } } as never));
    await validationIssues(update({ origins: ['https://evil.example'] } as never));
    // Theme: only values that cannot leave their CSS declaration.
    const hostile: [string, unknown][] = [
      ['theme.light.accent', { ...theme, light: { ...theme.light, accent: 'red;}body{x' } }],
      ['theme.dark.bg', { ...theme, dark: { ...theme.dark, bg: 'url(javascript:alert(1))' } }],
      ['theme.light.text', { ...theme, light: { ...theme.light, text: '#fff' } }],
      ['theme.light.focus', { ...theme, light: { ...theme.light, focus: '#ffffff;' } }],
      ['theme.fontFamily', { ...theme, fontFamily: 'Arial;}body{background:url(javascript:alert(1))' }],
      ['theme.fontFamily', { ...theme, fontFamily: 'url(javascript:alert(1))' }],
      ['theme.fontFamily', { ...theme, fontFamily: '"Arial' }],
      ['theme.fontFamily', { ...theme, fontFamily: `'Arial", serif` }],
      ['theme.fontFamily', { ...theme, fontFamily: 'Arial</style><script>alert(1)</script>' }],
      ['theme.fontFamily', { ...theme, fontFamily: 'Arial\\3b color: red' }],
      ['theme.fontFamily', { ...theme, fontFamily: 'a'.repeat(201) }],
      ['theme.radius', { ...theme, radius: '4rem' }],
      ['theme.radius', { ...theme, radius: '49px' }],
      ['theme.radius', { ...theme, radius: '1px;}body{x' }],
      ['theme.radius', { ...theme, radius: 'calc(1px + 1px)' }],
      ['theme.radius', { ...theme, radius: 'var(--x)' }],
      ['theme.colorScheme', { ...theme, colorScheme: 'sepia' }],
      ['theme.light', { ...theme, light: { ...theme.light, 'box-shadow': '#000000' } }],
      ['theme.dark.danger', { ...theme, dark: { ...theme.dark, danger: undefined } }],
      ['theme', { ...theme, extra: 'x' }],
    ];
    for (const [path, value] of hostile) {
      expect(await validationIssues(update({ theme: value as typeof theme })), JSON.stringify(value).slice(0, 120)).toEqual([path]);
    }
    expect(await owner.caller.staff.settings.get()).toEqual(before);
    expect((await auditOf(tenant)).filter((e) => e.action === 'settings.updated')).toEqual([]);
  });

  it('takes every radius and font family a designer would use', async () => {
    const tenant = await createTestTenant('settings');
    const owner = await signedInStaff(tenant);
    for (const radius of ['0', '0px', '48px', '3rem', '.5rem', '12.5px']) {
      expect((await owner.caller.staff.settings.update({ theme: { ...defaultTheme(), radius } })).theme.radius).toBe(radius);
    }
    for (const fontFamily of ['Georgia', '"Open Sans", Arial, sans-serif', "'Noto Sans JP',serif", 'Atkinson Hyperlegible , system-ui']) {
      expect((await owner.caller.staff.settings.update({ theme: { ...defaultTheme(), fontFamily } })).theme.fontFamily).toBe(fontFamily);
    }
  });
});

/** The order settings are named in the audit entry (the schema's order). */
function order(name: string): number {
  return ['moderation', 'crisisResources', 'reviewAttributes', 'reviewAutoPublishMinRating', 'storyPremoderation', 'medicalNotice', 'storyComments', 'trustHostBadges', 'theme'].indexOf(name);
}

describe('staff.settings origins', () => {
  it('adds and removes exact origins; the widgets follow at once; audited', async () => {
    const tenant = await createTestTenant('origins');
    const owner = await signedInStaff(tenant);
    const added = await owner.caller.staff.settings.addOrigin({ origin: 'https://Clinic.Example:8443/' });
    expect(added.origins).toEqual(['https://clinic.example:8443', tenant.origin].sort());
    // Adding it again changes nothing.
    expect((await owner.caller.staff.settings.addOrigin({ origin: 'https://clinic.example:8443' })).origins).toEqual(added.origins);
    const widget = await tenant.caller({ origin: 'https://clinic.example:8443' });
    expect((await widget.identity.me()).tenant.name).toBe('Test origins');

    const removed = await owner.caller.staff.settings.removeOrigin({ origin: 'https://clinic.example:8443' });
    expect(removed.origins).toEqual([tenant.origin]);
    await expectKindredError(tenant.caller({ origin: 'https://clinic.example:8443' }).then((c) => c.identity.me()), 'ORIGIN_NOT_ALLOWED');
    await expectKindredError(owner.caller.staff.settings.removeOrigin({ origin: 'https://clinic.example:8443' }), 'NOT_FOUND');

    const audit = (await auditOf(tenant)).filter((e) => e.action.startsWith('origin.'));
    expect(audit.map((e) => [e.action, e.subject, e.actor_id])).toEqual([
      ['origin.added', 'https://clinic.example:8443', owner.id],
      ['origin.removed', 'https://clinic.example:8443', owner.id],
    ]);
  });

  it('refuses anything but an exact origin', async () => {
    const tenant = await createTestTenant('origins');
    const owner = await signedInStaff(tenant);
    for (const origin of [
      'https://clinic.example/path',
      'https://*.clinic.example',
      'https://clinic.example?x=1',
      'https://user:pw@clinic.example',
      'javascript:alert(1)',
      'ftp://clinic.example',
      'clinic.example',
      '',
      `https://${'a'.repeat(300)}.example`,
    ]) {
      await expectKindredError(owner.caller.staff.settings.addOrigin({ origin }), 'VALIDATION_FAILED');
    }
    await expectKindredError(owner.caller.staff.settings.removeOrigin({ origin: 'https://clinic.example/x' }), 'VALIDATION_FAILED');
    expect((await owner.caller.staff.settings.get()).origins).toEqual([tenant.origin]);
  });

  it('is for owners only', async () => {
    const tenant = await createTestTenant('origins');
    for (const role of ['moderator', 'analyst'] as const) {
      const staff = await signedInStaff(tenant, role);
      await expectKindredError(staff.caller.staff.settings.addOrigin({ origin: 'https://x.example' }), 'STAFF_ROLE_FORBIDDEN');
      await expectKindredError(staff.caller.staff.settings.removeOrigin({ origin: tenant.origin }), 'STAFF_ROLE_FORBIDDEN');
    }
    expect(await withTenant(tenant.db, tenant.tenant.id, (tx) => tx.selectFrom('tenant_origins').select('origin').execute())).toEqual([{ origin: tenant.origin }]);
  });
});

describe('key rotation', () => {
  it('a new secret key works at once; the old one for 24 hours, then not', async () => {
    const tenant = await createTestTenant('keys');
    const owner = await signedInStaff(tenant);
    const { secretKey } = await owner.caller.staff.settings.rotateSecretKey();
    expect(secretKey).toMatch(/^sk_[\w-]{43}$/);
    expect(secretKey).not.toBe(tenant.secretKey);
    await upsertProduct(tenant, secretKey);
    await upsertProduct(tenant, tenant.secretKey);

    const revokedAt = await withTenant(tenant.db, tenant.tenant.id, (tx) =>
      tx.selectFrom('api_keys').select('revoked_at').where('secret_hash', '=', hashSecretKey(tenant.secretKey)).executeTakeFirstOrThrow(),
    );
    expect(revokedAt.revoked_at!.getTime() - Date.now()).toBeGreaterThan(23.9 * HOUR);
    expect(revokedAt.revoked_at!.getTime() - Date.now()).toBeLessThanOrEqual(24 * HOUR);

    // The grace period ends.
    await withTenant(tenant.db, tenant.tenant.id, (tx) =>
      tx.updateTable('api_keys').set({ revoked_at: sql<Date>`now() - interval '1 second'` }).where('secret_hash', '=', hashSecretKey(tenant.secretKey)).execute(),
    );
    await expectKindredError(upsertProduct(tenant, tenant.secretKey), 'SECRET_KEY_INVALID');
    await upsertProduct(tenant, secretKey);

    const entry = (await auditOf(tenant)).find((e) => e.action === 'secret_key.rotated');
    expect(entry).toMatchObject({ actor_kind: 'staff', actor_id: owner.id });
    expect(JSON.stringify(entry)).not.toContain(secretKey);
    expect(JSON.stringify(entry)).not.toContain(hashSecretKey(secretKey));
    expect(JSON.stringify(await owner.caller.staff.settings.get())).not.toContain(secretKey);
  });

  it('rotating twice keeps the first grace period and starts one for the second key', async () => {
    const tenant = await createTestTenant('keys');
    const owner = await signedInStaff(tenant);
    const second = (await owner.caller.staff.settings.rotateSecretKey()).secretKey;
    const third = (await owner.caller.staff.settings.rotateSecretKey()).secretKey;
    for (const key of [tenant.secretKey, second, third]) await upsertProduct(tenant, key);
    await withTenant(tenant.db, tenant.tenant.id, (tx) =>
      tx.updateTable('api_keys').set({ revoked_at: sql<Date>`now() - interval '1 second'` }).where('revoked_at', 'is not', null).execute(),
    );
    await expectKindredError(upsertProduct(tenant, tenant.secretKey), 'SECRET_KEY_INVALID');
    await expectKindredError(upsertProduct(tenant, second), 'SECRET_KEY_INVALID');
    await upsertProduct(tenant, third);
  });

  it('a new SSO key signs members in at once; tokens signed with the old one work for 24 hours, then not', async () => {
    const tenant = await createTestTenant('sso');
    const owner = await signedInStaff(tenant);
    const oldToken = await signTestToken(tenant.sso, tenant.tenant.id, { sub: 'old-key-member', name: 'Old Key' });
    const rotated = await owner.caller.staff.settings.rotateSsoSecret();
    expect(rotated.kid).not.toBe(tenant.sso.kid);
    expect(rotated.secret.length).toBeGreaterThanOrEqual(32);
    const newToken = await signTestToken(rotated, tenant.tenant.id, { sub: 'new-key-member', name: 'New Key' });
    const me = async (token: string) => (await tenant.caller({ token })).identity.me();
    expect((await me(oldToken)).member?.displayName).toBe('Old Key');
    expect((await me(newToken)).member?.displayName).toBe('New Key');

    const keys = (await owner.caller.staff.settings.get()).ssoKeys;
    expect(keys.map((k) => [k.kid, k.status])).toEqual([
      [rotated.kid, 'active'],
      [tenant.sso.kid, 'active'],
    ]);
    const retiresIn = Date.parse(keys[1]!.retiresAt!) - Date.now();
    expect(retiresIn).toBeGreaterThan(23.9 * HOUR);
    expect(retiresIn).toBeLessThanOrEqual(24 * HOUR);
    expect(JSON.stringify(keys)).not.toContain(rotated.secret);

    // The grace period ends: the old key verifies nothing any more, the new one still does.
    await withTenant(tenant.db, tenant.tenant.id, (tx) =>
      tx.updateTable('sso_keys').set({ retired_at: sql<Date>`now() - interval '1 second'` }).where('kid', '=', tenant.sso.kid).execute(),
    );
    await expectKindredError(me(oldToken), 'TOKEN_INVALID');
    await expectKindredError(me(await signTestToken(tenant.sso, tenant.tenant.id, { sub: 'fresh-old-key' })), 'TOKEN_INVALID');
    expect((await me(newToken)).member?.displayName).toBe('New Key');
    expect((await owner.caller.staff.settings.get()).ssoKeys.map((k) => k.status)).toEqual(['active', 'retired']);

    const entry = (await auditOf(tenant)).findLast((e) => e.action === 'sso.rotated');
    expect(entry).toMatchObject({ actor_kind: 'staff', actor_id: owner.id, subject: rotated.kid, details: { retiring: [tenant.sso.kid] } });
    expect(JSON.stringify(entry)).not.toContain(rotated.secret);
  });

  it('is for owners only', async () => {
    const tenant = await createTestTenant('keys');
    for (const role of ['moderator', 'analyst'] as const) {
      const staff = await signedInStaff(tenant, role);
      await expectKindredError(staff.caller.staff.settings.rotateSecretKey(), 'STAFF_ROLE_FORBIDDEN');
      await expectKindredError(staff.caller.staff.settings.rotateSsoSecret(), 'STAFF_ROLE_FORBIDDEN');
    }
    const keys = await withTenant(tenant.db, tenant.tenant.id, async (tx) => ({
      api: await tx.selectFrom('api_keys').select('revoked_at').execute(),
      sso: await tx.selectFrom('sso_keys').select('retired_at').execute(),
    }));
    expect(keys.api.every((k) => k.revoked_at === null)).toBe(true);
    expect(keys.sso).toEqual([{ retired_at: null }]);
  });
});

describe('consent texts', () => {
  it('publishes a new version that new stories agree to; existing consents keep theirs; audited', async () => {
    const tenant = await createTestTenant('consent');
    const owner = await signedInStaff(tenant);
    const text = 'I agree that this story may be shown on this website. '.repeat(3).trim();
    expect(await owner.caller.staff.settings.publishConsentText({ text })).toEqual({ version: 2 });
    const settings = await owner.caller.staff.settings.get();
    expect(settings.consentText).toMatchObject({ version: 2, text });
    expect(Date.parse(settings.consentText!.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    const shown = await (await tenant.caller()).stories.consentText();
    expect(JSON.stringify(shown)).toContain(text);
    // Version 1 stays, for the stories agreed under it.
    const versions = await withTenant(tenant.db, tenant.tenant.id, (tx) => tx.selectFrom('consent_texts').select('version').orderBy('version').execute());
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    // Long texts fit.
    expect(await owner.caller.staff.settings.publishConsentText({ text: 'x'.repeat(20_000) })).toEqual({ version: 3 });
    expect((await auditOf(tenant)).filter((e) => e.action === 'consent_text.published').map((e) => e.details)).toEqual([{ version: 2 }, { version: 3 }]);
  });

  it('refuses texts too short or too long, and non-owners', async () => {
    const tenant = await createTestTenant('consent');
    const owner = await signedInStaff(tenant);
    expect(await validationIssues(owner.caller.staff.settings.publishConsentText({ text: 'Too short.' }))).toEqual(['text']);
    expect(await validationIssues(owner.caller.staff.settings.publishConsentText({ text: `   ${'a'.repeat(19)}   ` }))).toEqual(['text']);
    expect(await validationIssues(owner.caller.staff.settings.publishConsentText({ text: 'x'.repeat(20_001) }))).toEqual(['text']);
    const moderator = await signedInStaff(tenant, 'moderator');
    await expectKindredError(moderator.caller.staff.settings.publishConsentText({ text: 'A perfectly fine consent text.' }), 'STAFF_ROLE_FORBIDDEN');
    expect((await owner.caller.staff.settings.get()).consentText?.version).toBe(1);
  });
});

describe('settings stay inside their tenant', () => {
  it('staff of tenant B never see or change tenant A’s settings, origins, keys or consent texts', async () => {
    const a = await createTestTenant('iso-a');
    const b = await createTestTenant('iso-b');
    const ownerA = await signedInStaff(a);
    const ownerB = await signedInStaff(b);
    await ownerA.caller.staff.settings.addOrigin({ origin: 'https://only-a.example' });
    await ownerA.caller.staff.settings.update({ storyComments: true, moderation: { ...DEFAULT_MODERATION_POLICY, bannedWords: ['a-only-word'] } });
    const beforeA = await ownerA.caller.staff.settings.get();

    const seenByB = await ownerB.caller.staff.settings.get();
    expect(seenByB.origins).toEqual([b.origin]);
    expect(seenByB.publishableKey).toBe(b.publishableKey);
    expect(seenByB.ssoKeys.map((k) => k.kid)).toEqual([b.sso.kid]);
    expect(seenByB.moderation.bannedWords).toEqual([]);
    expect(seenByB.storyComments).toBe(false);
    expect(JSON.stringify(seenByB)).not.toContain('only-a');

    await expectKindredError(ownerB.caller.staff.settings.removeOrigin({ origin: 'https://only-a.example' }), 'NOT_FOUND');
    await expectKindredError(ownerB.caller.staff.settings.removeOrigin({ origin: a.origin }), 'NOT_FOUND');
    await ownerB.caller.staff.settings.update({ storyComments: false, theme: { ...defaultTheme(), colorScheme: 'dark' } });
    await ownerB.caller.staff.settings.rotateSecretKey();
    await ownerB.caller.staff.settings.rotateSsoSecret();
    await ownerB.caller.staff.settings.publishConsentText({ text: 'Tenant B’s own consent wording, version two.' });
    await ownerB.caller.staff.settings.addOrigin({ origin: 'https://only-a.example' });

    // A is as it was, and its keys are untouched.
    expect(await ownerA.caller.staff.settings.get()).toEqual(beforeA);
    await upsertProduct(a, a.secretKey);
    const keysA = await withTenant(a.db, a.tenant.id, async (tx) => ({
      api: await tx.selectFrom('api_keys').select('revoked_at').execute(),
      sso: await tx.selectFrom('sso_keys').select('retired_at').execute(),
    }));
    expect(keysA.api.every((k) => k.revoked_at === null)).toBe(true);
    expect(keysA.sso).toEqual([{ retired_at: null }]);
    // A's secret key names tenant A, never B.
    await upsertProduct(b, a.secretKey);
    expect(await withTenant(b.db, b.tenant.id, (tx) => tx.selectFrom('products').select('sku').execute())).toEqual([]);
    expect((await auditOf(a)).some((e) => e.actor_id === ownerB.id)).toBe(false);
  });
});

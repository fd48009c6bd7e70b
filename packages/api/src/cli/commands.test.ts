import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContextInner } from '../trpc/context.ts';
import { createCaller } from '../router.ts';
import { testDatabase, testLog } from '../testing/database.ts';
import { signTestToken } from '../testing/fixtures.ts';
import { runCommand, UsageError } from './commands.ts';

async function run(argv: string[]): Promise<string> {
  const { db } = await testDatabase();
  const lines: string[] = [];
  await runCommand(argv, db, (line) => lines.push(line));
  return lines.join('\n');
}

const field = (output: string, label: string) => new RegExp(`${label}[^:]*:\\s+(\\S+)`).exec(output)?.[1];

describe('the operator CLI', () => {
  it('creates a tenant whose printed keys work, adds an origin, and rotates the SSO key', async () => {
    const slug = `cli-${randomUUID().slice(0, 8)}`;
    const created = await run(['tenant', 'create', '--name', 'CLI Clinic', '--slug', slug, '--origin', 'https://cli.example/']);
    const tenantId = field(created, 'tenant id')!;
    const publishableKey = field(created, 'publishable key')!;
    const kid = field(created, 'SSO key id')!;
    const secret = field(created, 'SSO secret')!;
    expect(publishableKey).toMatch(/^pk_/);
    expect(field(created, 'secret key')).toMatch(/^sk_/);

    const { db } = await testDatabase();
    const callerFrom = async (origin: string, token?: string) =>
      createCaller(await createContextInner({ db, log: testLog, publishableKey, origin, token }));
    const token = await signTestToken({ kid, secret }, tenantId, { name: 'Operator Test' });
    expect((await (await callerFrom('https://cli.example', token)).identity.me()).member?.displayName).toBe('Operator Test');

    await expect((await callerFrom('https://second.example')).identity.me()).rejects.toThrow();
    expect(await run(['origin', 'add', '--tenant', slug, '--origin', 'https://second.example'])).toContain('https://second.example');
    expect((await (await callerFrom('https://second.example')).identity.me()).tenant.name).toBe('CLI Clinic');

    expect(await run(['audit', 'verify', '--tenant', slug])).toMatch(/^The audit log is intact: 3 entries/);
    const rotated = await run(['sso', 'rotate', '--tenant', slug]);
    expect(rotated).toContain(`Retired: ${kid}`);
    await expect((await callerFrom('https://cli.example', token)).identity.me()).rejects.toThrow(/retired/);
  });

  it('changes community settings and creates groups with roles', async () => {
    const slug = `cli-g-${randomUUID().slice(0, 8)}`;
    const created = await run(['tenant', 'create', '--name', 'Group Clinic', '--slug', slug, '--origin', 'https://g.example']);
    expect(await run(['settings', '--tenant', slug])).toContain('trust host badges: false');
    expect(await run(['settings', '--tenant', slug, '--trust-host-badges', 'true', '--no-medical-notice'])).toBe(
      'trust host badges: true\nmedical notice: (off)',
    );
    expect(await run(['group', 'create', '--tenant', slug, '--slug', 'carers', '--name', 'Carers', '--join', 'invite', '--condition', 'Caregivers'])).toContain(
      'invite, readable by group',
    );
    const { db } = await testDatabase();
    const tenantId = field(created, 'tenant id')!;
    const token = await signTestToken({ kid: field(created, 'SSO key id')!, secret: field(created, 'SSO secret')! }, tenantId, { sub: 'host-42' });
    const caller = createCaller(await createContextInner({ db, log: testLog, publishableKey: field(created, 'publishable key')!, origin: 'https://g.example', token }));
    await caller.identity.me();
    await expect(caller.groups.get({ slug: 'carers' })).rejects.toThrow();
    expect(await run(['group', 'role', '--tenant', slug, '--group', 'carers', '--member', 'host-42', '--role', 'moderator'])).toContain('a moderator');
    expect(await caller.groups.get({ slug: 'carers' })).toMatchObject({ membership: { status: 'active', role: 'moderator' } });
    await expect(run(['group', 'role', '--tenant', slug, '--group', 'carers', '--member', 'never-signed-in', '--role', 'member'])).rejects.toThrow(/signed in/);
    await expect(run(['settings', '--tenant', slug, '--trust-host-badges', 'maybe'])).rejects.toBeInstanceOf(UsageError);
  });

  it('lists and approves content waiting for review', async () => {
    const slug = `cli-s-${randomUUID().slice(0, 8)}`;
    const created = await run(['tenant', 'create', '--name', 'Story Clinic', '--slug', slug, '--origin', 'https://s.example']);
    const { db } = await testDatabase();
    const token = await signTestToken({ kid: field(created, 'SSO key id')!, secret: field(created, 'SSO secret')! }, field(created, 'tenant id')!, { sub: 'writer' });
    const caller = createCaller(await createContextInner({ db, log: testLog, publishableKey: field(created, 'publishable key')!, origin: 'https://s.example', token }));
    const consent = await caller.stories.consentText();
    const story = await caller.stories.create({ title: 'Waiting story', body: 'x', audience: 'public', signing: 'name', consent: { consentTextId: consent.id, uses: ['site'] }, idempotencyKey: randomUUID() });
    expect(await run(['moderate', 'pending', '--tenant', slug])).toContain(`${story.id}`);
    expect(await run(['moderate', 'approve', '--tenant', slug, '--id', story.id])).toBe(`The story ${story.id} is now published.`);
    expect(await run(['moderate', 'pending', '--tenant', slug])).toBe('Nothing is waiting for review.');
    expect((await caller.stories.get({ storyId: story.id })).publishedAt).not.toBeNull();
    await expect(run(['moderate', 'approve', '--tenant', slug, '--id', randomUUID()])).rejects.toBeInstanceOf(UsageError);
  });

  it('explains mistakes instead of failing obscurely', async () => {
    await expect(run(['tenant', 'create', '--name', 'No slug'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['tenant', 'create', '--name', 'Bad', '--slug', 'Not A Slug'])).rejects.toThrow();
    await expect(run(['origin', 'add', '--tenant', 'nobody-here', '--origin', 'https://x.example'])).rejects.toThrow(/no tenant/);
    await expect(run(['origin', 'add', '--tenant', 'x', '--origin', 'https://*.example'])).rejects.toThrow();
    await expect(run(['frobnicate'])).rejects.toThrow(/unknown command/);
    await expect(run(['migrate', '--bogus'])).rejects.toThrow();
    expect(await run(['migrate'])).toBe('The database is up to date.');
    await expect(run(['audit', 'verify', '--tenant', 'nobody-here'])).rejects.toThrow(/no tenant/);
  });
});

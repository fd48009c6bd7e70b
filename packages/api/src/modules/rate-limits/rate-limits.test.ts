import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { createApiServer } from '../../http/server.ts';
import { testDatabase, testLog } from '../../testing/database.ts';
import { createTestTenant, idem, type TestTenant } from '../../testing/fixtures.ts';
import { updateTenantSettings } from '../tenants/tenant-settings.ts';
import { enforceRateLimit, ipBucket, postgresStore, redisStore, type RateLimitStore } from './rate-limits.ts';
import type { Server } from 'node:http';

describe('address buckets', () => {
  it('groups IPv6 by /64 and keeps IPv4 as is', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:0db8:0001:0002:ffff::9')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('not an ip')).toBeUndefined();
    expect(ipBucket(undefined)).toBeUndefined();
  });
});

const tight = { memberReadsPerMinute: 1000, memberWritesPerMinute: 3, ipReadsPerMinute: 5, ipWritesPerMinute: 1000, tenantReadsPerMinute: 1000, tenantWritesPerMinute: 1000 };

async function expectLimited(promise: Promise<unknown>) {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect((err as { kindredCode?: string })?.kindredCode).toBe('RATE_LIMITED');
  expect((err as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
}

function storeContract(name: string, makeStore: () => Promise<RateLimitStore>) {
  describe(`${name} counters`, () => {
    it('limit each tenant, address and member separately, reads apart from writes', async () => {
      const store = await makeStore();
      const tenant = `t-${idem()}`;
      const other = `t-${idem()}`;
      const read = (t: string, ip: string) => enforceRateLimit(store, { tenantId: t, kind: 'read', ip, limits: tight });
      for (let i = 0; i < 5; i++) await read(tenant, '198.51.100.1');
      await expectLimited(read(tenant, '198.51.100.1'));
      // Another address, another tenant, and writes are untouched.
      await read(tenant, '198.51.100.2');
      await read(other, '198.51.100.1');
      await enforceRateLimit(store, { tenantId: tenant, kind: 'write', ip: '198.51.100.1', limits: tight });
      // The same /64 is one bucket.
      for (let i = 0; i < 5; i++) await read(tenant, `2001:db8:9:9::${i + 1}`);
      await expectLimited(read(tenant, '2001:db8:9:9:ffff::1'));
      await store.close();
    });
  });
}

storeContract('PostgreSQL', async () => postgresStore((await testDatabase()).db));
if (process.env.REDIS_URL) storeContract('Redis', async () => redisStore(new Redis(process.env.REDIS_URL!)));

describe('over HTTP', () => {
  let server: Server;
  let base: string;
  let flooded: TestTenant;
  let calm: TestTenant;

  beforeAll(async () => {
    const { db } = await testDatabase();
    const widgetsDir = mkdtempSync(path.join(tmpdir(), 'kindred-rl-'));
    writeFileSync(path.join(widgetsDir, 'kindred.js'), '');
    server = createApiServer({ db, log: testLog, widgetsDir, adminDir: widgetsDir, rateLimits: postgresStore(db) });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    flooded = await createTestTenant('flooded');
    calm = await createTestTenant('calm');
    await withTenant(db, flooded.tenant.id, (tx) => updateTenantSettings(tx, { rateLimits: tight }));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const list = (tenant: TestTenant) =>
    fetch(`${base}/trpc/forum.listThreads?input=%7B%7D`, { headers: { 'x-kindred-key': tenant.publishableKey, origin: tenant.origin } });

  it('answers 429 with Retry-After past the limit, and a flood on one tenant leaves another untouched', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await list(flooded)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await list(flooded);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { data: { kindredCode: string } } }).error.data.kindredCode).toBe('RATE_LIMITED');
    // Meanwhile the calm tenant is served, and not slower than a first request.
    const started = performance.now();
    const calmResponses = await Promise.all(Array.from({ length: 5 }, () => list(calm)));
    expect(calmResponses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('limits a member’s writes', async () => {
    const token = await flooded.token({ sub: 'busy-writer', name: 'Writer' });
    const post = () =>
      fetch(`${base}/trpc/forum.createThread`, {
        method: 'POST',
        headers: { 'x-kindred-key': flooded.publishableKey, origin: flooded.origin, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Many threads', body: 'x', idempotencyKey: idem() }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

/** The HTTP surface as a browser or an attacker sees it: CORS, status codes, error bodies. */
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { RealtimeHub } from '../modules/realtime/realtime.hub.ts';
import { testDatabase, testLog } from '../testing/database.ts';
import { createTestTenant, idem, type TestTenant } from '../testing/fixtures.ts';
import { createApiServer } from './server.ts';
import type { Server } from 'node:http';

let server: Server;
let base: string;
let tenant: TestTenant;
let other: TestTenant;

/** Every log line the server under test wrote. */
const logLines: string[] = [];
const capturingLog = createLogger('debug', { write: (line: string) => void logLines.push(line) });

function startServer(
  db: Parameters<typeof createApiServer>[0]['db'],
  log = testLog,
  realtime?: RealtimeHub,
): Promise<{ server: Server; base: string }> {
  const widgetsDir = mkdtempSync(path.join(tmpdir(), 'kindred-widgets-'));
  writeFileSync(path.join(widgetsDir, 'kindred.js'), 'export {};');
  const s = createApiServer({ db, log, widgetsDir, adminDir: widgetsDir, ...(realtime ? { realtime } : {}) });
  return new Promise((resolve) => s.listen(0, () => resolve({ server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` })));
}

let hub: RealtimeHub;

beforeAll(async () => {
  hub = new RealtimeHub(await testDatabase(), testLog);
  await hub.start();
  ({ server, base } = await startServer((await testDatabase()).db, capturingLog, hub));
  tenant = await createTestTenant('http');
  other = await createTestTenant('http-other');
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await hub.stop();
});

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

async function call(pathAndQuery: string, init: RequestInit & { key?: string; origin?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.key !== undefined) headers.set('x-kindred-key', init.key);
  else headers.set('x-kindred-key', tenant.publishableKey);
  if (init.origin !== null) headers.set('origin', init.origin ?? tenant.origin);
  const response = await fetch(`${base}${pathAndQuery}`, { ...init, headers });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}

describe('CORS', () => {
  it('echoes an allowed origin (and only that one) with Vary: Origin and no credentials', async () => {
    const res = await call(`/trpc/forum.listThreads?${input({})}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(tenant.origin);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers 403 ORIGIN_NOT_ALLOWED without CORS headers for an origin not on this tenant’s list', async () => {
    const res = await call(`/trpc/forum.listThreads?${input({})}`, { origin: other.origin });
    expect(res.status).toBe(403);
    expect(res.body.error.data.kindredCode).toBe('ORIGIN_NOT_ALLOWED');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const none = await call(`/trpc/forum.listThreads?${input({})}`, { origin: null });
    expect(none.status).toBe(403);
  });

  it('answers 401 TENANT_KEY_INVALID for a missing or unknown key', async () => {
    for (const key of ['', 'pk_unknown', 'sk_not_a_publishable_key', 'x'.repeat(5000)]) {
      const res = await call(`/trpc/forum.listThreads?${input({})}`, { key });
      expect(res.status).toBe(401);
      expect(res.body.error.data.kindredCode).toBe('TENANT_KEY_INVALID');
    }
  });

  it('answers preflights for known origins only', async () => {
    const ok = await fetch(`${base}/trpc/forum.reply`, {
      method: 'OPTIONS',
      headers: { origin: tenant.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-kindred-key, authorization, content-type' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(tenant.origin);
    expect(ok.headers.get('access-control-allow-headers')).toContain('x-kindred-key');
    const refused = await fetch(`${base}/trpc/forum.reply`, { method: 'OPTIONS', headers: { origin: 'https://stranger.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('client mistakes are 4xx with a code, never 500', () => {
  it('maps every kind of bad request to a clear error', async () => {
    const token = await tenant.token();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const cases: [string, RequestInit, number, string][] = [
      [`/trpc/forum.listThreads?input=%7Bnot-json`, {}, 400, 'VALIDATION_FAILED'],
      [`/trpc/forum.listThreads?${input({ limit: 'many' })}`, {}, 400, 'VALIDATION_FAILED'],
      [`/trpc/forum.getThread?${input({ threadId: "1' or 1=1 --" })}`, {}, 400, 'VALIDATION_FAILED'],
      [`/trpc/forum.getThread?${input({ threadId: crypto.randomUUID() })}`, {}, 404, 'NOT_FOUND'],
      [`/trpc/forum.nope?${input({})}`, {}, 404, 'NOT_FOUND'],
      [`/trpc/forum.reply`, { method: 'POST', headers: auth, body: '{"threadId":' }, 400, 'VALIDATION_FAILED'],
      [`/trpc/forum.reply`, { method: 'POST', headers: auth, body: JSON.stringify({ threadId: crypto.randomUUID(), body: 'x'.repeat(300_000), idempotencyKey: idem() }) }, 413, 'PAYLOAD_TOO_LARGE'],
      [`/trpc/forum.reply`, { method: 'GET' }, 405, 'METHOD_NOT_ALLOWED'],
      [`/trpc/forum.listThreads`, { method: 'POST', headers: auth, body: '{}' }, 405, 'METHOD_NOT_ALLOWED'],
      [`/trpc/forum.createThread`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Hello', body: 'x', idempotencyKey: idem() }) }, 401, 'SIGN_IN_REQUIRED'],
      [`/trpc/forum.createThread`, { method: 'POST', headers: { ...auth, authorization: 'Bearer nonsense' }, body: '{}' }, 401, 'TOKEN_INVALID'],
      [`/trpc/forum.createThread`, { method: 'POST', headers: { ...auth, authorization: 'Basic abc' }, body: '{}' }, 401, 'TOKEN_INVALID'],
      [`/trpc/forum.listThreads,forum.getThread?batch=1&input=%7B%7D`, {}, 400, 'VALIDATION_FAILED'],
    ];
    for (const [url, init, status, code] of cases) {
      const res = await call(url, init);
      expect({ url: url.slice(0, 60), status: res.status, code: res.body?.error?.data?.kindredCode }).toEqual({
        url: url.slice(0, 60),
        status,
        code,
      });
      expect(typeof res.body.error.message).toBe('string');
    }
  });

  it('reports which field was wrong', async () => {
    const token = await tenant.token();
    const res = await call('/trpc/forum.createThread', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'a', body: 'fine', idempotencyKey: idem() }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.data.issues).toEqual([expect.objectContaining({ path: 'title' })]);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|node_modules/);
  });

  it('writes through HTTP and reads the result back', async () => {
    const token = await tenant.token({ sub: 'http-writer', name: 'Writer' });
    const created = await call('/trpc/forum.createThread', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Over HTTP', body: 'hello', idempotencyKey: idem() }),
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toBe('private, no-store');
    const read = await call(`/trpc/forum.getThread?${input({ threadId: created.body.result.data.id })}`);
    expect(read.body.result.data.thread.title).toBe('Over HTTP');
    expect(read.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(read.headers.get('cdn-cache-control')).toContain('max-age=5');
  });
});

describe('live streams over HTTP', () => {
  it('refuses a stream with a real 4xx and a code, before any event is sent', async () => {
    const expired = await tenant.token({ expiresIn: -100 });
    const sse = { accept: 'text/event-stream' };
    const cases: [string, RequestInit & { key?: string; origin?: string | null }, number, string][] = [
      [`/trpc/forum.onForum?${input({})}`, { headers: { ...sse, authorization: `Bearer ${expired}` } }, 401, 'TOKEN_EXPIRED'],
      [`/trpc/forum.onForum?${input({ group: 'nope' })}`, { headers: sse }, 404, 'NOT_FOUND'],
      [`/trpc/forum.onThread?${input({ threadId: 'x' })}`, { headers: sse }, 400, 'VALIDATION_FAILED'],
      [`/trpc/forum.onThread?${input({ threadId: crypto.randomUUID() })}`, { headers: sse }, 404, 'NOT_FOUND'],
      [`/trpc/forum.onThread?input=%7Bbroken`, { headers: sse }, 400, 'VALIDATION_FAILED'],
      [`/trpc/forum.onForum?${input({})}`, { headers: sse, origin: other.origin }, 403, 'ORIGIN_NOT_ALLOWED'],
      [`/trpc/forum.onForum?${input({ lastEventId: '99999999999999999999' })}`, { headers: sse }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [url, init, status, code] of cases) {
      const res = await call(url, init);
      expect({ url: url.slice(0, 50), status: res.status, code: res.body?.error?.data?.kindredCode }).toEqual({ url: url.slice(0, 50), status, code });
    }
    // An allowed stream opens as an event stream.
    const controller = new AbortController();
    const open = await fetch(`${base}/trpc/forum.onForum?${input({})}`, {
      headers: { ...sse, 'x-kindred-key': tenant.publishableKey, origin: tenant.origin },
      signal: controller.signal,
    });
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toContain('text/event-stream');
    expect(open.headers.get('access-control-allow-origin')).toBe(tenant.origin);
    controller.abort();
  });
});

describe('logs', () => {
  it('carry the request id and tenant id, never a post body, a token or a query string', async () => {
    const secretBody = 'I was diagnosed with something private 7c1f';
    const token = await tenant.token({ sub: 'log-writer', name: 'Logger' });
    const created = await call('/trpc/forum.createThread', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Private title 7c1f', body: secretBody, idempotencyKey: idem() }),
    });
    const requestId = created.headers.get('x-request-id');
    await call(`/trpc/forum.listThreads?${input({ group: 'private-search-7c1f' })}`);
    await call('/trpc/forum.createThread', { method: 'POST', headers: { authorization: 'Bearer broken.token.7c1f' }, body: '{}' });
    await new Promise((r) => setTimeout(r, 20));
    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const access = lines.find((l) => l.requestId === requestId && l.msg === 'request');
    expect(access).toMatchObject({ tenantId: tenant.tenant.id, path: '/trpc/forum.createThread', status: 200 });
    const all = logLines.join('\n');
    expect(all).not.toContain('7c1f');
    expect(all).not.toContain(token);
  });
});

describe('static files and health', () => {
  it('serves the loader to any site, refuses path escapes, and reports health', async () => {
    const loader = await fetch(`${base}/kindred.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toContain('javascript');
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${base}/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('when the database is unreachable', () => {
  it('answers 503 DATABASE_UNAVAILABLE instead of crashing', async () => {
    const unreachable = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none', log: testLog });
    const { server: down, base: downBase } = await startServer(unreachable.db);
    try {
      const res = await fetch(`${downBase}/trpc/forum.listThreads?${input({})}`, {
        headers: { 'x-kindred-key': tenant.publishableKey, origin: tenant.origin },
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).error.data.kindredCode).toBe('DATABASE_UNAVAILABLE');
      const health = await fetch(`${downBase}/healthz`);
      expect(health.status).toBe(503);
    } finally {
      await new Promise<void>((resolve) => down.close(() => resolve()));
      await unreachable.close();
    }
  });
});

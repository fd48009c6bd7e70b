/**
 * Live updates: events reach subscribers as each viewer may see them, and API processes on the
 * same database see each other's events through the outbox and a coalesced NOTIFY.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { createApiServer } from '../../http/server.ts';
import { addToGroup, createGroup, signedIn, startThread } from '../../testing/community.ts';
import { testDatabase, testLog } from '../../testing/database.ts';
import { createTestTenant, idem, type TestTenant } from '../../testing/fixtures.ts';
import type { ForumEvent, ThreadEvent } from '../forum/forum.schema.ts';
import { RealtimeHub } from './realtime.hub.ts';

let hub: RealtimeHub;

beforeAll(async () => {
  hub = new RealtimeHub(await testDatabase(), testLog, { pollMs: 200 });
  await hub.start();
});
afterAll(() => hub.stop());

/** Collects what a subscription yields until `count` events arrived or the time is up. */
async function collect<T>(stream: AsyncIterable<unknown>, count: number, controller: AbortController, ms = 5000): Promise<T[]> {
  const seen: T[] = [];
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    for await (const item of stream) {
      // tracked() events arrive as [id, data] envelopes through createCaller.
      seen.push((Array.isArray(item) ? item[1] : item) as T);
      if (seen.length >= count) break;
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return seen;
}

async function liveCaller(tenant: TestTenant, sub?: string) {
  const controller = new AbortController();
  const token = sub ? await tenant.token({ sub, name: sub }) : undefined;
  const caller = await tenant.caller({ realtime: hub, signal: controller.signal, ...(token ? { token } : {}) });
  return { caller, controller };
}

describe('live thread updates', () => {
  it('delivers new replies, edits and reaction counts to someone viewing the thread', async () => {
    const tenant = await createTestTenant('live');
    const ana = await signedIn(tenant, 'ana', 'Ana');
    const thread = await startThread(ana.caller, 'Live thread');
    const viewer = await liveCaller(tenant, 'viewer');
    const stream = await viewer.caller.forum.onThread({ threadId: thread.id });
    const events = collect<ThreadEvent>(stream, 3, viewer.controller);
    await new Promise((r) => setTimeout(r, 100));
    const writer = await tenant.caller({ token: await tenant.token({ sub: 'ana', name: 'Ana' }), realtime: hub });
    const reply = await writer.forum.reply({ threadId: thread.id, body: 'hello *live*', idempotencyKey: idem() });
    await writer.forum.editPost({ postId: reply.id, body: 'hello again' });
    await writer.forum.react({ postId: reply.id, kind: 'support', on: true });
    const got = await events;
    expect(got.map((e) => e.type)).toEqual(['post.created', 'post.updated', 'reactions.changed']);
    // Events carry ids; each delivery loads the post as it is now, as this viewer may see it.
    expect(got[0]).toMatchObject({ post: { id: reply.id, isOwn: false, author: { displayName: 'Ana' } } });
    expect(got[1]).toMatchObject({ post: { id: reply.id, bodyHtml: '<p>hello again</p>' } });
    expect(got[2]).toMatchObject({ postId: reply.id, reactions: { support: 1 } });
  });

  it('keeps anonymous authors anonymous in live events', async () => {
    const tenant = await createTestTenant('live-anon');
    const ana = await signedIn(tenant, 'ana', 'Ana Secret');
    const thread = await startThread(ana.caller, 'Anon live');
    const viewer = await liveCaller(tenant, 'viewer');
    const events = collect<ThreadEvent>(await viewer.caller.forum.onThread({ threadId: thread.id }), 1, viewer.controller);
    await new Promise((r) => setTimeout(r, 100));
    const writer = await tenant.caller({ token: await tenant.token({ sub: 'ana', name: 'Ana Secret' }), realtime: hub });
    await writer.forum.reply({ threadId: thread.id, body: 'quietly', anonymous: true, idempotencyKey: idem() });
    const [event] = await events;
    expect(event).toMatchObject({ type: 'post.created', post: { author: null, anonymous: true } });
    expect(JSON.stringify(event)).not.toContain('Ana Secret');
    expect(JSON.stringify(event)).not.toContain(ana.id);
  });

  it('sends group-only events to group members only, and nothing across tenants', async () => {
    const tenant = await createTestTenant('live-priv');
    const other = await createTestTenant('live-other');
    const groupId = await createGroup(tenant, 'private', { visibility: 'group', joinPolicy: 'request' });
    const member = await signedIn(tenant, 'member');
    await addToGroup(tenant, groupId, member.id);
    const outsider = await liveCaller(tenant, 'outsider');
    await expect(outsider.caller.forum.onForum({ group: 'private' }).then((s) => collect(s, 1, outsider.controller, 300))).rejects.toThrow(
      /Join this group/,
    );
    const guest = await liveCaller(tenant);
    await expect(guest.caller.forum.onForum({ group: 'private' }).then((s) => collect(s, 1, guest.controller, 300))).rejects.toThrow();

    const insider = await liveCaller(tenant, 'member');
    const insiderEvents = collect<ForumEvent>(await insider.caller.forum.onForum({ group: 'private' }), 1, insider.controller);
    const elsewhere = await liveCaller(other, 'member');
    const otherEvents = collect<ForumEvent>(await elsewhere.caller.forum.onForum({}), 1, elsewhere.controller, 1500);
    await new Promise((r) => setTimeout(r, 100));
    const writer = await tenant.caller({ token: await tenant.token({ sub: 'member', name: 'member' }), realtime: hub });
    const thread = await writer.forum.createThread({ group: 'private', title: 'Members only', body: 'x', idempotencyKey: idem() });
    expect(await insiderEvents).toEqual([{ type: 'thread.created', threadId: thread.id }]);
    expect(await otherEvents).toEqual([]);
    // Someone who may not read the thread cannot open its stream either, nor can another tenant.
    await expect(outsider.caller.forum.onThread({ threadId: thread.id }).then((s) => collect(s, 1, new AbortController(), 300))).rejects.toThrow();
    const otherTenant = await liveCaller(other, 'member');
    await expect(otherTenant.caller.forum.onThread({ threadId: thread.id }).then((s) => collect(s, 1, otherTenant.controller, 300))).rejects.toThrow(
      /does not exist/,
    );
  });

  it('resumes from the last event id after a reconnect', async () => {
    const tenant = await createTestTenant('live-resume');
    const ana = await signedIn(tenant, 'ana');
    const thread = await startThread(ana.caller, 'Resume');
    const writer = await tenant.caller({ token: await tenant.token({ sub: 'ana', name: 'ana' }), realtime: hub });
    const first = await liveCaller(tenant, 'viewer');
    const firstEvents = collect<unknown>(await first.caller.forum.onThread({ threadId: thread.id }), 1, first.controller);
    await new Promise((r) => setTimeout(r, 100));
    await writer.forum.reply({ threadId: thread.id, body: 'one', idempotencyKey: idem() });
    await firstEvents;
    const seq = (await tenant.db.selectFrom('realtime_events').select((eb) => eb.fn.max('seq').as('seq')).where('tenant_id', '=', tenant.tenant.id).executeTakeFirstOrThrow()).seq;
    // Disconnected: two more replies happen.
    await writer.forum.reply({ threadId: thread.id, body: 'two', idempotencyKey: idem() });
    await writer.forum.reply({ threadId: thread.id, body: 'three', idempotencyKey: idem() });
    const again = await liveCaller(tenant, 'viewer');
    const missed = await collect<ThreadEvent>(
      await again.caller.forum.onThread({ threadId: thread.id, lastEventId: String(seq) }),
      2,
      again.controller,
    );
    expect(missed.map((e) => (e.type === 'post.created' ? e.post.bodySource ?? e.post.bodyHtml : e.type))).toEqual(['<p>two</p>', '<p>three</p>']);
  });
});

/** Reads an SSE stream over HTTP until `predicate` matches a data event. */
async function readSse(url: string, headers: Record<string, string>, predicate: (data: unknown) => boolean, ms = 8000): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const response = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^event:/m.test(block)) continue;
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data && predicate(JSON.parse(data))) return JSON.parse(data);
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

describe.skipIf(!process.env.DATABASE_URL)('two API processes on one PostgreSQL database', () => {
  it('see each other’s events: a reply through one reaches a viewer streaming from the other', async () => {
    const tenant = await createTestTenant('two-procs');
    const ana = await signedIn(tenant, 'ana', 'Ana');
    const thread = await startThread(ana.caller, 'Across processes');

    // Process B: a real, separate Kindred process.
    const port = 21000 + Math.floor(Math.random() * 20000);
    const root = fileURLToPath(new URL('../../../../../', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/api/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), KINDRED_DEMO: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Process A: this test process, with its own pool, LISTEN connection and hub.
    const own = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, log: testLog });
    const hubA = new RealtimeHub(own, testLog, { pollMs: 60_000 });
    await hubA.start();
    const serverA = createApiServer({ db: own.db, log: testLog, realtime: hubA, widgetsDir: root, adminDir: root });
    await new Promise<void>((resolve) => serverA.listen(0, resolve));
    const baseA = `http://127.0.0.1:${(serverA.address() as AddressInfo).port}`;
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => (out += d) && out.includes('Kindred is running.') && resolve());
        child.once('exit', (code) => reject(new Error(`process B exited with ${code}`)));
      });
      const baseB = `http://127.0.0.1:${port}`;
      const headers = { 'x-kindred-key': tenant.publishableKey, origin: tenant.origin, authorization: `Bearer ${await tenant.token({ sub: 'viewer', name: 'Viewer' })}` };
      const input = (v: unknown) => encodeURIComponent(JSON.stringify(v));
      const writerHeaders = { 'x-kindred-key': tenant.publishableKey, origin: tenant.origin, 'content-type': 'application/json', authorization: `Bearer ${await tenant.token({ sub: 'ana', name: 'Ana' })}` };

      // Viewer on B, write on A.
      const seenOnB = readSse(`${baseB}/trpc/forum.onThread?input=${input({ threadId: thread.id })}`, headers, (d) => (d as ThreadEvent).type === 'post.created');
      await new Promise((r) => setTimeout(r, 300));
      const written = await fetch(`${baseA}/trpc/forum.reply`, { method: 'POST', headers: writerHeaders, body: JSON.stringify({ threadId: thread.id, body: 'from process A', idempotencyKey: idem() }) });
      expect(written.status).toBe(200);
      expect(await seenOnB).toMatchObject({ type: 'post.created', post: { bodyHtml: '<p>from process A</p>' } });

      // Viewer on A, write on B (A's poll is a minute: only B's NOTIFY can wake it in time).
      const seenOnA = readSse(`${baseA}/trpc/forum.onThread?input=${input({ threadId: thread.id })}`, headers, (d) => (d as ThreadEvent).type === 'post.created');
      await new Promise((r) => setTimeout(r, 300));
      await fetch(`${baseB}/trpc/forum.reply`, { method: 'POST', headers: writerHeaders, body: JSON.stringify({ threadId: thread.id, body: 'from process B', idempotencyKey: idem() }) });
      expect(await seenOnA).toMatchObject({ type: 'post.created', post: { bodyHtml: '<p>from process B</p>' } });
    } finally {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => serverA.close(() => resolve()));
      await hubA.stop();
      await own.close();
    }
  });
});

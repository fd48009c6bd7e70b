import { expect } from '@esm-bundle/chai';
import { ApiError, withSession, type KindredClient, type SubscribeHandlers } from './api-client.ts';
import { backoffDelay, openStream, SseParser } from './sse.ts';

describe('SseParser', () => {
  const stream = [
    ': a comment\r\n',
    'event: connected\r\ndata: {"reconnectAfterInactivityMs":0}\r\n\r\n',
    'id: 41\ndata: {"type":"post.created",\ndata: "n":1}\n\n',
    'event: ping\ndata: \n\n',
    'id:42\ndata:{"type":"reactions.changed"}\r\r',
    'event: return\ndata: \n\n',
  ].join('');
  const expected = [
    { event: 'connected', data: '{"reconnectAfterInactivityMs":0}', id: undefined },
    { event: undefined, data: '{"type":"post.created",\n"n":1}', id: '41' },
    { event: 'ping', data: '', id: undefined },
    { event: undefined, data: '{"type":"reactions.changed"}', id: '42' },
    { event: 'return', data: '', id: undefined },
  ];

  it('parses a whole stream: events, ids, multi-line data, comments, CRLF/LF/CR', () => {
    expect(new SseParser().push(stream)).to.deep.equal(expected);
  });

  it('gives the same messages whatever the chunking, even one character at a time or a CRLF split', () => {
    for (const size of [1, 2, 3, 7, 16]) {
      const parser = new SseParser();
      const messages = [];
      for (let i = 0; i < stream.length; i += size) messages.push(...parser.push(stream.slice(i, i + size)));
      expect(messages, `chunks of ${size}`).to.deep.equal(expected);
    }
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s to 30 s, with jitter between half and all of it', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { random: () => 1 }))).to.deep.equal([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(2, { random: () => 0 })).to.equal(2000);
  });
});

/** A fetch that answers each call from a script: SSE text chunks (then the body ends), or a Response. */
function scriptedFetch(script: (string[] | Response)[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url: String(url), headers: init.headers as Record<string, string> });
    const next = script.shift();
    if (!next) return new Promise(() => {}); // stay connected
    if (next instanceof Response) return next;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of next) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function collect(signal: AbortSignal) {
  const seen = { data: [] as unknown[], ids: [] as (string | undefined)[], errors: [] as ApiError[], states: [] as string[] };
  const handlers: SubscribeHandlers<unknown> = {
    signal,
    onData: (data, id) => {
      seen.data.push(data);
      seen.ids.push(id);
    },
    onError: (e) => seen.errors.push(e),
    onState: (s) => seen.states.push(s),
  };
  return { seen, handlers };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('openStream', () => {
  it('sends the key and token as headers (never in the URL), reads data events, and stops on return', async () => {
    const { fetch, calls } = scriptedFetch([['event: connected\ndata: {}\n\n', 'id: 7\ndata: {"type":"x"', '}\n\nevent: return\ndata: \n\n']]);
    const abort = new AbortController();
    const { seen, handlers } = collect(abort.signal);
    await openStream({ base: 'https://api.example/', key: 'pk_test', getToken: () => 'secret', fetch }, 'forum.onThread', { threadId: 't1' }, handlers);
    expect(seen.data).to.deep.equal([{ type: 'x' }]);
    expect(seen.ids).to.deep.equal(['7']);
    expect(seen.states).to.deep.equal(['open']);
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal(`https://api.example/trpc/forum.onThread?input=${encodeURIComponent('{"threadId":"t1"}')}`);
    expect(calls[0]!.url).not.to.contain('secret');
    expect(calls[0]!.headers).to.deep.equal({ 'x-kindred-key': 'pk_test', authorization: 'Bearer secret', accept: 'text/event-stream' });
  });

  it('reconnects after a dropped connection and a server error, backing off, resuming from the last event id', async () => {
    const { fetch, calls } = scriptedFetch([
      ['event: connected\ndata: {}\n\nid: 1\ndata: 1\n\n'], // then the connection drops
      new Response(JSON.stringify({ error: { message: 'down', data: { kindredCode: 'DATABASE_UNAVAILABLE' } } }), { status: 503 }),
      ['id: 2\ndata: 2\n\nevent: return\ndata:\n\n'],
    ]);
    const abort = new AbortController();
    const { seen, handlers } = collect(abort.signal);
    const started = performance.now();
    await openStream({ base: 'https://api.example/', key: 'pk', fetch, retry: { initialMs: 40, random: () => 1 } }, 'forum.onForum', {}, handlers);
    const elapsed = performance.now() - started;
    expect(seen.data).to.deep.equal([1, 2]);
    expect(calls.map((c) => c.headers['last-event-id'])).to.deep.equal([undefined, '1', '1']);
    expect(seen.states).to.deep.equal(['open', 'retrying', 'retrying']);
    // 40 ms after the drop, then 80 ms after the 503 (no event in between resets the count).
    expect(elapsed).to.be.at.least(115);
    expect(seen.errors).to.deep.equal([]);
  });

  it('stops and reports an error reconnecting cannot fix (auth, forbidden, not found)', async () => {
    const serialized = JSON.stringify({ message: 'expired', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401, kindredCode: 'TOKEN_EXPIRED' } });
    const { fetch, calls } = scriptedFetch([[`event: connected\ndata: {}\n\nevent: serialized-error\ndata: ${serialized}\n\n`]]);
    const abort = new AbortController();
    const { seen, handlers } = collect(abort.signal);
    await openStream({ base: 'https://api.example/', key: 'pk', fetch, retry: { initialMs: 10 } }, 'forum.onThread', { threadId: 't' }, handlers);
    expect(seen.errors.map((e) => [e.kindredCode, e.httpStatus])).to.deep.equal([['TOKEN_EXPIRED', 401]]);
    expect(calls).to.have.length(1);
  });

  it('stops at once when aborted, also while waiting to reconnect', async () => {
    const { fetch, calls } = scriptedFetch([[]]); // connects, then drops at once
    const abort = new AbortController();
    const { handlers } = collect(abort.signal);
    const done = openStream({ base: 'https://api.example/', key: 'pk', fetch, retry: { initialMs: 10_000 } }, 'forum.onForum', {}, handlers);
    await wait(30);
    abort.abort();
    await done;
    expect(calls).to.have.length(1);
  });
});

describe('withSession subscribe', () => {
  it('on TOKEN_EXPIRED gets a fresh token and resubscribes from the last event', async () => {
    const inputs: unknown[] = [];
    const inner = {
      subscribe: (_path: string, input: unknown, handlers: SubscribeHandlers<unknown>) => {
        inputs.push(input);
        if (inputs.length === 1) {
          handlers.onData('a', '5');
          void handlers.onError!(new ApiError('TOKEN_EXPIRED', 401, 'expired'));
        }
      },
    } as unknown as KindredClient;
    let refreshed = 0;
    const client = withSession(inner, { refreshToken: async () => ++refreshed > 0, signOut: () => {} });
    const abort = new AbortController();
    const errors: unknown[] = [];
    client.subscribe('forum.onThread', { threadId: 't' }, { signal: abort.signal, onData: () => {}, onError: (e) => errors.push(e) });
    await wait(10);
    expect(refreshed).to.equal(1);
    expect(inputs).to.deep.equal([{ threadId: 't' }, { threadId: 't', lastEventId: '5' }]);
    expect(errors).to.deep.equal([]);
  });
});

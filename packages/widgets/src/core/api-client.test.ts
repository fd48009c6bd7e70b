import { expect } from '@esm-bundle/chai';
import { ApiError, createClient, withSession } from './api-client.ts';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (sent: Sent) => Response | Promise<Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url: String(url), init };
    sent.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const headers = (sent: Sent) => sent.init.headers as Record<string, string>;

describe('createClient', () => {
  it('sends a query as GET with encoded input, the key, the token and no cookies', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { result: { data: { items: [], nextCursor: null } } }));
    const client = createClient({ base: 'https://api.example/', key: 'pk_test', getToken: () => 'tok', fetch });
    const page = await client.query('forum.listThreads', { group: 'breast-cancer', cursor: 'a b&c' });
    expect(page).to.deep.equal({ items: [], nextCursor: null });
    const input = encodeURIComponent(JSON.stringify({ group: 'breast-cancer', cursor: 'a b&c' }));
    expect(sent[0]!.url).to.equal(`https://api.example/trpc/forum.listThreads?input=${input}`);
    expect(sent[0]!.init.method).to.equal('GET');
    expect(sent[0]!.init.credentials).to.equal('omit');
    expect(sent[0]!.init.body).to.equal(undefined);
    expect(headers(sent[0]!)).to.deep.equal({ 'x-kindred-key': 'pk_test', authorization: 'Bearer tok' });
  });

  it('sends a mutation as POST with a JSON body', async () => {
    const post = { id: 'p1', threadId: 't1', body: 'hi', author: { id: 'a', displayName: 'A' }, isOpening: false, createdAt: '' };
    const { fetch, sent } = fakeFetch(() => json(200, { result: { data: post } }));
    const client = createClient({ base: 'https://api.example/', key: 'pk_test', fetch });
    const input = { threadId: 't1', body: 'hi', idempotencyKey: 'key-12345678' };
    expect(await client.mutate('forum.reply', input)).to.deep.equal(post);
    expect(sent[0]!.url).to.equal('https://api.example/trpc/forum.reply');
    expect(sent[0]!.init.method).to.equal('POST');
    expect(sent[0]!.init.body).to.equal(JSON.stringify(input));
    expect(headers(sent[0]!)['content-type']).to.equal('application/json');
    expect(headers(sent[0]!)).not.to.have.property('authorization');
  });

  it('reads the current token on every request', async () => {
    let token: string | null = 'one';
    const { fetch, sent } = fakeFetch(() => json(200, { result: { data: null } }));
    const client = createClient({ base: 'https://api.example/', key: 'pk', getToken: () => token, fetch });
    await client.query('identity.me', undefined);
    token = 'two';
    await client.query('identity.me', undefined);
    expect(sent.map((s) => headers(s).authorization)).to.deep.equal(['Bearer one', 'Bearer two']);
    expect(sent[0]!.url).to.equal('https://api.example/trpc/identity.me');
  });

  it('turns an error response into an ApiError', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, {
        error: {
          message: 'The request is not valid.',
          code: -32600,
          data: { code: 'BAD_REQUEST', httpStatus: 400, kindredCode: 'VALIDATION_FAILED', issues: [{ path: 'body', message: 'Too small' }] },
        },
      }),
    );
    const client = createClient({ base: 'https://api.example/', key: 'pk', fetch });
    const error = await client.mutate('forum.reply', { threadId: 't', body: '', idempotencyKey: 'k-12345678' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.kindredCode).to.equal('VALIDATION_FAILED');
    expect(apiError.httpStatus).to.equal(400);
    expect(apiError.message).to.equal('The request is not valid.');
    expect(apiError.issues).to.deep.equal([{ path: 'body', message: 'Too small' }]);
    expect(apiError.details).to.equal(undefined);
  });

  it('keeps error.data.details (what moderation found, how long to wait)', async () => {
    const personalDetails = [{ kind: 'phone', match: '07700 900123' }];
    const { fetch } = fakeFetch(() =>
      json(422, {
        error: {
          message: 'This includes personal details that others would see.',
          code: -32022,
          data: { code: 'UNPROCESSABLE_CONTENT', httpStatus: 422, kindredCode: 'PERSONAL_DETAILS_FOUND', details: { personalDetails } },
        },
      }),
    );
    const client = createClient({ base: 'https://api.example/', key: 'pk', fetch });
    const error = (await client.mutate('forum.reply', { threadId: 't', body: 'Call me', idempotencyKey: 'k-12345678' }).catch((e: unknown) => e)) as ApiError;
    expect([error.kindredCode, error.httpStatus]).to.deep.equal(['PERSONAL_DETAILS_FOUND', 422]);
    expect(error.details).to.deep.equal({ personalDetails });
  });

  it('reports a failed fetch (offline, CORS) as NETWORK and a bare 502 as INTERNAL', async () => {
    const offline = createClient({ base: 'https://api.example/', key: 'pk', fetch: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch });
    const e1 = (await offline.query('identity.me', undefined).catch((e: unknown) => e)) as ApiError;
    expect([e1.kindredCode, e1.httpStatus]).to.deep.equal(['NETWORK', 0]);
    const proxy = createClient({ base: 'https://api.example/', key: 'pk', fetch: fakeFetch(() => new Response('Bad gateway', { status: 502 })).fetch });
    const e2 = (await proxy.query('identity.me', undefined).catch((e: unknown) => e)) as ApiError;
    expect([e2.kindredCode, e2.httpStatus]).to.deep.equal(['INTERNAL', 502]);
  });
});

describe('withSession', () => {
  const expired = () => new ApiError('TOKEN_EXPIRED', 401, 'expired');

  it('retries only once after a fresh token', async () => {
    let calls = 0;
    const inner = { query: async () => { calls++; throw expired(); }, mutate: async () => { calls++; throw expired(); } };
    let signedOut = false;
    const client = withSession(inner as never, { refreshToken: async () => true, signOut: () => (signedOut = true) });
    const error = await client.mutate('forum.reply', { threadId: 't', body: 'b', idempotencyKey: 'k-12345678' }).catch((e: unknown) => e);
    expect((error as ApiError).kindredCode).to.equal('TOKEN_EXPIRED');
    expect(calls).to.equal(2);
    expect(signedOut).to.equal(true);
  });

  it('retries a read as a guest when the token is refused', async () => {
    let calls = 0;
    const inner = {
      query: async () => {
        calls++;
        if (calls === 1) throw new ApiError('TOKEN_INVALID', 401, 'bad');
        return { items: [], nextCursor: null };
      },
    };
    const client = withSession(inner as never, { refreshToken: async () => false, signOut: () => {} });
    expect(await client.query('forum.listThreads', {})).to.deep.equal({ items: [], nextCursor: null });
    expect(calls).to.equal(2);
  });
});

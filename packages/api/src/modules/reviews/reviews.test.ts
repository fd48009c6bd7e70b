import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { createCaller } from '../../router.ts';
import { createContextInner } from '../../trpc/context.ts';
import { testLog } from '../../testing/database.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant, idem, type TestTenant } from '../../testing/fixtures.ts';
import { updateTenantSettings } from '../tenants/tenant-settings.ts';
import { decide } from '../moderation/moderation.service.ts';

/** The shop's backend: no Origin, its secret key as the bearer. */
async function shopBackend(tenant: TestTenant, secret = tenant.secretKey) {
  return createCaller(await createContextInner({ db: tenant.db, log: testLog, token: secret }));
}

async function shop(label = 'shop') {
  const tenant = await createTestTenant(label);
  await (await shopBackend(tenant)).products.upsert({
    products: [
      { sku: 'WIG-01', name: 'Soft cap wig', category: 'Wigs', url: 'https://shop.example/wig', imageUrl: 'https://shop.example/wig.jpg' },
      { sku: 'BRA-02', name: 'Post-surgery bra', category: 'Lingerie' },
      { sku: 'CREAM-03', name: 'Radiotherapy cream', category: 'Skin care' },
    ],
  });
  return tenant;
}

async function reviewer(tenant: TestTenant, sub: string, options: { purchases?: string[]; name?: string } = {}) {
  return tenant.caller({ token: await tenant.token({ sub, name: options.name ?? sub, claims: { purchases: options.purchases ?? [] } }) });
}

const publishAll = (tenant: TestTenant) => withTenant(tenant.db, tenant.tenant.id, (tx) => updateTenantSettings(tx, { reviewAutoPublishMinRating: 1 }));

describe('products', () => {
  it('are registered server-to-server with the secret key only', async () => {
    const tenant = await shop();
    const saved = await (await shopBackend(tenant)).products.upsert({ products: [{ sku: 'WIG-01', name: 'Soft cap wig (new colours)', category: 'Wigs' }] });
    expect(saved).toEqual([{ sku: 'WIG-01', name: 'Soft cap wig (new colours)', category: 'Wigs', url: null, imageUrl: null }]);
    await expectKindredError((await shopBackend(tenant, 'sk_wrong')).products.upsert({ products: [{ sku: 'X', name: 'x' }] }), 'SECRET_KEY_INVALID');
    await expectKindredError((await tenant.caller()).products.upsert({ products: [{ sku: 'X', name: 'x' }] }), 'SECRET_KEY_INVALID');
    await expectKindredError(
      (await shopBackend(tenant)).products.upsert({ products: [{ sku: 'X', name: 'x', url: 'javascript:alert(1)' }] }),
      'VALIDATION_FAILED',
    );
    await expectKindredError((await tenant.caller()).reviews.summary({ sku: 'NOPE' }), 'NOT_FOUND');
  });
});

describe('writing reviews', () => {
  it('holds reviews for moderation by default, marks verified buyers from the purchase claim, one review per member', async () => {
    const tenant = await shop('rev-write');
    const buyer = await reviewer(tenant, 'buyer', { purchases: ['WIG-01'], name: 'Jane Buyer' });
    const review = await buyer.reviews.write({ sku: 'WIG-01', rating: 5, title: 'So comfortable', body: 'Wore it **all day**.', attributes: ['during-chemotherapy'] });
    expect(review).toMatchObject({ status: 'pending', verifiedPurchase: true, bodyHtml: '<p>Wore it <strong>all day</strong>.</p>', attributes: [{ key: 'during-chemotherapy', label: 'Used during chemotherapy' }] });
    expect((await (await tenant.caller()).reviews.list({ sku: 'WIG-01' })).items).toEqual([]);
    await withTenant(tenant.db, tenant.tenant.id, (tx) => decide(tx, { kind: 'operator', id: null }, { kind: 'review', id: review.id, action: 'approve' }));
    const seen = (await (await tenant.caller()).reviews.list({ sku: 'WIG-01' })).items;
    expect(seen).toMatchObject([{ title: 'So comfortable', authorName: 'Jane Buyer', verifiedPurchase: true, status: null, isOwn: false }]);

    const edited = await buyer.reviews.write({ sku: 'WIG-01', rating: 4, title: 'Still comfortable', body: 'After a month.' });
    expect(edited.id).toBe(review.id);
    expect(edited.verifiedPurchase).toBe(true);
    const notBuyer = await reviewer(tenant, 'browser');
    expect((await notBuyer.reviews.write({ sku: 'WIG-01', rating: 3, title: 'Looks nice', body: 'Not bought yet' })).verifiedPurchase).toBe(false);
    await expectKindredError(notBuyer.reviews.write({ sku: 'NOPE', rating: 3, title: 'Nope', body: 'x' }), 'NOT_FOUND');
    await expectKindredError(notBuyer.reviews.write({ sku: 'WIG-01', rating: 6, title: 'Too good', body: 'x' }), 'VALIDATION_FAILED');
    await expectKindredError(notBuyer.reviews.write({ sku: 'WIG-01', rating: 3, title: 'Bad attr', body: 'x', attributes: ['made-up'] }), 'VALIDATION_FAILED');
    await expectKindredError(notBuyer.reviews.write({ sku: 'WIG-01', rating: 3, title: 'No pseudonym', body: 'x', signing: 'pseudonym' }), 'VALIDATION_FAILED');
    expect(await notBuyer.reviews.delete({ sku: 'WIG-01' })).toEqual({ ok: true });
    expect(await notBuyer.reviews.mine({ sku: 'WIG-01' })).toBeNull();
  });

  it('auto-publishes by rating when the tenant says so', async () => {
    const tenant = await shop('rev-auto');
    await withTenant(tenant.db, tenant.tenant.id, (tx) => updateTenantSettings(tx, { reviewAutoPublishMinRating: 4 }));
    const a = await reviewer(tenant, 'a');
    expect((await a.reviews.write({ sku: 'BRA-02', rating: 5, title: 'Great fit', body: 'x' })).status).toBe('published');
    expect((await a.reviews.write({ sku: 'BRA-02', rating: 2, title: 'Changed my mind', body: 'x' })).status).toBe('pending');
  });

  it('never shows a pseudonymous reviewer’s name', async () => {
    const tenant = await shop('rev-pseudo');
    await publishAll(tenant);
    const a = await reviewer(tenant, 'a', { name: 'Real Name' });
    await a.reviews.write({ sku: 'WIG-01', rating: 4, title: 'Pseudonymous', body: 'x', signing: 'pseudonym', pseudonym: 'WigFan' });
    const page = await (await tenant.caller()).reviews.list({ sku: 'WIG-01' });
    expect(page.items[0]!.authorName).toBe('WigFan');
    expect(JSON.stringify(page)).not.toContain('Real Name');
  });
});

describe('reading reviews', () => {
  it('sorts, filters by rating, attribute and "people like me", and summarises with a breakdown', async () => {
    const tenant = await shop('rev-read');
    await publishAll(tenant);
    const write = async (sub: string, rating: number, attributes: string[] = []) =>
      (await reviewer(tenant, sub)).reviews.write({ sku: 'CREAM-03', rating, title: `Rated ${rating} by ${sub}`, body: 'x', attributes });
    await write('a', 5, ['during-radiotherapy', 'sensitive-skin']);
    await write('b', 3, ['during-radiotherapy']);
    await write('c', 1);
    await write('d', 4, ['sensitive-skin']);
    const guest = await tenant.caller();
    const titles = async (input: Record<string, unknown>) => (await guest.reviews.list({ sku: 'CREAM-03', ...input } as never)).items.map((r) => r.title);
    expect(await titles({ sort: 'highest' })).toEqual(['Rated 5 by a', 'Rated 4 by d', 'Rated 3 by b', 'Rated 1 by c']);
    expect(await titles({ sort: 'lowest' })).toEqual(['Rated 1 by c', 'Rated 3 by b', 'Rated 4 by d', 'Rated 5 by a']);
    expect(await titles({ rating: 3 })).toEqual(['Rated 3 by b']);
    expect((await titles({ attribute: 'during-radiotherapy' })).sort()).toEqual(['Rated 3 by b', 'Rated 5 by a']);
    const pageOne = await guest.reviews.list({ sku: 'CREAM-03', sort: 'highest', limit: 3 });
    const pageTwo = await guest.reviews.list({ sku: 'CREAM-03', sort: 'highest', limit: 3, cursor: pageOne.nextCursor });
    expect(pageTwo.items.map((r) => r.title)).toEqual(['Rated 1 by c']);
    await expectKindredError(guest.reviews.list({ sku: 'CREAM-03', sort: 'newest', cursor: pageOne.nextCursor }), 'INVALID_CURSOR');

    const reader = await reviewer(tenant, 'reader');
    expect((await reader.reviews.list({ sku: 'CREAM-03', peopleLikeMe: true })).items).toEqual([]);
    await reader.reviews.setSharedAttributes({ attributes: ['sensitive-skin'] });
    expect(await reader.reviews.sharedAttributes()).toEqual([{ key: 'sensitive-skin', label: 'Sensitive skin' }]);
    expect((await reader.reviews.list({ sku: 'CREAM-03', peopleLikeMe: true, sort: 'highest' })).items.map((r) => r.title)).toEqual(['Rated 5 by a', 'Rated 4 by d']);
    await expectKindredError(guest.reviews.list({ sku: 'CREAM-03', peopleLikeMe: true }), 'SIGN_IN_REQUIRED');

    expect(await guest.reviews.summary({ sku: 'CREAM-03' })).toMatchObject({
      count: 4,
      average: 3.3,
      breakdown: { '1': 1, '2': 0, '3': 1, '4': 1, '5': 1 },
      product: { name: 'Radiotherapy cream' },
    });
  });

  it('counts helpful votes once per member, never for one’s own review', async () => {
    const tenant = await shop('rev-vote');
    await publishAll(tenant);
    const author = await reviewer(tenant, 'author');
    const review = await author.reviews.write({ sku: 'WIG-01', rating: 4, title: 'Helpful?', body: 'x' });
    const reader = await reviewer(tenant, 'reader');
    await reader.reviews.vote({ reviewId: review.id, helpful: true });
    expect(await reader.reviews.vote({ reviewId: review.id, helpful: true })).toEqual({ helpfulCount: 1, votedHelpful: true });
    await expectKindredError(author.reviews.vote({ reviewId: review.id, helpful: true }), 'FORBIDDEN_ACTION');
    expect((await reader.reviews.list({ sku: 'WIG-01' })).items[0]).toMatchObject({ helpfulCount: 1, votedHelpful: true });
    expect(await reader.reviews.vote({ reviewId: review.id, helpful: false })).toEqual({ helpfulCount: 0, votedHelpful: false });
  });

  it('recommends products rated highly by people with an attribute, with a minimum review count', async () => {
    const tenant = await shop('rev-reco');
    await publishAll(tenant);
    for (const [sub, sku, rating] of [['a', 'WIG-01', 5], ['b', 'WIG-01', 4], ['c', 'BRA-02', 5], ['d', 'CREAM-03', 2], ['e', 'CREAM-03', 3]] as const) {
      await (await reviewer(tenant, sub)).reviews.write({ sku, rating, title: 'During chemo', body: 'x', attributes: ['during-chemotherapy'] });
    }
    const guest = await tenant.caller();
    const recos = await guest.reviews.recommendations({ attribute: 'during-chemotherapy', minReviews: 2 });
    expect(recos.map((r) => [r.product.sku, r.average, r.reviewCount])).toEqual([['WIG-01', 4.5, 2], ['CREAM-03', 2.5, 2]]);
    expect((await guest.reviews.recommendations({ attribute: 'during-chemotherapy', minReviews: 1, category: 'Lingerie' })).map((r) => r.product.sku)).toEqual(['BRA-02']);
  });
});

describe('questions and answers', () => {
  it('takes questions and member answers, following the tenant’s moderation', async () => {
    const tenant = await shop('qa');
    const asker = await reviewer(tenant, 'asker', { name: 'Asker' });
    const pending = await asker.reviews.ask({ sku: 'WIG-01', body: 'Is it itchy on a bare scalp?', idempotencyKey: idem() });
    expect(pending.status).toBe('pending');
    expect((await (await tenant.caller()).reviews.questions({ sku: 'WIG-01' })).items).toEqual([]);
    expect((await asker.reviews.questions({ sku: 'WIG-01' })).items[0]).toMatchObject({ isOwn: true, status: 'pending' });
    await publishAll(tenant);
    const q = await asker.reviews.ask({ sku: 'WIG-01', body: 'Can it be washed?', idempotencyKey: idem() });
    const answerer = await reviewer(tenant, 'answerer', { name: 'Helper' });
    await answerer.reviews.answer({ questionId: q.id, body: 'Yes, *gently* by hand.', idempotencyKey: idem() });
    await expectKindredError(answerer.reviews.answer({ questionId: pending.id, body: 'x', idempotencyKey: idem() }), 'NOT_FOUND');
    const seen = (await (await tenant.caller()).reviews.questions({ sku: 'WIG-01' })).items;
    expect(seen).toMatchObject([{ body: 'Can it be washed?', answers: [{ bodyHtml: '<p>Yes, <em>gently</em> by hand.</p>', authorName: 'Helper', verified: false }] }]);
  });
});

describe('the shop’s own voice (server-to-server)', () => {
  it('adds a merchant reply under a review and verified replies to questions', async () => {
    const tenant = await shop('merchant');
    await publishAll(tenant);
    const review = await (await reviewer(tenant, 'a')).reviews.write({ sku: 'WIG-01', rating: 2, title: 'Too warm', body: 'x' });
    const backend = await shopBackend(tenant);
    await backend.products.replyToReview({ reviewId: review.id, body: 'Sorry to hear that. Our **cool-cap** model may suit you better.' });
    const seen = (await (await tenant.caller()).reviews.list({ sku: 'WIG-01' })).items[0]!;
    expect(seen.merchantReplyHtml).toBe('<p>Sorry to hear that. Our <strong>cool-cap</strong> model may suit you better.</p>');
    await backend.products.replyToReview({ reviewId: review.id, body: null });
    expect((await (await tenant.caller()).reviews.list({ sku: 'WIG-01' })).items[0]!.merchantReplyHtml).toBeNull();

    const q = await (await reviewer(tenant, 'asker')).reviews.ask({ sku: 'WIG-01', body: 'Does it come in grey?', idempotencyKey: idem() });
    await backend.products.answerQuestion({ questionId: q.id, staffName: 'Priya, Greenleaf pharmacist', body: 'Yes, in three shades of grey.' });
    const answers = (await (await tenant.caller()).reviews.questions({ sku: 'WIG-01' })).items[0]!.answers;
    expect(answers).toMatchObject([{ authorName: 'Priya, Greenleaf pharmacist', verified: true }]);
    // A member's token can never post as the shop.
    const member = await reviewer(tenant, 'sneaky');
    await expectKindredError(member.products.answerQuestion({ questionId: q.id, staffName: 'Fake staff', body: 'x' }), 'SECRET_KEY_INVALID');
    await expectKindredError(backend.products.replyToReview({ reviewId: crypto.randomUUID(), body: 'x' }), 'NOT_FOUND');
  });
});

describe('reviews tenant isolation', () => {
  it('keeps products, reviews, votes and questions inside their tenant', async () => {
    const a = await shop('riso-a');
    const b = await shop('riso-b');
    await publishAll(a);
    const inA = await reviewer(a, 'same');
    const review = await inA.reviews.write({ sku: 'WIG-01', rating: 5, title: 'Only in A', body: 'x', attributes: ['during-chemotherapy'] });
    const q = await inA.reviews.ask({ sku: 'WIG-01', body: 'A question in A', idempotencyKey: idem() });
    const inB = await reviewer(b, 'same');
    expect((await inB.reviews.list({ sku: 'WIG-01' })).items).toEqual([]);
    expect((await inB.reviews.summary({ sku: 'WIG-01' })).count).toBe(0);
    expect(await inB.reviews.mine({ sku: 'WIG-01' })).toBeNull();
    expect((await inB.reviews.questions({ sku: 'WIG-01' })).items).toEqual([]);
    expect(await inB.reviews.recommendations({ attribute: 'during-chemotherapy', minReviews: 1 })).toEqual([]);
    await expectKindredError(inB.reviews.vote({ reviewId: review.id, helpful: true }), 'NOT_FOUND');
    await expectKindredError(inB.reviews.answer({ questionId: q.id, body: 'x', idempotencyKey: idem() }), 'NOT_FOUND');
    await expectKindredError(inB.reviews.delete({ sku: 'WIG-01' }), 'NOT_FOUND');
    // B's secret key writes B's catalogue only.
    await (await shopBackend(b)).products.upsert({ products: [{ sku: 'WIG-01', name: 'Renamed in B' }] });
    expect((await (await a.caller()).reviews.summary({ sku: 'WIG-01' })).product.name).toBe('Soft cap wig');
    await expectKindredError((await shopBackend(b)).products.replyToReview({ reviewId: review.id, body: 'From B' }), 'NOT_FOUND');
    await expectKindredError((await shopBackend(b)).products.answerQuestion({ questionId: q.id, staffName: 'B', body: 'From B' }), 'NOT_FOUND');
    await inB.reviews.setSharedAttributes({ attributes: ['hair-loss'] });
    expect(await inA.reviews.sharedAttributes()).toEqual([]);
  });
});

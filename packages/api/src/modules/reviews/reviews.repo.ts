/** Review, product and Q&A SQL. Readers only ever see published rows (and their own). */
import type { ModerationColumnValues } from '../moderation/moderation.repo.ts';
import { sql } from 'kysely';
import type { ModerationStatus } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';

const NO_MEMBER = '00000000-0000-0000-0000-000000000000';

export async function upsertProduct(
  tx: TenantTx,
  product: { sku: string; name: string; category: string | null; url: string | null; imageUrl: string | null },
) {
  return tx
    .insertInto('products')
    .values({ tenant_id: tx.tenantId, sku: product.sku, name: product.name, category: product.category, url: product.url, image_url: product.imageUrl })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'sku']).doUpdateSet({
        name: product.name,
        category: product.category,
        url: product.url,
        image_url: product.imageUrl,
        updated_at: new Date(),
      }),
    )
    .returning(['id', 'sku', 'name', 'category', 'url', 'image_url'])
    .executeTakeFirstOrThrow();
}

export async function findProduct(tx: TenantTx, sku: string) {
  return tx.selectFrom('products').select(['id', 'sku', 'name', 'category', 'url', 'image_url']).where('sku', '=', sku).executeTakeFirst();
}

export type ProductRow = NonNullable<Awaited<ReturnType<typeof findProduct>>>;

export async function summary(tx: TenantTx, productId: string) {
  const rows = await tx
    .selectFrom('reviews')
    .select(['rating', sql<number>`count(*)::int`.as('n')])
    .where('product_id', '=', productId)
    .where('status', '=', 'published')
    .groupBy('rating')
    .execute();
  return rows;
}

function reviewsWithContext(tx: TenantTx, viewerId: string | null) {
  return tx
    .selectFrom('reviews as r')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 'r.tenant_id').onRef('m.id', '=', 'r.author_id'))
    .select([
      'r.id',
      'r.author_id',
      'r.rating',
      'r.title',
      'r.body',
      'r.body_html',
      'r.attributes',
      'r.signing',
      'r.pseudonym',
      'r.verified_purchase',
      'r.status',
      'r.moderation_reason',
      'r.moderation_note',
      'r.helpful_count',
      'r.merchant_reply_html',
      'r.published_at',
      'r.updated_at',
      'm.display_name as author_name',
      sql<boolean>`exists (select 1 from review_votes v where v.tenant_id = r.tenant_id and v.review_id = r.id and v.member_id = ${viewerId ?? NO_MEMBER})`.as(
        'voted_helpful',
      ),
    ]);
}

export type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewsWithContext>['executeTakeFirstOrThrow']>>;

export type ReviewSort = 'helpful' | 'newest' | 'highest' | 'lowest';

/**
 * Published reviews of a product in the chosen order, keyset-paged. Orders:
 * helpful (helpful_count desc, id desc), newest (published_at desc, id desc),
 * highest (rating desc, id desc), lowest (rating asc, id asc).
 */
export async function listReviews(
  tx: TenantTx,
  query: {
    productId: string;
    viewerId: string | null;
    sort: ReviewSort;
    rating?: number | undefined;
    attribute?: string | undefined;
    anyOfAttributes?: string[] | undefined;
    after?: readonly [string | number, string];
    limit: number;
  },
): Promise<ReviewRow[]> {
  let q = reviewsWithContext(tx, query.viewerId).where('r.product_id', '=', query.productId).where('r.status', '=', 'published');
  if (query.rating) q = q.where('r.rating', '=', query.rating);
  if (query.attribute) q = q.where(sql<boolean>`${query.attribute} = any(r.attributes)`);
  if (query.anyOfAttributes) q = q.where(sql<boolean>`r.attributes && ${query.anyOfAttributes}::text[]`);
  const after = query.after;
  switch (query.sort) {
    case 'helpful':
      if (after) q = q.where(sql<boolean>`(r.helpful_count, r.id) < (${after[0]}::int, ${after[1]}::uuid)`);
      q = q.orderBy('r.helpful_count', 'desc').orderBy('r.id', 'desc');
      break;
    case 'newest':
      if (after) q = q.where(sql<boolean>`(r.published_at, r.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      q = q.orderBy('r.published_at', 'desc').orderBy('r.id', 'desc');
      break;
    case 'highest':
      if (after) q = q.where(sql<boolean>`(r.rating, r.id) < (${after[0]}::int, ${after[1]}::uuid)`);
      q = q.orderBy('r.rating', 'desc').orderBy('r.id', 'desc');
      break;
    case 'lowest':
      if (after) q = q.where(sql<boolean>`(r.rating, r.id) > (${after[0]}::int, ${after[1]}::uuid)`);
      q = q.orderBy('r.rating', 'asc').orderBy('r.id', 'asc');
      break;
  }
  return q.limit(query.limit + 1).execute();
}

export async function findOwnReview(tx: TenantTx, productId: string, authorId: string): Promise<ReviewRow | undefined> {
  return reviewsWithContext(tx, authorId).where('r.product_id', '=', productId).where('r.author_id', '=', authorId).executeTakeFirst();
}

export async function findPublishedReview(tx: TenantTx, reviewId: string, viewerId: string | null): Promise<ReviewRow | undefined> {
  return reviewsWithContext(tx, viewerId).where('r.id', '=', reviewId).where('r.status', '=', 'published').executeTakeFirst();
}

/** One review per member per product: writing again edits it (a verified purchase stays verified). */
export async function upsertReview(
  tx: TenantTx,
  review: {
    productId: string;
    authorId: string;
    rating: number;
    title: string;
    body: string;
    bodyHtml: string;
    attributes: string[];
    signing: 'name' | 'pseudonym';
    pseudonym: string | null;
    verifiedPurchase: boolean;
    moderation: ModerationColumnValues;
  },
): Promise<void> {
  const publishedAt = review.moderation.status === 'published' ? new Date() : null;
  await tx
    .insertInto('reviews')
    .values({
      tenant_id: tx.tenantId,
      product_id: review.productId,
      author_id: review.authorId,
      rating: review.rating,
      title: review.title,
      body: review.body,
      body_html: review.bodyHtml,
      attributes: review.attributes,
      signing: review.signing,
      pseudonym: review.pseudonym,
      verified_purchase: review.verifiedPurchase,
      ...review.moderation,
      published_at: publishedAt,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'product_id', 'author_id']).doUpdateSet((eb) => ({
        rating: review.rating,
        title: review.title,
        body: review.body,
        body_html: review.bodyHtml,
        attributes: review.attributes,
        signing: review.signing,
        pseudonym: review.pseudonym,
        verified_purchase: sql<boolean>`${eb.ref('reviews.verified_purchase')} or ${review.verifiedPurchase}`,
        ...review.moderation,
        published_at: publishedAt,
        updated_at: new Date(),
      })),
    )
    .execute();
}

export async function deleteReview(tx: TenantTx, productId: string, authorId: string): Promise<boolean> {
  const deleted = await tx.deleteFrom('reviews').where('product_id', '=', productId).where('author_id', '=', authorId).returning('id').executeTakeFirst();
  return deleted !== undefined;
}

export async function setVote(tx: TenantTx, vote: { reviewId: string; memberId: string; helpful: boolean }): Promise<void> {
  const changed = vote.helpful
    ? await tx
        .insertInto('review_votes')
        .values({ tenant_id: tx.tenantId, review_id: vote.reviewId, member_id: vote.memberId })
        .onConflict((oc) => oc.columns(['tenant_id', 'review_id', 'member_id']).doNothing())
        .returning('review_id')
        .executeTakeFirst()
    : await tx.deleteFrom('review_votes').where('review_id', '=', vote.reviewId).where('member_id', '=', vote.memberId).returning('review_id').executeTakeFirst();
  if (changed) {
    await tx
      .updateTable('reviews')
      .set((eb) => ({ helpful_count: eb('helpful_count', vote.helpful ? '+' : '-', 1) }))
      .where('id', '=', vote.reviewId)
      .execute();
  }
}

export async function sharedAttributes(tx: TenantTx, memberId: string): Promise<string[]> {
  const row = await tx.selectFrom('members').select('shared_attributes').where('id', '=', memberId).executeTakeFirst();
  return row?.shared_attributes ?? [];
}

export async function setSharedAttributes(tx: TenantTx, memberId: string, attributes: string[]): Promise<void> {
  await tx.updateTable('members').set({ shared_attributes: attributes }).where('id', '=', memberId).execute();
}

/**
 * Products most recommended by people with an attribute: by average rating, then helpful votes,
 * among products with at least `minReviews` such published reviews. A top-N list, not paged.
 */
export async function recommendations(
  tx: TenantTx,
  query: { category?: string | undefined; attribute?: string | undefined; minReviews: number; limit: number },
) {
  let q = tx
    .selectFrom('reviews as r')
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.product_id'))
    .select([
      'p.id',
      'p.sku',
      'p.name',
      'p.category',
      'p.url',
      'p.image_url',
      sql<number>`round(avg(r.rating)::numeric, 2)::float8`.as('average'),
      sql<number>`count(*)::int`.as('review_count'),
      sql<number>`sum(r.helpful_count)::int`.as('helpful_votes'),
    ])
    .where('r.status', '=', 'published');
  if (query.attribute) q = q.where(sql<boolean>`${query.attribute} = any(r.attributes)`);
  if (query.category) q = q.where('p.category', '=', query.category);
  return q
    .groupBy(['p.id', 'p.sku', 'p.name', 'p.category', 'p.url', 'p.image_url'])
    .having(sql<boolean>`count(*) >= ${query.minReviews}`)
    .orderBy('average', 'desc')
    .orderBy('helpful_votes', 'desc')
    .orderBy('p.id')
    .limit(query.limit)
    .execute();
}

export async function listQuestions(tx: TenantTx, query: { productId: string; viewerId: string | null; after?: readonly [string, string]; limit: number }) {
  let q = tx
    .selectFrom('product_questions as q')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 'q.tenant_id').onRef('m.id', '=', 'q.author_id'))
    .select(['q.id', 'q.body', 'q.status', 'q.moderation_reason', 'q.moderation_note', 'q.author_id', 'q.created_at', 'm.display_name as author_name'])
    .where('q.product_id', '=', query.productId)
    .where((eb) => eb.or([eb('q.status', '=', 'published'), eb('q.author_id', '=', query.viewerId ?? NO_MEMBER)]));
  if (query.after) q = q.where(sql<boolean>`(q.created_at, q.id) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`);
  return q.orderBy('q.created_at', 'desc').orderBy('q.id', 'desc').limit(query.limit + 1).execute();
}

export async function answersFor(tx: TenantTx, questionIds: string[]) {
  if (questionIds.length === 0) return [];
  return tx
    .selectFrom('product_answers as a')
    .leftJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 'a.tenant_id').onRef('m.id', '=', 'a.author_id'))
    .select(['a.id', 'a.question_id', 'a.body_html', 'a.created_at', 'a.staff_name', 'm.display_name as author_name'])
    .where('a.question_id', 'in', questionIds)
    .where('a.status', '=', 'published')
    .orderBy('a.created_at')
    .limit(500)
    .execute();
}

export async function insertQuestion(
  tx: TenantTx,
  question: { productId: string; authorId: string; body: string; moderation: ModerationColumnValues; idempotencyKey: string },
): Promise<string> {
  const inserted = await tx
    .insertInto('product_questions')
    .values({ tenant_id: tx.tenantId, product_id: question.productId, author_id: question.authorId, body: question.body, ...question.moderation, idempotency_key: question.idempotencyKey })
    .onConflict((oc) => oc.columns(['tenant_id', 'author_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  return (
    await tx.selectFrom('product_questions').select('id').where('author_id', '=', question.authorId).where('idempotency_key', '=', question.idempotencyKey).executeTakeFirstOrThrow()
  ).id;
}

export async function findPublishedQuestion(tx: TenantTx, questionId: string) {
  return tx.selectFrom('product_questions').select(['id', 'product_id']).where('id', '=', questionId).where('status', '=', 'published').executeTakeFirst();
}

export async function findQuestion(tx: TenantTx, questionId: string) {
  return tx.selectFrom('product_questions').select(['id', 'status']).where('id', '=', questionId).executeTakeFirst();
}

export async function insertStaffAnswer(tx: TenantTx, answer: { questionId: string; staffName: string; body: string; bodyHtml: string }): Promise<string> {
  const row = await tx
    .insertInto('product_answers')
    .values({
      tenant_id: tx.tenantId,
      question_id: answer.questionId,
      author_id: null,
      staff_name: answer.staffName,
      body: answer.body,
      body_html: answer.bodyHtml,
      status: 'published',
      idempotency_key: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setMerchantReply(tx: TenantTx, reviewId: string, replyHtml: string | null): Promise<boolean> {
  const row = await tx
    .updateTable('reviews')
    .set({ merchant_reply_html: replyHtml, merchant_replied_at: replyHtml === null ? null : new Date() })
    .where('id', '=', reviewId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAnswer(
  tx: TenantTx,
  answer: { questionId: string; authorId: string; body: string; bodyHtml: string; moderation: ModerationColumnValues; idempotencyKey: string },
): Promise<{ id: string; created_at: Date }> {
  const inserted = await tx
    .insertInto('product_answers')
    .values({
      tenant_id: tx.tenantId,
      question_id: answer.questionId,
      author_id: answer.authorId,
      staff_name: null,
      body: answer.body,
      body_html: answer.bodyHtml,
      ...answer.moderation,
      idempotency_key: answer.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'author_id', 'idempotency_key']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();
  if (inserted) return inserted;
  return tx
    .selectFrom('product_answers')
    .select(['id', 'created_at'])
    .where('author_id', '=', answer.authorId)
    .where('idempotency_key', '=', answer.idempotencyKey)
    .executeTakeFirstOrThrow();
}

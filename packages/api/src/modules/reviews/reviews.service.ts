/**
 * Reviews rules: products are the shop's (registered server-to-server), one review per member
 * per product, attributes from the tenant's list, "verified buyer" only from the host's signed
 * purchase claim, moderation by rating or for all, and what readers see.
 */
import { z } from 'zod';
import { decodeCursor, toPage, type Page } from '../../db/keyset.ts';
import type { ModerationStatus } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { renderBody } from '../content/formatting.ts';
import type { Viewer } from '../groups/groups.service.ts';
import type { SignedInMember } from '../identity/identity.service.ts';
import { moderationStateOf } from '../moderation/moderation-state.ts';
import type { ModerationOutcome } from '../moderation/moderation.types.ts';
import { moderate } from '../moderation/pipeline.ts';
import { getTenantSettings, type TenantSettings } from '../tenants/tenant-settings.ts';
import * as repo from './reviews.repo.ts';
import type {
  AnswerDto,
  ListReviewsInput,
  ProductDto,
  QuestionDto,
  RecommendationDto,
  ReviewAttributeDto,
  ReviewDto,
  ReviewSummaryDto,
  WriteReviewInput,
} from './reviews.schema.ts';

const toProduct = (p: Pick<repo.ProductRow, 'sku' | 'name' | 'category' | 'url' | 'image_url'>): ProductDto => ({
  sku: p.sku,
  name: p.name,
  category: p.category,
  url: p.url,
  imageUrl: p.image_url,
});

export async function upsertProducts(
  tx: TenantTx,
  products: { sku: string; name: string; category?: string | undefined; url?: string | undefined; imageUrl?: string | undefined }[],
): Promise<ProductDto[]> {
  const saved: ProductDto[] = [];
  for (const p of products) {
    const row = await repo.upsertProduct(tx, { sku: p.sku, name: p.name, category: p.category ?? null, url: p.url ?? null, imageUrl: p.imageUrl ?? null });
    saved.push(toProduct(row));
  }
  return saved;
}

/** Reviews need a product the shop registered: an unknown SKU is a clear 404. */
async function requireProduct(tx: TenantTx, sku: string): Promise<repo.ProductRow> {
  const product = await repo.findProduct(tx, sku);
  if (!product) throw new KindredError('NOT_FOUND', `There is no product with the SKU "${sku}".`);
  return product;
}

function labelled(keys: string[], settings: TenantSettings): ReviewAttributeDto[] {
  const labels = new Map(settings.reviewAttributes.map((a) => [a.key, a.label]));
  return keys.flatMap((key) => (labels.has(key) ? [{ key, label: labels.get(key)! }] : []));
}

/** The moderation state its author sees (nothing for anyone else). */
function ownState(row: Parameters<typeof moderationStateOf>[0], isOwn: boolean) {
  return isOwn ? moderationStateOf(row) : { status: null, moderationReason: null, moderationNote: null };
}

function toReview(row: repo.ReviewRow, viewer: Viewer, settings: TenantSettings): ReviewDto {
  const isOwn = viewer?.id === row.author_id;
  return {
    id: row.id,
    rating: row.rating,
    title: row.title,
    bodyHtml: row.body_html,
    bodySource: isOwn ? row.body : null,
    attributes: labelled(row.attributes, settings),
    authorName: row.signing === 'pseudonym' ? (row.pseudonym ?? '') : row.author_name,
    signing: row.signing,
    verifiedPurchase: row.verified_purchase,
    helpfulCount: row.helpful_count,
    votedHelpful: row.voted_helpful,
    isOwn,
    ...ownState(row, isOwn),
    merchantReplyHtml: row.merchant_reply_html,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function summary(tx: TenantTx, sku: string): Promise<ReviewSummaryDto> {
  const product = await requireProduct(tx, sku);
  const [settings, counts] = await Promise.all([getTenantSettings(tx), repo.summary(tx, product.id)]);
  const breakdown = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } as ReviewSummaryDto['breakdown'];
  for (const c of counts) breakdown[String(c.rating) as keyof typeof breakdown] = c.n;
  const count = counts.reduce((sum, c) => sum + c.n, 0);
  const total = counts.reduce((sum, c) => sum + c.rating * c.n, 0);
  return {
    product: toProduct(product),
    count,
    average: count ? Math.round((total / count) * 10) / 10 : null,
    breakdown,
    attributes: settings.reviewAttributes.map((a) => ({ key: a.key, label: a.label })),
  };
}

const reviewCursor = z.tuple([z.union([z.number().int(), z.iso.datetime()]), z.uuid()]);

export async function listReviews(tx: TenantTx, viewer: Viewer, input: ListReviewsInput): Promise<Page<ReviewDto>> {
  const product = await requireProduct(tx, input.sku);
  const after = input.cursor ? decodeCursor(input.cursor, reviewCursor) : undefined;
  if (after && (typeof after[0] === 'string') !== (input.sort === 'newest')) throw new KindredError('INVALID_CURSOR');
  let anyOf: string[] | undefined;
  if (input.peopleLikeMe) {
    if (!viewer) throw new KindredError('SIGN_IN_REQUIRED');
    anyOf = await repo.sharedAttributes(tx, viewer.id);
    if (anyOf.length === 0) return { items: [], nextCursor: null };
  }
  const [settings, rows] = await Promise.all([
    getTenantSettings(tx),
    repo.listReviews(tx, {
      productId: product.id,
      viewerId: viewer?.id ?? null,
      sort: input.sort,
      rating: input.rating,
      attribute: input.attribute,
      anyOfAttributes: anyOf,
      ...(after ? { after } : {}),
      limit: input.limit,
    }),
  ]);
  const keyOf = (r: repo.ReviewRow): [string | number, string] =>
    input.sort === 'helpful' ? [r.helpful_count, r.id] : input.sort === 'newest' ? [r.published_at!.toISOString(), r.id] : [r.rating, r.id];
  return toPage(rows, input.limit, (r) => toReview(r, viewer, settings), keyOf);
}

export async function myReview(tx: TenantTx, member: SignedInMember, sku: string): Promise<ReviewDto | null> {
  const product = await requireProduct(tx, sku);
  const [settings, row] = await Promise.all([getTenantSettings(tx), repo.findOwnReview(tx, product.id, member.id)]);
  return row ? toReview(row, member, settings) : null;
}

/** Reviews wait for review unless the tenant auto-publishes this rating. */
function reviewPremoderated(settings: TenantSettings, rating: number): boolean {
  const min = settings.reviewAutoPublishMinRating;
  return min === null || rating < min;
}

export async function writeReview(
  tx: TenantTx,
  member: SignedInMember,
  input: WriteReviewInput,
): Promise<ReviewDto & { moderation: ModerationOutcome }> {
  const product = await requireProduct(tx, input.sku);
  const settings = await getTenantSettings(tx);
  const known = new Set(settings.reviewAttributes.map((a) => a.key));
  const unknown = input.attributes.filter((a) => !known.has(a));
  if (unknown.length) throw new KindredError('VALIDATION_FAILED', `Unknown attribute: ${unknown.join(', ')}.`);
  if (input.signing === 'pseudonym' && !input.pseudonym) throw new KindredError('VALIDATION_FAILED', 'Choose the pseudonym to sign this review with.');
  const pseudonym = input.signing === 'pseudonym' ? input.pseudonym! : null;
  const existing = await repo.findOwnReview(tx, product.id, member.id);
  const decision = await moderate(
    tx,
    member,
    {
      kind: 'review',
      text: [input.title, pseudonym ?? '', input.body].join('\n'),
      body: input.body,
      widelyVisible: true,
      premoderated: reviewPremoderated(settings, input.rating),
      confirmPersonalDetails: input.confirmPersonalDetails,
      editing: existing?.id,
    },
    settings,
  );
  await repo.upsertReview(tx, {
    productId: product.id,
    authorId: member.id,
    rating: input.rating,
    title: input.title,
    body: input.body,
    bodyHtml: renderBody(input.body),
    attributes: [...new Set(input.attributes)],
    signing: input.signing,
    pseudonym,
    verifiedPurchase: member.purchases.has(input.sku),
    moderation: decision.columns,
  });
  const row = await repo.findOwnReview(tx, product.id, member.id);
  return { ...toReview(row!, member, settings), moderation: decision.outcome };
}

export async function deleteReview(tx: TenantTx, member: SignedInMember, sku: string): Promise<{ ok: true }> {
  const product = await requireProduct(tx, sku);
  if (!(await repo.deleteReview(tx, product.id, member.id))) throw new KindredError('NOT_FOUND', 'You have not reviewed this product.');
  return { ok: true };
}

export async function vote(tx: TenantTx, member: SignedInMember, input: { reviewId: string; helpful: boolean }): Promise<{ helpfulCount: number; votedHelpful: boolean }> {
  const review = await repo.findPublishedReview(tx, input.reviewId, member.id);
  if (!review) throw new KindredError('NOT_FOUND', 'This review does not exist or is not published.');
  if (review.author_id === member.id) throw new KindredError('FORBIDDEN_ACTION', 'You cannot vote for your own review.');
  await repo.setVote(tx, { reviewId: input.reviewId, memberId: member.id, helpful: input.helpful });
  const after = await repo.findPublishedReview(tx, input.reviewId, member.id);
  return { helpfulCount: after!.helpful_count, votedHelpful: after!.voted_helpful };
}

export async function getSharedAttributes(tx: TenantTx, member: SignedInMember): Promise<ReviewAttributeDto[]> {
  const settings = await getTenantSettings(tx);
  return labelled(await repo.sharedAttributes(tx, member.id), settings);
}

export async function setSharedAttributes(tx: TenantTx, member: SignedInMember, attributes: string[]): Promise<ReviewAttributeDto[]> {
  const settings = await getTenantSettings(tx);
  const known = new Set(settings.reviewAttributes.map((a) => a.key));
  const unknown = attributes.filter((a) => !known.has(a));
  if (unknown.length) throw new KindredError('VALIDATION_FAILED', `Unknown attribute: ${unknown.join(', ')}.`);
  await repo.setSharedAttributes(tx, member.id, [...new Set(attributes)]);
  return labelled([...new Set(attributes)], settings);
}

export async function recommendations(
  tx: TenantTx,
  input: { category?: string | undefined; attribute?: string | undefined; minReviews: number; limit: number },
): Promise<RecommendationDto[]> {
  const rows = await repo.recommendations(tx, input);
  return rows.map((r) => ({ product: toProduct(r), average: r.average, reviewCount: r.review_count, helpfulVotes: r.helpful_votes }));
}

/** Questions and answers follow the tenant's review moderation: pre-moderated unless reviews auto-publish. */
function qaPremoderated(settings: TenantSettings): boolean {
  return settings.reviewAutoPublishMinRating === null;
}

export async function listQuestions(
  tx: TenantTx,
  viewer: Viewer,
  input: { sku: string; cursor?: string | null | undefined; limit: number },
): Promise<Page<QuestionDto>> {
  const product = await requireProduct(tx, input.sku);
  const after = input.cursor ? decodeCursor(input.cursor, z.tuple([z.iso.datetime(), z.uuid()])) : undefined;
  const rows = await repo.listQuestions(tx, { productId: product.id, viewerId: viewer?.id ?? null, ...(after ? { after } : {}), limit: input.limit });
  const answers = await repo.answersFor(tx, rows.filter((r) => r.status === 'published').map((r) => r.id));
  const byQuestion = new Map<string, AnswerDto[]>();
  for (const a of answers) {
    const list = byQuestion.get(a.question_id) ?? [];
    list.push({
      id: a.id,
      bodyHtml: a.body_html,
      authorName: a.staff_name ?? a.author_name ?? '',
      verified: a.staff_name !== null,
      createdAt: a.created_at.toISOString(),
    });
    byQuestion.set(a.question_id, list);
  }
  return toPage(
    rows,
    input.limit,
    (r) => ({
      id: r.id,
      body: r.body,
      authorName: r.author_name,
      createdAt: r.created_at.toISOString(),
      answers: byQuestion.get(r.id) ?? [],
      isOwn: r.author_id === viewer?.id,
      ...ownState(r, r.author_id === viewer?.id),
    }),
    (r) => [r.created_at.toISOString(), r.id],
  );
}

/** A question or an answer from a member, through the pipeline, pre-moderated like reviews. */
async function moderatedQa(
  tx: TenantTx,
  member: SignedInMember,
  kind: 'question' | 'answer',
  input: { body: string; idempotencyKey: string; confirmPersonalDetails: boolean },
) {
  const settings = await getTenantSettings(tx);
  return moderate(
    tx,
    member,
    {
      kind,
      text: input.body,
      body: input.body,
      widelyVisible: true,
      premoderated: qaPremoderated(settings),
      confirmPersonalDetails: input.confirmPersonalDetails,
      idempotencyKey: input.idempotencyKey,
    },
    settings,
  );
}

export async function ask(
  tx: TenantTx,
  member: SignedInMember,
  input: { sku: string; body: string; idempotencyKey: string; confirmPersonalDetails: boolean },
): Promise<{ id: string; status: ModerationStatus; moderation: ModerationOutcome }> {
  const product = await requireProduct(tx, input.sku);
  const decision = await moderatedQa(tx, member, 'question', input);
  const id = await repo.insertQuestion(tx, {
    productId: product.id,
    authorId: member.id,
    body: input.body,
    moderation: decision.columns,
    idempotencyKey: input.idempotencyKey,
  });
  return { id, status: decision.columns.status, moderation: decision.outcome };
}

export async function answer(
  tx: TenantTx,
  member: SignedInMember,
  input: { questionId: string; body: string; idempotencyKey: string; confirmPersonalDetails: boolean },
): Promise<{ id: string; status: ModerationStatus; moderation: ModerationOutcome }> {
  if (!(await repo.findPublishedQuestion(tx, input.questionId))) throw new KindredError('NOT_FOUND', 'This question does not exist or is not published.');
  const decision = await moderatedQa(tx, member, 'answer', input);
  const saved = await repo.insertAnswer(tx, {
    questionId: input.questionId,
    authorId: member.id,
    body: input.body,
    bodyHtml: renderBody(input.body),
    moderation: decision.columns,
    idempotencyKey: input.idempotencyKey,
  });
  return { id: saved.id, status: decision.columns.status, moderation: decision.outcome };
}

/** The shop's public reply under a review (server-to-server); null removes it. */
export async function merchantReply(tx: TenantTx, input: { reviewId: string; body: string | null }): Promise<{ ok: true }> {
  const html = input.body === null ? null : renderBody(input.body);
  if (!(await repo.setMerchantReply(tx, input.reviewId, html))) throw new KindredError('NOT_FOUND', 'There is no such review.');
  return { ok: true };
}

/**
 * The organisation's own answer to a product question, shown as a "verified reply"
 * (server-to-server). Publishing it also publishes the question it answers.
 */
export async function verifiedAnswer(tx: TenantTx, input: { questionId: string; staffName: string; body: string }): Promise<{ id: string }> {
  const question = await repo.findQuestion(tx, input.questionId);
  if (!question) throw new KindredError('NOT_FOUND', 'There is no such question.');
  if (question.status === 'rejected') throw new KindredError('FORBIDDEN_ACTION', 'This question was rejected by moderation.');
  if (question.status === 'pending') await tx.updateTable('product_questions').set({ status: 'published' }).where('id', '=', question.id).execute();
  const id = await repo.insertStaffAnswer(tx, { questionId: input.questionId, staffName: input.staffName, body: input.body, bodyHtml: renderBody(input.body) });
  return { id };
}

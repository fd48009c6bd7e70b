/** Product reviews, questions and recommendations: inputs (zod) and DTOs. */
import { z } from 'zod';
import type { ModerationStatus, ReviewSigning } from '../../db/schema.ts';
import { userLine, userText } from '../../text.ts';
import { confirmPersonalDetails } from '../moderation/moderation.schema.ts';
import type { ModerationReason } from '../moderation/moderation.types.ts';
import { cursor, idempotencyKey, pageLimit } from '../forum/forum.schema.ts';

export const sku = z.string().trim().min(1).max(100);
const attributeKey = z.string().regex(/^[a-z0-9-]{1,40}$/, 'not an attribute key');
const optionalUrl = z.url({ protocol: /^https?$/ }).max(500).optional();

export const REVIEW_SORTS = ['helpful', 'newest', 'highest', 'lowest'] as const;

export const upsertProductsInput = z.object({
  products: z
    .array(
      z.object({
        sku,
        name: userLine(1, 200),
        category: userLine(1, 100).optional(),
        url: optionalUrl,
        imageUrl: optionalUrl,
      }),
    )
    .min(1)
    .max(100),
});

export const productRefInput = z.object({ sku });

export const listReviewsInput = z.object({
  sku,
  sort: z.enum(REVIEW_SORTS).default('helpful'),
  rating: z.number().int().min(1).max(5).optional(),
  attribute: attributeKey.optional(),
  /** Only reviews sharing an attribute with the reader's own shared attributes. */
  peopleLikeMe: z.boolean().default(false),
  cursor: cursor.nullish(),
  limit: pageLimit,
});

export const writeReviewInput = z.object({
  sku,
  rating: z.number().int().min(1).max(5),
  title: userLine(3, 150),
  body: userText(1, 10_000),
  attributes: z.array(attributeKey).max(10).default([]),
  signing: z.enum(['name', 'pseudonym']).default('name'),
  pseudonym: userLine(1, 60).optional(),
  confirmPersonalDetails,
});

export const voteInput = z.object({ reviewId: z.uuid(), helpful: z.boolean() });
export const sharedAttributesInput = z.object({ attributes: z.array(attributeKey).max(10) });

export const recommendationsInput = z.object({
  category: z.string().trim().min(1).max(100).optional(),
  attribute: attributeKey.optional(),
  /** Products need at least this many published reviews (from people with the attribute). */
  minReviews: z.number().int().min(1).max(50).default(3),
  limit: z.number().int().min(1).max(20).default(6),
});

export const listQuestionsInput = z.object({ sku, cursor: cursor.nullish(), limit: pageLimit });
export const askInput = z.object({ sku, body: userText(3, 2000), idempotencyKey, confirmPersonalDetails });
export const answerInput = z.object({ questionId: z.uuid(), body: userText(1, 5000), idempotencyKey, confirmPersonalDetails });

export const merchantReplyInput = z.object({ reviewId: z.uuid(), body: userText(1, 5000).nullable() });
export const verifiedAnswerInput = z.object({ questionId: z.uuid(), staffName: userLine(1, 80), body: userText(1, 5000) });

export type ListReviewsInput = z.infer<typeof listReviewsInput>;
export type WriteReviewInput = z.infer<typeof writeReviewInput>;

export interface ProductDto {
  sku: string;
  name: string;
  category: string | null;
  url: string | null;
  imageUrl: string | null;
}

export interface ReviewAttributeDto {
  key: string;
  label: string;
}

export interface ReviewSummaryDto {
  product: ProductDto;
  /** Published reviews only. */
  count: number;
  /** null when there are no published reviews. */
  average: number | null;
  /** Count of published reviews per star, 1 to 5. */
  breakdown: Record<'1' | '2' | '3' | '4' | '5', number>;
  attributes: ReviewAttributeDto[];
}

export interface ReviewDto {
  id: string;
  rating: number;
  title: string;
  bodyHtml: string;
  /** The author's own source text, for editing: only on the viewer's own review. */
  bodySource: string | null;
  attributes: ReviewAttributeDto[];
  /** The reviewer's name, or their pseudonym. */
  authorName: string;
  signing: ReviewSigning;
  verifiedPurchase: boolean;
  helpfulCount: number;
  votedHelpful: boolean;
  isOwn: boolean;
  /** Own reviews only: published / pending / rejected / hidden. */
  status: ModerationStatus | null;
  /** Own reviews only: why it is not published. */
  moderationReason: ModerationReason | null;
  /** Own reviews only: a moderator's note. */
  moderationNote: string | null;
  merchantReplyHtml: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface AnswerDto {
  id: string;
  bodyHtml: string;
  authorName: string;
  /** An answer from the organisation's staff ("verified reply"). */
  verified: boolean;
  createdAt: string;
}

export interface QuestionDto {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
  answers: AnswerDto[];
  isOwn: boolean;
  status: ModerationStatus | null;
  moderationReason: ModerationReason | null;
  moderationNote: string | null;
}

export interface RecommendationDto {
  product: ProductDto;
  average: number;
  reviewCount: number;
  helpfulVotes: number;
}

import { memberProcedure, router, serverProcedure, tenantProcedure } from '../../trpc/trpc.ts';
import {
  answerInput,
  askInput,
  listQuestionsInput,
  listReviewsInput,
  merchantReplyInput,
  verifiedAnswerInput,
  productRefInput,
  recommendationsInput,
  sharedAttributesInput,
  upsertProductsInput,
  voteInput,
  writeReviewInput,
} from './reviews.schema.ts';
import * as reviews from './reviews.service.ts';

export const productsRouter = router({
  /** Server-to-server, with the tenant's secret key: register or update products by SKU. */
  upsert: serverProcedure.input(upsertProductsInput).mutation(({ ctx, input }) => reviews.upsertProducts(ctx.tx, input.products)),
  /** Server-to-server: the shop's public reply under a review (null removes it). */
  replyToReview: serverProcedure.input(merchantReplyInput).mutation(({ ctx, input }) => reviews.merchantReply(ctx.tx, input)),
  /** Server-to-server: the organisation's answer to a product question, shown as a verified reply. */
  answerQuestion: serverProcedure.input(verifiedAnswerInput).mutation(({ ctx, input }) => reviews.verifiedAnswer(ctx.tx, input)),
});

export const reviewsRouter = router({
  /** Average, count, count per star (published reviews) and the tenant's attribute list. */
  summary: tenantProcedure.input(productRefInput).query(({ ctx, input }) => reviews.summary(ctx.tx, input.sku)),
  list: tenantProcedure.input(listReviewsInput).query(({ ctx, input }) => reviews.listReviews(ctx.tx, ctx.member, input)),
  /** The member's own review of a product (any status), or null. */
  mine: memberProcedure.input(productRefInput).query(({ ctx, input }) => reviews.myReview(ctx.tx, ctx.member, input.sku)),
  /** Writes or edits the member's one review of a product. */
  write: memberProcedure.input(writeReviewInput).mutation(({ ctx, input }) => reviews.writeReview(ctx.tx, ctx.member, input)),
  delete: memberProcedure.input(productRefInput).mutation(({ ctx, input }) => reviews.deleteReview(ctx.tx, ctx.member, input.sku)),
  vote: memberProcedure.input(voteInput).mutation(({ ctx, input }) => reviews.vote(ctx.tx, ctx.member, input)),
  /** The attributes the member chose to share for "people like me". */
  sharedAttributes: memberProcedure.query(({ ctx }) => reviews.getSharedAttributes(ctx.tx, ctx.member)),
  setSharedAttributes: memberProcedure.input(sharedAttributesInput).mutation(({ ctx, input }) => reviews.setSharedAttributes(ctx.tx, ctx.member, input.attributes)),
  recommendations: tenantProcedure.input(recommendationsInput).query(({ ctx, input }) => reviews.recommendations(ctx.tx, input)),
  questions: tenantProcedure.input(listQuestionsInput).query(({ ctx, input }) => reviews.listQuestions(ctx.tx, ctx.member, input)),
  ask: memberProcedure.input(askInput).mutation(({ ctx, input }) => reviews.ask(ctx.tx, ctx.member, input)),
  answer: memberProcedure.input(answerInput).mutation(({ ctx, input }) => reviews.answer(ctx.tx, ctx.member, input)),
});

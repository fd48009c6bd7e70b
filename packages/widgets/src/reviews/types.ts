/** The reviews API's shapes, taken from the router type through core's client types (types only). */
import type { InputOf, OutputOf } from '../core/api-client.ts';

export type ReviewSummary = OutputOf<'reviews.summary'>;
export type Review = OutputOf<'reviews.list'>['items'][number];
export type ReviewAttribute = Review['attributes'][number];
export type Product = ReviewSummary['product'];
export type Question = OutputOf<'reviews.questions'>['items'][number];
export type Answer = Question['answers'][number];
export type Recommendation = OutputOf<'reviews.recommendations'>[number];
export type ReviewSort = NonNullable<InputOf<'reviews.list'>['sort']>;
export type ListReviewsInput = InputOf<'reviews.list'>;
export type WriteReviewInput = InputOf<'reviews.write'>;

type Status = NonNullable<Review['status']>;

declare module '../core/events.ts' {
  interface KindredEventDetails {
    /** The member wrote or edited their review of the product (`status`: 'pending' until a moderator publishes it). */
    'kindred-review-submitted': { reviewId: string; status: Status };
    /** The member deleted their review. */
    'kindred-review-deleted': { reviewId: string };
    /** The member asked a question about the product. */
    'kindred-question-asked': { questionId: string; status: Status };
    /** The member answered a question. */
    'kindred-question-answered': { questionId: string; answerId: string; status: Status };
    /** Internal: the review form stored the member's review. */
    'kindred-review-saved': { review: Review };
    /** Internal: the "people like me" dialog stored the member's attributes. */
    'kindred-shared-attributes-saved': { attributes: ReviewAttribute[] };
  }
}

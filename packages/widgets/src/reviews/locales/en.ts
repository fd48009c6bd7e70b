/**
 * English strings for <kindred-reviews>' first render (summary, list, filters, the member's own
 * review): the source for ./es.ts. Numbers arrive formatted as `{n}`; a plural is chosen on `count`.
 */
export const reviewsEn = {
  reviewsHeading: 'Customer reviews',
  reviewsLoading: 'Loading reviews…',
  reviewsStarsLabel: '{rating} out of 5 stars',
  reviewsAverageLabel: { one: '{rating} out of 5 stars, 1 review', other: '{rating} out of 5 stars, {n} reviews' },
  reviewsCount: { one: '1 review', other: '{n} reviews' },
  reviewsBreakdownButton: 'See rating breakdown',


  reviewsLoaded: { zero: 'No reviews to show.', one: '1 review shown.', other: '{n} reviews shown.' },
  reviewsMoreLoaded: { one: '1 more review loaded.', other: '{n} more reviews loaded.' },
  loadMoreReviews: 'Load more reviews',
  reviewsEmptyTitle: 'No reviews yet — be the first',
  reviewsEmptyHint: 'Tried this product? Your experience can help someone in a similar situation.',
  reviewsProductNotFoundTitle: 'Reviews are not available for this product',
  reviewsProductNotFoundHint: 'This product may not be listed in our community yet.',

  reviewVerified: 'Verified buyer',
  reviewAttributesLabel: 'Health situation',
  reviewHelpful: { zero: 'Helpful', one: 'Helpful (1)', other: 'Helpful ({n})' },
  reviewHelpfulCount: { zero: 'No helpful votes yet', one: '1 person found this helpful', other: '{n} people found this helpful' },
  reviewHelpfulSignIn: 'Sign in to this website to vote.',
  reviewMerchantReply: 'Reply from the shop',
  reviewPublishedOn: 'Reviewed {date}',

  reviewWrite: 'Write a review',
  reviewWriteSignIn: 'Sign in to this website to write a review.',

  questionsHeading: 'Questions and answers',
  questionsLoading: 'Loading questions…',
} as const;

/** English strings for the reviews' sort and filters (toolbar.ts): the source for ./toolbar.es.ts. */
export const reviewsToolbarEn = {
  reviewsSortLabel: 'Sort by',
  reviewsSortHelpful: 'Most helpful',
  reviewsSortNewest: 'Newest',
  reviewsSortHighest: 'Highest rated',
  reviewsSortLowest: 'Lowest rated',
  reviewsRatingLabel: 'Rating',
  reviewsRatingAny: 'All ratings',
  reviewsRatingOption: { one: '1 star', other: '{count} stars' },
  reviewsAttributeLabel: 'Health situation',
  reviewsAttributeAny: 'Everyone',
  reviewsPeopleLikeMe: 'People like me',
  reviewsNoMatchTitle: 'No reviews match these filters',
  reviewsNoMatchHint: 'Try another rating or health situation.',
  reviewsNoPeopleLikeMe: 'No reviews yet from people who share your health situation.',
  reviewsClearFilters: 'Show all reviews',
} as const;

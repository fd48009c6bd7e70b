/** English strings for <kindred-recommendations>: the source for ./recommendations.es.ts. */
export const recommendationsEn = {
  recHeading: 'Recommended by people like you',
  recLoading: 'Loading recommendations…',
  recAverage: '{rating} out of 5 stars',
  recFromReviews: { one: 'from 1 review', other: 'from {n} reviews' },
  recEmptyTitle: 'No recommendations yet',
  recEmptyHint: 'Products appear here once enough people have reviewed them.',
} as const;

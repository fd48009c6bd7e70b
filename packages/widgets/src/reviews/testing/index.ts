/** Reviews test and Storybook helpers. Never part of a production bundle. */
export { ApiError } from '../../core/api-client.ts';
export { fixtureAttributes, fixtureOwnReview, fixtureProduct, fixtureQuestions, fixtureRecommendations, fixtureReviews } from './fixtures.ts';
export { ReviewsMockClient, type ReviewsMockCall, type ReviewsMockOptions } from './mock-client.ts';
export { awaitingReview, crisisOutcome, fixtureCrisisResources, publishedOutcome, refusal } from '../../testing/moderation.ts';

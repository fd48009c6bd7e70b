/** Test and Storybook helpers: `@kindred/widgets/testing`. Never part of a production bundle. */
export { ApiError } from '../core/api-client.ts';
export { fixtureCards, fixtureContext, fixtureGroup, fixtureGuestContext, fixtureMember, fixturePosts, fixtureTheme, fixtureThreads } from './fixtures.ts';
export { MockClient, type MockCall, type MockClientOptions, type MockSubscription } from './mock-client.ts';
export { awaitingReview, crisisOutcome, fixtureCrisisResources, publishedOutcome, refusal } from './moderation.ts';

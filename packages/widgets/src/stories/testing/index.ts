/** Stories test and Storybook helpers: `@kindred/widgets/stories/testing`. Never part of a production bundle. */
export { ApiError } from '../../core/api-client.ts';
export { fixtureConsentText, fixtureMyStories, fixtureStories, fixtureStoryComments, fixtureStoryGroups, fixtureStoryMember } from './fixtures.ts';
export { StoriesMockClient, type StoriesMockOptions } from './mock-client.ts';
export { awaitingReview, crisisOutcome, fixtureCrisisResources, publishedOutcome, refusal } from '../../testing/moderation.ts';

/** Test and Storybook helpers: `@kindred/widgets/testing`. Never part of a production bundle. */
export { ApiError } from '../core/api-client.ts';
export { fixtureMember, fixturePosts, fixtureThreads } from './fixtures.ts';
export { MockClient, type MockCall, type MockClientOptions } from './mock-client.ts';

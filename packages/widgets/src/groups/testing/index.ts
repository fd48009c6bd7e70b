/** Groups test and Storybook helpers: `@kindred/widgets/groups/testing`. Never part of a production bundle. */
export { ApiError } from '../../core/api-client.ts';
export { fixtureGroups, fixtureJoinRequests } from './fixtures.ts';
export { GroupsMockClient, type GroupsMockOptions } from './mock-client.ts';

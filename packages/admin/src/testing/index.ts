/** Test and Storybook helpers: `@kindred/admin/testing`. Never part of the console's bundle. */
export { FakeServer, type FakeCall, type FakeFailure, type FakeServerOptions } from './fake-server.ts';
export * from './fixtures.ts';

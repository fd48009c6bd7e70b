/**
 * Boots the test database before a file's first test, in a hook (generous timeout) rather than
 * inside the first test, so a slow PGlite start on a busy machine is not a test failure.
 */
import { beforeAll } from 'vitest';
import { testDatabase } from './database.ts';

beforeAll(async () => {
  await testDatabase();
}, 120_000);

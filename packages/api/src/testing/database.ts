/**
 * The database the API tests run on: a PostgreSQL server when DATABASE_URL is set (migrated
 * once, shared by every test file), else one in-memory PGlite per test worker. Tests do not
 * reset data; each creates its own tenants, which also keeps them independent.
 */
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';

let shared: Promise<DatabaseHandle> | undefined;

export const testLog = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

export function testDatabase(): Promise<DatabaseHandle> {
  shared ??= (async () => {
    const url = process.env.DATABASE_URL;
    const handle = url
      ? await openDatabase({ kind: 'postgres', url, log: testLog, poolSize: 5 })
      : await openDatabase({ kind: 'pglite', log: testLog });
    // Kysely's migrator takes an advisory lock, so parallel workers on one server are safe.
    await migrateToLatest(handle.db);
    return handle;
  })();
  return shared;
}

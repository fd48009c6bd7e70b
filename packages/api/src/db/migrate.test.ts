import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testLog } from '../testing/database.ts';
import { openDatabase } from './database.ts';
import { migrateDown, migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

describe('migrations', () => {
  it('go up, all the way down, and up again (on a database of their own)', async () => {
    const { db, close } = await openDatabase({ kind: 'pglite', log: testLog });
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db)).toEqual([]);
      for (let i = 0; i < Object.keys(migrations).length; i++) await migrateDown(db);
      const left = await sql<{ name: string }>`
        select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(db);
      expect(left.rows).toEqual([]);
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    } finally {
      await close();
    }
  });

  it('are named by timestamp, in order', () => {
    const names = Object.keys(migrations);
    for (const name of names) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
    expect([...names].sort()).toEqual(names);
  });
});

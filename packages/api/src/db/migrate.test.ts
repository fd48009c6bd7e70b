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

describe('pagination', () => {
  it('uses keysets only: OFFSET appears nowhere in the API’s source', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => /\.offset\(|\boffset\s+\$|\boffset\s+\d/i.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testLog } from '../testing/database.ts';
import { isConnectionError, openDatabase } from './database.ts';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('PostgreSQL connection failures (needs DATABASE_URL)', () => {
  it('survives the server dropping its connections, then reconnects', async () => {
    const handle = await openDatabase({ kind: 'postgres', url: url!, log: testLog, poolSize: 2 });
    const admin = await openDatabase({ kind: 'postgres', url: url!, log: testLog, poolSize: 1 });
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
      // What a server restart does to our idle pooled client.
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin.db);
      await new Promise((r) => setTimeout(r, 100));
      // The process is still here (no unhandled 'error'), and the next query gets a new connection.
      const again = await sql<{ ok: number }>`select 1 as ok`.execute(handle.db);
      expect(again.rows).toEqual([{ ok: 1 }]);

      // A connection killed in the middle of a transaction fails that request as "unavailable".
      const failure = await handle.db
        .transaction()
        .execute(async (trx) => {
          const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
          await sql`select pg_terminate_backend(${pid})`.execute(admin.db);
          await sql`select 1`.execute(trx);
        })
        .then(() => undefined, (err: unknown) => err);
      expect(isConnectionError(failure)).toBe(true);
      expect((await sql<{ ok: number }>`select 1 as ok`.execute(handle.db)).rows).toEqual([{ ok: 1 }]);
    } finally {
      await handle.close();
      await admin.close();
    }
  });
});

describe('isConnectionError', () => {
  it('tells unreachable-database errors from query errors', () => {
    expect(isConnectionError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isConnectionError('not an error')).toBe(false);
  });
});

describe('the embedded database folder', () => {
  it('is locked against a second process while open, and persists data across reopen', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'kindred-data-'));
    const first = await openDatabase({ kind: 'pglite', dataDir: dir, log: testLog });
    await sql`create table kept (v int)`.execute(first.db);
    await sql`insert into kept values (42)`.execute(first.db);
    // Same process here, so simulate another live owner by writing our parent's pid.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'kindred.lock'), String(process.ppid));
    await expect(openDatabase({ kind: 'pglite', dataDir: dir, log: testLog })).rejects.toThrow(/in use by process/);
    writeFileSync(path.join(dir, 'kindred.lock'), String(process.pid));
    await first.close();
    const second = await openDatabase({ kind: 'pglite', dataDir: dir, log: testLog });
    expect((await sql<{ v: number }>`select v from kept`.execute(second.db)).rows).toEqual([{ v: 42 }]);
    await second.close();
  });
});

/**
 * Opens the database: PGlite (embedded, in-process PostgreSQL) by default, or a PostgreSQL
 * server through `pg` when a connection string is given. Both speak the same SQL, run the same
 * migrations and the same tests.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import type { Logger } from '../logger.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /**
   * LISTENs on a channel on a connection of its own; `onNotify` runs for each NOTIFY. On a
   * server the connection is re-opened after failures (`onReconnect` then runs, since
   * notifications may have been missed). Returns the function that stops listening.
   */
  listen(channel: string, onNotify: () => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; log?: Logger; poolSize?: number }
  /** `dataDir` undefined: in memory (tests). */
  | { kind: 'pglite'; dataDir?: string; log?: Logger };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A server restart makes idle and checked-out clients emit 'error'. Unhandled, that event
    // crashes the process (node-postgres #3083); handled, the next query reconnects and
    // in-flight requests fail with DATABASE_UNAVAILABLE.
    pool.on('error', (err) => options.log?.warn({ err: err.message }, 'idle database client failed'));
    pool.on('connect', (client) => {
      client.on('error', (err) => options.log?.warn({ err: err.message }, 'database client failed'));
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', listen: (channel, onNotify, onReconnect) => listenOnServer(options, channel, onNotify, onReconnect), close: () => db.destroy() };
  }

  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  try {
    const pglite = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: 'pglite',
      listen: async (channel, onNotify) => {
        const unlisten = await pglite.listen(channel, () => onNotify());
        return async () => unlisten();
      },
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** A dedicated LISTEN connection that comes back after the server restarts. */
async function listenOnServer(
  options: { url: string; log?: Logger | undefined },
  channel: string,
  onNotify: () => void,
  onReconnect?: () => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url });
    next.on('notification', () => onNotify());
    next.on('error', (err) => {
      options.log?.warn({ err: err.message }, 'realtime listener connection failed');
      reconnect();
    });
    next.on('end', () => reconnect());
    await next.connect();
    await next.query(`listen ${channel}`);
    client = next;
  };
  const reconnect = () => {
    if (stopped || retry) return;
    client?.removeAllListeners('end');
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => onReconnect?.(),
        () => reconnect(),
      );
    }, 1000);
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = undefined;
    current?.removeAllListeners('end');
    await current?.end().catch(() => {});
  };
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  '53300', // too many connections
]);

/** True when an error means "the database is unreachable right now", not "the query is wrong". */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(err.message);
}

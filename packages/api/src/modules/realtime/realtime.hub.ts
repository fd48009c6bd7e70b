/**
 * Reading side of realtime, one hub per API process.
 *
 * Writers put event rows in the outbox (outbox.ts) inside their transaction; after a mutation
 * commits, `notify()` sends ONE `NOTIFY kindred_events` for everything this process wrote in
 * the same tick (coalesced; never a NOTIFY per row inside the writing transaction). Every
 * process LISTENs, and on a notification (or every few seconds, in case one was missed) reads
 * the outbox rows it has not delivered yet and hands them to its local subscribers. So any
 * number of API processes on one database see each other's events with no broker.
 *
 * Commit order is not `seq` order, so each read looks back over a short time window and
 * skips what was already delivered, instead of trusting "everything after the last seq".
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';

export const REALTIME_CHANNEL = 'kindred_events';

export interface RealtimeEvent {
  seq: string;
  tenantId: string;
  topic: string;
  kind: string;
  payload: Record<string, string>;
}

type Listener = (event: RealtimeEvent) => void;

export interface HubOptions {
  /** Safety-net read when no NOTIFY arrives. */
  pollMs?: number;
  /** How far back each read looks for late-committing transactions. */
  lookbackMs?: number;
  /** How long outbox rows are kept (for reconnecting clients to catch up). */
  retentionMs?: number;
}

export class RealtimeHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly delivered = new Map<string, number>();
  private unlisten: (() => Promise<void>) | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private cleanupTimer: NodeJS.Timeout | undefined;
  private notifyScheduled = false;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private startedAt = new Date();
  private readonly pollMs: number;
  private readonly lookbackMs: number;
  private readonly retentionMs: number;

  constructor(
    private readonly database: Pick<DatabaseHandle, 'db' | 'listen'>,
    private readonly log: Logger,
    options: HubOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 2000;
    this.lookbackMs = options.lookbackMs ?? 30_000;
    this.retentionMs = options.retentionMs ?? 15 * 60_000;
  }

  private get db(): Kysely<Database> {
    return this.database.db;
  }

  async start(): Promise<void> {
    this.startedAt = new Date();
    this.unlisten = await this.database.listen(REALTIME_CHANNEL, () => this.drain(), () => this.drain());
    this.pollTimer = setInterval(() => this.drain(), this.pollMs);
    this.cleanupTimer = setInterval(() => void this.cleanup(), 60_000);
    this.pollTimer.unref();
    this.cleanupTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.pollTimer);
    clearInterval(this.cleanupTimer);
    await this.unlisten?.();
    await this.draining;
    this.listeners.clear();
  }

  /** Call after a transaction that wrote outbox rows has committed. Coalesced per tick. */
  notify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setImmediate(() => {
      this.notifyScheduled = false;
      sql`select pg_notify(${REALTIME_CHANNEL}, '')`.execute(this.db).catch((err: unknown) => {
        this.log.warn({ err: (err as Error).message }, 'realtime notify failed; subscribers will catch up by polling');
      });
    });
  }

  /** Registers a listener for one tenant's topic; returns the function that removes it. */
  subscribe(tenantId: string, topic: string, listener: Listener): () => void {
    const key = `${tenantId}|${topic}`;
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  /** Reads undelivered outbox rows and dispatches them. Concurrent calls collapse into one more run. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.drainAgain = false;
        try {
          await this.readOnce();
        } catch (err) {
          this.log.warn({ err: (err as Error).message }, 'realtime read failed; will retry');
        }
      } while (this.drainAgain);
    })().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async readOnce(): Promise<void> {
    const since = new Date(Math.max(this.startedAt.getTime(), Date.now() - this.lookbackMs));
    // System read across tenants (owner connection): each event is then delivered only to
    // subscribers of its own tenant, who load what they may see through tenant-scoped reads.
    const rows = await this.db
      .selectFrom('realtime_events')
      .select([sql<string>`seq::text`.as('seq'), 'tenant_id', 'topic', 'kind', 'payload', 'created_at'])
      .where('created_at', '>=', since)
      .orderBy('seq')
      .limit(5000)
      .execute();
    const now = Date.now();
    for (const row of rows) {
      if (this.delivered.has(row.seq)) continue;
      this.delivered.set(row.seq, now);
      const event: RealtimeEvent = {
        seq: row.seq,
        tenantId: row.tenant_id,
        topic: row.topic,
        kind: row.kind,
        payload: row.payload as Record<string, string>,
      };
      for (const listener of this.listeners.get(`${row.tenant_id}|${row.topic}`) ?? []) {
        try {
          listener(event);
        } catch (err) {
          this.log.error({ err }, 'realtime listener failed');
        }
      }
    }
    for (const [seq, at] of this.delivered) if (now - at > this.lookbackMs * 2) this.delivered.delete(seq);
  }

  private async cleanup(): Promise<void> {
    await this.db
      .deleteFrom('realtime_events')
      .where('created_at', '<', new Date(Date.now() - this.retentionMs))
      .execute()
      .catch((err: unknown) => this.log.warn({ err: (err as Error).message }, 'realtime cleanup failed'));
  }
}

/**
 * An async iterator over one tenant topic's events, for a subscription procedure: buffers from
 * the moment it is created, ends when `signal` aborts.
 */
export function eventStream(hub: RealtimeHub, tenantId: string, topic: string, signal: AbortSignal | undefined): AsyncIterable<RealtimeEvent> {
  const buffer: RealtimeEvent[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = hub.subscribe(tenantId, topic, (event) => {
    buffer.push(event);
    wake?.();
  });
  const aborted = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  return {
    async *[Symbol.asyncIterator]() {
      try {
        while (!signal?.aborted) {
          if (buffer.length === 0) {
            await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
            wake = undefined;
            continue;
          }
          yield buffer.shift()!;
        }
      } finally {
        unsubscribe();
      }
    },
  };
}

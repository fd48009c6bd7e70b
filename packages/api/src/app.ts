/**
 * Starts Kindred: opens and migrates the database, seeds the demo tenants when asked, and
 * listens. main.ts calls this; so can tests that need the whole system in-process.
 */
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_TENANTS, type DemoTenant } from './demo/demo-content.ts';
import { createDemoHostServer } from './demo/host-server.ts';
import { seedDemo } from './demo/seed.ts';
import { createApiServer } from './http/server.ts';
import type { Logger } from './logger.ts';
import { Redis } from 'ioredis';
import { postgresStore, redisStore } from './modules/rate-limits/rate-limits.ts';
import { RealtimeHub } from './modules/realtime/realtime.hub.ts';

const WIDGETS_DIR = fileURLToPath(new URL('../../widgets/dist/', import.meta.url));
const ADMIN_DIR = fileURLToPath(new URL('../../admin/dist/', import.meta.url));

export interface RunningKindred {
  apiUrl: string;
  demoSites: { name: string; slug: string; url: string; publishableKey: string; embeds: string[] }[];
  database: DatabaseHandle;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startKindred(config: Config, log: Logger): Promise<RunningKindred> {
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, log })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir, log });
  const ran = await migrateToLatest(database.db);
  log.info({ database: database.kind, migrations: ran }, 'database ready');

  const realtime = new RealtimeHub(database, log);
  await realtime.start();
  const rateLimits = config.rateLimits
    ? config.redisUrl
      ? redisStore(new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false }), (err) =>
          log.warn({ err: err.message }, 'redis unavailable; rate limits counted in this process'),
        )
      : postgresStore(database.db)
    : undefined;
  if (!rateLimits) log.warn('rate limits are off (KINDRED_RATE_LIMITS=off)');

  const servers: Server[] = [];
  const apiServer = createApiServer({
    db: database.db,
    log,
    realtime,
    widgetsDir: WIDGETS_DIR,
    adminDir: ADMIN_DIR,
    ...(rateLimits ? { rateLimits } : {}),
  });
  await listen(apiServer, config.port);
  servers.push(apiServer);
  const apiUrl = `http://localhost:${config.port}`;

  const demoSites: RunningKindred['demoSites'] = [];
  if (config.demo) {
    // Each demo site is its own origin, as a customer's website would be.
    const portFor = (demo: DemoTenant) => config.port + 1 + DEMO_TENANTS.indexOf(demo);
    const seeded = await seedDemo(database.db, portFor);
    for (const { demo, tenantId, created } of seeded) {
      const host = createDemoHostServer({ db: database.db, log, demo, tenantId, apiUrl });
      await listen(host, portFor(demo));
      servers.push(host);
      demoSites.push({ name: demo.name, slug: demo.slug, url: `http://localhost:${portFor(demo)}`, publishableKey: demo.publishableKey, embeds: demo.embeds });
      if (created) log.info({ tenant: demo.slug }, 'demo tenant seeded');
    }
  }

  return {
    apiUrl,
    demoSites,
    database,
    async close() {
      await Promise.all(
        servers.map((s) => new Promise<void>((resolve) => { s.close(() => resolve()); s.closeAllConnections(); })),
      );
      await realtime.stop();
      await rateLimits?.close();
      await database.close();
    },
  };
}

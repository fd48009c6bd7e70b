/** Configuration from the environment: the only place that reads `process.env`. */
import path from 'node:path';

export interface Config {
  /** The API's HTTP port. The demo host sites use the three ports after it. */
  port: number;
  /** A PostgreSQL connection string; unset means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Seed the three demo tenants and serve their demo host pages. */
  demo: boolean;
  logLevel: string;
  /** Redis for rate-limit counters; unset: they live in the database. */
  redisUrl: string | undefined;
  /** `KINDRED_RATE_LIMITS=off` turns rate limits off (load benchmarks only). */
  rateLimits: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 1 || port > 65532) {
    throw new Error(`PORT must be a port number (got ${JSON.stringify(env.PORT)})`);
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.KINDRED_DATA_DIR || '.kindred'),
    demo: env.KINDRED_DEMO === '1' || env.KINDRED_DEMO === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    redisUrl: env.REDIS_URL || undefined,
    rateLimits: env.KINDRED_RATE_LIMITS !== 'off',
  };
}

/** `npm start`: runs the API (and, with KINDRED_DEMO=1, the demo host sites) until stopped. */
import { startKindred } from './app.ts';
import { readConfig } from './config.ts';
import { DEMO_STAFF_PASSWORD, demoStaff } from './demo/seed.ts';
import { createLogger } from './logger.ts';

const config = readConfig();
const log = createLogger(config.logLevel);

try {
  const kindred = await startKindred(config, log);
  const lines = [
    '',
    'Kindred is running.',
    `  API and widget bundles  ${kindred.apiUrl}   (health: ${kindred.apiUrl}/healthz)`,
    `  Admin console           ${kindred.apiUrl}/admin/`,
    `  Database                ${kindred.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (kindred.demoSites.length) {
    lines.push('', 'Demo host sites (each embeds Kindred widgets with its own publishable key):');
    for (const site of kindred.demoSites) {
      lines.push(`  ${site.name.padEnd(26)} ${site.url}   key ${site.publishableKey}   ${site.embeds.map((e) => `<${e}>`).join(' ')}`);
    }
    lines.push('', `Demo console sign-in (${kindred.apiUrl}/admin/), password "${DEMO_STAFF_PASSWORD}":`);
    for (const site of kindred.demoSites) {
      lines.push(`  ${site.name.padEnd(26)} organisation "${site.slug}"   ${demoStaff(site).map((s) => s.email).join(' or ')}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    kindred.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  log.fatal({ err }, 'Kindred failed to start');
  process.exit(1);
}

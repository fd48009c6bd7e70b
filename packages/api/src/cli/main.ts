/** `npm run kindred -- <command>`: see cli/commands.ts for the commands. */
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { KindredError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { AuditChainBroken, runCommand, UsageError, USAGE } from './commands.ts';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(argv.length === 0 ? 2 : 0);
}

const config = readConfig();
const log = createLogger('warn');
let exitCode = 0;
const database = config.databaseUrl
  ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, log })
  : await openDatabase({ kind: 'pglite', dataDir: config.dataDir, log });
try {
  if (argv[0] !== 'migrate') await migrateToLatest(database.db);
  await runCommand(argv, database.db, (line) => process.stdout.write(`${line}\n`));
} catch (err) {
  exitCode = 1;
  if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`kindred: ${err.message}\n\n${USAGE}\n`);
    exitCode = 2;
  } else if (err instanceof KindredError || err instanceof AuditChainBroken) {
    process.stderr.write(`kindred: ${err.message}\n`);
  } else {
    process.stderr.write(`kindred: ${err instanceof Error ? err.message : String(err)}\n`);
  }
} finally {
  await database.close();
}
process.exit(exitCode);

/**
 * PGlite is a single-process database: two processes opening one data folder would corrupt it.
 * A lock file (created exclusively, holding the owner's pid) keeps a second `npm start` or a CLI
 * command away while the first runs; a lock left by a process that died is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `dataDir`; returns its release function. */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'kindred.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${owner} (is "npm start" running?). ` +
            'Stop it first, or point KINDRED_DATA_DIR or DATABASE_URL elsewhere.',
        );
      }
      rmSync(lockFile, { force: true }); // left behind by a process that is gone
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

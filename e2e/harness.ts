/**
 * End-to-end harness: starts Kindred exactly as `npm start` does (its own process, embedded
 * database in a temporary folder unless DATABASE_URL is set, demo tenants on) and a headless
 * Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper shared with the widget test runner
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningSystem {
  apiUrl: string;
  /** Demo host pages in the order the server prints them: clinic, nonprofit, shop. */
  demoUrls: string[];
  output: () => string;
  stop(): Promise<void>;
}

export async function startSystem(): Promise<RunningSystem> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kindred-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), KINDRED_DATA_DIR: dataDir, KINDRED_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Kindred did not start in time:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('Kindred is running.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Kindred exited with ${code}:\n${output}`));
    });
  });

  const demoUrls = [...output.matchAll(/^\s{2}.+?\s(http:\/\/localhost:\d+)\s+key /gm)].map((m) => m[1]!);
  return {
    apiUrl: `http://localhost:${port}`,
    demoUrls,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}

/**
 * End-to-end harness: starts Kindred exactly as `npm start` does (its own process, embedded
 * database in a temporary folder unless DATABASE_URL is set, demo tenants on) and a headless
 * Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
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

/**
 * A tag that makes this run's text unique: letters only, so nothing in it looks like a phone
 * number or another personal detail (which the moderation pipeline would ask about).
 */
export function runTag(): string {
  return Array.from({ length: 10 }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join('');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}

/** A tRPC response over plain HTTP: its status and JSON body (`{ result: { data } }` or `{ error }`). */
export interface TrpcResponse<T = unknown> {
  status: number;
  body: { result?: { data: T }; error?: { message: string; data?: { kindredCode?: string; httpStatus?: number } } };
}

/** A staff member's admin-console session, driven over HTTP as the console's own page would. */
export interface ConsoleSession {
  /** `kindred_staff=...`, for the Cookie header. */
  cookie: string;
  csrfToken: string;
  /** A query (GET); throws unless the API answers 200. */
  query<T>(procedure: string, input?: unknown): Promise<T>;
  /** A mutation (POST) from the console's origin, with the CSRF header unless `csrf: false`. */
  mutate<T>(procedure: string, input: unknown, options?: { csrf?: boolean }): Promise<TrpcResponse<T>>;
}

async function trpcResponse<T>(response: Response): Promise<TrpcResponse<T>> {
  return { status: response.status, body: (await response.json()) as TrpcResponse<T>['body'] };
}

/** Signs a staff member in to the console API (`staff.auth.signIn`) and keeps the session cookie and CSRF token. */
export async function signInToConsole(
  apiUrl: string,
  credentials: { organisation: string; email: string; password: string },
): Promise<ConsoleSession> {
  const signIn = await fetch(`${apiUrl}/trpc/staff.auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: apiUrl },
    body: JSON.stringify(credentials),
  });
  const { status, body } = await trpcResponse<{ csrfToken: string }>(signIn);
  if (status !== 200 || !body.result) throw new Error(`console sign-in failed (${status}): ${JSON.stringify(body)}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('kindred_staff='));
  if (!cookie) throw new Error('console sign-in set no kindred_staff cookie');
  const { csrfToken } = body.result.data;

  return {
    cookie,
    csrfToken,
    async query<T>(procedure: string, input?: unknown): Promise<T> {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const answer = await trpcResponse<T>(await fetch(`${apiUrl}/trpc/${procedure}${query}`, { headers: { cookie } }));
      if (answer.status !== 200 || !answer.body.result) throw new Error(`${procedure} failed (${answer.status}): ${JSON.stringify(answer.body)}`);
      return answer.body.result.data;
    },
    async mutate<T>(procedure: string, input: unknown, options: { csrf?: boolean } = {}): Promise<TrpcResponse<T>> {
      const headers: Record<string, string> = { 'content-type': 'application/json', origin: apiUrl, cookie };
      if (options.csrf !== false) headers['x-kindred-csrf'] = csrfToken;
      return trpcResponse<T>(await fetch(`${apiUrl}/trpc/${procedure}`, { method: 'POST', headers, body: JSON.stringify(input) }));
    },
  };
}

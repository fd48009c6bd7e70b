// Read throughput of the public forum API, measured from outside the server process:
// starts Kindred (embedded database, demo data) in a child process and loads it with autocannon.
// Usage: npm run bench [-- --seconds 10 --connections 10]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, connections: { type: 'string', default: '10' } } });
const port = 30000 + Math.floor(Math.random() * 10000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'kindred-bench-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'packages/api/src/main.ts'], {
  // Rate limits off: this measures the API, not the limiter turning the load away.
  env: { ...process.env, PORT: String(port), KINDRED_DATA_DIR: dataDir, KINDRED_DEMO: '1', LOG_LEVEL: 'warn', KINDRED_RATE_LIMITS: 'off' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => (out += d) && out.includes('Kindred is running.') && resolve());
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const base = `http://127.0.0.1:${port}`;
const headers = { 'x-kindred-key': 'pk_demo_riverside_clinic', origin: `http://localhost:${port + 1}` };
const input = (v) => encodeURIComponent(JSON.stringify(v));
const list = await (await fetch(`${base}/trpc/forum.listThreads?input=${input({})}`, { headers })).json();
const threadId = list.result.data.items[0].id;

const scenarios = [
  ['forum.listThreads (guest, 20 per page)', `/trpc/forum.listThreads?input=${input({ limit: 20 })}`],
  ['forum.getThread (guest)', `/trpc/forum.getThread?input=${input({ threadId })}`],
  ['GET /healthz', '/healthz'],
];
console.log(`Kindred read throughput: ${values.connections} connections, ${values.seconds} s each, ${process.env.DATABASE_URL ? 'DATABASE_URL set' : 'PGlite'}`);
console.log(`${'scenario'.padEnd(42)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)}`);
for (const [name, url] of scenarios) {
  const result = await autocannon({ url: `${base}${url}`, headers, connections: Number(values.connections), duration: Number(values.seconds) });
  console.log(
    `${name.padEnd(42)} ${result.requests.average.toFixed(0).padStart(8)} ${String(result.latency.p50).padStart(7)} ${String(result.latency.p99).padStart(7)} ${String(result.non2xx).padStart(8)}`,
  );
}
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });

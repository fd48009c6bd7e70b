#!/usr/bin/env node
// Builds the widgets for production and checks the gzip budgets:
//   loader (kindred.js)                                  <= 2.5 kB
//   forum first render: loader + forum chunk + every chunk it statically imports (Lit, client...) <= 20 kB
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const widgets = fileURLToPath(new URL('../packages/widgets/', import.meta.url));
const dist = join(widgets, 'dist');
const BUDGETS = { loader: 2560, forum: 20480 };

const result = await build({ root: widgets, configFile: join(widgets, 'vite.config.ts'), logLevel: 'warn' });
const chunks = new Map(
  (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]),
);

const gzip = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const staticClosure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of chunks.get(file)?.imports ?? []) staticClosure(imported, seen);
  return seen;
};
const chunkOf = (suffix) => [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(suffix))?.fileName;

const loader = 'kindred.js';
const forum = chunkOf('/src/forum/define.ts');
if (!chunks.has(loader) || !forum) {
  console.error('size: the build did not produce kindred.js and the forum chunk');
  process.exit(1);
}
const firstRender = new Set([...staticClosure(loader), ...staticClosure(forum)]);

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
const rows = [];
for (const file of firstRender) rows.push([`  ${file}`, gzip(file), '']);
const loaderBytes = [...staticClosure(loader)].reduce((sum, f) => sum + gzip(f), 0);
const forumBytes = [...firstRender].reduce((sum, f) => sum + gzip(f), 0);
const checks = [
  ['loader (kindred.js + its static imports)', loaderBytes, BUDGETS.loader],
  ['forum first render (total)', forumBytes, BUDGETS.forum],
];

console.log('\ngzip sizes (level 9)\n');
console.log(`${'file'.padEnd(48)}${'bytes'.padStart(8)}${'kB'.padStart(11)}${'budget'.padStart(12)}  status`);
for (const [name, bytes] of rows) console.log(`${name.padEnd(48)}${String(bytes).padStart(8)}${kB(bytes).padStart(11)}`);
let failed = false;
for (const [name, bytes, budget] of checks) {
  const ok = bytes <= budget;
  failed ||= !ok;
  console.log(`${name.padEnd(48)}${String(bytes).padStart(8)}${kB(bytes).padStart(11)}${kB(budget).padStart(12)}  ${ok ? 'ok' : 'OVER BUDGET'}`);
}
console.log('');
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
// Builds the widgets for production and checks the gzip budgets:
//   loader (kindred.js)                                  <= 2.5 kB
//   forum first render: loader + forum chunk + every chunk it statically imports (Lit, client...) <= 20 kB
//   the same for groups, stories, reviews and recommendations, each                         <= 20 kB
// Chunks a widget imports lazily (thread view, group page, popovers, report dialog, live stream,
// translations, which only pages in that language fetch) are listed for information and do not
// count towards its first render.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const widgets = fileURLToPath(new URL('../packages/widgets/', import.meta.url));
const dist = join(widgets, 'dist');
const BUDGETS = { loader: 2560, widget: 20480 };

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
// The chunk holding a module (its facade, or a shared chunk when another widget imports it too).
const chunkOf = (suffix) =>
  ([...chunks.values()].find((c) => c.facadeModuleId?.endsWith(suffix)) ??
    [...chunks.values()].find((c) => Object.keys(c.modules).some((id) => id.endsWith(suffix))))?.fileName;

const loader = 'kindred.js';
/** Every widget the loader can define; each must fit its first render in the widget budget. */
const WIDGETS = [
  ['forum', '/src/forum/define.ts'],
  ['groups', '/src/groups/define.ts'],
  ['stories', '/src/stories/define.ts'],
  ['reviews', '/src/reviews/define.ts'],
  ['recommendations', '/src/reviews/recommendations-define.ts'],
];
if (!chunks.has(loader)) {
  console.error('size: the build did not produce kindred.js');
  process.exit(1);
}
const firstRenderOf = (chunk) => new Set([...staticClosure(loader), ...staticClosure(chunk)]);
const total = (files) => [...files].reduce((sum, f) => sum + gzip(f), 0);

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
const rows = [];
const checks = [['loader (kindred.js + its static imports)', total(staticClosure(loader)), BUDGETS.loader]];
const widgetFirsts = [];
for (const [name, entry] of WIDGETS) {
  const chunk = chunkOf(entry);
  if (!chunk) {
    console.error(`size: the build has no chunk for ${entry} (is it in the loader, src/kindred.ts?)`);
    process.exit(1);
  }
  const first = firstRenderOf(chunk);
  widgetFirsts.push(first);
  checks.push([`${name} first render (total)`, total(first), BUDGETS.widget]);
}
const firstRender = new Set(widgetFirsts.flatMap((set) => [...set]));
for (const file of firstRender) rows.push([`  ${file}`, gzip(file)]);
const lazy = [...chunks.keys()].filter((file) => !firstRender.has(file));
for (const file of lazy) rows.push([`  ${file} (lazy)`, gzip(file)]);

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

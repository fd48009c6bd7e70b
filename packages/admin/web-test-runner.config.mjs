// Browser tests of the console: Chromium (headless) through puppeteer, TypeScript through esbuild.
// The same setup as packages/widgets (the console imports real widgets in its theme preview).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

let executablePath;
try {
  executablePath = findChromium();
} catch (error) {
  console.error(error.message); // says: `apt-get install -y chromium`, or set CHROME_PATH
  process.exit(1);
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default {
  rootDir: repoRoot,
  files: [fileURLToPath(new URL('./src/**/*.test.ts', import.meta.url))],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One page at a time: a background tab does not render, so IntersectionObserver would never fire.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // esbuild reads this file as is (no "extends"): the base holds the decorator settings.
      tsconfig: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)),
    }),
  ],
  // axe-core in every test page, from the hoisted node_modules.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <head><script src="/node_modules/axe-core/axe.min.js"></script></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        userDataDir: mkdtempSync(join(tmpdir(), 'kindred-wtr-')),
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};

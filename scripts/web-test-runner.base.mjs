// The browser-test setup every package shares: Chromium (headless) through puppeteer,
// TypeScript through esbuild, axe-core in every test page. A package's web-test-runner.config.mjs
// is `export default browserTestConfig(import.meta.url)`: it runs that package's src/**/*.test.ts.
// (@web/test-runner-chrome and @web/dev-server-esbuild are the packages' devDependencies, hoisted.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} configUrl the package config's `import.meta.url` */
export function browserTestConfig(configUrl) {
  let executablePath;
  try {
    executablePath = findChromium();
  } catch (error) {
    console.error(error.message); // says: `apt-get install -y chromium`, or set CHROME_PATH
    process.exit(1);
  }

  return {
    rootDir: repoRoot,
    files: [fileURLToPath(new URL('./src/**/*.test.ts', configUrl))],
    nodeResolve: { exportConditions: ['browser', 'development'] },
    // One page at a time: a background tab does not render, so IntersectionObserver would never fire.
    concurrency: 1,
    testFramework: { config: { timeout: 10000 } },
    plugins: [
      esbuildPlugin({
        ts: true,
        target: 'es2022',
        // esbuild reads this file as is (no "extends"): the base holds the decorator settings.
        tsconfig: join(repoRoot, 'tsconfig.base.json'),
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
}

// Browser tests: Chromium (headless) through puppeteer, TypeScript through esbuild, axe-core in
// every page. The setup is shared with packages/admin: see scripts/web-test-runner.base.mjs.
import { browserTestConfig } from '../../scripts/web-test-runner.base.mjs';

export default browserTestConfig(import.meta.url);

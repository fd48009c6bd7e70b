// Screenshots of every console screen against a running Kindred (npm start), at 1280×800 and at
// 200% zoom, for people to look at. Also fails on any console error, such as a CSP violation.
//   node packages/admin/scripts/screenshots.mjs [out-dir]   (env: KINDRED_URL, ORGANISATION, EMAIL, PASSWORD)
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/find-chromium.mjs';

const base = process.env.KINDRED_URL ?? 'http://localhost:8787';
const out = process.argv[2] ?? 'screenshots';
const who = {
  organisation: process.env.ORGANISATION ?? 'riverside-clinic',
  email: process.env.EMAIL ?? 'owner@riverside-clinic.example',
  password: process.env.PASSWORD ?? 'kindred-demo-console',
};
const screens = ['queue', 'reports', 'members', 'analytics', 'audit', 'settings', 'theme', 'embed', 'team', 'account'];
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) });
const problems = [];
for (const zoom of [1, 2]) {
  // 200% zoom: half the CSS pixels, each drawn twice as large (what browser zoom does to layout).
  const context = await browser.newContext({ viewport: { width: 1280 / zoom, height: 800 / zoom }, deviceScaleFactor: zoom });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`${m.text()} (${page.url()})`));
  page.on('pageerror', (e) => problems.push(`${e.message} (${page.url()})`));
  page.on('response', (r) => {
    // Asking for the session before signing in answers 401: expected.
    if (r.status() >= 400 && !r.url().includes('staff.auth.session')) problems.push(`${r.status()} ${r.url()}`);
  });
  const suffix = zoom === 1 ? '' : '-200';
  await page.goto(`${base}/admin/`);
  await page.locator('#organisation').fill(who.organisation);
  await page.screenshot({ path: `${out}/sign-in${suffix}.png` });
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('nav[aria-label="Console"]').waitFor({ state: 'attached' });
  for (const screen of screens) {
    await page.goto(`${base}/admin/#/${screen}`);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/${screen}${suffix}.png` });
  }
  await context.close();
}
await browser.close();
if (problems.length) {
  console.error(`Console errors:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`Screenshots in ${out}/`);

/**
 * The foundation slice, as a visitor lives it: a clinic's demo page shows forum threads in the
 * embedded <kindred-forum>; the visitor signs in through the host page, replies, reloads, and
 * the reply is still there. The page runs under a strict CSP, which must not be violated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runTag, startSystem, type RunningSystem } from './harness.ts';

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** Opens a page and collects anything that went wrong in it. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

describe('the clinic demo page', () => {
  it('shows the forum, lets a signed-in patient reply, and keeps the reply after a reload', async () => {
    expect(system.demoUrls).toHaveLength(3);
    const { page, problems } = await open(system.demoUrls[0]!);

    // Threads come from the API into the widget's shadow DOM (Playwright locators pierce it).
    const threadTitles = page.locator('kindred-forum').locator('[part~="thread-title"]');
    await expect.poll(() => threadTitles.count(), { timeout: 20_000 }).toBeGreaterThan(2);
    const titles = await threadTitles.allInnerTexts();
    expect(titles).toContain('Nervous about my first colonoscopy next week');
    // Only this tenant's threads: nothing from the nonprofit or the shop.
    expect(titles.join('\n')).not.toMatch(/chemo days|stoma|Just diagnosed/);

    await page.getByRole('button', { name: 'Nervous about my first colonoscopy next week' }).click();
    await expect.poll(() => page.locator('kindred-forum').locator('[part~="post"]').count()).toBe(4);

    // Signed out: the widget asks the page to sign in. The demo page answers by signing in its patient.
    await page.getByRole('button', { name: 'Sign in to reply' }).click();
    await expect.poll(() => page.locator('#demo-status').innerText()).toBe('Signed in as Sam Patel');

    const reply = `Thank you all, the broth tip helped. (e2e ${runTag()})`;
    await page.getByRole('textbox', { name: 'Your reply' }).fill(reply);
    await page.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => page.locator('kindred-forum').locator('[part~="post-body"]').allInnerTexts()).toContain(reply);

    await page.reload();
    await page.getByRole('button', { name: 'Nervous about my first colonoscopy next week' }).click();
    const bodies = page.locator('kindred-forum').locator('[part~="post-body"]');
    await expect.poll(() => bodies.allInnerTexts(), { timeout: 20_000 }).toContain(reply);
    const authors = await page.locator('kindred-forum').locator('[part~="post-author"]').allInnerTexts();
    expect(authors.at(-1)).toBe('Sam Patel');

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('serves each demo site its own tenant, and starts a thread from the shop page', async () => {
    const { page, problems } = await open(system.demoUrls[2]!);
    // The shop's forum sits below its reviews: widgets load as they near the viewport.
    await page.locator('kindred-forum').scrollIntoViewIfNeeded();
    const titles = page.locator('kindred-forum').locator('[part~="thread-title"]');
    await expect.poll(() => titles.allInnerTexts(), { timeout: 20_000 }).toContain('Compression socks for long flights: which strength?');

    await page.getByRole('button', { name: 'Sign in as a demo patient' }).click();
    await expect.poll(() => page.locator('#demo-status').innerText()).toBe('Signed in as Robin Lee');
    await page.getByRole('button', { name: 'Start a conversation' }).click();
    const title = `Gentle sunscreen for skin after radiotherapy ${runTag()}`;
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('textbox', { name: 'Your message' }).fill('What did you wish you had asked?');
    await page.getByRole('button', { name: 'Post conversation' }).click();
    await expect.poll(() => page.locator('kindred-forum').locator('[part~="thread-heading"], [part~="thread-title"]').allInnerTexts()).toContain(title);

    // The clinic's forum does not show it: each site is its own tenant.
    const clinic = await open(system.demoUrls[0]!);
    const clinicTitles = clinic.page.locator('kindred-forum').locator('[part~="thread-title"]');
    await expect.poll(() => clinicTitles.count(), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await clinicTitles.allInnerTexts()).not.toContain(title);

    expect([...problems, ...clinic.problems]).toEqual([]);
    await page.context().close();
    await clinic.page.context().close();
  });
});

/**
 * Condition groups and live updates, across two browsers on the nonprofit's demo page: one
 * visitor joins a group and starts a conversation in it; a second visitor, watching the group's
 * forum, sees it arrive live, opens it and reacts; the first sees the reaction appear live.
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

async function visitor(index: 0 | 1): Promise<{ page: Page; problems: string[]; streams: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  // Live streams this page has opened (they open only while their widget is in view).
  const streams: string[] = [];
  page.on('request', (r) => {
    const procedure = /\/trpc\/(forum\.on\w+)/.exec(r.url())?.[1];
    if (procedure) streams.push(procedure);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  await page.goto(system.demoUrls[1]!);
  await page.locator('#demo-visitor').selectOption(String(index));
  await page.getByRole('button', { name: 'Sign in as a demo patient' }).click();
  await expect.poll(() => page.locator('#demo-status').innerText()).toMatch(/^Signed in as /);
  return { page, problems, streams };
}

async function joinNewlyDiagnosed(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Newly diagnosed', exact: true }).click({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect.poll(() => page.locator('kindred-groups').locator('[part~="membership-status"]').first().innerText()).toMatch(/member/i);
}

describe('groups and live updates on the nonprofit demo page', () => {
  it('join a group, start a thread; a second browser sees it live and reacts; the first sees the reaction', async () => {
    const first = await visitor(0);
    const second = await visitor(1);
    await joinNewlyDiagnosed(first.page);
    await joinNewlyDiagnosed(second.page);
    // The second visitor is looking at the group's forum list (live streams open only while in view).
    const secondForum = second.page.locator('kindred-forum');
    await expect.poll(() => secondForum.locator('[part~="thread-title"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await secondForum.locator('[part~="thread-title"]').first().scrollIntoViewIfNeeded();
    await expect.poll(() => second.streams.includes('forum.onForum')).toBe(true);

    const title = `Scan results next week and I cannot sleep ${runTag()}`;
    await first.page.getByRole('button', { name: 'Start a conversation' }).click();
    await first.page.getByRole('textbox', { name: 'Title' }).fill(title);
    await first.page.getByRole('textbox', { name: 'Your message' }).fill('How do you get through the waiting?');
    await first.page.getByRole('button', { name: 'Post conversation' }).click();
    const firstForum = first.page.locator('kindred-forum');
    // The author opens the new conversation (if the forum did not already).
    await expect.poll(() => firstForum.locator('[part~="thread-heading"], [part~="thread-title"]').allInnerTexts(), { timeout: 20_000 }).toContain(title);
    if ((await firstForum.locator('[part~="thread-heading"]').count()) === 0) {
      await first.page.getByRole('button', { name: title }).click();
    }
    await expect.poll(() => firstForum.locator('[part~="thread-heading"]').innerText()).toBe(title);
    await firstForum.locator('[part~="post"]').first().scrollIntoViewIfNeeded();
    await expect.poll(() => first.streams.includes('forum.onThread')).toBe(true);

    // Live: the second visitor is told about the new conversation without reloading.
    const announce = second.page.getByRole('button', { name: /1 new conversation/ });
    await expect.poll(() => announce.count(), { timeout: 20_000 }).toBe(1);
    await announce.click();
    await second.page.getByRole('button', { name: title }).click({ timeout: 20_000 });
    await expect.poll(() => secondForum.locator('[part~="thread-heading"]').innerText()).toBe(title);
    await second.page.getByRole('button', { name: 'Add a reaction' }).first().click();
    await second.page.getByRole('menuitemcheckbox', { name: 'Support' }).click();
    await expect.poll(() => secondForum.getByRole('button', { name: /Support\s*1/ }).count()).toBe(1);

    // Live: the first visitor sees the reaction appear on their post.
    await expect.poll(() => firstForum.getByRole('button', { name: /Support\s*1/ }).count(), { timeout: 20_000 }).toBe(1);

    expect([...first.problems, ...second.problems]).toEqual([]);
    await first.page.context().close();
    await second.page.context().close();
  });
});

/**
 * Issue 4 end to end, on the shop's demo page: a demo patient whose signed token carries a
 * purchase claim reviews the product in <kindred-reviews>. The review waits for a moderator (only
 * its author sees it; a guest and the page's JSON-LD do not). The shop's moderator approves it
 * through the console API, which first refuses the approval without its CSRF token. A guest then
 * sees it with "Verified buyer", and the schema.org JSON-LD lists it without health attributes.
 * The page runs under a strict CSP, which must not be violated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runTag, signInToConsole, startSystem, type RunningSystem } from './harness.ts';

const PRODUCT_SKU = 'GL-WIG-ELLA';
const PRODUCT_NAME = 'Ella soft-cap synthetic wig';
/** A review the demo seeds for the product: once it shows, the list has loaded. */
const SEEDED_TITLE = 'Comfortable all day, even on a sore scalp';
/** The health attribute ticked in the form: shown on the review, never in the JSON-LD. */
const ATTRIBUTE_KEY = 'hair-loss';
const ATTRIBUTE_LABEL = 'Living with hair loss';

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

/** Opens a page in a fresh browser context (signed out) and collects anything that went wrong in it. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  // CSP violations are also reported as events: make each one a console error too.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}


interface ReviewLd {
  '@type': string;
  name: string;
  reviewBody: string;
  reviewRating: { '@type': string; ratingValue: number };
  datePublished: string;
  author?: { '@type': string; name: string };
}

interface ProductLd {
  '@context': string;
  '@type': string;
  name: string;
  sku: string;
  aggregateRating?: { '@type': string; ratingValue: number; reviewCount: number };
  review?: ReviewLd[];
}

/** The text of every JSON-LD script in <kindred-reviews>' light DOM (where crawlers read it). */
function jsonLdScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('kindred-reviews > script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
  );
}

/** Waits for the one JSON-LD script to list a review titled `title`, then returns it raw and parsed. */
async function structuredDataListing(page: Page, title: string): Promise<{ text: string; data: ProductLd }> {
  let text = '';
  await expect
    .poll(
      async () => {
        const scripts = await jsonLdScripts(page);
        text = scripts[0] ?? '';
        // JSON.parse throws on invalid JSON, failing the poll with the parser's message.
        return scripts.length === 1 && (JSON.parse(text) as ProductLd).review?.some((r) => r.name === title);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return { text, data: JSON.parse(text) as ProductLd };
}

interface QueueItem {
  kind: string;
  id: string;
  status: string;
  title: string | null;
  bodySource: string;
  author: { displayName: string } | null;
}

describe('reviews on the shop demo page', () => {
  it('a verified buyer reviews the product; after approval a guest sees it, with valid JSON-LD', async () => {
    expect(system.demoUrls).toHaveLength(3);
    const shopUrl = system.demoUrls[2]!;
    const tag = runTag();
    const title = `Soft cap that stays comfy on long walks ${tag}`;
    const body = `I wore it on a long walk in the wind and it stayed put without itching. Run ${tag}.`;

    // The patient: open the shop page and sign in through it.
    const patient = await open(shopUrl);
    const patientReviews = patient.page.locator('kindred-reviews');
    await expect.poll(() => patientReviews.locator('[part~="review-title"]').allInnerTexts(), { timeout: 20_000 }).toContain(SEEDED_TITLE);
    expect(await patient.page.locator('#demo-visitor option:checked').innerText()).toBe('Robin Lee (customer)');
    // Signed out, "Write a review" asks the page to sign the visitor in; the demo page does.
    await patientReviews.getByRole('button', { name: 'Write a review' }).click();
    await expect.poll(() => patient.page.locator('#demo-status').innerText()).toBe('Signed in as Robin Lee');

    // Write the review: rating, title, body, one health attribute, signed with the name.
    await patientReviews.getByRole('button', { name: 'Write a review' }).click();
    const form = patientReviews.getByRole('form', { name: 'Write a review' });
    // The rating's radios are visually hidden behind drawn stars: click the fourth star, as a mouse user does.
    await form.locator('label[part~="rating-option"]', { hasText: '4 stars' }).click();
    expect(await form.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByRole('textbox', { name: 'Your review' }).fill(body);
    await form.getByRole('checkbox', { name: ATTRIBUTE_LABEL }).check();
    await form.getByRole('radio', { name: 'With my name' }).check();
    await form.getByRole('button', { name: 'Submit review' }).click();

    // The author sees their review as awaiting review.
    const own = patientReviews.locator('[part~="your-review"]');
    await expect.poll(() => own.locator('[part~="review-status"]').innerText(), { timeout: 20_000 }).toBe('Awaiting review');
    expect(await own.locator('[part~="thanks"]').innerText()).toBe('Thank you. Your review is awaiting review.');
    expect(await own.locator('[part~="moderation-status"]').innerText()).toContain('Only you can see it for now.');
    expect(await own.innerText()).toContain(title);
    expect(await form.count()).toBe(0);

    // A guest (another browser context, not signed in) sees neither the review nor it in the JSON-LD.
    const guest = await open(shopUrl);
    const guestReviews = guest.page.locator('kindred-reviews');
    const guestTitles = guestReviews.locator('[part~="review-title"]');
    await expect.poll(() => guestTitles.allInnerTexts(), { timeout: 20_000 }).toContain(SEEDED_TITLE);
    expect(await guestTitles.allInnerTexts()).not.toContain(title);
    const before = await structuredDataListing(guest.page, SEEDED_TITLE);
    expect(before.text).not.toContain(tag);
    const countBefore = before.data.aggregateRating?.reviewCount ?? 0;

    // The shop's moderator finds it in the queue (console API over HTTP).
    const moderator = await signInToConsole(system.apiUrl, {
      organisation: 'greenleaf-shop',
      email: 'moderator@greenleaf-shop.example',
      password: 'kindred-demo-console',
    });
    const queue = await moderator.query<{ items: QueueItem[] }>('staff.queue.list', { kind: 'review' });
    const item = queue.items.find((i) => i.title === title);
    expect(item).toMatchObject({ kind: 'review', status: 'pending', bodySource: body, author: { displayName: 'Robin Lee' } });
    const ref = { kind: 'review', id: item!.id };

    // Approving without the session's CSRF token is refused, and changes nothing.
    const refused = await moderator.mutate('staff.queue.approve', ref, { csrf: false });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.data?.kindredCode).toBe('CSRF_FAILED');
    expect(await moderator.query<QueueItem>('staff.queue.item', ref)).toMatchObject({ status: 'pending' });

    const approved = await moderator.mutate<QueueItem>('staff.queue.approve', ref);
    expect(approved.status).toBe(200);
    expect(approved.body.result?.data).toMatchObject({ id: ref.id, status: 'published' });

    // The guest reloads: the review is listed, signed with the name, as a verified buyer's.
    await guest.page.reload();
    const review = guestReviews.getByRole('article', { name: title });
    await expect.poll(() => review.count(), { timeout: 20_000 }).toBe(1);
    expect(await review.locator('[part~="author"]').innerText()).toBe('Robin Lee');
    expect(await review.locator('[part~="verified"]').innerText()).toBe('Verified buyer');
    expect(await review.locator('[part~="review-body"]').innerText()).toBe(body);
    expect(await review.locator('[part~="attribute"]').allInnerTexts()).toEqual([ATTRIBUTE_LABEL]);
    expect(await review.getByRole('img', { name: '4 out of 5 stars' }).count()).toBe(1);

    // The JSON-LD: valid JSON, the product, its rating with the new review, and no health attributes.
    const { text, data } = await structuredDataListing(guest.page, title);
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product', name: PRODUCT_NAME, sku: PRODUCT_SKU });
    expect(data.aggregateRating).toMatchObject({ '@type': 'AggregateRating' });
    expect(data.aggregateRating!.reviewCount).toBeGreaterThanOrEqual(1);
    expect(data.aggregateRating!.reviewCount).toBe(countBefore + 1);
    expect(data.review!.find((r) => r.name === title)).toEqual({
      '@type': 'Review',
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
      name: title,
      reviewBody: body,
      datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      author: { '@type': 'Person', name: 'Robin Lee' },
    });
    expect(text).not.toContain(ATTRIBUTE_LABEL);
    expect(text).not.toContain(ATTRIBUTE_KEY);

    expect([...patient.problems, ...guest.problems]).toEqual([]);
    await patient.page.context().close();
    await guest.page.context().close();
  });
});

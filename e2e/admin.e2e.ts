/**
 * Issue 6 end to end: the admin console at /admin/, served under its strict CSP, in Chromium.
 *
 * On the nonprofit's demo page a patient shares a public story; it is held (stories are
 * pre-moderated). The nonprofit's owner signs in to the console, invites a moderator and reads
 * the invite link from the screen; the moderator opens it in another browser, chooses a name and
 * a password, approves the story with the `a` key and bans its author with a note. The owner's
 * audit log shows both, by the moderator's name. A guest now sees the story; the banned member's
 * next request is refused. The clinic's owner sees nothing of the nonprofit in the console, and
 * the clinic's session cookie, replayed against console procedures with the nonprofit's ids, gets
 * NOT_FOUND. No screen visited logs a console error or a CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, runTag, signInToConsole, startSystem, type RunningSystem } from './harness.ts';

const PASSWORD = 'kindred-demo-console';
const NONPROFIT = 'pink-ribbon';
const CLINIC = 'riverside-clinic';
/** The nonprofit's first demo visitor (the demo page signs this one in by default). */
const AUTHOR = 'Alex Morgan';

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


/** A request the page is expected to see fail (e.g. the console's session probe before sign-in). */
interface ExpectedFailure {
  status: number;
  procedure: string;
}

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations, as they happen. */
  problems: string[];
  /** CSP violations alone (they are in `problems` too). */
  violations: string[];
  /** Lets the page see this failed request without counting it as a problem. */
  expectFailure(failure: ExpectedFailure): void;
}

/**
 * A fresh browser context (its own cookies) whose pages report every console error, uncaught
 * error and `securitypolicyviolation` event. "Failed to load resource" errors are counted too,
 * unless the test said that exact procedure may answer that status.
 */
async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const violations: string[] = [];
  const expected: ExpectedFailure[] = [];
  await context.exposeFunction('kindredE2eCspViolation', (report: string) => {
    violations.push(report);
    problems.push(`CSP violation: ${report}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as { kindredE2eCspViolation: (r: string) => void }).kindredE2eCspViolation;
        report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
      },
      true,
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const failed = /^Failed to load resource: the server responded with a status of (\d+)/.exec(msg.text());
    if (failed) {
      const status = Number(failed[1]);
      const procedure = /\/trpc\/([\w.]+)/.exec(msg.location().url)?.[1];
      if (expected.some((e) => e.status === status && e.procedure === procedure)) return;
    }
    problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  return { context, page, problems, violations, expectFailure: (failure) => expected.push(failure) };
}

/** Opens /admin/ signed out: the console asks for a session (401) and shows sign-in. */
async function openConsole(path = ''): Promise<Watched> {
  const watched = await watchedPage();
  watched.expectFailure({ status: 401, procedure: 'staff.auth.session' });
  const response = await watched.page.goto(`${system.apiUrl}/admin/${path}`);
  expect(response?.status()).toBe(200);
  // The strict policy is on the page itself: no inline scripts or styles anywhere.
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  return watched;
}

/** Signs in through the console's own form and waits for the staff member's home screen. */
async function signIn(organisation: string, email: string): Promise<Watched> {
  const watched = await openConsole();
  const { page } = watched;
  await page.getByRole('textbox', { name: 'Organisation' }).fill(organisation);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor({ timeout: 20_000 });
  return watched;
}

/** Opens a screen from the console's navigation and waits for its heading. */
async function openScreen(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

/**
 * Waits until the screen on show has its data: nothing of the console's is marked busy. (The
 * theme screen's widget previews load some parts only when scrolled near: those do not count.)
 */
async function settled(page: Page): Promise<void> {
  const busy = () =>
    page
      .locator('[aria-busy="true"]')
      .evaluateAll((elements) => elements.filter((e) => !((e.getRootNode() as ShadowRoot).host?.localName ?? '').startsWith('kindred-')).length);
  await expect.poll(busy, { timeout: 10_000 }).toBe(0);
}

/** The nonprofit's demo page with its first demo visitor signed in through the page's own backend. */
async function signedInPatient(): Promise<Watched> {
  const watched = await watchedPage();
  await watched.page.goto(system.demoUrls[1]!);
  await watched.page.getByRole('button', { name: 'Sign in as a demo patient' }).click();
  await expect.poll(() => watched.page.locator('#demo-status').innerText()).toBe(`Signed in as ${AUTHOR}`);
  return watched;
}

/** A tRPC call over plain HTTP with the given headers: its status and Kindred error code. */
async function call(
  procedure: string,
  options: { input?: unknown; mutation?: boolean; headers: Record<string, string> },
): Promise<{ status: number; code: string | undefined; data: unknown }> {
  const { input, mutation = false, headers } = options;
  const url = mutation || input === undefined ? `${system.apiUrl}/trpc/${procedure}` : `${system.apiUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(url, {
    method: mutation ? 'POST' : 'GET',
    headers: mutation ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(mutation ? { body: JSON.stringify(input ?? {}) } : {}),
  });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { data?: { kindredCode?: string } } };
  return { status: response.status, code: body.error?.data?.kindredCode, data: body.result?.data };
}

/** What the demo site's backend does for its signed-in visitor: a fresh member token for the widgets. */
async function demoMemberHeaders(): Promise<Record<string, string>> {
  const demoUrl = system.demoUrls[1]!;
  const response = await fetch(`${demoUrl}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"visitor":0}' });
  const { token } = (await response.json()) as { token: string };
  return { 'x-kindred-key': 'pk_demo_pink_ribbon', origin: demoUrl, authorization: `Bearer ${token}` };
}

describe('the admin console', () => {
  it('serves the console under a CSP that the browser enforces, and the test notices a violation', async () => {
    const { page, problems, violations, context } = await openConsole();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    // An inline style, as a careless change might add one: refused, and reported to the test.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red }';
      document.head.append(style);
    });
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0]).toMatch(/^style-src(-elem)? blocked inline/);
    await context.close();
  });

  it('owner invites a moderator; the moderator approves a held story and bans its author; the audit log shows both; the clinic sees none of it', async () => {
    const tag = runTag();
    const storyTitle = `What the first week taught me, ${tag}`;
    const moderatorName = `Morgan Reyes ${tag}`;
    const moderatorEmail = `morgan.${tag}@pink-ribbon.example`;
    const banNote = `Repeated off-topic promotion (${tag}).`;
    const everyone: Watched[] = [];

    // 1. A patient shares a public story on the nonprofit's site. It waits for review.
    const patient = await signedInPatient();
    everyone.push(patient);
    const patientStories = patient.page.locator('kindred-stories');
    await patientStories.scrollIntoViewIfNeeded();
    await patientStories.getByRole('button', { name: 'Share your story' }).click();
    await patientStories.getByRole('textbox', { name: 'Title' }).fill(storyTitle);
    await patientStories
      .getByRole('textbox', { name: 'Your story' })
      .fill('I was scared of the first infusion. The nurses were kind, and it went better than I feared.');
    await patientStories.getByRole('radio', { name: 'Everyone who visits this site' }).check();
    await patientStories.getByRole('button', { name: 'Share my story' }).click();
    await patientStories.getByRole('heading', { name: /awaiting review/ }).waitFor();

    // 2. The owner signs in through the console, opens Team and creates an invite link.
    const owner = await signIn(NONPROFIT, `owner@${NONPROFIT}.example`);
    everyone.push(owner);
    await openScreen(owner.page, 'Team');
    const invitePanel = owner.page.getByRole('region', { name: 'Invite someone' });
    await invitePanel.getByRole('textbox', { name: 'Email' }).fill(moderatorEmail);
    await invitePanel.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: 'Moderator' });
    await invitePanel.getByRole('button', { name: 'Create invite link' }).click();
    const inviteCode = invitePanel.locator('code', { hasText: '/admin/#/invite/' });
    await inviteCode.waitFor();
    const inviteUrl = (await inviteCode.innerText()).trim();
    expect(inviteUrl.startsWith(`${system.apiUrl}/admin/#/invite/`)).toBe(true);
    await expect
      .poll(() => owner.page.getByRole('table', { name: 'Open invites' }).innerText())
      .toContain(moderatorEmail);

    // 3. The moderator opens the link in their own browser, sets a name and password, and is in.
    const moderator = await watchedPage();
    everyone.push(moderator);
    moderator.expectFailure({ status: 401, procedure: 'staff.auth.session' });
    await moderator.page.goto(inviteUrl);
    await moderator.page.getByRole('heading', { level: 1, name: 'Join Pink Ribbon Together' }).waitFor();
    await moderator.page.getByRole('textbox', { name: 'Your name' }).fill(moderatorName);
    await moderator.page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long and unguessable passphrase');
    await moderator.page.getByRole('textbox', { name: 'Password again' }).fill('a long and unguessable passphrase');
    await moderator.page.getByRole('button', { name: 'Create account and sign in' }).click();
    await moderator.page.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor({ timeout: 20_000 });
    // A moderator's navigation has no owner screens.
    const moderatorNav = moderator.page.getByRole('navigation', { name: 'Console' });
    await expect.poll(() => moderatorNav.getByRole('link').allInnerTexts()).not.toContain('Team');
    expect(await moderatorNav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    // 4. The held story is in the queue; the moderator approves it with the `a` key.
    const item = moderator.page.getByRole('article', { name: storyTitle });
    await item.waitFor();
    expect(await item.innerText()).toContain(AUTHOR);
    await item.focus();
    await item.press('a');
    await moderator.page.getByRole('status').filter({ hasText: `Approved: story by ${AUTHOR}` }).waitFor();
    await expect.poll(() => item.count()).toBe(0);

    // 5. Members: find the author, open their page, ban them with a note.
    await openScreen(moderator.page, 'Members');
    await moderator.page.getByRole('searchbox', { name: 'Search members' }).fill(AUTHOR);
    await moderator.page.getByRole('button', { name: 'Search', exact: true }).click();
    const membersTable = moderator.page.getByRole('table', { name: 'Members' });
    await expect.poll(() => membersTable.getByRole('link').allInnerTexts()).toEqual([AUTHOR]);
    await membersTable.getByRole('link', { name: AUTHOR }).click();
    await moderator.page.getByRole('heading', { level: 1, name: AUTHOR }).waitFor();
    const authorMemberId = decodeURIComponent(/#\/members\/([^/]+)$/.exec(moderator.page.url())![1]!);
    await moderator.page.getByRole('button', { name: 'Ban…' }).click();
    const banDialog = moderator.page.getByRole('dialog', { name: `Ban or mute ${AUTHOR}` });
    await banDialog.waitFor();
    expect(await banDialog.getByRole('radio', { name: /^Ban/ }).isChecked()).toBe(true);
    await banDialog.getByRole('combobox', { name: 'For how long' }).selectOption({ label: 'Permanently' });
    await banDialog.getByRole('textbox', { name: 'Note for the team' }).fill(banNote);
    await banDialog.getByRole('button', { name: `Ban ${AUTHOR}` }).click();
    await moderator.page.getByRole('status').filter({ hasText: `${AUTHOR} is banned permanently.` }).waitFor();
    // The member's page now says so, with the note for the team.
    await expect.poll(() => moderator.page.getByText('Banned permanently', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => moderator.page.getByText(banNote, { exact: true }).count()).toBe(1);

    // 6. The owner's audit log shows both, by the new moderator's name.
    await openScreen(owner.page, 'Audit log');
    await owner.page.getByRole('combobox', { name: 'Who' }).selectOption({ label: moderatorName });
    const auditTable = owner.page.getByRole('table', { name: 'Audit entries, newest first' });
    const auditRows = auditTable.getByRole('row');
    await expect.poll(() => auditTable.getByRole('code').allInnerTexts()).toEqual(expect.arrayContaining(['moderation.approve', 'member.banned']));
    const approveRow = auditRows.filter({ has: owner.page.getByText('moderation.approve', { exact: true }) });
    const banRow = auditRows.filter({ has: owner.page.getByText('member.banned', { exact: true }) });
    expect(await approveRow.innerText()).toContain(moderatorName);
    expect(await banRow.innerText()).toContain(moderatorName);
    expect(await banRow.innerText()).toContain(authorMemberId);
    // (The note itself is kept with the ban, on the member's page: checked above.)
    // Every row on screen is the moderator's.
    const whoCells = await auditRows.locator('td:nth-child(2)').allInnerTexts();
    expect(whoCells.length).toBeGreaterThanOrEqual(2);
    for (const who of whoCells) expect(who).toContain(moderatorName);
    // The approved story's id is the approval's subject.
    const storyId = (await approveRow.locator('td:nth-child(4)').innerText()).trim();
    expect(storyId).toMatch(/^[0-9a-f-]{36}$/);

    // 7. A guest now sees the story on the nonprofit's page...
    const guest = await watchedPage();
    everyone.push(guest);
    await guest.page.goto(system.demoUrls[1]!);
    const guestStories = guest.page.locator('kindred-stories');
    await guestStories.scrollIntoViewIfNeeded();
    await expect.poll(() => guestStories.getByRole('button', { name: storyTitle }).count(), { timeout: 20_000 }).toBe(1);
    const asGuest = await call('stories.get', { input: { storyId }, headers: { 'x-kindred-key': 'pk_demo_pink_ribbon', origin: system.demoUrls[1]! } });
    expect(asGuest).toMatchObject({ status: 200, data: { title: storyTitle } });

    // ...and the banned author's next request, with a fresh token from the site's backend, is refused.
    expect(await call('identity.me', { headers: await demoMemberHeaders() })).toMatchObject({ status: 403, code: 'MEMBER_BANNED' });

    // 8. The clinic's owner, in another browser: nothing of the nonprofit's in the queue, members or audit log.
    const clinic = await signIn(CLINIC, `owner@${CLINIC}.example`);
    everyone.push(clinic);
    const clinicMain = clinic.page.getByRole('main');
    await settled(clinic.page);
    expect(await clinicMain.innerText()).not.toContain(storyTitle);
    expect(await clinicMain.innerText()).not.toContain(AUTHOR);

    await openScreen(clinic.page, 'Members');
    await clinic.page.getByRole('searchbox', { name: 'Search members' }).fill(AUTHOR);
    await clinic.page.getByRole('button', { name: 'Search', exact: true }).click();
    await clinic.page.getByText('No members found').waitFor();
    expect(await clinicMain.innerText()).not.toContain(AUTHOR);

    await openScreen(clinic.page, 'Audit log');
    const clinicAudit = clinic.page.getByRole('table', { name: 'Audit entries, newest first' });
    await clinicAudit.waitFor();
    await expect.poll(() => clinicAudit.getByRole('row').count()).toBeGreaterThan(1);
    const clinicAuditText = await clinicMain.innerText();
    for (const foreign of [moderatorName, authorMemberId, storyId, banNote, 'member.banned', 'moderation.approve']) expect(clinicAuditText).not.toContain(foreign);
    expect(await clinic.page.getByRole('combobox', { name: 'Who' }).locator('option').allInnerTexts()).not.toContain(moderatorName);

    // A deep link to the nonprofit's member, opened in the clinic's console: not found.
    clinic.expectFailure({ status: 404, procedure: 'staff.members.get' });
    await clinic.page.goto(`${system.apiUrl}/admin/#/members/${encodeURIComponent(authorMemberId)}`);
    await clinic.page.getByRole('alert').filter({ hasText: /not found|no longer exists|could not be found/i }).waitFor();
    expect(await clinicMain.innerText()).not.toContain(AUTHOR);

    // 9. Forging: the clinic's own session cookie and CSRF token, naming the nonprofit's ids.
    const cookie = (await clinic.context.cookies(system.apiUrl)).find((c) => c.name === 'kindred_staff');
    expect(cookie?.httpOnly).toBe(true);
    const clinicHeaders = { cookie: `kindred_staff=${cookie!.value}`, origin: system.apiUrl };
    const session = await call('staff.auth.session', { headers: clinicHeaders });
    expect(session).toMatchObject({ status: 200, data: { tenant: { slug: CLINIC } } });
    const csrf = { ...clinicHeaders, 'x-kindred-csrf': (session.data as { csrfToken: string }).csrfToken };
    expect(await call('staff.members.get', { input: { memberId: authorMemberId }, headers: clinicHeaders })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await call('staff.members.lift', { input: { memberId: authorMemberId }, mutation: true, headers: csrf })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await call('staff.queue.hide', { input: { kind: 'story', id: storyId, note: 'forged' }, mutation: true, headers: csrf })).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    const clinicSearch = await call('staff.members.search', { input: { query: AUTHOR }, headers: clinicHeaders });
    expect(clinicSearch).toMatchObject({ status: 200, data: { items: [] } });
    // The nonprofit's story stays published and its author stays banned (until lifted below).
    expect(await call('stories.get', { input: { storyId }, headers: { 'x-kindred-key': 'pk_demo_pink_ribbon', origin: system.demoUrls[1]! } })).toMatchObject({ status: 200 });
    expect(await call('identity.me', { headers: await demoMemberHeaders() })).toMatchObject({ status: 403, code: 'MEMBER_BANNED' });

    // Leave the demo patient as we found them: on PostgreSQL every e2e file shares one database,
    // and the groups test signs the same patient in.
    const nonprofitOwner = await signInToConsole(system.apiUrl, { organisation: NONPROFIT, email: `owner@${NONPROFIT}.example`, password: 'kindred-demo-console' });
    expect((await nonprofitOwner.mutate('staff.members.lift', { memberId: authorMemberId })).status).toBe(200);
    expect(await call('identity.me', { headers: await demoMemberHeaders() })).toMatchObject({ status: 200 });

    for (const watched of everyone) expect(watched.problems).toEqual([]);
    for (const watched of everyone) await watched.context.close();
  });

  it('every screen of the console opens for its owner without a CSP violation or console error', async () => {
    const owner = await signIn(NONPROFIT, `owner@${NONPROFIT}.example`);
    const screens: [link: string, heading: string][] = [
      ['Reports', 'Reports'],
      ['Members', 'Members'],
      ['Analytics', 'Analytics'],
      ['Audit log', 'Audit log'],
      ['Settings', 'Settings'],
      ['Theme', 'Theme'],
      ['Embed codes', 'Embed codes'],
      ['Team', 'Team'],
      ['Your account', 'Your account'],
      ['Moderation queue', 'Moderation queue'],
    ];
    for (const [link, heading] of screens) {
      await openScreen(owner.page, link, heading);
      await settled(owner.page);
      expect(owner.problems, `on ${heading}`).toEqual([]);
    }
    await owner.context.close();
  });
});

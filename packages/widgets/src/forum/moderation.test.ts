/**
 * The forum's side of moderation (issue 5), through the shared WriteGuard: crisis resources,
 * the personal-details confirmation, refused text, "slow down", paused and closed accounts, and
 * what an author sees on their own post while others cannot see it.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { session } from '../core/session.ts';
import { deepActiveElement, deepQuery, deepQueryAll, deepText, expectAccessible, unmountAll, waitFor } from '../testing/dom.ts';
import {
  forumWith,
  frame,
  listed,
  liveRegion,
  newThreadComposer,
  openThread,
  replyComposer,
  runCleanups,
  threadButtons,
  threadView,
  type,
  writeReply,
} from '../testing/forum-helpers.ts';
import { MockClient } from '../testing/mock-client.ts';
import { awaitingReview, crisisOutcome, refusal } from '../testing/moderation.ts';

afterEach(() => {
  unmountAll();
  runCleanups();
  session.setToken(null);
});

const FATIGUE = 0;
const OWN = 2; // started by you, no replies

type Input = Record<string, unknown>;
const inputs = (client: MockClient, path: 'forum.reply' | 'forum.editPost' | 'forum.createThread') => client.callsTo(path).map((c) => c.input as Input);
const textarea = (composer: Element) => deepQuery<HTMLTextAreaElement>(composer, 'textarea')!;
const submitButton = (composer: Element) => deepQuery<HTMLButtonElement>(composer, '[part~="submit"]')!;
const crisisDialog = (root: Element) => deepQuery<HTMLDialogElement>(root, 'dialog[part~="crisis-resources"]');
/** Identity check on the focused element (chai's diff of two DOM nodes can hang the page). */
function expectFocus(element: Element | null | undefined, what: string): void {
  const active = deepActiveElement();
  expect(active === element, `focus should be on ${what}, is on ${active?.outerHTML.slice(0, 80)}`).to.equal(true);
}

async function replyAndSend(client: MockClient, text: string, attrs: { lang?: string } = {}) {
  const forum = await forumWith(client, { token: 'member', ...attrs });
  await openThread(forum, FATIGUE);
  const submit = await writeReply(forum, text);
  submit.click();
  return { forum, composer: replyComposer(forum) };
}

describe('crisis resources', () => {
  it('open at once for the author, warm and plain, with ways to reach each service; Close carries on', async () => {
    const client = new MockClient().moderateNext('forum.reply', crisisOutcome());
    const { forum, composer } = await replyAndSend(client, 'I can’t keep going like this.');
    const dialog = await waitFor(() => crisisDialog(composer), 'the crisis resources');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    const text = deepText(dialog);
    expect(text).to.contain('It sounds like things are really hard right now');
    expect(text).to.contain('You don’t have to go through this alone.');
    expect(text).to.contain('What you wrote is saved, and a person from the organisation will read it soon.');
    // Never alarming words.
    expect(text.toLowerCase()).not.to.contain('crisis');
    expect(text.toLowerCase()).not.to.contain('flag');
    const heading = dialog.querySelector('h2')!;
    expect(dialog.getAttribute('aria-labelledby')).to.equal(heading.id);
    await waitFor(() => deepActiveElement() === heading, 'focus on the heading');

    const links = [...dialog.querySelectorAll<HTMLAnchorElement>('a')];
    const link = (text: string) => links.find((a) => a.textContent!.includes(text))!;
    expect(link('Call 116 123').getAttribute('href')).to.equal('tel:116123');
    expect(link('Call 0800 028 1234').getAttribute('href')).to.equal('tel:08000281234');
    // A text line that is a number is a link; one that is an instruction is words.
    expect(link('Text 07700 900 456').getAttribute('href')).to.equal('sms:07700900456');
    expect(links.some((a) => a.getAttribute('href')?.startsWith('sms:85258'))).to.equal(false);
    expect(text).to.contain('Text SHOUT to 85258');
    const site = link('Visit samaritans.org');
    expect(site.getAttribute('href')).to.equal('https://www.samaritans.org/');
    expect(site.target).to.equal('_blank');
    expect(site.rel).to.equal('noopener noreferrer');
    expect(site.textContent).to.contain('(opens in a new tab)');
    // Nothing behind it has moved yet: the reply is stored, the composer waits.
    expect(inputs(client, 'forum.reply')).to.have.length(1);
    await expectAccessible(forum);

    deepQuery<HTMLButtonElement>(dialog, '[part~="crisis-close"]')!.click();
    await waitFor(() => !crisisDialog(composer), 'the dialog gone');
    await waitFor(() => textarea(composer).value === '', 'the reply box emptied');
    await waitFor(() => deepActiveElement() === textarea(composer), 'focus back in the reply box');
    const view = threadView(forum)!;
    const mine = await waitFor(() => deepQueryAll(view, '[part~="post"]').find((p) => p.textContent!.includes('keep going like this')), 'the reply');
    expect(deepText(mine)).to.contain('Awaiting review: A person from the organisation will read it soon. Only you can see it for now.');
    // The resources are for that moment only: never part of the post.
    expect(deepText(view)).not.to.contain('Samaritans');
    await waitFor(() => liveRegion(forum).textContent!.includes('Saved. Awaiting review: A person from the organisation will read it soon.'), 'the announcement');
    await expectAccessible(forum);
  });

  it('after a new conversation: Escape closes them, then the conversation opens with its status', async () => {
    const client = new MockClient().moderateNext('forum.createThread', crisisOutcome());
    const forum = await forumWith(client, { token: 'member' });
    await listed(forum);
    await waitFor(() => frame(forum).querySelector('[part~="start-thread"]'), 'Start a conversation');
    frame(forum).querySelector<HTMLButtonElement>('[part~="start-thread"]')!.click();
    const composer = await waitFor(() => newThreadComposer(forum), 'the new-thread form');
    await waitFor(() => deepQuery(composer, '#title'), 'the title field');
    type(deepQuery<HTMLInputElement>(composer, '#title')!, 'Everything feels too much');
    type(textarea(composer), 'I don’t see the point any more.');
    await composer.updateComplete;
    submitButton(composer).click();
    const dialog = await waitFor(() => crisisDialog(composer), 'the crisis resources');
    await waitFor(() => deepActiveElement() === dialog.querySelector('h2'), 'focus on the heading');
    await sendKeys({ press: 'Escape' });
    const view = await waitFor(() => threadView(forum), 'the new conversation');
    const opening = await waitFor(() => deepQuery(view, '[part~="opening-post"]'), 'its opening post');
    expect(deepText(opening)).to.contain('Awaiting review: A person from the organisation will read it soon.');
    await waitFor(() => deepActiveElement() === view.shadowRoot!.querySelector('h2'), 'focus on the conversation’s title');
  });

  it('speak Spanish on a Spanish page', async () => {
    const client = new MockClient().moderateNext('forum.reply', crisisOutcome());
    const { composer } = await replyAndSend(client, 'No puedo más.', { lang: 'es' });
    const dialog = await waitFor(() => crisisDialog(composer), 'the crisis resources');
    expect(deepText(dialog)).to.contain('Parece que ahora mismo las cosas están siendo muy difíciles');
    expect(deepText(dialog)).to.contain('Llamar al 116 123');
    expect(dialog.querySelector('[part~="crisis-close"]')!.textContent!.trim()).to.equal('Cerrar');
  });
});

describe('personal details', () => {
  const found = { personalDetails: [{ kind: 'phone' as const, match: '07700 900123' }, { kind: 'email' as const, match: 'sam@example.org' }] };

  it('shows what was found; Edit goes back to the text; Post anyway sends the same reply, confirmed', async () => {
    const client = new MockClient().failNext('forum.reply', refusal('PERSONAL_DETAILS_FOUND', found));
    const text = 'Message me on 07700 900123 or sam@example.org, happy to talk.';
    const { forum, composer } = await replyAndSend(client, text);
    const panel = await waitFor(() => deepQuery(composer, '[part~="personal-details"]'), 'the confirmation');
    await waitFor(() => deepActiveElement() === panel, 'focus on the confirmation');
    const said = deepText(panel);
    expect(said).to.contain('This includes personal details');
    expect(said).to.contain('Everyone who can read this would see them');
    const findings = [...panel.querySelectorAll('[part~="personal-detail"]')].map((li) => deepText(li));
    expect(findings).to.deep.equal(['Phone number 07700 900123', 'Email address sam@example.org']);
    expect(textarea(composer).value).to.equal(text);
    await expectAccessible(forum);

    deepQuery<HTMLButtonElement>(panel, '[part~="edit-text"]')!.click();
    expectFocus(textarea(composer), 'the reply box');
    expect(textarea(composer).value).to.equal(text);

    deepQuery<HTMLButtonElement>(panel, '[part~="post-anyway"]')!.click();
    await waitFor(() => deepQueryAll(threadView(forum)!, '[part~="post"]').some((p) => p.textContent!.includes('happy to talk')), 'the reply');
    const [first, second] = inputs(client, 'forum.reply');
    expect(first).not.to.have.property('confirmPersonalDetails');
    expect(second).to.deep.equal({ ...first, confirmPersonalDetails: true });
    expect(deepQuery(composer, '[part~="personal-details"]')).to.equal(undefined);
    expect(textarea(composer).value).to.equal('');
  });

  it('while editing a post: Post anyway sends forum.editPost confirmed, and the post says why it waits', async () => {
    const client = new MockClient()
      .failNext('forum.editPost', refusal('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'record_number', match: 'NHS 485 777 3456' }] }))
      .moderateNext('forum.editPost', awaitingReview('watched_word'));
    const forum = await forumWith(client, { token: 'member' });
    const view = await openThread(forum, OWN);
    const post = deepQuery(view, '[part~="opening-post"]')!.getRootNode() as ShadowRoot;
    const host = post.host as HTMLElement & { updateComplete: Promise<unknown> };
    await waitFor(() => view.shadowRoot!.activeElement?.matches('h2'), 'focus on the title');
    post.querySelector<HTMLButtonElement>('[part~="actions-button"]')!.click();
    const edit = await waitFor(
      () => [...post.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent!.includes('Edit') && !b.closest('[hidden]')),
      'the Edit item',
    );
    edit.click();
    const composer = await waitFor(() => post.querySelector('kindred-forum-composer'), 'the edit form');
    await waitFor(() => deepQuery(composer, 'textarea'), 'the text');
    type(textarea(composer), 'My mum’s NHS 485 777 3456 keeps getting lost between wards.');
    await composer.updateComplete;
    submitButton(composer).click();
    const panel = await waitFor(() => deepQuery(composer, '[part~="personal-details"]'), 'the confirmation');
    expect(deepText(panel)).to.contain('Medical record number NHS 485 777 3456');
    deepQuery<HTMLButtonElement>(panel, '[part~="post-anyway"]')!.click();
    await waitFor(() => !post.querySelector('kindred-forum-composer'), 'the edit form closed');
    await host.updateComplete;
    const [first, second] = inputs(client, 'forum.editPost');
    expect(second).to.deep.equal({ ...first, confirmPersonalDetails: true });
    expect(deepText(post.querySelector('[part~="moderation-status"]')!)).to.equal(
      'Awaiting review: It uses a word that a moderator checks first, to keep this community safe. Only you can see it for now.',
    );
    await expectAccessible(forum);
  });
});

describe('refused text', () => {
  const cases = [
    ['banned_word', 'This includes words this community does not allow. Please change it.'],
    ['duplicate', 'You already posted this.'],
    ['too_many_links', 'Too many links: please remove some.'],
  ] as const;
  for (const [reason, message] of cases) {
    it(`keeps the text, marks the field and says why (${reason})`, async () => {
      const client = new MockClient().failNext('forum.reply', refusal('CONTENT_REJECTED', { reason }));
      const { forum, composer } = await replyAndSend(client, 'Some words that were refused.');
      const error = await waitFor(() => deepQuery(composer, '[part~="error"]'), 'the message');
      expect(error.textContent!.trim()).to.equal(message);
      const field = textarea(composer);
      expect(field.value).to.equal('Some words that were refused.');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
      await waitFor(() => deepActiveElement() === field, 'focus on the text');
      expect(submitButton(composer).disabled).to.equal(false);
      if (reason === 'banned_word') await expectAccessible(forum);
      // Sending again clears the message.
      submitButton(composer).click();
      await waitFor(() => !deepQuery(composer, '[part~="error"]'), 'the message gone');
      expect(field.getAttribute('aria-invalid')).to.equal('false');
    });
  }
});

describe('slow down', () => {
  it('counts down with sending disabled, keeps the text, then lets the member send', async () => {
    const client = new MockClient().failNext('forum.reply', refusal('RATE_LIMITED', { retryAfterSeconds: 2 }));
    const { forum, composer } = await replyAndSend(client, 'One more thought.');
    const notice = await waitFor(() => deepQuery(composer, '[part~="slow-down"]'), 'the slow-down notice');
    expect(notice.textContent!.trim()).to.equal('You’re going a bit fast. Please wait 2 seconds and try again.');
    await waitFor(() => deepActiveElement() === notice, 'focus on the notice');
    expect(submitButton(composer).disabled).to.equal(true);
    expect(textarea(composer).value).to.equal('One more thought.');
    await expectAccessible(forum);
    // The form's submit does nothing meanwhile (Enter in a field, say).
    deepQuery<HTMLFormElement>(composer, 'form')!.requestSubmit();
    expect(inputs(client, 'forum.reply')).to.have.length(1);
    await waitFor(() => notice.textContent!.includes('Please wait 1 second and'), 'one second left', 2500);
    await waitFor(() => !deepQuery(composer, '[part~="slow-down"]'), 'the end of the wait', 2500);
    expect(submitButton(composer).disabled).to.equal(false);
    await waitFor(() => liveRegion(forum).textContent!.includes('You can try again now.'), 'the announcement');
    expect(textarea(composer).value).to.equal('One more thought.');
    submitButton(composer).click();
    await waitFor(() => inputs(client, 'forum.reply').length === 2 && textarea(composer).value === '', 'the reply sent');
  });

  it('on a list load: says so calmly, and Try again loads it', async () => {
    const client = new MockClient().failNext('forum.listThreads', refusal('RATE_LIMITED', { retryAfterSeconds: 10 }));
    const forum = await forumWith(client);
    const list = frame(forum).querySelector('kindred-forum-thread-list')!;
    const panel = await waitFor(() => deepQuery(list, '[part~="error"]'), 'the message');
    expect(panel.querySelector('p')!.textContent).to.equal('You’re going a bit fast. Please wait a moment, then try again.');
    await expectAccessible(forum);
    deepQuery<HTMLButtonElement>(panel, '[part~="retry"]')!.click();
    await waitFor(() => threadButtons(forum).length === 6, 'the list');
  });
});

describe('paused or closed accounts', () => {
  it('says until when a moderator paused posting, and disables sending', async () => {
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const client = new MockClient().failNext('forum.reply', refusal('MEMBER_MUTED', { until }));
    const { forum, composer } = await replyAndSend(client, 'Hello again.');
    const notice = await waitFor(() => deepQuery(composer, '[part~="paused"]'), 'the notice');
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(until));
    expect(notice.textContent!.trim()).to.equal(`A moderator has paused your posting until ${date}.`);
    expect(submitButton(composer).disabled).to.equal(true);
    expect(textarea(composer).value).to.equal('Hello again.');
    await expectAccessible(forum);
  });

  it('without an end date, and for a closed account', async () => {
    const muted = await replyAndSend(new MockClient().failNext('forum.reply', refusal('MEMBER_MUTED', { until: null })), 'Hello.');
    const notice = await waitFor(() => deepQuery(muted.composer, '[part~="paused"]'), 'the notice');
    expect(notice.textContent!.trim()).to.equal('A moderator has paused your posting.');
    expect(submitButton(muted.composer).disabled).to.equal(true);
    unmountAll();
    const banned = await replyAndSend(new MockClient().failNext('forum.reply', refusal('MEMBER_BANNED', {})), 'Hello.');
    const closed = await waitFor(() => deepQuery(banned.composer, '[part~="paused"]'), 'the notice');
    expect(closed.textContent!.trim()).to.equal('Your account cannot take part in this community.');
    expect(submitButton(banned.composer).disabled).to.equal(true);
  });
});

describe('a closed (banned) account reading', () => {
  it('the list says so, not "something went wrong"', async () => {
    const client = new MockClient().failNext('forum.listThreads', refusal('MEMBER_BANNED', {}));
    const forum = await forumWith(client, { token: 'banned' });
    const panel = await waitFor(() => deepQuery(frame(forum).querySelector('kindred-forum-thread-list')!, '[part~="error"]'), 'the message');
    expect(panel.querySelector('p')!.textContent).to.equal('Your account cannot take part in this community.');
    await expectAccessible(forum);
  });

  it('a thread says so too', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 'banned' });
    const buttons = await listed(forum);
    client.failNext('forum.getThread', refusal('MEMBER_BANNED', {}));
    buttons[FATIGUE]!.click();
    const panel = await waitFor(() => threadView(forum) && deepQuery(threadView(forum)!, '[part~="error"]'), 'the message');
    expect(panel.querySelector('p')!.textContent).to.equal('Your account cannot take part in this community.');
  });

  it('in Spanish', async () => {
    const client = new MockClient().failNext('forum.listThreads', refusal('MEMBER_BANNED', {}));
    const forum = await forumWith(client, { token: 'banned', lang: 'es' });
    const panel = await waitFor(() => deepQuery(frame(forum).querySelector('kindred-forum-thread-list') ?? frame(forum), '[part~="error"]'), 'el mensaje');
    expect(panel.querySelector('p')!.textContent).to.equal('Tu cuenta no puede participar en esta comunidad.');
  });
});

describe('the author’s own posts', () => {
  it('say when they wait for review and why, were not published, or are hidden', async () => {
    const client = new MockClient();
    const threadId = client.threads[OWN]!.id;
    client.posts[threadId]![0] = { ...client.posts[threadId]![0]!, status: 'pending', moderationReason: 'new_member' };
    const reply = (id: string, body: string, moderation: Partial<(typeof client.posts)[string][number]>) => ({
      ...client.replyFrom(threadId, 'You', body),
      id,
      author: { id: 'me', displayName: 'You', badges: [] },
      isOwn: true,
      ...moderation,
    });
    client.posts[threadId]!.push(
      reply('30000000-0000-4000-8000-000000000101', 'Rejected one.', { status: 'rejected', moderationReason: 'moderator', moderationNote: 'Please leave out the ward name.' }),
      reply('30000000-0000-4000-8000-000000000102', 'Reported one.', { status: 'hidden', moderationReason: 'reported' }),
      reply('30000000-0000-4000-8000-000000000103', 'Hidden one.', { status: 'hidden', moderationReason: 'moderator', moderationNote: 'Shared someone else’s diagnosis.' }),
      reply('30000000-0000-4000-8000-000000000104', 'Linked one.', { status: 'pending', moderationReason: 'link_from_new_member' }),
      reply('30000000-0000-4000-8000-000000000105', 'Fine one.', { status: 'published' }),
    );
    const forum = await forumWith(client, { token: 'member' });
    const view = await openThread(forum, OWN);
    await waitFor(() => deepQueryAll(view, '[part~="post"]').length === 6, 'every post');
    const statusOf = (text: string) => {
      const post = [...view.shadowRoot!.querySelectorAll('kindred-forum-post')].find((p) => deepText(p).includes(text))!;
      const status = post.shadowRoot!.querySelector('[part~="moderation-status"]');
      return status ? deepText(status) : null;
    };
    expect(statusOf('looking after my mum')).to.equal('Awaiting review: New members’ first posts are checked by a moderator before others see them. Only you can see it for now.');
    expect(statusOf('Rejected one.')).to.equal('Not published: Please leave out the ward name. You can edit it and send it again.');
    expect(statusOf('Reported one.')).to.equal('Hidden after reports, a moderator will review it.');
    expect(statusOf('Hidden one.')).to.equal('Hidden by a moderator. Note from the moderator: “Shared someone else’s diagnosis.”');
    expect(statusOf('Linked one.')).to.equal('Awaiting review: Links from new members are checked by a moderator before others see them. Only you can see it for now.');
    expect(statusOf('Fine one.')).to.equal(null);
    await expectAccessible(forum);
  });
});

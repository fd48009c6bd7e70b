import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ApiError } from '../core/api-client.ts';
import { installGlobal, session } from '../core/session.ts';
import { MockClient } from '../testing/mock-client.ts';
import { expectWaitingForStrings, spanishOnItsWay } from '../testing/strings.ts';
import { deepActiveElement, deepQuery, deepQueryAll, deepText, expectAccessible, unmountAll, waitFor } from '../testing/dom.ts';
import {
  events,
  forumWith,
  frame,
  list,
  listed,
  liveRegion,
  newThreadComposer,
  openFirstThread,
  replies,
  replyComposer,
  runCleanups,
  threadButtons,
  threadView,
  type,
  writeReply,
} from '../testing/forum-helpers.ts';

afterEach(() => {
  unmountAll();
  runCleanups();
  session.setToken(null);
  document.documentElement.removeAttribute('lang');
});

describe('<kindred-forum>', () => {
  it('shows a skeleton and aria-busy while loading, and reserves height', async () => {
    const forum = await forumWith(new MockClient().hang('forum.listThreads'));
    await list(forum).updateComplete;
    expect(deepQuery(list(forum), '[aria-busy="true"] [part~="skeleton"]')).to.exist;
    expect(deepText(forum)).to.contain('Loading conversations');
    expect(forum.getBoundingClientRect().height).to.be.at.least(28 * 16);
    await expectAccessible(forum);
  });

  it('shows the empty state', async () => {
    const forum = await forumWith(new MockClient({ threads: [] }));
    await waitFor(() => deepQuery(list(forum), '[part~="empty"]'), 'the empty state');
    expect(deepText(forum)).to.contain('No conversations yet');
    await expectAccessible(forum);
  });

  it('lists threads with title, excerpt, author, reply count and relative time', async () => {
    const forum = await forumWith(new MockClient());
    const buttons = await listed(forum);
    expect(buttons.map((b) => b.textContent!.trim())[0]).to.equal('Managing fatigue in the second round of chemo');
    const first = deepQuery(list(forum), '[part~="thread"]')!;
    expect(first.querySelector('[part~="thread-excerpt"]')!.textContent).to.contain('second cycle');
    expect(first.querySelector('[part~="author"]')!.textContent).to.contain('María G.');
    expect(first.querySelector('[part~="reply-count"]')!.textContent).to.contain('4 replies');
    expect(first.querySelector('time')!.textContent).to.match(/minutes ago/);
    expect(first.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
    await waitFor(() => liveRegion(forum).textContent!.includes('6 conversations shown'), 'the load announcement');
    await expectAccessible(forum);
  });

  it('loads more threads with the cursor and moves focus to the first new one', async () => {
    const client = new MockClient({ pageSize: 2 });
    const forum = await forumWith(client);
    await listed(forum);
    expect(threadButtons(forum)).to.have.length(2);
    deepQuery<HTMLButtonElement>(list(forum), '[part~="load-more"]')!.click();
    await waitFor(() => threadButtons(forum).length === 4, 'the second page');
    expect(client.callsTo('forum.listThreads')[1]!.input).to.deep.include({ cursor: '2' });
    await waitFor(() => deepActiveElement() === threadButtons(forum)[2], 'focus on the first new thread');
    deepQuery<HTMLButtonElement>(list(forum), '[part~="load-more"]')!.click();
    await waitFor(() => threadButtons(forum).length === 6, 'the last page');
    expect(deepQuery(list(forum), '[part~="load-more"]')).to.be.undefined;
  });

  it('shows an error with Retry, which loads again', async () => {
    const client = new MockClient().failNext('forum.listThreads', new ApiError('DATABASE_UNAVAILABLE', 503, 'down'));
    const forum = await forumWith(client);
    const error = await waitFor(() => deepQuery(list(forum), '[part~="error"]'), 'the error state');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(deepText(forum)).to.contain('temporarily unavailable');
    await expectAccessible(forum);
    deepQuery<HTMLButtonElement>(list(forum), '[part~="retry"]')!.click();
    await listed(forum);
  });

  it('says when the network is down', async () => {
    const forum = await forumWith(new MockClient().failNext('forum.listThreads', new ApiError('NETWORK', 0, 'Failed to fetch')));
    await waitFor(() => deepText(forum).includes('could not connect'), 'the network message');
  });

  it('opens a thread: title focused, opening post, replies; Back returns focus to the thread', async () => {
    const forum = await forumWith(new MockClient());
    const view = await openFirstThread(forum);
    expect(forum.shadowRoot!.querySelector('.list-view')!.hasAttribute('hidden')).to.equal(true);
    const heading = deepQuery(view, 'h2')!;
    expect(heading.textContent).to.contain('Managing fatigue');
    expect(deepActiveElement()).to.equal(heading);
    expect(deepQuery(view, '[part~="opening-post"] [part~="post-body"]')!.querySelectorAll('p')).to.have.length(2);
    expect(replies(view)).to.have.length(4);
    expect(deepQuery(view, '[part~="replies-heading"]')!.textContent).to.contain('4 replies');
    await expectAccessible(forum);
    deepQuery<HTMLButtonElement>(view, '[part~="back"]')!.click();
    await waitFor(() => !threadView(forum), 'the list again');
    await waitFor(() => deepActiveElement() === threadButtons(forum)[0], 'focus back on the thread');
  });

  it('loads more replies', async () => {
    const client = new MockClient({ pageSize: 2 });
    const forum = await forumWith(client);
    const view = await openFirstThread(forum);
    expect(deepQueryAll(view, '[part~="post"]')).to.have.length(2);
    deepQuery<HTMLButtonElement>(view, '[part~="load-more"]')!.click();
    await waitFor(() => deepQueryAll(view, '[part~="post"]').length === 4, 'more replies');
    expect(client.callsTo('forum.getThread')[1]!.input).to.deep.include({ cursor: '2' });
  });

  it('shows NOT_FOUND for a thread that is gone', async () => {
    const client = new MockClient();
    const forum = await forumWith(client);
    await listed(forum);
    client.failNext('forum.getThread', new ApiError('NOT_FOUND', 404, 'Not found.'));
    threadButtons(forum)[0]!.click();
    await waitFor(() => deepText(forum).includes('could not be found'), 'the not-found message');
  });

  describe('signed out', () => {
    it('offers sign-in instead of a composer, and emits kindred-request-sign-in', async () => {
      const requests = events('kindred-request-sign-in');
      const forum = await forumWith(new MockClient());
      const view = await openFirstThread(forum);
      expect(deepQuery(view, 'textarea')).to.be.undefined;
      await expectAccessible(forum);
      const button = deepQuery<HTMLButtonElement>(view, '[part~="sign-in-button"]')!;
      expect(button.textContent).to.contain('Sign in to reply');
      button.click();
      expect(requests).to.have.length(1);
      expect(requests[0]!.detail).to.deep.equal({ reason: 'reply' });
      expect(requests[0]!.cancelable && requests[0]!.bubbles && requests[0]!.composed).to.equal(true);
      expect(requests[0]!.target).to.equal(forum);
      // Nobody cancelled it: the member is told where to sign in.
      await waitFor(() => deepText(view).includes('sign in to this website'), 'the sign-in hint');
    });

    it('shows no hint when the page cancels the request (it opens its own sign-in)', async () => {
      const forum = await forumWith(new MockClient());
      await listed(forum);
      forum.addEventListener('kindred-request-sign-in', (e) => e.preventDefault());
      const requests = events('kindred-request-sign-in');
      const button = frame(forum).querySelector<HTMLButtonElement>('[part~="sign-in-button"]')!;
      expect(button.textContent).to.contain('Sign in to start a conversation');
      button.click();
      expect(requests[0]!.detail.reason).to.equal('new-thread');
      expect(requests[0]!.defaultPrevented).to.equal(true);
      await forum.updateComplete;
      expect(deepText(forum)).not.to.contain('sign in to this website');
    });
  });

  describe('signed in', () => {
    it('follows Kindred.setToken, and the token attribute wins', async () => {
      const forum = await forumWith(new MockClient());
      await listed(forum);
      expect(frame(forum).querySelector('[part~="start-thread"]')).to.equal(null);
      session.setToken('page-token');
      await forum.updateComplete;
      await waitFor(() => frame(forum).querySelector('[part~="start-thread"]'), 'the start button');
      expect(forum.currentToken).to.equal('page-token');
      forum.setAttribute('token', 'element-token');
      expect(forum.currentToken).to.equal('element-token');
      session.setToken(null);
      forum.removeAttribute('token');
      await forum.updateComplete;
      await waitFor(() => frame(forum).querySelector('[part~="sign-in-button"]'), 'signed out again');
    });

    it('starts a conversation: idempotency key, event with ids only, opens the new thread', async () => {
      const client = new MockClient();
      const created = events('kindred-thread-created');
      const forum = await forumWith(client, { token: 't1' });
      await listed(forum);
      (await waitFor(() => frame(forum).querySelector<HTMLButtonElement>('[part~="start-thread"]'), 'the start button')).click();
      const titleInput = await waitFor(() => newThreadComposer(forum) && deepQuery<HTMLInputElement>(newThreadComposer(forum), '#title'), 'the title field');
      await waitFor(() => deepActiveElement() === titleInput, 'focus in the title');
      await expectAccessible(forum);
      type(titleInput, 'Sleep after surgery');
      type(deepQuery<HTMLTextAreaElement>(newThreadComposer(forum), 'textarea')!, 'Any tips for sleeping comfortably?');
      await newThreadComposer(forum).updateComplete;
      deepQuery<HTMLButtonElement>(newThreadComposer(forum), '[part~="submit"]')!.click();
      await waitFor(() => created.length === 1, 'kindred-thread-created');
      const input = client.callsTo('forum.createThread')[0]!.input as Record<string, string>;
      expect(input.title).to.equal('Sleep after surgery');
      expect(input.idempotencyKey).to.match(/^[A-Za-z0-9_-]{8,100}$/);
      expect(Object.keys(created[0]!.detail)).to.deep.equal(['threadId']);
      const view = await waitFor(() => threadView(forum), 'the new thread');
      await waitFor(() => deepQuery(view, 'h2')?.textContent?.includes('Sleep after surgery'), 'its title');
      await waitFor(() => liveRegion(forum).textContent!.includes('Your conversation was posted'), 'the announcement');
    });

    it('replies: the button is disabled and announced while posting, then the reply shows', async () => {
      const client = new MockClient();
      const created = events('kindred-reply-created');
      const forum = await forumWith(client, { token: 't1' });
      const view = await openFirstThread(forum);
      await expectAccessible(forum);
      client.hang('forum.reply');
      const submit = await writeReply(forum, 'Thank you all.\n\nThis helps.');
      submit.click();
      await replyComposer(forum).updateComplete;
      expect(submit.disabled).to.equal(true);
      expect(submit.textContent).to.contain('Posting');
      expect(deepQuery(replyComposer(forum), 'form')!.getAttribute('aria-busy')).to.equal('true');
      await waitFor(() => liveRegion(forum).textContent!.includes('Posting'), 'the posting announcement');
      expect(client.callsTo('forum.reply')).to.have.length(1);
    });

    it('shows a posted reply, clears the box, announces, and emits ids only', async () => {
      const client = new MockClient({ latency: 20 });
      const created = events('kindred-reply-created');
      const forum = await forumWith(client, { token: 't1' });
      const view = await openFirstThread(forum);
      (await writeReply(forum, 'Thank you all.\n\nThis helps.')).click();
      await waitFor(() => created.length === 1, 'kindred-reply-created');
      expect(created[0]!.detail).to.have.keys(['threadId', 'postId']);
      await waitFor(() => replies(view).length === 5, 'the new reply');
      expect(deepQuery<HTMLTextAreaElement>(replyComposer(forum), 'textarea')!.value).to.equal('');
      await waitFor(() => liveRegion(forum).textContent!.includes('Your reply was posted'), 'the posted announcement');
    });

    it('checks the draft before sending, and keeps it', async () => {
      const client = new MockClient();
      const forum = await forumWith(client, { token: 't1' });
      await openFirstThread(forum);
      const submit = await writeReply(forum, '   ');
      submit.click();
      const textarea = deepQuery<HTMLTextAreaElement>(replyComposer(forum), 'textarea')!;
      await waitFor(() => textarea.getAttribute('aria-invalid') === 'true', 'the invalid field');
      expect(deepText(replyComposer(forum))).to.contain('Please write a message');
      expect(textarea.getAttribute('aria-describedby')).to.contain('body-error');
      expect(client.callsTo('forum.reply')).to.have.length(0);
      await expectAccessible(forum);
    });

    it('shows VALIDATION_FAILED near the composer and keeps the draft', async () => {
      const client = new MockClient();
      const forum = await forumWith(client, { token: 't1' });
      await openFirstThread(forum);
      client.failNext('forum.reply', new ApiError('VALIDATION_FAILED', 400, 'The request is not valid.', [{ path: 'body', message: 'too long' }]));
      (await writeReply(forum, 'My draft')).click();
      await waitFor(() => deepText(replyComposer(forum)).includes('Please write a message'), 'the server validation message');
      expect(deepQuery<HTMLTextAreaElement>(replyComposer(forum), 'textarea')!.value).to.equal('My draft');
    });

    it('keeps the draft on a network error and retries with the same idempotency key', async () => {
      const client = new MockClient();
      const forum = await forumWith(client, { token: 't1' });
      await openFirstThread(forum);
      client.failNext('forum.reply', new ApiError('NETWORK', 0, 'Failed to fetch'));
      (await writeReply(forum, 'Keep me')).click();
      await waitFor(() => deepText(replyComposer(forum)).includes('Your text is kept'), 'the failure message');
      expect(deepQuery<HTMLTextAreaElement>(replyComposer(forum), 'textarea')!.value).to.equal('Keep me');
      await expectAccessible(forum);
      deepQuery<HTMLButtonElement>(replyComposer(forum), '[part~="submit"]')!.click();
      await waitFor(() => client.callsTo('forum.reply').length === 2, 'the retry');
      const [a, b] = client.callsTo('forum.reply').map((c) => (c.input as Record<string, string>).idempotencyKey);
      expect(a).to.equal(b);
    });

    it('on TOKEN_EXPIRED asks the page for a token, then retries once with the same idempotency key', async () => {
      const client = new MockClient();
      const forum = await forumWith(client, { token: 'old' });
      await openFirstThread(forum);
      installGlobal();
      const requests = events('kindred-request-token');
      forum.addEventListener('kindred-request-token', (e) => {
        e.preventDefault(); // "the page is handling it"
        setTimeout(() => window.Kindred!.setToken('fresh'), 50);
      });
      const created = events('kindred-reply-created');
      client.failNext('forum.reply', new ApiError('TOKEN_EXPIRED', 401, 'expired'));
      forum.removeAttribute('token');
      session.setToken('old');
      await forum.updateComplete;
      (await writeReply(forum, 'After a long day')).click();
      await waitFor(() => created.length === 1, 'the reply after the retry');
      expect(requests).to.have.length(1);
      expect(requests[0]!.detail).to.deep.equal({ reason: 'expired' });
      expect(requests[0]!.cancelable).to.equal(true);
      const keys = client.callsTo('forum.reply').map((c) => (c.input as Record<string, string>).idempotencyKey);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(forum.currentToken).to.equal('fresh');
    });

    it('when no one answers the token request, shows the signed-out state at once and keeps the draft', async () => {
      const client = new MockClient();
      const forum = await forumWith(client, { token: 'old' });
      await openFirstThread(forum);
      const requests = events('kindred-request-token');
      client.failNext('forum.reply', new ApiError('TOKEN_EXPIRED', 401, 'expired'));
      (await writeReply(forum, 'Do not lose this')).click();
      await waitFor(() => deepText(replyComposer(forum)).includes('Your sign-in has ended'), 'the signed-out state');
      expect(client.callsTo('forum.reply')).to.have.length(1);
      expect(requests).to.have.length(1);
      await expectAccessible(forum);
      forum.setAttribute('token', 'new');
      const textarea = await waitFor(() => deepQuery<HTMLTextAreaElement>(replyComposer(forum), 'textarea'), 'the composer again');
      expect(textarea.value).to.equal('Do not lose this');
    });

    it('on TOKEN_INVALID signs out', async () => {
      const client = new MockClient();
      const forum = await forumWith(client, { token: 'bad' });
      await openFirstThread(forum);
      client.failNext('forum.reply', new ApiError('TOKEN_INVALID', 401, 'invalid'));
      (await writeReply(forum, 'Hello')).click();
      await waitFor(() => deepQuery(replyComposer(forum), '[part~="sign-in-button"]'), 'the sign-in button');
      expect(forum.currentToken).to.equal(null);
    });
  });

  it('updates who wrote what in place when the member signs in or out', async () => {
    const client = new MockClient();
    const forum = await forumWith(client);
    await listed(forum);
    const id = client.threads[0]!.id;
    const item = deepQuery(list(forum), `[data-thread-id="${id}"]`)!;
    const author = () => item.querySelector('[part~="author"]')!.textContent!;
    const signedOut = structuredClone(client.threads[0]!);
    const reads = client.callsTo('forum.listThreads').length;
    // As the API answers this member once signed in: their own anonymous conversation.
    client.threads[0] = { ...signedOut, author: { id: 'me', displayName: 'Sam', badges: [] }, anonymous: true, isOwn: true };
    forum.token = 'member';
    await waitFor(() => author().includes('You (anonymous)'), 'the member’s own thread');
    expect(client.callsTo('forum.listThreads').length).to.equal(reads + 1);
    expect(deepQuery(list(forum), `[data-thread-id="${id}"]`)).to.equal(item);
    expect(deepQuery(list(forum), '[aria-busy="true"] [part~="skeleton"]')).to.not.exist;
    client.threads[0] = { ...signedOut, author: null, anonymous: true, isOwn: false };
    forum.token = '';
    await waitFor(() => author().includes('Anonymous member'), 'signed out again');
    await expectAccessible(forum);
  });

  describe('localisation', () => {
    it('speaks Spanish from its lang attribute', async () => {
      const forum = await forumWith(new MockClient(), { lang: 'es' });
      await listed(forum);
      const text = deepText(forum);
      expect(text).to.contain('Conversaciones');
      expect(text).to.contain('4 respuestas');
      expect(text).to.contain('Inicia sesión para abrir una conversación');
      expect(deepQuery(list(forum), 'time')!.textContent).to.match(/hace \d+ minutos/);
      await expectAccessible(forum);
    });

    it('waits for Spanish strings without an English flash, keeping its height', async () => {
      const arrive = spanishOnItsWay();
      const forum = await forumWith(new MockClient(), { lang: 'es' });
      await expectWaitingForStrings(forum);
      arrive();
      await listed(forum);
      expect(deepText(forum)).to.contain('Conversaciones');
    });

    it("follows the page's lang, and an ancestor's", async () => {
      document.documentElement.lang = 'es-MX';
      const forum = await forumWith(new MockClient({ threads: [] }));
      await waitFor(() => deepText(forum).includes('Todavía no hay conversaciones'), 'Spanish from <html lang>');
      document.documentElement.lang = 'en';
      await waitFor(() => deepText(forum).includes('No conversations yet'), 'English again');
      forum.parentElement!.setAttribute('lang', 'es');
      await waitFor(() => deepText(forum).includes('Todavía no hay conversaciones'), 'Spanish from the parent');
    });
  });

  it('passes axe in the dark theme', async () => {
    const forum = await forumWith(new MockClient(), { theme: 'dark', token: 't' });
    await openFirstThread(forum);
    const bg = getComputedStyle(forum.shadowRoot!.querySelector('.forum')!).backgroundColor;
    expect(bg).to.equal('rgb(19, 23, 28)');
    await expectAccessible(forum);
  });

  it('lets the host override tokens', async () => {
    const forum = await forumWith(new MockClient());
    forum.style.setProperty('--kindred-color-bg', 'rgb(1, 2, 3)');
    expect(getComputedStyle(forum.shadowRoot!.querySelector('.forum')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('is usable with the keyboard alone', async () => {
    const forum = await forumWith(new MockClient(), { token: 't' });
    await listed(forum);
    threadButtons(forum)[1]!.focus();
    await sendKeys({ press: 'Enter' });
    const view = await waitFor(() => threadView(forum), 'the thread view');
    await waitFor(() => deepActiveElement() === deepQuery(view, 'h2'), 'focus on the title');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement()).to.equal(deepQuery(view, '[part~="back"]'));
    await waitFor(() => deepQuery(view, '[part~="post-list"]'), 'replies');
    // From Back, Tab skips the title (focusable by script only) and reaches the first author's name.
    await sendKeys({ press: 'Tab' });
    await waitFor(() => deepActiveElement()?.textContent?.includes('Dan Whitfield'), 'focus on the author');
    const textarea = deepQuery<HTMLTextAreaElement>(replyComposer(forum), 'textarea')!;
    textarea.focus();
    await sendKeys({ type: 'Typed with keys' });
    expect(textarea.value).to.equal('Typed with keys');
    deepQuery<HTMLButtonElement>(view, '[part~="back"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === threadButtons(forum)[1], 'focus back on the thread');
  });
});

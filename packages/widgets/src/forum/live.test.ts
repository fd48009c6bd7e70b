import { expect } from '@esm-bundle/chai';
import { session } from '../core/session.ts';
import { forumWith, frame, list, listed, liveRegion, openThread, replies, runCleanups, threadButtons, threadView } from '../testing/forum-helpers.ts';
import { MockClient } from '../testing/mock-client.ts';
import { deepActiveElement, deepQuery, deepText, expectAccessible, unmountAll, waitFor } from '../testing/dom.ts';

let hidden = false;
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
const setHidden = (value: boolean) => {
  hidden = value;
  document.dispatchEvent(new Event('visibilitychange'));
};

afterEach(() => {
  unmountAll();
  runCleanups();
  session.setToken(null);
  hidden = false;
});

describe('live updates', () => {
  it('a new reply appears in place, announced politely', async () => {
    const client = new MockClient();
    const forum = await forumWith(client);
    const view = await openThread(forum, 0);
    const threadId = client.threads[0]!.id;
    await waitFor(() => client.openSubscriptions('forum.onThread').length === 1, 'the thread stream');
    expect(client.openSubscriptions('forum.onThread')[0]!.input).to.deep.equal({ threadId });
    client.push('forum.onThread', { type: 'post.created', post: client.replyFrom(threadId, 'Ruth', 'Thinking of you this week.') });
    await waitFor(() => replies(view).length === 5, 'the new reply');
    expect(deepText(view)).to.contain('Thinking of you this week.');
    expect(deepQuery(view, '[part~="replies-heading"]')!.textContent).to.contain('5 replies');
    await waitFor(() => liveRegion(forum).textContent!.includes('1 new reply'), 'the announcement');
    await expectAccessible(forum);
  });

  it('edits, deletions and reaction counts update the post', async () => {
    const client = new MockClient();
    const forum = await forumWith(client);
    const view = await openThread(forum, 0);
    await waitFor(() => client.openSubscriptions('forum.onThread').length === 1, 'the thread stream');
    const priya = client.posts[client.threads[0]!.id]!.find((p) => p.author?.displayName === 'Priya')!;
    client.push('forum.onThread', { type: 'reactions.changed', postId: priya.id, reactions: { support: 7, helpful: 0, me_too: 1 } });
    await waitFor(() => deepText(view).includes('Support 7'), 'the new count');
    client.push('forum.onThread', { type: 'post.updated', post: { ...priya, bodyHtml: '', author: null, deletedAt: new Date().toISOString() } });
    await waitFor(() => deepText(view).includes('This post was deleted.'), 'the tombstone');
  });

  it('closes the stream while the page is hidden and when the thread closes, and reopens when visible', async () => {
    const client = new MockClient();
    const forum = await forumWith(client);
    const view = await openThread(forum, 0);
    await waitFor(() => client.openSubscriptions('forum.onThread').length === 1, 'the thread stream');
    setHidden(true);
    expect(client.openSubscriptions('forum.onThread')).to.have.length(0);
    setHidden(false);
    await waitFor(() => client.openSubscriptions('forum.onThread').length === 1, 'the stream again');
    expect(client.callsTo('forum.onThread')).to.have.length(2);
    deepQuery<HTMLButtonElement>(view, '[part~="back"]')!.click();
    await waitFor(() => !threadView(forum), 'the list');
    expect(client.openSubscriptions('forum.onThread')).to.have.length(0);
  });

  it('the list offers “N new conversations” without moving, and loads them on request', async () => {
    const client = new MockClient();
    const forum = await forumWith(client);
    await listed(forum);
    await waitFor(() => client.openSubscriptions('forum.onForum').length === 1, 'the forum stream');
    const before = threadButtons(forum).map((b) => b.textContent);
    client.threads.unshift({ ...client.threads[5]!, id: '50000000-0000-4000-8000-000000000001', title: 'New here: just diagnosed', lastActivityAt: new Date().toISOString() });
    client.push('forum.onForum', { type: 'thread.created', threadId: '50000000-0000-4000-8000-000000000001' });
    client.push('forum.onForum', { type: 'thread.created', threadId: '50000000-0000-4000-8000-000000000002' });
    const button = await waitFor(() => deepQuery<HTMLButtonElement>(list(forum), '[part~="new-threads"]'), 'the button');
    expect(button.textContent).to.contain('2 new conversations');
    expect(threadButtons(forum).map((b) => b.textContent)).to.deep.equal(before);
    await expectAccessible(forum);
    button.click();
    await waitFor(() => threadButtons(forum)[0]?.textContent?.includes('New here'), 'the new thread on top');
    await waitFor(() => deepActiveElement() === threadButtons(forum)[0], 'focus on it');
    expect(deepQuery(list(forum), '[part~="new-threads"]')).to.equal(undefined);
  });

  it('holds no stream while the forum is off screen', async () => {
    const client = new MockClient();
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    document.body.prepend(spacer);
    try {
      const forum = await forumWith(client);
      await listed(forum);
      await new Promise((r) => setTimeout(r, 100));
      expect(client.openSubscriptions('forum.onForum')).to.have.length(0);
      forum.scrollIntoView();
      await waitFor(() => client.openSubscriptions('forum.onForum').length === 1, 'the stream once visible');
      expect(frame(forum)).to.exist;
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });
});

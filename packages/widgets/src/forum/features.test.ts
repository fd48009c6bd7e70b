import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { ApiError } from '../core/api-client.ts';
import { session } from '../core/session.ts';
import { fixtureGroup, fixtureThreads } from '../testing/fixtures.ts';
import {
  events,
  forumWith,
  frame,
  list,
  listed,
  liveRegion,
  newThreadComposer,
  openThread,
  replies,
  runCleanups,
  threadButtons,
  threadView,
  type,
  writeReply,
} from '../testing/forum-helpers.ts';
import { MockClient } from '../testing/mock-client.ts';
import { deepActiveElement, deepQuery, deepQueryAll, deepText, expectAccessible, unmountAll, waitFor } from '../testing/dom.ts';

afterEach(() => {
  unmountAll();
  runCleanups();
  session.setToken(null);
});

const FATIGUE = 0; // 4 replies: helpful (clinician), reacted, edited, anonymous
const QUESTIONS = 1; // your own anonymous reply
const OWN = 2; // started by you, no replies
const WARNED = 3; // behind a content warning
const SCANS = 4; // a deleted reply

/** The post elements of a thread view, in order. */
const posts = (view: Element) => [...view.shadowRoot!.querySelectorAll('kindred-forum-post')];
const postByText = (view: Element, text: string) => posts(view).find((p) => deepText(p).includes(text))!;
/** The fixture threads, all in the breast-cancer group. */
const groupThreads = () => fixtureThreads.map((t) => ({ ...t, group: 'breast-cancer' }));
const inPost = <E extends Element = HTMLElement>(post: Element, selector: string) => post.shadowRoot!.querySelector<E>(selector)!;

describe('the thread list', () => {
  it('sorts: the control is a labelled select, and each sort asks the API', async () => {
    const client = new MockClient();
    const forum = await forumWith(client);
    await listed(forum);
    const select = deepQuery<HTMLSelectElement>(list(forum), 'select')!;
    expect(deepQuery(list(forum), 'label[for="sort"]')!.textContent).to.contain('Sort by');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Latest activity', 'Newest', 'Most supported', 'Unanswered']);
    select.value = 'supported';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => client.callsTo('forum.listThreads').length === 2, 'the sorted load');
    expect(client.callsTo('forum.listThreads')[1]!.input).to.deep.include({ sort: 'supported' });
    await waitFor(() => threadButtons(forum)[0]?.textContent?.includes('mastectomy'), 'most supported first');
    select.value = 'unanswered';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => threadButtons(forum).length === 2, 'only unanswered threads');
    await expectAccessible(forum);
  });

  it('searches, shows results with snippets, and clears back to the list', async () => {
    const client = new MockClient();
    const forum = await forumWith(client);
    await listed(forum);
    const input = deepQuery<HTMLInputElement>(list(forum), 'input[type="search"]')!;
    type(input, 'x');
    deepQuery<HTMLButtonElement>(list(forum), '[part~="search-button"]')!.click();
    await waitFor(() => deepText(list(forum)).includes('at least 2 characters'), 'the too-short message');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    type(input, 'soups');
    deepQuery<HTMLButtonElement>(list(forum), '[part~="search-button"]')!.click();
    await waitFor(() => deepText(list(forum)).includes('1 result for “soups”'), 'the results');
    expect(client.callsTo('forum.search')[0]!.input).to.deep.include({ query: 'soups' });
    expect(deepQuery(list(forum), '[part~="search-snippet"]')!.textContent).to.contain('batch-cooked soups');
    expect(deepQuery(list(forum), '[role="search"]')).to.exist;
    await expectAccessible(forum);
    deepQuery<HTMLButtonElement>(list(forum), '[part~="clear-search"]')!.click();
    await waitFor(() => threadButtons(forum).length === 6, 'the list again');
    expect(deepActiveElement()).to.equal(input);
  });

  it('folds a thread with a content warning behind its warning, with Show post (aria-expanded)', async () => {
    const forum = await forumWith(new MockClient());
    await listed(forum);
    const item = deepQueryAll(list(forum), '[part~="thread"]')[WARNED]!;
    expect(item.textContent).to.contain('Content warning: Surgery and wound care details');
    const title = item.querySelector('[part~="thread-title"]')!;
    expect(title.closest('[hidden]')).to.exist;
    const show = item.querySelector<HTMLButtonElement>('[part~="show-post"]')!;
    expect(show.getAttribute('aria-expanded')).to.equal('false');
    expect(show.getAttribute('aria-controls')).to.equal(title.parentElement!.id);
    await expectAccessible(forum);
    show.click();
    await waitFor(() => !title.closest('[hidden]'), 'the title shown');
    expect(show.getAttribute('aria-expanded')).to.equal('true');
    expect(show.textContent).to.contain('Hide post');
  });

  it('shows the tenant’s medical notice above the list', async () => {
    const forum = await forumWith(new MockClient());
    await listed(forum);
    expect(frame(forum).querySelector('[part~="medical-notice"]')!.textContent).to.contain('are not medical advice');
    const none = await forumWith(new MockClient({ context: { medicalNotice: null } }));
    await listed(none);
    expect(frame(none).querySelector('[part~="medical-notice"]')).to.equal(null);
  });

  it('shows who started a thread anonymously as “Anonymous member”', async () => {
    const threads = structuredClone(fixtureThreads);
    threads[0] = { ...threads[0]!, author: null, anonymous: true };
    const forum = await forumWith(new MockClient({ threads }));
    await listed(forum);
    expect(deepQuery(list(forum), '[part~="author"]')!.textContent).to.equal('Started by Anonymous member');
  });
});

describe('posts', () => {
  it('render the sanitised body: paragraphs, emphasis, lists, quotes', async () => {
    const forum = await forumWith(new MockClient());
    const view = await openThread(forum, FATIGUE);
    const nurse = postByText(view, 'Sam, oncology nurse');
    expect(inPost(nurse, '[part~="post-body"] strong').textContent).to.equal('builds across cycles');
    expect(inPost(nurse, '[part~="post-body"] em').textContent).to.equal('before');
    expect(inPost(postByText(view, 'Joan'), '[part~="post-body"] ul').querySelectorAll('li')).to.have.length(3);
    await expectAccessible(forum);
  });

  it('show badges, the helpful label first, an anonymous author without a card, and the edit time', async () => {
    const forum = await forumWith(new MockClient());
    const view = await openThread(forum, FATIGUE);
    const [, first] = posts(view);
    expect(deepText(first!)).to.contain('Sam, oncology nurse');
    expect(inPost(first!, '[part~="helpful-label"]').textContent).to.contain('Marked helpful by the author');
    expect(inPost(first!, '[part~="badge"]').textContent).to.equal('Verified clinician');
    expect(deepText(postByText(view, 'María G.'))).to.contain('Mentor');
    expect(deepText(postByText(view, 'Joan'))).to.contain('Group moderator');
    const anonymous = postByText(view, 'Anonymous member');
    expect(inPost(anonymous, 'button[part~="post-author"]')).to.equal(null);
    expect(inPost(postByText(view, 'Joan'), '[part~="edited"]').textContent).to.match(/^Edited .+ ago$/);
  });

  it('say “You (anonymous)” on your own anonymous post', async () => {
    const forum = await forumWith(new MockClient(), { token: 't' });
    const view = await openThread(forum, QUESTIONS);
    const mine = postByText(view, 'You (anonymous)');
    expect(inPost(mine, '[part~="post-author"]').localName).to.equal('span');
  });

  it('keep a deleted post as a tombstone', async () => {
    const forum = await forumWith(new MockClient());
    const view = await openThread(forum, SCANS);
    expect(replies(view)).to.have.length(2);
    expect(deepQuery(view, '[part~="tombstone"]')!.textContent).to.contain('This post was deleted.');
    await expectAccessible(forum);
  });

  it('fold a post with a content warning until Show post', async () => {
    const forum = await forumWith(new MockClient());
    await listed(forum);
    deepQueryAll<HTMLButtonElement>(list(forum), '[part~="show-post"]')[0]!.click();
    const view = await openThread(forum, WARNED);
    const opening = posts(view)[0]!;
    const body = inPost(opening, '[part~="post-body"]');
    expect(body.hidden).to.equal(true);
    const show = inPost<HTMLButtonElement>(opening, '[part~="show-post"]');
    expect(show.getAttribute('aria-controls')).to.equal(body.id);
    await expectAccessible(forum);
    show.click();
    await waitFor(() => !body.hidden, 'the body shown');
    expect(show.getAttribute('aria-expanded')).to.equal('true');
  });
});

describe('reactions', () => {
  it('toggle with aria-pressed and counts, optimistically', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, FATIGUE);
    const priya = postByText(view, 'Priya');
    const support = inPost<HTMLButtonElement>(priya, '[part~="reaction"]');
    expect(support.textContent).to.match(/Support\s+3/);
    expect(support.getAttribute('aria-pressed')).to.equal('true');
    client.hang('forum.react');
    support.click();
    await waitFor(() => support.getAttribute('aria-pressed') === 'false', 'the optimistic toggle');
    expect(support.textContent).to.match(/Support\s+2/);
    expect(client.callsTo('forum.react')[0]!.input).to.deep.equal({ postId: (priya as never as { post: { id: string } }).post.id, kind: 'support', on: false });
  });

  it('roll back and say so when the API refuses', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, FATIGUE);
    const priya = postByText(view, 'Priya');
    client.failNext('forum.react', new ApiError('NETWORK', 0, 'offline'));
    inPost<HTMLButtonElement>(priya, '[part~="reaction"]').click();
    await waitFor(() => priya.shadowRoot!.querySelector('[role="alert"]'), 'the failure');
    expect(deepText(priya)).to.contain('Your reaction was not saved');
    const support = inPost<HTMLButtonElement>(priya, '[part~="reaction"]');
    expect(support.getAttribute('aria-pressed')).to.equal('true');
    expect(support.textContent).to.match(/Support\s+3/);
    await expectAccessible(forum);
  });

  it('open a picker menu (arrow keys, Escape returns focus) that adds a reaction', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, FATIGUE);
    const joan = postByText(view, 'Joan');
    const trigger = inPost<HTMLButtonElement>(joan, '[part~="reaction-picker"]');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    trigger.click();
    const menu = await waitFor(() => !inPost(joan, '#picker').hidden && inPost<HTMLElement>(joan, '#picker'), 'the picker');
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.getAttribute('role')).to.equal('menu');
    await waitFor(() => deepActiveElement()?.textContent?.trim() === 'Support', 'focus on the first item');
    await expectAccessible(forum);
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Helpful');
    await sendKeys({ press: 'End' });
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Me too');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => menu.hidden, 'the picker closed');
    expect(deepActiveElement()).to.equal(trigger);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    trigger.click();
    await waitFor(() => deepActiveElement()?.getAttribute('role') === 'menuitemcheckbox', 'the picker again');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => client.callsTo('forum.react').length === 1, 'the reaction');
    expect(client.callsTo('forum.react')[0]!.input).to.deep.include({ kind: 'support', on: true });
    await waitFor(() => joan.shadowRoot!.querySelector('[part~="reaction"][aria-pressed="true"]'), 'the new reaction');
  });

  it('ask a signed-out member to sign in', async () => {
    const requests = events('kindred-request-sign-in');
    const client = new MockClient();
    const forum = await forumWith(client);
    const view = await openThread(forum, FATIGUE);
    inPost<HTMLButtonElement>(postByText(view, 'Priya'), '[part~="reaction"]').click();
    expect(requests.map((e) => e.detail)).to.deep.equal([{ reason: 'react' }]);
    expect(client.callsTo('forum.react')).to.have.length(0);
    await waitFor(() => deepText(postByText(view, 'Priya')).includes('Sign in to react'), 'the hint');
  });
});

describe('the action menu', () => {
  async function openMenu(post: Element): Promise<HTMLElement> {
    const trigger = inPost<HTMLButtonElement>(post, '[part~="actions-button"]');
    trigger.click();
    return waitFor(() => !inPost(post, '#menu').hidden && inPost(post, '#menu'), 'the menu');
  }
  const item = (menu: HTMLElement, text: string) => [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((i) => i.textContent!.includes(text))!;

  it('lets the thread’s author mark a reply helpful; it moves first with its label', async () => {
    const client = new MockClient();
    const own = client.threads[OWN]!;
    client.posts[own.id]!.push(client.replyFrom(own.id, 'Dan Whitfield', 'First reply.'), client.replyFrom(own.id, 'Priya', 'Second reply.'));
    own.replyCount = 2;
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, OWN);
    const second = postByText(view, 'Second reply');
    const menu = await openMenu(second);
    expect(menu.getAttribute('role')).to.equal('menu');
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent!.trim())).to.deep.equal(['Mark as helpful', 'Report']);
    await expectAccessible(forum);
    item(menu, 'Mark as helpful').click();
    await waitFor(() => deepText(posts(view)[1]!).includes('Second reply'), 'the helpful reply first');
    expect(deepText(posts(view)[1]!)).to.contain('Marked helpful by the author');
    await waitFor(() => liveRegion(forum).textContent!.includes('Marked as helpful'), 'the announcement');
  });

  it('does not offer "Mark as helpful" to others, and closes on a click outside', async () => {
    const forum = await forumWith(new MockClient(), { token: 't' });
    const view = await openThread(forum, FATIGUE);
    const menu = await openMenu(postByText(view, 'Priya'));
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent!.trim())).to.deep.equal(['Report']);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitFor(() => menu.hidden, 'the menu closed');
  });

  it('edits your own post inline, prefilled, and shows the edit', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, OWN);
    const opening = posts(view)[0]!;
    const menu = await openMenu(opening);
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent!.trim())).to.deep.equal(['Edit', 'Delete']);
    item(menu, 'Edit').click();
    const composer = await waitFor(() => opening.shadowRoot!.querySelector('kindred-forum-composer'), 'the editor');
    const title = await waitFor(() => deepQuery<HTMLInputElement>(composer, '#title'), 'the title field');
    await waitFor(() => deepActiveElement() === title, 'focus in the editor');
    expect(title.value).to.equal('Caring for my mum and running on empty');
    const body = deepQuery<HTMLTextAreaElement>(composer, 'textarea')!;
    expect(body.value).to.contain('I have been looking after my mum');
    await expectAccessible(forum);
    type(body, 'I have been looking after my mum. **Thank you** all.');
    type(title, 'Caring for my mum');
    await composer.updateComplete;
    deepQuery<HTMLButtonElement>(composer, '[part~="submit"]')!.click();
    await waitFor(() => inPost(posts(view)[0]!, '[part~="edited"]'), 'the edited marker');
    expect(inPost(posts(view)[0]!, '[part~="post-body"] strong').textContent).to.equal('Thank you');
    await waitFor(() => deepQuery(view, 'h2')!.textContent === 'Caring for my mum', 'the new title');
    expect(client.callsTo('forum.editPost')[0]!.input).to.deep.include({ title: 'Caring for my mum' });
  });

  it('deletes your own post after confirming, leaving a tombstone', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, QUESTIONS);
    const mine = postByText(view, 'You (anonymous)');
    const menu = await openMenu(mine);
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement()).to.equal(item(menu, 'Delete'));
    await sendKeys({ press: 'Enter' });
    const confirm = await waitFor(() => mine.shadowRoot!.querySelector('[part~="confirm"]'), 'the confirmation');
    expect(confirm.textContent).to.contain('Delete this post?');
    await expectAccessible(forum);
    confirm.querySelector<HTMLButtonElement>('[part~="confirm-delete"]')!.click();
    await waitFor(() => deepText(mine).includes('This post was deleted.'), 'the tombstone');
    expect(client.callsTo('forum.deletePost')).to.have.length(1);
  });

  it('reports a post in a modal dialog: focus trapped, Escape closes and returns focus', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, FATIGUE);
    const priya = postByText(view, 'Priya');
    const trigger = inPost<HTMLButtonElement>(priya, '[part~="actions-button"]');
    item(await openMenu(priya), 'Report').click();
    const dialogElement = await waitFor(() => priya.shadowRoot!.querySelector('kindred-forum-report-dialog'), 'the dialog');
    const dialog = await waitFor(() => dialogElement.shadowRoot?.querySelector('dialog[open]'), 'it opens');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('report-heading');
    const reasons = [...dialog.querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(reasons).to.include.members([
      'Someone may be at risk',
      'Medical misinformation',
      'Spam or advertising',
      'Shares personal information',
      'Harassment or unkindness',
      'Something else',
    ]);
    await waitFor(() => deepActiveElement()?.id === 'reason-at_risk', 'focus on the first reason');
    await expectAccessible(dialogElement.shadowRoot!.querySelector('dialog')!);
    // Shift+Tab from the first stop wraps to the last button; Tab from there wraps back.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement()!.textContent).to.contain('Cancel');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()!.id).to.equal('reason-at_risk');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !priya.shadowRoot!.querySelector('kindred-forum-report-dialog'), 'the dialog closed');
    await waitFor(() => deepActiveElement() === trigger, 'focus back on the menu button');
  });

  it('sends a report with a reason and a note, and thanks the member', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, FATIGUE);
    const priya = postByText(view, 'Priya');
    item(await openMenu(priya), 'Report').click();
    const dialogElement = await waitFor(() => priya.shadowRoot!.querySelector('kindred-forum-report-dialog'), 'the dialog');
    const root = await waitFor(() => dialogElement.shadowRoot?.querySelector('dialog[open]') && dialogElement.shadowRoot!, 'it opens');
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => root.textContent!.includes('Please choose what is wrong'), 'the missing reason');
    root.querySelector<HTMLInputElement>('#reason-misinformation')!.click();
    type(root.querySelector('textarea')!, 'Says to stop treatment.');
    await dialogElement.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => root.textContent!.includes('Thank you. Our moderators will review this post.'), 'the thanks');
    expect(client.callsTo('forum.report')[0]!.input).to.deep.include({ reason: 'misinformation', note: 'Says to stop treatment.' });
    await expectAccessible(root.querySelector('dialog')!);
  });
});

describe('the user card', () => {
  it('opens from the author’s name with badges, role and “Member since”, and closes on Escape', async () => {
    const client = new MockClient({ threads: groupThreads(), context: { group: fixtureGroup } });
    const forum = await forumWith(client, { group: 'breast-cancer' });
    const view = await openThread(forum, FATIGUE);
    const maria = posts(view)[0]!;
    const name = inPost<HTMLButtonElement>(maria, 'button[part~="post-author"]');
    expect(name.getAttribute('aria-haspopup')).to.equal('dialog');
    name.click();
    const card = await waitFor(() => !inPost(maria, '#card').hidden && inPost<HTMLElement>(maria, '#card'), 'the card');
    await waitFor(() => card.textContent!.includes('Member since'), 'the card loaded');
    expect(card.getAttribute('role')).to.equal('dialog');
    expect(deepText(card)).to.match(/María G\. Mentor Mentor in this group Member since \w+ \d{4}/);
    expect(client.callsTo('forum.memberCard')[0]!.input).to.deep.include({ group: 'breast-cancer' });
    expect(deepActiveElement()).to.equal(card);
    await expectAccessible(forum);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => card.hidden, 'the card closed');
    expect(deepActiveElement()).to.equal(name);
  });

  it('only one popover is open at a time', async () => {
    const forum = await forumWith(new MockClient(), { token: 't' });
    const view = await openThread(forum, FATIGUE);
    const maria = posts(view)[0]!;
    inPost<HTMLButtonElement>(maria, 'button[part~="post-author"]').click();
    await waitFor(() => !inPost(maria, '#card').hidden, 'the card');
    inPost<HTMLButtonElement>(maria, '[part~="actions-button"]').click();
    await waitFor(() => !inPost(maria, '#menu').hidden, 'the menu');
    expect(inPost(maria, '#card').hidden).to.equal(true);
  });
});

describe('the composer', () => {
  it('sends a content warning and anonymous posting, with the formatting hint and explanation', async () => {
    const client = new MockClient();
    const forum = await forumWith(client, { token: 't' });
    const view = await openThread(forum, FATIGUE);
    const composer = view.shadowRoot!.querySelector('kindred-forum-composer')!;
    await waitFor(() => deepQuery(composer, 'textarea'), 'the reply box');
    expect(deepText(composer)).to.contain('Formatting: *italic*, **bold**, - lists, > quotes, links');
    expect(deepText(composer)).to.contain("Other members will see 'Anonymous member'. The community's moderators can still see it was you.");
    type(deepQuery<HTMLInputElement>(composer, '#warning')!, 'Scan results');
    deepQuery<HTMLInputElement>(composer, '#anonymous')!.click();
    (await writeReply(forum, 'Mine came back clear.')).click();
    await waitFor(() => client.callsTo('forum.reply').length === 1, 'the reply');
    expect(client.callsTo('forum.reply')[0]!.input).to.deep.include({ contentWarning: 'Scan results', anonymous: true });
    await waitFor(() => deepText(view).includes('You (anonymous)') && replies(view).length === 5, 'the anonymous reply');
    await expectAccessible(forum);
  });
});

describe('group forums', () => {
  it('explains a members-only group calmly, with its name, and offers to join', async () => {
    const joins = events('kindred-request-join');
    const client = new MockClient({ context: { group: { ...fixtureGroup, canRead: false, canPost: false }, canRead: false, canPost: false } });
    const forum = await forumWith(client, { token: 't', group: 'breast-cancer' });
    await waitFor(() => frame(forum).querySelector('[part~="members-only"]'), 'the members-only message');
    expect(deepText(forum)).to.contain('Breast cancer support is for its members');
    expect(client.callsTo('forum.listThreads')).to.have.length(0);
    await expectAccessible(forum);
    frame(forum).querySelector<HTMLButtonElement>('[part~="join-button"]')!.click();
    expect(joins.map((e) => e.detail)).to.deep.equal([{ group: 'breast-cancer' }]);
    expect(joins[0]!.cancelable).to.equal(true);
  });

  it('asks a signed-in reader who is not a member to join before posting; the page can handle it', async () => {
    const client = new MockClient({ threads: groupThreads(), context: { group: fixtureGroup, canRead: true, canPost: false } });
    const forum = await forumWith(client, { token: 't', group: 'breast-cancer' });
    await listed(forum);
    const join = await waitFor(() => frame(forum).querySelector<HTMLButtonElement>('[part~="join-button"]'), 'the join button');
    expect(join.textContent).to.contain('Join this group to post');
    expect(frame(forum).querySelector('[part~="start-thread"]')).to.equal(null);
    forum.addEventListener('kindred-request-join', (e) => {
      e.preventDefault();
      client.context = { ...client.context, canPost: true };
      void forum.reloadContext();
    });
    join.click();
    await waitFor(() => frame(forum).querySelector('[part~="start-thread"]'), 'the start button after joining');
    await expectAccessible(forum);
  });

  it('signed out, offers sign-in rather than join', async () => {
    const client = new MockClient({ threads: groupThreads(), context: { group: fixtureGroup, canRead: true, canPost: false } });
    const forum = await forumWith(client, { group: 'breast-cancer' });
    await listed(forum);
    expect(frame(forum).querySelector('[part~="sign-in-button"]')).to.exist;
    expect(frame(forum).querySelector('[part~="join-button"]')).to.equal(null);
  });
});

describe('starting a conversation', () => {
  it('loads the composer on demand and Cancel returns focus to the start button', async () => {
    const forum = await forumWith(new MockClient(), { token: 't' });
    await listed(forum);
    const start = await waitFor(() => frame(forum).querySelector<HTMLButtonElement>('[part~="start-thread"]'), 'the start button');
    start.click();
    const composer = await waitFor(() => newThreadComposer(forum), 'the composer');
    await waitFor(() => deepQuery(composer, '#title'), 'the form');
    deepQuery<HTMLButtonElement>(composer, '[part~="cancel"]')!.click();
    await waitFor(() => deepActiveElement()?.matches('[part~="start-thread"]'), 'focus back on the start button');
    expect(threadView(forum)).to.equal(null);
  });
});

/**
 * Guest posting: where the organisation allows it (`forum.context` says `guestCanPost`), a
 * signed-out visitor in the general forum may still sign in, or post as a guest under a name they
 * choose. The write carries `guestName` and no token; a guest never sees their post again, so
 * the composer says once, in place of the form, that it waits for review.
 */
import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { ApiError } from '../core/api-client.ts';
import { session } from '../core/session.ts';
import type { KindredForum } from './define.ts';
import { deepActiveElement, deepQuery, deepQueryAll, deepText, expectAccessible, mount, unmountAll, waitFor } from '../testing/dom.ts';
import { fixtureGuestContext } from '../testing/fixtures.ts';
import {
  events,
  forumWith,
  frame,
  listed,
  liveRegion,
  newThreadComposer,
  openFirstThread,
  replies,
  replyComposer,
  runCleanups,
  threadView,
  type,
} from '../testing/forum-helpers.ts';
import { MockClient } from '../testing/mock-client.ts';
import { awaitingReview, crisisOutcome, refusal } from '../testing/moderation.ts';

afterEach(() => {
  unmountAll();
  runCleanups();
  session.setToken(null);
});

type Input = Record<string, unknown>;
const guestClient = () => new MockClient({ context: fixtureGuestContext });
/** As the API answers a guest's write: held for review (premoderation). */
const asApi = (client: MockClient) =>
  client.moderateNext('forum.createThread', awaitingReview('premoderation')).moderateNext('forum.reply', awaitingReview('premoderation'));
const inputOf = (client: MockClient, path: 'forum.createThread' | 'forum.reply', index = 0) => client.callsTo(path)[index]!.input as Input;
const field = <E extends HTMLElement>(composer: Element, selector: string) => deepQuery<E>(composer, selector)!;
const part = (composer: Element, name: string) => deepQuery<HTMLButtonElement>(composer, `[part~="${name}"]`)!;
/** Identity check on the focused element (chai's diff of two DOM nodes can hang the page). */
function expectFocus(element: Element | null | undefined, what: string): void {
  const active = deepActiveElement();
  expect(active === element, `focus should be on ${what}, is on ${active?.outerHTML.slice(0, 80)}`).to.equal(true);
}

/** Signed out, where guests may post: "Sign in to start a conversation" opens the choice. */
async function openNewThreadChoice(forum: KindredForum): Promise<Element> {
  await listed(forum);
  const button = await waitFor(() => frame(forum).querySelector<HTMLButtonElement>('[part~="sign-in-button"]'), 'the sign-in button');
  expect(button.textContent).to.contain('Sign in to start a conversation');
  await forum.updateComplete;
  button.click();
  return waitFor(() => newThreadComposer(forum) && deepQuery(newThreadComposer(forum), '[part~="guest-choice"]') && newThreadComposer(forum), 'the choice');
}

async function chooseGuest(composer: Element): Promise<HTMLInputElement> {
  part(composer, 'guest-button').click();
  const name = await waitFor(() => deepQuery<HTMLInputElement>(composer, '#name'), 'the name field');
  await waitFor(() => deepActiveElement() === name, 'focus in the name field');
  return name;
}

describe('guest posting', () => {
  it('starts a conversation as a guest: a name, guestName sent, anonymity not offered, then “awaiting review” said once', async () => {
    const client = asApi(guestClient());
    const created = events('kindred-thread-created');
    const forum = await forumWith(client);
    const composer = await openNewThreadChoice(forum);
    // The visitor chooses: sign in, or post as a guest. Focus starts on the first choice.
    expect(deepText(composer)).to.contain('Sign in to start it as a member, or post as a guest under a name you choose.');
    await waitFor(() => deepActiveElement() === part(composer, 'sign-in-button'), 'focus on Sign in');
    expect(part(composer, 'guest-button').textContent).to.contain('Post as a guest');
    await expectAccessible(forum);

    const name = await chooseGuest(composer);
    expect(name.required).to.equal(true);
    const hint = field(composer, '#name-hint');
    expect(name.getAttribute('aria-describedby')).to.contain('name-hint');
    expect(hint.textContent).to.equal('Shown as ‘your name (guest)’. A moderator reads guest posts before others can see them.');
    expect(deepQuery(composer, '#anonymous'), 'a guest chooses their name instead').to.equal(undefined);
    await expectAccessible(forum);

    // The name is required: checked before anything is sent.
    type(field<HTMLInputElement>(composer, '#title'), 'Visiting hours?');
    type(field<HTMLTextAreaElement>(composer, 'textarea'), 'When can family visit on the ward?');
    await newThreadComposer(forum).updateComplete;
    part(composer, 'submit').click();
    await waitFor(() => deepText(composer).includes('Please write a name of 2 to 40 characters.'), 'the name error');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expectFocus(name, 'the name field');
    expect(client.callsTo('forum.createThread')).to.have.length(0);

    type(name, '  Pat   R ');
    await newThreadComposer(forum).updateComplete;
    expect(hint.textContent).to.equal('Shown as ‘Pat R (guest)’. A moderator reads guest posts before others can see them.');
    part(composer, 'submit').click();
    const sent = await waitFor(() => deepQuery(composer, '[part~="guest-sent"]'), 'the confirmation');
    const input = inputOf(client, 'forum.createThread');
    expect(input).to.include({ guestName: 'Pat R', title: 'Visiting hours?', body: 'When can family visit on the ward?', anonymous: false });
    expect(input.idempotencyKey).to.match(/^[A-Za-z0-9_-]{8,100}$/);
    expect(deepText(sent)).to.contain('Thank you. Your conversation was sent.');
    expect(deepText(sent)).to.contain('Awaiting review: Everything shared here is read by a moderator before others see it.');
    expect(deepText(sent)).to.contain('You will not see it before then');
    await waitFor(() => deepActiveElement() === sent, 'focus on the confirmation');
    await waitFor(() => liveRegion(forum).textContent!.includes('Saved. Awaiting review:'), 'the announcement');
    expect(created.map((e) => Object.keys(e.detail))).to.deep.equal([['threadId']]);
    // The guest cannot open it (it waits for review, and they have no account): it is not shown.
    expect(threadView(forum)).to.equal(null);
    await expectAccessible(forum);

    // "Back to conversations" closes the composer; focus returns to the button that opened it.
    part(sent, 'button').click();
    await waitFor(() => !newThreadComposer(forum), 'the composer to close');
    await waitFor(() => deepActiveElement() === frame(forum).querySelector('[part~="sign-in-button"]'), 'focus back on the button');
  });

  it('replies as a guest: the reply is not shown to them, “awaiting review” is; they may write another', async () => {
    const client = asApi(guestClient());
    const created = events('kindred-reply-created');
    const forum = await forumWith(client);
    const view = await openFirstThread(forum);
    const before = replies(view).length;
    const composer = replyComposer(forum);
    await waitFor(() => deepQuery(composer, '[part~="guest-choice"]'), 'the choice');
    expect(deepText(composer)).to.contain('Sign in to reply as a member, or post as a guest under a name you choose.');
    await expectAccessible(forum);

    // Cancel goes back to the choice, keeping what was typed.
    let name = await chooseGuest(composer);
    type(name, 'Sam');
    await replyComposer(forum).updateComplete;
    part(composer, 'cancel').click();
    await waitFor(() => deepActiveElement() === part(composer, 'guest-button'), 'focus on Post as a guest');
    name = await chooseGuest(composer);
    expect(name.value).to.equal('Sam');

    type(field<HTMLTextAreaElement>(composer, 'textarea'), 'Sundays too, I think.');
    await replyComposer(forum).updateComplete;
    part(composer, 'submit').click();
    const sent = await waitFor(() => deepQuery(composer, '[part~="guest-sent"]'), 'the confirmation');
    expect(inputOf(client, 'forum.reply')).to.include({ guestName: 'Sam', body: 'Sundays too, I think.', threadId: threadView(forum)!.summary!.id });
    expect(deepText(sent)).to.contain('Thank you. Your reply was sent.');
    expect(deepText(sent)).to.contain('Awaiting review:');
    await waitFor(() => deepActiveElement() === sent, 'focus on the confirmation');
    expect(replies(view)).to.have.length(before);
    expect(deepText(view)).not.to.contain('Sundays too');
    expect(created).to.have.length(1);
    await expectAccessible(forum);

    // Another reply: the form again, empty, with the name kept.
    part(sent, 'button').click();
    const textarea = await waitFor(() => deepQuery<HTMLTextAreaElement>(composer, 'textarea'), 'the form again');
    await waitFor(() => deepActiveElement() === textarea, 'focus in the reply box');
    expect(textarea.value).to.equal('');
    expect(field<HTMLInputElement>(composer, '#name').value).to.equal('Sam');
  });

  it('still lets the visitor sign in: kindred-request-sign-in, then the member’s own composer', async () => {
    const client = guestClient();
    const requests = events('kindred-request-sign-in');
    const forum = await forumWith(client);
    const composer = await openNewThreadChoice(forum);
    await chooseGuest(composer);
    type(field<HTMLTextAreaElement>(composer, 'textarea'), 'A draft to keep');
    part(composer, 'cancel').click();
    await waitFor(() => !newThreadComposer(forum), 'the composer to close');
    // Open it again and choose Sign in: nobody on the page takes it, so the visitor is told where.
    const again = await openNewThreadChoice(forum);
    part(again, 'sign-in-button').click();
    expect(requests.map((e) => e.detail)).to.deep.equal([{ reason: 'new-thread' }]);
    await waitFor(() => deepText(again).includes('sign in to this website'), 'the sign-in hint');
    // The page signs the member in: the same composer becomes a member's, with anonymity.
    client.context = { ...client.context, viewer: { id: 'm1', displayName: 'Ana' }, canPost: true, guestCanPost: false };
    session.setToken('member-token');
    await waitFor(() => deepQuery(again, '#anonymous'), 'the member form');
    expect(deepQuery(again, '#name')).to.equal(undefined);
    expect(deepQuery(again, '[part~="guest-choice"]')).to.equal(undefined);
  });

  it('in a thread, Sign in asks with reason “reply”', async () => {
    const requests = events('kindred-request-sign-in');
    const forum = await forumWith(guestClient());
    forum.addEventListener('kindred-request-sign-in', (e) => e.preventDefault());
    await openFirstThread(forum);
    const composer = replyComposer(forum);
    await waitFor(() => deepQuery(composer, '[part~="guest-choice"]'), 'the choice');
    part(composer, 'sign-in-button').click();
    expect(requests.map((e) => e.detail)).to.deep.equal([{ reason: 'reply' }]);
    await replyComposer(forum).updateComplete;
    expect(deepText(composer), 'the page handles it: no hint').not.to.contain('sign in to this website');
  });

  it('offers no guest posting where the API says guests may not post', async () => {
    const requests = events('kindred-request-sign-in');
    const forum = await forumWith(new MockClient({ context: { ...fixtureGuestContext, guestCanPost: false } }));
    await listed(forum);
    frame(forum).querySelector<HTMLButtonElement>('[part~="sign-in-button"]')!.click();
    expect(requests).to.have.length(1);
    await forum.updateComplete;
    expect(newThreadComposer(forum)).to.equal(null);
    const view = await openFirstThread(forum);
    await waitFor(() => deepQuery(view, '[part~="sign-in-button"]'), 'Sign in to reply');
    expect(deepQueryAll(view, '[part~="guest-button"]')).to.have.length(0);
  });

  it('when guest posting was turned off meanwhile (SIGN_IN_REQUIRED), says so and keeps the text', async () => {
    const client = guestClient().failNext('forum.createThread', new ApiError('SIGN_IN_REQUIRED', 401, 'Sign in to do this.'));
    const forum = await forumWith(client);
    const composer = await openNewThreadChoice(forum);
    type(await chooseGuest(composer), 'Pat');
    type(field<HTMLInputElement>(composer, '#title'), 'Visiting hours?');
    type(field<HTMLTextAreaElement>(composer, 'textarea'), 'When can family visit?');
    await newThreadComposer(forum).updateComplete;
    client.context = { ...client.context, guestCanPost: false };
    part(composer, 'submit').click();
    await waitFor(() => deepText(composer).includes('Posting as a guest is no longer possible here.'), 'the message');
    expect(deepText(composer)).not.to.contain('Your sign-in has ended');
    expect(field<HTMLTextAreaElement>(composer, 'textarea').value).to.equal('When can family visit?');
    expect(deepQuery(composer, '[part~="guest-button"]')).to.equal(undefined);
  });

  it('goes through moderation like a member’s write: crisis resources first, personal details confirmed', async () => {
    const client = guestClient().moderateNext('forum.reply', crisisOutcome());
    const forum = await forumWith(client);
    await openFirstThread(forum);
    const composer = replyComposer(forum);
    await waitFor(() => deepQuery(composer, '[part~="guest-choice"]'), 'the choice');
    type(await chooseGuest(composer), 'Anon');
    type(field<HTMLTextAreaElement>(composer, 'textarea'), 'I can’t keep going like this.');
    await replyComposer(forum).updateComplete;
    part(composer, 'submit').click();
    const dialog = await waitFor(() => deepQuery<HTMLDialogElement>(composer, 'dialog[part~="crisis-resources"]'), 'the crisis resources');
    expect(deepQuery(composer, '[part~="guest-sent"]'), 'the resources come first').to.equal(undefined);
    deepQuery<HTMLButtonElement>(dialog, '[part~="crisis-close"]')!.click();
    const sent = await waitFor(() => deepQuery(composer, '[part~="guest-sent"]'), 'the confirmation');
    expect(deepText(sent)).to.contain('Awaiting review: A person from the organisation will read it soon.');

    // Personal details: "Post anyway" sends the same write again (same key, same name), confirmed.
    part(sent, 'button').click();
    client.failNext('forum.reply', refusal('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'phone', match: '07700 900123' }] }));
    const textarea = await waitFor(() => deepQuery<HTMLTextAreaElement>(composer, 'textarea'), 'the form again');
    type(textarea, 'Call me on 07700 900123');
    await replyComposer(forum).updateComplete;
    part(composer, 'submit').click();
    (await waitFor(() => deepQuery<HTMLButtonElement>(composer, '[part~="post-anyway"]'), 'Post anyway')).click();
    await waitFor(() => client.callsTo('forum.reply').length === 3, 'the confirmed write');
    const [first, again] = [inputOf(client, 'forum.reply', 1), inputOf(client, 'forum.reply', 2)];
    expect(again).to.include({ guestName: 'Anon', confirmPersonalDetails: true, idempotencyKey: first.idempotencyKey });
  });

  it('speaks Spanish', async () => {
    const forum = await forumWith(guestClient(), { lang: 'es' });
    await listed(forum);
    frame(forum).querySelector<HTMLButtonElement>('[part~="sign-in-button"]')!.click();
    const composer = await waitFor(() => newThreadComposer(forum) && deepQuery(newThreadComposer(forum), '[part~="guest-button"]') && newThreadComposer(forum), 'the choice');
    expect(part(composer, 'guest-button').textContent).to.contain('Publicar como persona invitada');
    expect(part(composer, 'sign-in-button').textContent).to.contain('Iniciar sesión');
    const name = await chooseGuest(composer);
    type(name, 'Pilar');
    await newThreadComposer(forum).updateComplete;
    expect(deepText(composer)).to.contain('Tu nombre');
    expect(field(composer, '#name-hint').textContent).to.contain('Se mostrará como «Pilar (guest)».');
    await expectAccessible(forum);
  });
});

describe('guest posting over HTTP', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('sends the write with the key and guestName, and no token', async () => {
    // The API at the fetch boundary, answered by a MockClient.
    const client = asApi(guestClient());
    const sent: { path: string; method: string; headers: Record<string, string>; body: unknown }[] = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      const parsed = new URL(String(url));
      const path = parsed.pathname.replace(/^.*\/trpc\//, '') as Parameters<MockClient['query']>[0];
      const method = init.method ?? 'GET';
      const body = method === 'POST' ? JSON.parse(String(init.body)) : JSON.parse(parsed.searchParams.get('input') ?? 'null');
      sent.push({ path, method, headers: init.headers as Record<string, string>, body });
      try {
        const data = method === 'POST' ? await client.mutate(path as never, body as never) : await client.query(path, body as never);
        return new Response(JSON.stringify({ result: { data } }), { status: 200, headers: { 'content-type': 'application/json' } });
      } catch (err) {
        const e = err as ApiError;
        return new Response(JSON.stringify({ error: { message: e.message, data: { kindredCode: e.kindredCode, httpStatus: e.httpStatus } } }), { status: e.httpStatus || 500 });
      }
    }) as typeof fetch;
    const forum = await mount<KindredForum>(html`<kindred-forum key="pk_test_guest" api-base="https://api.example/" theme="light"></kindred-forum>`);
    const composer = await openNewThreadChoice(forum);
    type(await chooseGuest(composer), 'Pat');
    type(field<HTMLInputElement>(composer, '#title'), 'Visiting hours?');
    type(field<HTMLTextAreaElement>(composer, 'textarea'), 'When can family visit?');
    await newThreadComposer(forum).updateComplete;
    part(composer, 'submit').click();
    await waitFor(() => deepQuery(composer, '[part~="guest-sent"]'), 'the confirmation');
    const write = sent.find((s) => s.path === 'forum.createThread')!;
    expect(write.method).to.equal('POST');
    expect(write.headers).to.have.property('x-kindred-key', 'pk_test_guest');
    expect(write.headers).not.to.have.property('authorization');
    expect(write.body).to.include({ guestName: 'Pat', title: 'Visiting hours?' });
    expect(sent.every((s) => !('authorization' in s.headers))).to.equal(true);
  });
});

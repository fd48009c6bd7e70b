import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ApiError } from '../core/api-client.ts';
import { session } from '../core/session.ts';
import { deepActiveElement, deepQuery, deepText, expectAccessible, mount, unmountAll, waitFor } from '../testing/dom.ts';
import { expectWaitingForStrings, spanishOnItsWay } from '../testing/strings.ts';
import './define.ts';
import type { KindredGroups } from './define.ts';
import { GroupsMockClient } from './testing/mock-client.ts';

interface Attrs {
  token?: string;
  lang?: string;
  theme?: string;
  group?: string;
}

async function groupsWith(client: GroupsMockClient, attrs: Attrs = {}): Promise<KindredGroups> {
  return mount<KindredGroups>(
    html`<kindred-groups
      .client=${client}
      token=${attrs.token ?? ''}
      lang=${attrs.lang ?? ''}
      theme=${attrs.theme ?? 'light'}
      group=${attrs.group ?? ''}
    ></kindred-groups>`,
  );
}

const root = (el: KindredGroups) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: KindredGroups, selector: string) => root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: KindredGroups, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const cards = (el: KindredGroups) => $$(el, '[part~="group-card"]');
const card = (el: KindredGroups, name: string) => cards(el).find((c) => c.querySelector('[part~="group-name"]')!.textContent!.includes(name))!;
const live = (el: KindredGroups) => $(el, '[role="status"][aria-live="polite"]')!;
/** The group page's shadow root (it is its own element, loaded when a group opens). */
const pageRoot = (el: KindredGroups) => $(el, 'kindred-group-page')?.shadowRoot;
const pq = <E extends Element = HTMLElement>(el: KindredGroups, selector: string) => pageRoot(el)?.querySelector<E>(selector) ?? null;
const page = (el: KindredGroups) => pq(el, '[part~="group-page"]');
const panel = (el: KindredGroups) => pq(el, '[part~="membership-panel"]')!;

async function listed(el: KindredGroups): Promise<HTMLElement[]> {
  return waitFor(() => cards(el).length > 0 && cards(el), 'the group cards');
}

async function openGroup(el: KindredGroups, name: string): Promise<HTMLElement> {
  await listed(el);
  card(el, name).querySelector<HTMLButtonElement>('[part~="group-link"]')!.click();
  return waitFor(() => page(el)?.querySelector('h2')?.textContent?.includes(name) && page(el), `the page of ${name}`);
}

async function onPage(slug: string, attrs: Attrs = {}, client = new GroupsMockClient()): Promise<[KindredGroups, GroupsMockClient]> {
  const el = await groupsWith(client, { token: 't', ...attrs, group: slug });
  await waitFor(() => pq(el, '[part~="membership-panel"]'), 'the group page');
  return [el, client];
}

function events<K extends keyof GlobalEventHandlersEventMap>(name: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  const listener = (e: GlobalEventHandlersEventMap[K]) => seen.push(e);
  document.addEventListener(name, listener);
  cleanups.push(() => document.removeEventListener(name, listener));
  return seen;
}

/** Identity check on the focused element (chai's diff of two DOM nodes can hang the page). */
function expectFocus(element: Element | null | undefined): void {
  const active = deepActiveElement();
  expect(active === element, `focus is on ${active?.outerHTML.slice(0, 80)}`).to.equal(true);
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  unmountAll();
  cleanups.splice(0).forEach((c) => c());
  session.setToken(null);
});

describe('<kindred-groups> directory', () => {
  it('shows a skeleton and aria-busy while loading, and reserves height', async () => {
    const el = await groupsWith(new GroupsMockClient().hang('groups.list'));
    expect($(el, '[aria-busy="true"] [part~="skeleton"]')).to.exist;
    expect(deepText(el)).to.contain('Loading groups');
    expect(el.getBoundingClientRect().height).to.be.at.least(28 * 16);
    await expectAccessible(el);
  });

  it('lists groups: name, tags, description, members, who can join and read', async () => {
    const el = await groupsWith(new GroupsMockClient());
    await listed(el);
    expect(cards(el)).to.have.length(8);
    const first = card(el, 'Living with type 2 diabetes');
    expect(first.querySelector('[part~="condition-tag"]')!.textContent).to.equal('Type 2 diabetes');
    expect(first.querySelector('[part~="group-description"]')!.textContent).to.contain('food that works for you');
    expect(first.querySelector('[part~="member-count"]')!.textContent).to.equal('1,204 members');
    expect(first.querySelector('[part~="join-policy"]')!.textContent).to.equal('Anyone can join');
    expect(first.querySelector('[part~="readers"]')!.textContent).to.equal('Anyone can read');
    expect(card(el, 'Breast cancer').querySelector('[part~="readers"]')!.textContent).to.equal('Only group members can read');
    expect(card(el, 'Long COVID').querySelector('[part~="readers"]')!.textContent).to.equal('Members of this site can read');
    await waitFor(() => live(el).textContent!.includes('8 groups shown'), 'the load announcement');
    await expectAccessible(el);
  });

  it('shows every membership state on the cards', async () => {
    const el = await groupsWith(new GroupsMockClient(), { token: 't' });
    await listed(el);
    const membership = (name: string) => card(el, name).querySelector('[part~="membership"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(membership('Living with type 2 diabetes')).to.equal('Join');
    expect(membership('Breast cancer')).to.equal('Ask to join');
    expect(membership('Long COVID')).to.equal('You’re a member');
    expect(membership('Parents of children')).to.equal('You’re a member Mentor');
    expect(membership('Heart failure')).to.equal('You’re a member Group moderator');
    expect(membership('Caring for someone')).to.equal('Request sent — waiting for a moderator');
    expect(membership('Young adults')).to.equal('You’re invited Accept invitation');
    // The button names the group it acts on.
    const join = card(el, 'Living with type 2 diabetes').querySelector('[part~="join-button"]')!;
    expect(root(el).getElementById(join.getAttribute('aria-describedby')!)!.textContent).to.contain('Living with type 2 diabetes');
  });

  it('shows the empty state', async () => {
    const el = await groupsWith(new GroupsMockClient({ groups: [] }));
    await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
    expect(deepText(el)).to.contain('No groups yet');
    await expectAccessible(el);
  });

  it('shows an error with Try again, which loads again', async () => {
    const client = new GroupsMockClient().failNext('groups.list', new ApiError('DATABASE_UNAVAILABLE', 503, 'down'));
    const el = await groupsWith(client);
    const error = await waitFor(() => $(el, '[part~="error"]'), 'the error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(deepText(el)).to.contain('temporarily unavailable');
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await listed(el);
  });

  it('searches after a pause in typing, and at once on Enter', async () => {
    const client = new GroupsMockClient();
    const el = await groupsWith(client);
    await listed(el);
    const input = $<HTMLInputElement>(el, '#group-search')!;
    expect(root(el).querySelector('label[for="group-search"]')!.textContent).to.equal('Search groups');
    input.value = 'diab';
    input.dispatchEvent(new Event('input'));
    input.value = 'diabetes';
    input.dispatchEvent(new Event('input'));
    await waitFor(() => cards(el).length === 2, 'the search results');
    expect(client.callsTo('groups.list').map((c) => (c.input as { query?: string }).query)).to.deep.equal([undefined, 'diabetes']);
    input.value = 'pain';
    input.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => cards(el).length === 1, 'the Enter search');
    expect(card(el, 'Chronic pain')).to.exist;
  });

  it('says when nothing matches, and clears the search', async () => {
    const el = await groupsWith(new GroupsMockClient());
    await listed(el);
    const input = $<HTMLInputElement>(el, '#group-search')!;
    input.value = 'zebra';
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitFor(() => $(el, '[part~="empty"]'), 'the no-match state');
    expect(deepText(el)).to.contain('No groups match “zebra”');
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~="clear-search"]')!.click();
    await waitFor(() => cards(el).length === 8, 'every group again');
    expect(input.value).to.equal('');
    expectFocus(input);
  });

  it('filters by condition with a labelled select built from groups.conditions', async () => {
    const client = new GroupsMockClient();
    const el = await groupsWith(client);
    await listed(el);
    const select = await waitFor(() => $<HTMLSelectElement>(el, '#group-condition'), 'the filter');
    expect(root(el).querySelector('label[for="group-condition"]')!.textContent).to.equal('Condition');
    const options = [...select.options].map((o) => o.textContent!.trim());
    expect(options[0]).to.equal('All conditions');
    expect(options).to.include.members(['Caregiving', 'Type 2 diabetes', 'Long COVID']);
    select.value = 'Caregiving';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => cards(el).length === 2, 'the filtered list');
    expect(client.callsTo('groups.list').at(-1)!.input).to.deep.include({ condition: 'Caregiving' });
    await expectAccessible(el);
    // Search and filter together, then nothing matches: one button clears both.
    const input = $<HTMLInputElement>(el, '#group-search')!;
    input.value = 'pain';
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitFor(() => $(el, '[part~="empty"]'), 'the no-match state');
    expect(deepText(el)).to.contain('No Caregiving groups match “pain”');
    $<HTMLButtonElement>(el, '[part~="clear-search"]')!.click();
    await waitFor(() => cards(el).length === 8, 'every group again');
    expect(select.value).to.equal('');
  });

  it('loads more groups with the cursor and moves focus to the first new one', async () => {
    const client = new GroupsMockClient({ pageSize: 3 });
    const el = await groupsWith(client);
    await listed(el);
    expect(cards(el)).to.have.length(3);
    $<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await waitFor(() => cards(el).length === 6, 'the second page');
    expect(client.callsTo('groups.list')[1]!.input).to.deep.include({ cursor: '3' });
    await waitFor(() => deepActiveElement() === cards(el)[3]!.querySelector('[part~="group-link"]'), 'focus on the first new group');
    await waitFor(() => live(el).textContent!.includes('3 more groups loaded'), 'the announcement');
  });
});

describe('<kindred-groups> membership', () => {
  it('signed out, Join asks the page to sign the member in', async () => {
    const client = new GroupsMockClient();
    const requests = events('kindred-request-sign-in');
    const el = await groupsWith(client);
    await listed(el);
    const join = card(el, 'Living with type 2 diabetes').querySelector<HTMLButtonElement>('[part~="join-button"]')!;
    expect(join.textContent!.trim()).to.equal('Join');
    join.click();
    expect(requests).to.have.length(1);
    expect(requests[0]!.detail).to.deep.equal({ reason: 'join' });
    expect(requests[0]!.cancelable && requests[0]!.bubbles && requests[0]!.composed).to.equal(true);
    expect(client.callsTo('groups.join')).to.have.length(0);
    await waitFor(() => deepText(card(el, 'Living with type 2 diabetes')).includes('sign in to this website'), 'the hint');
    await expectAccessible(el);
  });

  it('signed out, no hint when the page handles sign-in', async () => {
    const el = await groupsWith(new GroupsMockClient());
    await listed(el);
    el.addEventListener('kindred-request-sign-in', (e) => e.preventDefault());
    card(el, 'Living with type 2 diabetes').querySelector<HTMLButtonElement>('[part~="join-button"]')!.click();
    await el.updateComplete;
    expect(deepText(el)).not.to.contain('sign in to this website');
  });

  it('joins an open group and shows the server’s result', async () => {
    const client = new GroupsMockClient();
    const changed = events('kindred-membership-changed');
    const el = await groupsWith(client, { token: 't' });
    await listed(el);
    card(el, 'Living with type 2 diabetes').querySelector<HTMLButtonElement>('[part~="join-button"]')!.click();
    await waitFor(() => card(el, 'Living with type 2 diabetes').textContent!.includes('You’re a member'), 'the membership');
    expect(card(el, 'Living with type 2 diabetes').querySelector('[part~="member-count"]')!.textContent).to.equal('1,205 members');
    expect(client.callsTo('groups.join')[0]!.input).to.deep.equal({ slug: 'type-2-diabetes' });
    await waitFor(() => live(el).textContent!.includes('You joined Living with type 2 diabetes.'), 'the announcement');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('membership-status');
    expect(changed[0]!.detail).to.deep.equal({ groupId: client.group('type-2-diabetes')!.id, status: 'active' });
    await expectAccessible(el);
  });

  it('disables the button while joining', async () => {
    const el = await groupsWith(new GroupsMockClient().hang('groups.join'), { token: 't' });
    await listed(el);
    const join = card(el, 'Living with type 2 diabetes').querySelector<HTMLButtonElement>('[part~="join-button"]')!;
    join.click();
    await el.updateComplete;
    expect(join.disabled).to.equal(true);
    expect(join.textContent!.trim()).to.equal('Joining…');
  });

  it('asks to join a request-to-join group', async () => {
    const el = await groupsWith(new GroupsMockClient(), { token: 't' });
    await listed(el);
    card(el, 'Breast cancer').querySelector<HTMLButtonElement>('[part~="join-button"]')!.click();
    await waitFor(() => card(el, 'Breast cancer').textContent!.includes('Request sent — waiting for a moderator'), 'the request');
    await waitFor(() => live(el).textContent!.includes('A group moderator will look at it'), 'the announcement');
    expect(card(el, 'Breast cancer').querySelector('[part~="join-button"]')).to.equal(null);
  });

  it('accepts an invitation to an invite-only group', async () => {
    const el = await groupsWith(new GroupsMockClient(), { token: 't' });
    await listed(el);
    const accept = card(el, 'Young adults').querySelector<HTMLButtonElement>('[part~="join-button"]')!;
    expect(accept.textContent!.trim()).to.equal('Accept invitation');
    accept.click();
    await waitFor(() => card(el, 'Young adults').textContent!.includes('You’re a member'), 'the membership');
    await waitFor(() => live(el).textContent!.includes('Welcome to Young adults with cancer'), 'the announcement');
  });

  it('explains a refused join (invite only) and keeps the state the server has', async () => {
    const client = new GroupsMockClient().failNext('groups.join', new ApiError('FORBIDDEN_ACTION', 403, 'no'));
    const el = await groupsWith(client, { token: 't' });
    await listed(el);
    card(el, 'Living with type 2 diabetes').querySelector<HTMLButtonElement>('[part~="join-button"]')!.click();
    const alert = await waitFor(() => card(el, 'Living with type 2 diabetes').querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('invite only');
    expect(card(el, 'Living with type 2 diabetes').textContent).not.to.contain('You’re a member');
    await expectAccessible(el);
  });

  it('reloads memberships when the member signs in', async () => {
    const client = new GroupsMockClient();
    const el = await groupsWith(client);
    await listed(el);
    session.setToken('page-token');
    await waitFor(() => client.callsTo('groups.list').length === 2, 'a second load');
    expect(el.currentToken).to.equal('page-token');
  });
});

describe('<kindred-groups> group page', () => {
  it('opens from the directory: title focused, about, membership, forum; Back restores focus', async () => {
    const el = await groupsWith(new GroupsMockClient(), { token: 't' });
    const groupPage = await openGroup(el, 'Long COVID');
    expectFocus(groupPage.querySelector('h2'));
    expect($(el, '[part~="directory"]')!.hidden).to.equal(true);
    expect(groupPage.querySelector('[part~="about"]')!.textContent).to.contain('Pacing plans');
    expect(groupPage.querySelector('dl')!.textContent!.replace(/\s+/g, ' ')).to.contain('Members 2,087 members Who can join Anyone can join');
    expect(panel(el).textContent).to.contain('You’re a member');
    const forum = await waitFor(() => groupPage.querySelector('kindred-forum'), 'the group forum');
    expect(forum.getAttribute('group')).to.equal('long-covid');
    await waitFor(() => customElements.get('kindred-forum') && forum.shadowRoot, 'the forum element');
    await waitFor(() => live(el).textContent!.includes('Group opened: Long COVID'), 'the announcement');
    await expectAccessible(el);
    pq<HTMLButtonElement>(el, '[part~="back"]')!.click();
    await waitFor(() => !page(el), 'the directory');
    await waitFor(() => deepActiveElement() === card(el, 'Long COVID').querySelector('[part~="group-link"]'), 'focus on the card');
  });

  it('starts on a group with the group attribute (signed out), and loads the directory only on Back', async () => {
    const requests = events('kindred-request-sign-in');
    const [el, client] = await onPage('type-2-diabetes', { token: '' });
    expect(client.callsTo('groups.list')).to.have.length(0);
    // Starting on a group never takes focus from the host page.
    expect(deepActiveElement() === document.body, 'focus stays on the page').to.equal(true);
    const join = panel(el).querySelector<HTMLButtonElement>('[part~="join-button"]')!;
    expect(join.textContent!.trim()).to.equal('Join');
    join.click();
    expect(requests.map((r) => r.detail.reason)).to.deep.equal(['join']);
    await waitFor(() => panel(el).textContent!.includes('sign in to this website'), 'the sign-in hint');
    expect(client.callsTo('groups.join')).to.have.length(0);
    await expectAccessible(el);
    pq<HTMLButtonElement>(el, '[part~="back"]')!.click();
    await listed(el);
    await waitFor(() => deepActiveElement() === card(el, 'Living with type 2 diabetes').querySelector('[part~="group-link"]'), 'focus');
  });

  it('says so when a group cannot be found (or is invite only)', async () => {
    const el = await groupsWith(new GroupsMockClient(), { group: 'secret-group' });
    await waitFor(() => deepText(el).includes('could not be found'), 'the not-found message');
    await expectAccessible(el);
  });

  it('shows a group page loading, then a failure with Try again', async () => {
    const client = new GroupsMockClient().hang('groups.get');
    const el = await groupsWith(client, { group: 'long-covid' });
    const busy = await waitFor(() => pq(el, '[aria-busy="true"]'), 'the loading state');
    expect(busy.textContent).to.contain('Loading the group');
    await expectAccessible(el);
    el.remove();
    const failing = new GroupsMockClient().failNext('groups.get', new ApiError('NETWORK', 0, 'offline'));
    const again = await groupsWith(failing, { group: 'long-covid' });
    await waitFor(() => deepText(again).includes('could not connect'), 'the error');
    await expectAccessible(again);
    pq<HTMLButtonElement>(again, '[part~="retry"]')!.click();
    await waitFor(() => pq(again, '[part~="membership-panel"]'), 'the group after retrying');
  });

  it('locks the forum of a members-only group for non-members', async () => {
    const [el] = await onPage('breast-cancer-after-treatment');
    expect(page(el)!.querySelector('kindred-forum')).to.equal(null);
    expect(deepText(el)).to.contain('Only members of this group can read its conversations.');
    expect(panel(el).querySelector('[part~="join-button"]')!.textContent!.trim()).to.equal('Ask to join');
    await expectAccessible(el);
  });

  it('leaves with a confirm step that says leaving is private', async () => {
    const [el, client] = await onPage('long-covid');
    const leave = panel(el).querySelector<HTMLButtonElement>('[part~="leave-button"]')!;
    leave.click();
    const confirm = await waitFor(() => panel(el).querySelector<HTMLElement>('[part~="leave-confirm"]'), 'the confirm step');
    await waitFor(() => deepActiveElement() === confirm, 'focus on the confirm step');
    expect(confirm.textContent).to.contain('Leave Long COVID: pacing and recovery?');
    expect(confirm.textContent).to.contain('always possible and private');
    await expectAccessible(el);
    confirm.querySelector<HTMLButtonElement>('[part~="stay"]')!.click();
    await waitFor(() => deepActiveElement() === panel(el).querySelector('[part~="leave-button"]'), 'focus back on Leave');
    expect(client.callsTo('groups.leave')).to.have.length(0);

    panel(el).querySelector<HTMLButtonElement>('[part~="leave-button"]')!.click();
    await waitFor(() => panel(el).querySelector('[part~="confirm-leave"]'), 'the confirm step')!;
    panel(el).querySelector<HTMLButtonElement>('[part~="confirm-leave"]')!.click();
    await waitFor(() => panel(el).querySelector('[part~="join-button"]'), 'the Join button');
    expect(panel(el).textContent).not.to.contain('You’re a member');
    expect(page(el)!.querySelector('[part~="member-count"]')!.textContent).to.equal('2,086 members');
    await waitFor(() => live(el).textContent!.includes('You left Long COVID'), 'the announcement');
    expectFocus(panel(el).querySelector('[part~="join-button"]'));
  });

  it('closes the confirm step with Escape', async () => {
    const [el] = await onPage('long-covid');
    panel(el).querySelector<HTMLButtonElement>('[part~="leave-button"]')!.click();
    await waitFor(() => deepActiveElement() === panel(el).querySelector('[part~="leave-confirm"]'), 'the confirm step');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => deepActiveElement() === panel(el).querySelector('[part~="leave-button"]'), 'focus back on Leave');
  });

  it('withdraws a pending request', async () => {
    const [el, client] = await onPage('dementia-carers');
    expect(panel(el).textContent).to.contain('Request sent — waiting for a moderator');
    panel(el).querySelector<HTMLButtonElement>('[part~="withdraw-button"]')!.click();
    await waitFor(() => panel(el).querySelector('[part~="join-button"]')?.textContent?.includes('Ask to join'), 'Ask to join again');
    expect(client.callsTo('groups.leave')).to.have.length(1);
    await waitFor(() => live(el).textContent!.includes('You withdrew your request to join Caring for someone with dementia'), 'the announcement');
  });

  it('joins when the group’s forum asks to (kindred-request-join)', async () => {
    const [el, client] = await onPage('type-2-diabetes');
    const forum = await waitFor(() => page(el)!.querySelector('kindred-forum'), 'the forum');
    const request = new CustomEvent('kindred-request-join', { detail: { group: 'type-2-diabetes' }, bubbles: true, composed: true, cancelable: true });
    forum.dispatchEvent(request);
    expect(request.defaultPrevented).to.equal(true);
    await waitFor(() => panel(el).textContent!.includes('You’re a member'), 'the membership');
    expect(client.callsTo('groups.join')).to.have.length(1);
    // The forum starts afresh for the new member.
    await waitFor(() => page(el)!.querySelector('kindred-forum') !== forum, 'a fresh forum');
  });

  it('shows a moderator the join requests, to approve or decline', async () => {
    const [el, client] = await onPage('heart-failure');
    const requests = await waitFor(() => pq(el, '[part~="requests"]'), 'the requests');
    await waitFor(() => requests.querySelector('h3')!.textContent === 'Join requests (3)', 'the heading');
    expect([...requests.querySelectorAll('[part~="request-name"]')].map((n) => n.textContent)).to.deep.equal([
      'Rosa M.',
      'Tom Adeyemi',
      'Kath (wife of a member)',
    ]);
    await expectAccessible(el);
    requests.querySelector<HTMLButtonElement>('[part~="approve-button"]')!.click();
    await waitFor(() => requests.querySelector('h3')!.textContent === 'Join requests (2)', 'one fewer');
    expect(client.callsTo('groups.decideRequest')[0]!.input).to.deep.equal({ slug: 'heart-failure', memberId: client.calls.length && '00000000-0000-4000-9000-000000000801', approve: true });
    await waitFor(() => page(el)!.querySelector('[part~="member-count"]')!.textContent === '90 members', 'the new count');
    await waitFor(() => live(el).textContent!.includes('Rosa M. can now take part'), 'the announcement');
    await waitFor(() => deepActiveElement() === requests.querySelector('[part~="approve-button"]'), 'focus on the next request');
    requests.querySelectorAll<HTMLButtonElement>('[part~="decline-button"]')[0]!.click();
    await waitFor(() => requests.querySelectorAll('[part~="request"]').length === 1, 'declined');
    expect(client.callsTo('groups.decideRequest')[1]!.input).to.deep.include({ approve: false });
    await waitFor(() => live(el).textContent!.includes('You declined Tom Adeyemi’s request'), 'the announcement');
  });

  it('shows no join requests to a mentor', async () => {
    const [el, client] = await onPage('type-1-parents');
    expect(panel(el).textContent!.replace(/\s+/g, ' ')).to.contain('You’re a member Mentor');
    expect(pq(el, '[part~="requests"]')).to.equal(null);
    expect(client.callsTo('groups.requests')).to.have.length(0);
  });
});

describe('<kindred-groups> keyboard, language and theme', () => {
  it('is usable with the keyboard alone', async () => {
    const el = await groupsWith(new GroupsMockClient(), { token: 't' });
    await listed(el);
    const link = card(el, 'Living with type 2 diabetes').querySelector<HTMLButtonElement>('[part~="group-link"]')!;
    link.focus();
    await sendKeys({ press: 'Tab' });
    expectFocus(card(el, 'Living with type 2 diabetes').querySelector('[part~="join-button"]'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === pq(el, '#group-title'), 'focus on the group title');
    // Tab from the title: Back comes first in the page, so move forward to Join.
    await sendKeys({ press: 'Tab' });
    expectFocus(panel(el).querySelector('[part~="join-button"]'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => panel(el).textContent!.includes('You’re a member'), 'joined with the keyboard');
    pq<HTMLButtonElement>(el, '[part~="back"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === card(el, 'Living with type 2 diabetes').querySelector('[part~="group-link"]'), 'focus on the card');
  });

  it('waits for Spanish strings without an English flash, keeping its height', async () => {
    const arrive = spanishOnItsWay();
    const el = await groupsWith(new GroupsMockClient(), { lang: 'es' });
    await expectWaitingForStrings(el);
    arrive();
    await listed(el);
    expect($(el, 'h2')!.textContent).to.equal('Grupos');
  });

  it('speaks Spanish', async () => {
    const el = await groupsWith(new GroupsMockClient(), { lang: 'es', token: 't' });
    await listed(el);
    expect($(el, 'h2')!.textContent).to.equal('Grupos');
    expect(card(el, 'Chronic pain').querySelector('[part~="member-count"]')!.textContent).to.match(/^3.?410 miembros$/);
    expect(card(el, 'Chronic pain').querySelector('[part~="join-policy"]')!.textContent).to.equal('Cualquiera puede unirse');
    expect(card(el, 'Caring for someone').textContent).to.contain('Solicitud enviada');
    await waitFor(() => live(el).textContent!.includes('Se muestran 8 grupos'), 'the announcement');
    await expectAccessible(el);
    const groupPage = await openGroup(el, 'Long COVID');
    expect(groupPage.textContent).to.contain('Sobre este grupo');
    expect(panel(el).querySelector('[part~="leave-button"]')!.textContent).to.equal('Salir del grupo');
    await expectAccessible(el);
  });

  it('is accessible in the dark theme, and takes the host’s tokens', async () => {
    const el = await groupsWith(new GroupsMockClient(), { theme: 'dark', token: 't' });
    await listed(el);
    await expectAccessible(el);
    el.style.setProperty('--kindred-color-bg', 'rgb(1, 2, 3)');
    // Parts of the page and of its forum are re-exported: a host page can style them.
    expect(getComputedStyle($(el, '.groups')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    card(el, 'Long COVID').querySelector<HTMLButtonElement>('[part~="group-link"]')!.click();
    const forum = await waitFor(() => page(el)?.querySelector('kindred-forum'), 'the group forum');
    expect($(el, 'kindred-group-page')!.getAttribute('exportparts')).to.contain('membership-panel').and.to.contain('forum-base');
    expect(forum.getAttribute('exportparts')).to.contain('base: forum-base');
    expect(getComputedStyle($(el, '.groups')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import type { QueueScreen } from './queue-screen.ts';
import './queue-screen.ts';
import './reports-screen.ts';
import type { ToastDetail } from '../../ui/console-element.ts';
import { deepActiveElement, deepQueryAll, expectAccessible, mount, press, setup, shadow, type, unmountAll, waitFor } from '../../testing/dom.ts';

async function mountQueue(role: 'owner' | 'moderator' = 'moderator', tag: 'queue' | 'reports' = 'queue') {
  const ctx = setup(role);
  const toasts: ToastDetail[] = [];
  const element = await mount<QueueScreen>(
    tag === 'queue'
      ? html`<kc-queue-screen .api=${ctx.api} .session=${ctx.session} @kc-toast=${(e: CustomEvent<ToastDetail>) => toasts.push(e.detail)}></kc-queue-screen>`
      : html`<kc-reports-screen .api=${ctx.api} .session=${ctx.session} @kc-toast=${(e: CustomEvent<ToastDetail>) => toasts.push(e.detail)}></kc-reports-screen>`,
  );
  const root = shadow(element);
  await waitFor(() => root.querySelectorAll('.item').length > 0, 'queue items');
  return { ...ctx, element, root, toasts };
}

const items = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('.item')];
const focusFirst = async (root: ShadowRoot) => {
  items(root)[0]!.focus();
  await Promise.resolve();
};

describe('moderation queue', () => {
  afterEach(unmountAll);

  it('lists crisis items first, then the oldest, with the resources given to the author and a reach-out note', async () => {
    const { root } = await mountQueue();
    const cards = items(root);
    expect(cards[0]!.classList.contains('crisis')).to.equal(true);
    expect(cards[0]!.textContent).to.include('Samaritans').and.include('116 123').and.include('Reach out');
    // Then oldest first: the story (26 h) before the reply (5 h).
    const titles = cards.map((c) => c.querySelector('h2')!.textContent!.trim());
    expect(titles.indexOf('One year after my last chemo')).to.be.lessThan(titles.indexOf('Gentle on sensitive skin'));
  });

  it('lists the shortcuts on screen', async () => {
    const { root } = await mountQueue();
    const text = root.querySelector('.shortcuts')!.textContent!.replace(/\s+/g, ' ');
    for (const phrase of ['Approve', 'Reject with a reason', 'Hide with a reason', 'Ban or mute the author', 'Undo the last action', 'Next / previous item']) expect(text).to.include(phrase);
  });

  it('moves with j and k, approves with a, and undoes with u (reopen)', async () => {
    const { root, server, toasts } = await mountQueue();
    await focusFirst(root);
    press('j');
    await waitFor(() => deepActiveElement() === items(root)[1], 'second item focused');
    press('k');
    await waitFor(() => deepActiveElement() === items(root)[0], 'first item focused');
    press('j');
    await waitFor(() => deepActiveElement() === items(root)[1]);
    const second = items(root)[1]!.querySelector('h2')!.textContent!.trim();
    press('a');
    await waitFor(() => server.callsTo('staff.queue.approve').length === 1, 'approve call');
    await waitFor(() => !items(root).some((c) => c.querySelector('h2')!.textContent!.trim() === second), 'item removed');
    expect(toasts.at(-1)!.message).to.match(/^Approved/);
    expect(toasts.at(-1)!.action!.label).to.equal('Undo');
    // Focus stays in the list, on the item that took its place.
    await waitFor(() => deepActiveElement() === items(root)[1], 'next item focused');
    press('u');
    await waitFor(() => server.callsTo('staff.queue.reopen').length === 1, 'reopen call');
    await waitFor(() => items(root).some((c) => c.querySelector('h2')!.textContent!.trim() === second), 'item back');
    expect(server.callsTo('staff.queue.approve')[0]!.headers['x-kindred-csrf']).to.equal('csrf-fixture-token');
  });

  it('rejects with a reason (r), requiring one, and undoing reopens it', async () => {
    const { root, server, toasts } = await mountQueue();
    await focusFirst(root);
    press('r');
    const dialog = await waitFor(() => root.querySelector<HTMLDialogElement>('dialog#decide[open]'), 'reject dialog');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => dialog.querySelector('#decide-note[aria-invalid="true"]'), 'reason required');
    expect(server.callsTo('staff.queue.reject')).to.have.length(0);
    type(dialog.querySelector<HTMLTextAreaElement>('#decide-note')!, 'Off-topic advertising');
    await (root.host as QueueScreen).updateComplete;
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => server.callsTo('staff.queue.reject').length === 1, 'reject call');
    expect(server.callsTo('staff.queue.reject')[0]!.input).to.deep.include({ note: 'Off-topic advertising' });
    await waitFor(() => toasts.some((t) => t.message.startsWith('Rejected')));
    await toasts.find((t) => t.message.startsWith('Rejected'))!.action!.run();
    expect(server.callsTo('staff.queue.reopen')).to.have.length(1);
  });

  it('hides with a reason (h) and undoes with unhide', async () => {
    const { root, server, toasts } = await mountQueue();
    await focusFirst(root);
    press('h');
    const dialog = await waitFor(() => root.querySelector<HTMLDialogElement>('dialog#decide[open]'), 'hide dialog');
    type(dialog.querySelector<HTMLTextAreaElement>('#decide-note')!, 'Misinformation');
    await (root.host as QueueScreen).updateComplete;
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => server.callsTo('staff.queue.hide').length === 1, 'hide call');
    await waitFor(() => toasts.some((t) => t.message.startsWith('Hidden')));
    press('u', items(root)[0]!);
    await waitFor(() => server.callsTo('staff.queue.unhide').length === 1, 'unhide call');
  });

  it('opens ban or mute for the author with b', async () => {
    const { root, server } = await mountQueue();
    await focusFirst(root);
    press('b');
    const sanction = root.querySelector('kc-sanction-dialog')!;
    const dialog = await waitFor(() => sanction.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'sanction dialog');
    expect(dialog.textContent).to.include('Tom R.');
    dialog.querySelector<HTMLInputElement>('input[value="ban"]')!.click();
    type(dialog.querySelector<HTMLSelectElement>('#sanction-duration')!, 'permanent');
    type(dialog.querySelector<HTMLTextAreaElement>('#sanction-note')!, 'Spam');
    await sanction.updateComplete;
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => server.callsTo('staff.members.sanction').length === 1, 'sanction call');
    expect(server.callsTo('staff.members.sanction')[0]!.input).to.deep.equal({ memberId: '4e000000-0000-4000-8000-000000000005', kind: 'ban', days: null, note: 'Spam' });
  });

  it('does not act on keys typed in a field', async () => {
    const { root, server } = await mountQueue();
    const group = root.querySelector<HTMLInputElement>('#filter-group')!;
    group.focus();
    press('a', group);
    await new Promise((r) => setTimeout(r, 30));
    expect(server.callsTo('staff.queue.approve')).to.have.length(0);
  });

  it('filters by type, reason and group', async () => {
    const { root, server } = await mountQueue();
    type(root.querySelector<HTMLSelectElement>('#filter-kind')!, 'story');
    await waitFor(() => server.callsTo('staff.queue.list').some((c) => (c.input as { kind?: string }).kind === 'story'));
    type(root.querySelector<HTMLSelectElement>('#filter-reason')!, 'premoderation');
    type(root.querySelector<HTMLInputElement>('#filter-group')!, 'breast-cancer');
    await waitFor(() =>
      server.callsTo('staff.queue.list').some((c) => JSON.stringify(c.input) === JSON.stringify({ kind: 'story', reason: 'premoderation', group: 'breast-cancer', limit: 25 })),
    );
    await waitFor(() => items(root).length === 1);
  });

  it('shows member-written text as text: only the server-sanitised body is HTML', async () => {
    const { root } = await mountQueue();
    const all = deepQueryAll(root, 'img, script');
    expect(all, 'no injected elements').to.have.length(0);
    const card = items(root).find((c) => c.textContent!.includes('onerror'))!;
    expect(card.querySelector('.byline')!.textContent).to.include('<img src=x onerror=alert(1)>Eve');
    expect(card.querySelector('pre')!.textContent).to.include('<script>alert("x")</script>');
    const body = card.querySelector('kc-content-body')!.shadowRoot!;
    const link = body.querySelector('a')!;
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer ugc');
  });

  it('says when the queue is empty', async () => {
    const ctx = setup('moderator', { queue: [] });
    const element = await mount<QueueScreen>(html`<kc-queue-screen .api=${ctx.api} .session=${ctx.session}></kc-queue-screen>`);
    await waitFor(() => shadow(element).textContent!.includes('All caught up'));
    await expectAccessible(element);
  });

  it('is accessible, with a crisis item and a reject dialog open', async () => {
    const { element, root } = await mountQueue();
    await expectAccessible(element);
    await focusFirst(root);
    press('r');
    await waitFor(() => root.querySelector('dialog#decide[open]'));
    await expectAccessible(element);
  });
});

describe('reports', () => {
  afterEach(unmountAll);

  it('shows only reported items, with their reports grouped by reason', async () => {
    const { root, server, element } = await mountQueue('moderator', 'reports');
    expect(server.callsTo('staff.queue.list')[0]!.input).to.deep.include({ reason: 'reported' });
    expect(root.querySelector('h1')!.textContent).to.equal('Reports');
    const card = items(root)[0]!;
    expect(card.querySelector('.reason-tally')!.textContent!.replace(/\s+/g, ' ')).to.include('Misinformation × 2').and.include('Harassment');
    expect(card.textContent).to.include('Dangerous advice for people in treatment.');
    expect(card.querySelector('.button.primary')!.textContent).to.include('Keep');
    await expectAccessible(element);
  });
});

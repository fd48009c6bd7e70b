import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { expectAccessible, mount, setup, shadow, type, unmountAll, waitFor } from '../../testing/dom.ts';
import type { ToastDetail } from '../../ui/console-element.ts';
import type { MembersScreen } from './members-screen.ts';
import './members-screen.ts';

const DAN = '4e000000-0000-4000-8000-000000000002';

async function mountMembers(routeId = '') {
  const ctx = setup('moderator');
  const toasts: ToastDetail[] = [];
  const element = await mount<MembersScreen>(
    html`<kc-members-screen .api=${ctx.api} .session=${ctx.session} .routeId=${routeId} @kc-toast=${(e: CustomEvent<ToastDetail>) => toasts.push(e.detail)}></kc-members-screen>`,
  );
  return { ...ctx, element, root: shadow(element), toasts };
}

describe('members', () => {
  afterEach(unmountAll);

  it('searches by name or user id and shows sanctions as text', async () => {
    const { root, server, element } = await mountMembers();
    await waitFor(() => root.querySelectorAll('tbody tr').length === 7, 'all members');
    expect(root.querySelector('tbody')!.textContent).to.include('<img src=x onerror=alert(1)>Eve').and.include('Banned permanently');
    expect(root.querySelector('tbody img')).to.equal(null);
    type(root.querySelector<HTMLInputElement>('#member-search')!, 'patient-22');
    root.querySelector<HTMLButtonElement>('form.search button')!.click();
    await waitFor(() => root.querySelectorAll('tbody tr').length === 1, 'one result');
    expect(server.callsTo('staff.members.search').at(-1)!.input).to.deep.equal({ query: 'patient-22' });
    await expectAccessible(element);
  });

  it("shows a member's history and sanctions them", async () => {
    const { root, server, element, toasts } = await mountMembers(DAN);
    await waitFor(() => root.querySelector('.history'), 'history');
    expect(root.querySelector('h1')!.textContent).to.equal('Dan Whitfield');
    expect(root.textContent).to.include('Muted until').and.include('Repeated medical misinformation.');
    await expectAccessible(element);
    [...root.querySelectorAll<HTMLButtonElement>('.actions-panel button')].find((b) => b.textContent!.trim() === 'Ban…')!.click();
    const sanction = root.querySelector('kc-sanction-dialog')!;
    const dialog = await waitFor(() => sanction.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'));
    type(dialog.querySelector<HTMLSelectElement>('#sanction-duration')!, '30');
    type(dialog.querySelector<HTMLTextAreaElement>('#sanction-note')!, 'Misinformation again');
    await sanction.updateComplete;
    await expectAccessible(sanction);
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => server.callsTo('staff.members.sanction').length === 1);
    expect(server.callsTo('staff.members.sanction')[0]!.input).to.deep.equal({ memberId: DAN, kind: 'ban', days: 30, note: 'Misinformation again' });
    await waitFor(() => toasts.some((t) => t.message === 'Dan Whitfield is banned for 30 days.'));
  });

  it('lifts a sanction and verifies a clinician', async () => {
    const { root, server } = await mountMembers(DAN);
    await waitFor(() => root.querySelector('.history'));
    [...root.querySelectorAll<HTMLButtonElement>('.actions-panel button')].find((b) => b.textContent!.includes('Lift the mute'))!.click();
    await waitFor(() => server.callsTo('staff.members.lift').length === 1);
    await waitFor(() => !root.textContent!.includes('Lift the mute'), 'sanction gone');
    [...root.querySelectorAll<HTMLButtonElement>('.actions-panel button')].find((b) => b.textContent!.includes('Verify as clinician'))!.click();
    await waitFor(() => server.callsTo('staff.members.verifyClinician').length === 1);
    expect(server.callsTo('staff.members.verifyClinician')[0]!.input).to.deep.equal({ memberId: DAN, verified: true });
  });

  it('exports the member’s data as a JSON download', async () => {
    const { root, server } = await mountMembers(DAN);
    await waitFor(() => root.querySelector('.history'));
    let downloaded: HTMLAnchorElement | null = null;
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLAnchorElement && n.download) downloaded = n;
    });
    observer.observe(root, { childList: true });
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {};
    try {
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Export their data'))!.click();
      await waitFor(() => downloaded, 'download link');
    } finally {
      HTMLAnchorElement.prototype.click = click;
      observer.disconnect();
    }
    expect(server.callsTo('staff.members.export')[0]!.input).to.deep.equal({ memberId: DAN });
    expect(downloaded!.download).to.equal('member-patient-2210-export.json');
    const text = await (await fetch(downloaded!.href)).text();
    expect(JSON.parse(text).member.displayName).to.equal('Dan Whitfield');
  });

  it('erases only after the member’s name is typed', async () => {
    const { root, server, element } = await mountMembers(DAN);
    await waitFor(() => root.querySelector('.history'));
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Erase account'))!.click();
    const dialog = await waitFor(() => root.querySelector<HTMLDialogElement>('#erase-dialog[open]'));
    const submit = dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(submit.disabled).to.equal(true);
    type(dialog.querySelector<HTMLInputElement>('#erase-confirm')!, 'Dan');
    await element.updateComplete;
    expect(submit.disabled).to.equal(true);
    type(dialog.querySelector<HTMLInputElement>('#erase-confirm')!, 'Dan Whitfield');
    await element.updateComplete;
    expect(submit.disabled).to.equal(false);
    await expectAccessible(element);
    submit.click();
    await waitFor(() => server.callsTo('staff.members.erase').length === 1);
    expect(location.hash).to.equal('#/members');
    history.replaceState(null, '', '#/');
  });
});

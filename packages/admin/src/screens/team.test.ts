import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { expectAccessible, mount, setup, shadow, type, unmountAll, waitFor } from '../testing/dom.ts';
import type { TeamScreen } from './team-screen.ts';
import './team-screen.ts';

async function mountTeam() {
  const ctx = setup('owner');
  const element = await mount<TeamScreen>(html`<kc-team-screen .api=${ctx.api} .session=${ctx.session}></kc-team-screen>`);
  const root = shadow(element);
  await waitFor(() => root.querySelectorAll('tbody tr').length >= 3, 'staff');
  return { ...ctx, element, root };
}

describe('team', () => {
  afterEach(unmountAll);

  it('invites someone and shows the link to copy', async () => {
    const { root, server, element } = await mountTeam();
    type(root.querySelector<HTMLInputElement>('#invite-email')!, 'new.person@riverside.example');
    type(root.querySelector<HTMLSelectElement>('#invite-role')!, 'analyst');
    await element.updateComplete;
    root.querySelector<HTMLButtonElement>('.invite-form button[type="submit"]')!.click();
    const link = await waitFor(() => root.querySelector('.link code'), 'invite link');
    expect(link.textContent).to.equal('http://localhost:8787/admin/#/invite/invite-token');
    expect(server.callsTo('staff.team.invite')[0]!.input).to.deep.equal({ email: 'new.person@riverside.example', role: 'analyst' });
    expect(server.callsTo('staff.team.invite')[0]!.headers['x-kindred-csrf']).to.equal('csrf-fixture-token');
    await waitFor(() => root.textContent!.includes('Open invites') && root.textContent!.includes('new.person@riverside.example'));
    await expectAccessible(element);
  });

  it('changes a role and removes someone after confirming, never oneself', async () => {
    const { root, server, element } = await mountTeam();
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows[0]!.querySelector('select'), 'no role control for yourself').to.equal(null);
    expect(rows[0]!.textContent).to.include('You');
    type(root.querySelector<HTMLSelectElement>('select[aria-label="Role of Marcus Lee"]')!, 'owner');
    await waitFor(() => server.callsTo('staff.team.setRole').length === 1);
    expect(server.callsTo('staff.team.setRole')[0]!.input).to.deep.equal({ staffId: '5a000000-0000-4000-8000-000000000002', role: 'owner' });
    const remove = [...root.querySelectorAll<HTMLButtonElement>('tbody button')].find((b) => b.textContent!.includes('Aisha Khan'))!;
    remove.click();
    const dialog = await waitFor(() => root.querySelector<HTMLDialogElement>('#remove-dialog[open]'));
    await element.updateComplete;
    expect(dialog.textContent).to.include('Remove Aisha Khan?');
    await expectAccessible(element);
    dialog.querySelector<HTMLButtonElement>('.button.danger')!.click();
    await waitFor(() => server.callsTo('staff.team.remove').length === 1);
    await waitFor(() => !root.querySelector('tbody')!.textContent!.includes('Aisha Khan'));
  });

  it('revokes an open invite', async () => {
    const { root, server } = await mountTeam();
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Revoke'))!.click();
    await waitFor(() => server.callsTo('staff.team.revokeInvite').length === 1);
  });
});

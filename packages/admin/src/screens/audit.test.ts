import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { expectAccessible, mount, setup, shadow, type, unmountAll, waitFor } from '../testing/dom.ts';
import { fixtureStaff } from '../testing/fixtures.ts';
import type { AuditScreen } from './audit-screen.ts';
import './audit-screen.ts';

async function mountAudit() {
  const ctx = setup('owner');
  const element = await mount<AuditScreen>(html`<kc-audit-screen .api=${ctx.api} .session=${ctx.session}></kc-audit-screen>`);
  const root = shadow(element);
  await waitFor(() => root.querySelectorAll('tbody tr').length === 20, 'entries');
  return { ...ctx, element, root };
}

describe('audit log', () => {
  afterEach(unmountAll);

  it('filters by staff member, action and dates, and pages older entries', async () => {
    const { root, server } = await mountAudit();
    root.querySelector<HTMLButtonElement>('.more button')!.click();
    await waitFor(() => root.querySelectorAll('tbody tr').length === 40, 'second page');
    await waitFor(() => root.querySelectorAll('#audit-action option').length > 1, 'actions');
    type(root.querySelector<HTMLSelectElement>('#audit-action')!, 'member.banned');
    // "Who" lists the team by name and filters by id (the API takes a staff id, never a name).
    const who = await waitFor(() => (root.querySelector<HTMLSelectElement>('#audit-actor')!.options.length > 1 ? root.querySelector<HTMLSelectElement>('#audit-actor') : null), 'team');
    const marcus = [...who.options].find((o) => o.textContent === 'Marcus Lee')!;
    type(who, marcus.value);
    type(root.querySelector<HTMLInputElement>('#audit-from')!, '2026-01-01');
    await waitFor(() => JSON.stringify(server.callsTo('staff.audit.list').at(-1)!.input) === JSON.stringify({ action: 'member.banned', actor: fixtureStaff[1]!.id, from: '2026-01-01' }));
    await waitFor(() => [...root.querySelectorAll('tbody tr')].every((tr) => tr.textContent!.includes('member.banned') && tr.textContent!.includes('Marcus Lee')));
  });

  it('verifies the hash chain and says what it found', async () => {
    const { root, server, element } = await mountAudit();
    root.querySelector<HTMLButtonElement>('.page-head button')!.click();
    await waitFor(() => root.querySelector('.alert.success'));
    expect(root.querySelector('.alert.success')!.textContent).to.include('The log is intact').and.include('60 entries checked');
    await expectAccessible(element);
  });

  it('reports a broken chain', async () => {
    const { root, server } = await mountAudit();
    server.auditVerify = { ok: false, checked: 41, firstBrokenAt: '2026-11-20T10:15:00.000Z' };
    root.querySelector<HTMLButtonElement>('.page-head button')!.click();
    const alert = await waitFor(() => root.querySelector('.verify .alert.error'));
    expect(alert.textContent).to.include('The chain is broken').and.include('41 entries checked').and.include('20 Nov 2026');
  });
});

import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { expectAccessible, mount, setup, shadow, type, unmountAll, waitFor } from '../../testing/dom.ts';
import { addDays, isoDay } from '../../ui/format.ts';
import { analyticsCsv, type AnalyticsScreen } from './analytics-screen.ts';
import './analytics-screen.ts';

async function mountAnalytics() {
  const ctx = setup('analyst');
  const element = await mount<AnalyticsScreen>(html`<kc-analytics-screen .api=${ctx.api} .session=${ctx.session}></kc-analytics-screen>`);
  const root = shadow(element);
  await waitFor(() => root.querySelectorAll('kc-chart').length === 5, 'charts');
  return { ...ctx, element, root };
}

describe('analytics', () => {
  afterEach(unmountAll);

  it('asks for the last 30 days and draws five daily charts with text alternatives', async () => {
    const { root, server } = await mountAnalytics();
    const today = isoDay(new Date());
    expect(server.callsTo('staff.analytics.summary')[0]!.input).to.deep.equal({ from: addDays(today, -29), to: today });
    const chart = root.querySelector('kc-chart')!;
    const canvas = await waitFor(() => chart.shadowRoot!.querySelector('canvas[role="img"]'), 'canvas');
    expect(canvas.getAttribute('aria-label')).to.match(/^Posts, per day from .+: total [\d,]+; highest \d+ on /);
    expect(chart.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(30);
    expect(root.textContent).to.include('Breast cancer').and.include('Unanswered conversations');
  });

  it('changes the range with presets and dates, refusing an inverted one', async () => {
    const { root, server, element } = await mountAnalytics();
    [...root.querySelectorAll<HTMLButtonElement>('.presets button')].find((b) => b.textContent!.includes('7'))!.click();
    await waitFor(() => server.callsTo('staff.analytics.summary').length === 2);
    expect(server.callsTo('staff.analytics.summary')[1]!.input).to.deep.include({ from: addDays(isoDay(new Date()), -6) });
    type(root.querySelector<HTMLInputElement>('#from')!, '2026-01-10');
    type(root.querySelector<HTMLInputElement>('#to')!, '2026-01-01');
    await element.updateComplete;
    root.querySelector<HTMLButtonElement>('form.range button[type="submit"]')!.click();
    await waitFor(() => root.querySelector('.range [role="alert"]'), 'range error');
    expect(server.callsTo('staff.analytics.summary')).to.have.length(2);
  });

  it('exports CSV with one row a day', () => {
    const csv = analyticsCsv([
      { date: '2026-11-01', posts: 3, newMembers: 1, activeMembers: 10, reports: 0, medianResponseMinutes: null },
      { date: '2026-11-02', posts: 5, newMembers: 0, activeMembers: 12, reports: 2, medianResponseMinutes: 42 },
    ]);
    expect(csv).to.equal('date,posts,new_members,active_members,reports,median_response_minutes\r\n2026-11-01,3,1,10,0,\r\n2026-11-02,5,0,12,2,42\r\n');
  });

  it('is accessible', async () => {
    const { element } = await mountAnalytics();
    await expectAccessible(element);
  });
});

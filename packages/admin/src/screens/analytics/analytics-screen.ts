/**
 * Analytics: activity per day (posts, new members, active members, reports, moderation response
 * time), the busiest groups and unanswered conversations, for a date range; CSV export.
 * Aggregates only: no content, no member identities.
 */
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsoleError } from '../../api/client.ts';
import type { AnalyticsDay, AnalyticsSummary } from '../../api/contract.ts';
import { messageFor } from '../../api/messages.ts';
import { ConsoleElement, define } from '../../ui/console-element.ts';
import { addDays, formatDate, isoDay } from '../../ui/format.ts';
import { consoleStyles } from '../../ui/styles.ts';
import './chart.ts';

const PRESETS = [7, 30, 90];

const COLUMNS: { key: keyof AnalyticsDay; header: string }[] = [
  { key: 'date', header: 'date' },
  { key: 'posts', header: 'posts' },
  { key: 'newMembers', header: 'new_members' },
  { key: 'activeMembers', header: 'active_members' },
  { key: 'reports', header: 'reports' },
  { key: 'medianResponseMinutes', header: 'median_response_minutes' },
];

export function analyticsCsv(days: AnalyticsDay[]): string {
  const rows = days.map((d) => COLUMNS.map((c) => (d[c.key] === null ? '' : String(d[c.key]))).join(','));
  return [COLUMNS.map((c) => c.header).join(','), ...rows].join('\r\n') + '\r\n';
}

export class AnalyticsScreen extends ConsoleElement {
  static override styles = [
    consoleStyles,
    css`
      .range {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: flex-end;
        margin-bottom: 1.25rem;
      }
      .range .field {
        margin: 0;
      }
      .presets {
        display: flex;
        gap: 0.375rem;
      }
      .presets button[aria-pressed='true'] {
        border-color: var(--k-accent);
        color: var(--k-accent);
        background: var(--k-accent-soft);
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr));
        gap: 1rem;
      }
      .charts .panel + .panel {
        margin-top: 0;
      }
      .lower {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
        gap: 1rem;
        margin-top: 1rem;
      }
      .lower .panel + .panel {
        margin-top: 0;
      }
      .bar {
        height: 0.5rem;
        margin-top: 0.25rem;
        border-radius: 999px;
        background: var(--k-accent);
        width: var(--share, 0%);
      }
      .big {
        font-size: 2.5rem;
        font-weight: 700;
        line-height: 1.1;
        margin: 0.5rem 0;
      }
      @media (max-width: 60rem) {
        .lower {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) routeId = '';
  @state() private from = addDays(isoDay(new Date()), -29);
  @state() private to = isoDay(new Date());
  @state() private data: AnalyticsSummary | null = null;
  @state() private loading = true;
  @state() private error: ConsoleError | null = null;
  @state() private rangeError = '';
  private token = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (this.from > this.to) {
      this.rangeError = 'The start date must be on or before the end date.';
      return;
    }
    this.rangeError = '';
    const token = ++this.token;
    this.loading = true;
    this.error = null;
    try {
      const data = await this.api.analytics.summary({ from: this.from, to: this.to });
      if (token === this.token) this.data = data;
    } catch (error) {
      if (token === this.token) this.error = error as ConsoleError;
    } finally {
      if (token === this.token) this.loading = false;
    }
  }

  private preset(days: number): void {
    this.to = isoDay(new Date());
    this.from = addDays(this.to, -(days - 1));
    void this.load();
  }

  private presetActive(days: number): boolean {
    return this.to === isoDay(new Date()) && this.from === addDays(this.to, -(days - 1));
  }

  private exportCsv(): void {
    if (!this.data) return;
    const blob = new Blob([analyticsCsv(this.data.days)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `kindred-analytics-${this.from}-to-${this.to}.csv`;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.toast({ message: 'Downloaded the daily figures as CSV.', tone: 'success' });
  }

  protected override updated(): void {
    const max = Math.max(1, ...(this.data?.topGroups.map((g) => g.posts) ?? [1]));
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('.bar[data-posts]')) {
      bar.style.setProperty('--share', `${(Number(bar.dataset.posts) / max) * 100}%`);
    }
  }

  private renderCharts(data: AnalyticsSummary) {
    const series = (key: keyof Omit<AnalyticsDay, 'date'>) => data.days.map((d) => ({ date: d.date, value: d[key] }));
    return html`<div class="charts">
      <section class="panel"><kc-chart heading="Posts" .points=${series('posts')}></kc-chart></section>
      <section class="panel"><kc-chart heading="New members" .points=${series('newMembers')}></kc-chart></section>
      <section class="panel"><kc-chart heading="Active members" summary="average" .points=${series('activeMembers')}></kc-chart></section>
      <section class="panel"><kc-chart heading="Reports" .points=${series('reports')}></kc-chart></section>
      <section class="panel">
        <kc-chart heading="Moderation response time" unit="minutes" summary="median" kind="line" .points=${series('medianResponseMinutes')}></kc-chart>
      </section>
    </div>`;
  }

  override render() {
    const data = this.data;
    return html`<div class="page-head">
        <div>
          <h1 tabindex="-1">Analytics</h1>
          <p>How your community is doing. Totals only: no posts and no member names appear here.</p>
        </div>
        <button type="button" class="button" ?disabled=${!data} @click=${this.exportCsv}>Export CSV</button>
      </div>
      <form
        class="range"
        novalidate
        aria-label="Date range"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.load();
        }}
      >
        <div class="presets" role="group" aria-label="Quick ranges">
          ${PRESETS.map(
            (d) => html`<button type="button" class="button small" aria-pressed=${this.presetActive(d) ? 'true' : 'false'} @click=${() => this.preset(d)}>Last ${d} days</button>`,
          )}
        </div>
        <div class="field">
          <label for="from">From</label>
          <input id="from" type="date" max=${this.to} .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="to">To</label>
          <input id="to" type="date" min=${this.from} .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" class="button primary">Show</button>
        ${this.rangeError ? html`<span class="field-error" role="alert">${this.rangeError}</span>` : nothing}
      </form>
      <p class="visually-hidden" role="status">${this.loading ? 'Loading analytics…' : data ? `Showing ${formatDate(this.from)} to ${formatDate(this.to)}.` : ''}</p>
      ${this.error ? html`<div class="alert error" role="alert">${messageFor(this.error)} <button type="button" class="button small" @click=${this.load}>Try again</button></div>` : nothing}
      ${!data && this.loading ? html`<div class="panel" aria-busy="true"><span class="skeleton-line"></span><span class="skeleton-line"></span></div>` : nothing}
      ${data
        ? html`${this.renderCharts(data)}
            <div class="lower">
              <section class="panel" aria-labelledby="groups-title">
                <h2 id="groups-title">Busiest groups</h2>
                ${data.topGroups.length
                  ? html`<table>
                      <caption class="visually-hidden">Posts per group in this range</caption>
                      <thead>
                        <tr>
                          <th scope="col">Group</th>
                          <th scope="col" class="num">Posts</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${data.topGroups.map(
                          (g) => html`<tr>
                            <td>${g.name}<div class="bar" data-posts=${g.posts} aria-hidden="true"></div></td>
                            <td class="num">${g.posts.toLocaleString('en-GB')}</td>
                          </tr>`,
                        )}
                      </tbody>
                    </table>`
                  : html`<p class="muted">No group activity in this range.</p>`}
              </section>
              <section class="panel" aria-labelledby="unanswered-title">
                <h2 id="unanswered-title">Unanswered conversations</h2>
                <p class="big">${data.unansweredThreads}</p>
                <p class="muted">Conversations with no reply yet. A word from a mentor or your team helps people feel heard.</p>
              </section>
            </div>`
        : nothing}`;
  }
}

define('kc-analytics-screen', AnalyticsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-analytics-screen': AnalyticsScreen;
  }
}

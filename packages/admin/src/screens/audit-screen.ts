/** The audit log: every staff action and staff read of non-public content; filters; verify the hash chain. */
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsoleError } from '../api/client.ts';
import type { AuditEntryDto, AuditFilter, AuditVerifyResult } from '../api/contract.ts';
import { messageFor } from '../api/messages.ts';
import { ConsoleElement, define } from '../ui/console-element.ts';
import { ACTOR_LABELS, formatDateTime, plural } from '../ui/format.ts';
import { consoleStyles } from '../ui/styles.ts';

export class AuditScreen extends ConsoleElement {
  static override styles = [
    consoleStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0.75rem 1rem;
        align-items: end;
        padding: 0.875rem 1rem;
        margin-bottom: 1rem;
        background: var(--k-bg);
        border: 1px solid var(--k-border);
        border-radius: var(--k-radius);
      }
      .filters .field {
        margin: 0;
      }
      .verify {
        margin-bottom: 1rem;
      }
      td.when {
        white-space: nowrap;
      }
      .details {
        margin-top: 0.25rem;
        font-size: 0.8125rem;
        color: var(--k-text-muted);
        overflow-wrap: anywhere;
      }
      .details div {
        display: flex;
        gap: 0.375rem;
      }
      .details dt::after {
        content: ':';
      }
      .more {
        display: flex;
        justify-content: center;
        margin-top: 1rem;
      }
    `,
  ];

  @property({ attribute: false }) routeId = '';
  @state() private entries: AuditEntryDto[] = [];
  @state() private nextCursor: string | null = null;
  @state() private actions: string[] = [];
  @state() private filter: AuditFilter = {};
  @state() private loading = true;
  @state() private error: ConsoleError | null = null;
  @state() private verifying = false;
  @state() private verifyResult: AuditVerifyResult | null = null;
  @state() private verifyError: ConsoleError | null = null;
  /** The team, for the "Who" filter: the API filters by a staff member's id. */
  @state() private actors: { id: string; displayName: string }[] = [];
  private token = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    void this.api.audit.actions().then(
      (actions) => (this.actions = actions),
      () => undefined,
    );
    void this.api.team.list().then(
      (team) => (this.actors = team.staff.map(({ id, displayName }) => ({ id, displayName }))),
      () => undefined,
    );
  }

  private async load(more = false): Promise<void> {
    const token = ++this.token;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.api.audit.list({ ...this.filter, ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}) });
      if (token !== this.token) return;
      this.entries = more ? [...this.entries, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (token === this.token) this.error = error as ConsoleError;
    } finally {
      if (token === this.token) this.loading = false;
    }
  }

  private setFilter(patch: Partial<AuditFilter>): void {
    const next = { ...this.filter, ...patch };
    for (const key of Object.keys(next) as (keyof AuditFilter)[]) if (!next[key]) delete next[key];
    this.filter = next;
    void this.load();
  }

  private async verify(): Promise<void> {
    this.verifying = true;
    this.verifyError = null;
    this.verifyResult = null;
    try {
      this.verifyResult = await this.api.audit.verify();
    } catch (error) {
      this.verifyError = error as ConsoleError;
    } finally {
      this.verifying = false;
    }
  }

  private renderVerify() {
    const r = this.verifyResult;
    return html`<div class="verify" role="status">
      ${this.verifying ? html`<div class="alert info">Checking every entry against the one before it…</div>` : nothing}
      ${this.verifyError ? html`<div class="alert error">${messageFor(this.verifyError)}</div>` : nothing}
      ${r
        ? r.ok
          ? html`<div class="alert success"><strong>The log is intact.</strong> ${plural(r.checked, 'entry', 'entries')} checked; none was changed or removed.</div>`
          : html`<div class="alert error">
              <strong>The chain is broken.</strong> ${plural(r.checked, 'entry', 'entries')} checked; the first one that does not match was written
              ${r.firstBrokenAt ? formatDateTime(r.firstBrokenAt) : 'at an unknown time'}. Entries may have been altered outside Kindred: tell your
              operator.
            </div>`
        : nothing}
    </div>`;
  }

  override render() {
    return html`<div class="page-head">
        <div>
          <h1 tabindex="-1">Audit log</h1>
          <p>Every staff action, and every time staff read content that is not public. Entries are chained, so a change is detectable.</p>
        </div>
        <button type="button" class="button" ?disabled=${this.verifying} @click=${this.verify}>${this.verifying ? 'Verifying…' : 'Verify the chain'}</button>
      </div>
      ${this.renderVerify()}
      <form class="filters" role="search" aria-label="Filter the audit log" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="audit-actor">Who</label>
          <select id="audit-actor" @change=${(e: Event) => this.setFilter({ actor: (e.target as HTMLSelectElement).value })}>
            <option value="">Anyone</option>
            ${this.actors.map((a) => html`<option value=${a.id} ?selected=${this.filter.actor === a.id}>${a.displayName}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="audit-action">Action</label>
          <select id="audit-action" @change=${(e: Event) => this.setFilter({ action: (e.target as HTMLSelectElement).value })}>
            <option value="">Any action</option>
            ${this.actions.map((a) => html`<option value=${a} ?selected=${this.filter.action === a}>${a}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="audit-from">From</label>
          <input id="audit-from" type="date" .value=${this.filter.from ?? ''} @change=${(e: Event) => this.setFilter({ from: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="audit-to">To</label>
          <input id="audit-to" type="date" .value=${this.filter.to ?? ''} @change=${(e: Event) => this.setFilter({ to: (e.target as HTMLInputElement).value })} />
        </div>
      </form>
      ${this.error ? html`<div class="alert error" role="alert">${messageFor(this.error)}</div>` : nothing}
      ${!this.loading && !this.entries.length && !this.error ? html`<div class="panel empty"><strong>No entries</strong>Nothing matches these filters.</div>` : nothing}
      ${this.entries.length
        ? html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">Audit entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Address</th>
                </tr>
              </thead>
              <tbody>
                ${this.entries.map(
                  (e) => html`<tr>
                    <td class="when"><time datetime=${e.occurredAt}>${formatDateTime(e.occurredAt)}</time></td>
                    <td>${e.actorLabel} <span class="muted small">· ${ACTOR_LABELS[e.actorKind]}</span></td>
                    <td>
                      <code>${e.action}</code>
                      ${Object.keys(e.details).length
                        ? html`<dl class="details">
                            ${Object.entries(e.details).map(([k, v]) => html`<div><dt>${k}</dt><dd>${typeof v === 'string' ? v : JSON.stringify(v)}</dd></div>`)}
                          </dl>`
                        : nothing}
                    </td>
                    <td>${e.subject ?? html`<span class="muted">–</span>`}</td>
                    <td class="mono">${e.ip ?? html`<span class="muted">–</span>`}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
      ${this.nextCursor
        ? html`<div class="more"><button type="button" class="button" ?disabled=${this.loading} @click=${() => this.load(true)}>Load older entries</button></div>`
        : nothing}
      <p class="visually-hidden" role="status">${this.loading ? 'Loading entries…' : `${plural(this.entries.length, 'entry', 'entries')} shown`}</p>`;
  }
}

define('kc-audit-screen', AuditScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-audit-screen': AuditScreen;
  }
}

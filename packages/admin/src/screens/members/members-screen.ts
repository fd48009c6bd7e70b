/**
 * Members: search by name or the host's user id, then a member's page: their history in this
 * community, ban or mute (for a while or for good) and lift it, verify a clinician, export their
 * data as a file, and erase their account (confirmed by typing their name).
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConsoleError } from '../../api/client.ts';
import type { MemberDetailDto, StaffMemberDto } from '../../api/contract.ts';
import { messageFor } from '../../api/messages.ts';
import { ConsoleElement, define } from '../../ui/console-element.ts';
import { dialogStyles } from '../../ui/dialog-styles.ts';
import { formatAgo, formatDate, formatDateTime, KIND_LABELS, plural, STATUS_LABELS } from '../../ui/format.ts';
import { consoleStyles } from '../../ui/styles.ts';
import { humanise } from '../queue/queue-screen.ts';
import './sanction-dialog.ts';
import type { SanctionDialog, SanctionedDetail } from './sanction-dialog.ts';

export function sanctionText(sanction: NonNullable<StaffMemberDto['sanction']>): string {
  const what = sanction.kind === 'ban' ? 'Banned' : 'Muted';
  return sanction.until ? `${what} until ${formatDateTime(sanction.until)}` : `${what} permanently`;
}

export class MembersScreen extends ConsoleElement {
  static override styles = [
    consoleStyles,
    dialogStyles,
    css`
      .search {
        display: flex;
        gap: 0.5rem;
        align-items: flex-end;
        max-width: 40rem;
        margin-bottom: 1rem;
      }
      .search .field {
        flex: 1;
        margin: 0;
      }
      td .name {
        font-weight: 600;
      }
      .member-head {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        justify-content: space-between;
        align-items: flex-start;
        margin-bottom: 1.25rem;
      }
      .facts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .fact {
        padding: 0.75rem 1rem;
        background: var(--k-bg);
        border: 1px solid var(--k-border);
        border-radius: var(--k-radius);
      }
      .fact dt {
        color: var(--k-text-muted);
        font-size: 0.8125rem;
      }
      .fact dd {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 20rem;
        gap: 1rem;
        align-items: start;
      }
      .history {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .history li {
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--k-border);
      }
      .history li:last-child {
        border-bottom: 0;
      }
      .history .row {
        margin-bottom: 0.25rem;
        font-size: 0.875rem;
        color: var(--k-text-muted);
      }
      .actions-panel .button {
        width: 100%;
        justify-content: flex-start;
        margin-top: 0.5rem;
      }
      .danger-zone {
        border-color: color-mix(in srgb, var(--k-danger) 40%, var(--k-bg));
      }
      .back {
        margin-bottom: 0.75rem;
        margin-inline-start: -0.5rem;
      }
      @media (max-width: 60rem) {
        .columns {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  /** A member id from the route (`#/members/<id>`): shows that member. */
  @property({ attribute: false }) routeId = '';

  @state() private searchText = '';
  @state() private results: StaffMemberDto[] = [];
  @state() private nextCursor: string | null = null;
  @state() private searching = false;
  @state() private searchError: ConsoleError | null = null;
  @state() private detail: MemberDetailDto | null = null;
  @state() private detailError: ConsoleError | null = null;
  @state() private busy = false;
  @state() private eraseConfirm = '';
  @state() private eraseError: ConsoleError | null = null;
  @query('kc-sanction-dialog') private sanctionDialog!: SanctionDialog;
  @query('#erase-dialog') private eraseDialog!: HTMLDialogElement;
  private searchToken = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('routeId')) {
      if (this.routeId) void this.loadMember(this.routeId);
      else {
        this.detail = null;
        if (!this.results.length) void this.search();
      }
    }
  }

  private async search(more = false): Promise<void> {
    const token = ++this.searchToken;
    this.searching = true;
    this.searchError = null;
    try {
      const q = this.searchText.trim();
      const page = await this.api.members.search({ ...(q ? { query: q } : {}), ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}) });
      if (token !== this.searchToken) return;
      this.results = more ? [...this.results, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (token === this.searchToken) this.searchError = error as ConsoleError;
    } finally {
      if (token === this.searchToken) this.searching = false;
    }
  }

  private async loadMember(memberId: string): Promise<void> {
    this.detailError = null;
    this.detail = null;
    try {
      this.detail = await this.api.members.get({ memberId });
    } catch (error) {
      this.detailError = error as ConsoleError;
    }
  }

  private open(member: StaffMemberDto, event: MouseEvent): void {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    location.hash = `#/members/${encodeURIComponent(member.id)}`;
  }

  private async run(label: string, action: () => Promise<unknown>, message: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await action();
      this.toast({ message, tone: 'success' });
      if (this.detail) await this.loadMember(this.detail.member.id);
    } catch (error) {
      this.toast({ message: `${label}: ${messageFor(error as ConsoleError)}`, tone: 'error' });
    } finally {
      this.busy = false;
    }
  }

  private async exportData(member: StaffMemberDto): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const data = await this.api.members.export({ memberId: member.id });
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `member-${member.externalId.replace(/[^\w.-]+/g, '_')}-export.json`;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.toast({ message: `Downloaded the data Kindred holds about ${member.displayName}.`, tone: 'success' });
    } catch (error) {
      this.toast({ message: `Export: ${messageFor(error as ConsoleError)}`, tone: 'error' });
    } finally {
      this.busy = false;
    }
  }

  private async openErase(): Promise<void> {
    this.eraseConfirm = '';
    this.eraseError = null;
    await this.updateComplete;
    this.eraseDialog.showModal();
  }

  private async erase(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const member = this.detail?.member;
    if (!member || this.eraseConfirm.trim() !== member.displayName.trim()) return;
    this.busy = true;
    try {
      await this.api.members.erase({ memberId: member.id });
      this.eraseDialog.close();
      this.toast({ message: `${member.displayName}'s account was erased. Their words are removed everywhere.`, tone: 'success' });
      this.results = this.results.filter((m) => m.id !== member.id);
      location.hash = '#/members';
    } catch (error) {
      this.eraseError = error as ConsoleError;
    } finally {
      this.busy = false;
    }
  }

  private onSanctioned(event: CustomEvent<SanctionedDetail>): void {
    const { member, kind, days } = event.detail;
    this.toast({ message: `${member.displayName} is ${kind === 'ban' ? 'banned' : 'muted'} ${days === null ? 'permanently' : `for ${plural(days, 'day')}`}.`, tone: 'success' });
    if (this.detail) void this.loadMember(this.detail.member.id);
  }

  private renderStatus(member: StaffMemberDto) {
    return html`${member.sanction
      ? html`<span class="badge danger">${sanctionText(member.sanction)}</span>`
      : html`<span class="badge success">Active</span>`}
    ${member.verifiedClinician ? html`<span class="badge accent">Verified clinician</span>` : nothing}`;
  }

  private renderList() {
    return html`<div class="page-head">
        <div>
          <h1 tabindex="-1">Members</h1>
          <p>Find a member by the name others see or by your site's user id.</p>
        </div>
      </div>
      <form
        class="search"
        role="search"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.search();
        }}
      >
        <div class="field">
          <label for="member-search">Search members</label>
          <input id="member-search" type="search" .value=${this.searchText} @input=${(e: InputEvent) => (this.searchText = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="button primary" type="submit">Search</button>
      </form>
      ${this.searchError ? html`<div class="alert error" role="alert">${messageFor(this.searchError)}</div>` : nothing}
      <p class="visually-hidden" role="status">${this.searching ? 'Searching…' : `${plural(this.results.length, 'member')} found`}</p>
      ${!this.searching && !this.results.length && !this.searchError
        ? html`<div class="panel empty"><strong>No members found</strong>Check the spelling, or search by your site's user id.</div>`
        : html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">Members</caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">User id on your site</th>
                  <th scope="col">Joined</th>
                  <th scope="col" class="num">Contributions</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                ${this.results.map(
                  (m) => html`<tr>
                    <td><a class="name" href="#/members/${encodeURIComponent(m.id)}" @click=${(e: MouseEvent) => this.open(m, e)}>${m.displayName}</a></td>
                    <td class="mono">${m.externalId}</td>
                    <td>${formatDate(m.joinedAt)}</td>
                    <td class="num">${m.contentCount}</td>
                    <td><span class="row">${this.renderStatus(m)}</span></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      ${this.nextCursor
        ? html`<p class="row"><button type="button" class="button" ?disabled=${this.searching} @click=${() => this.search(true)}>Load more</button></p>`
        : nothing}`;
  }

  private renderDetail() {
    const back = html`<a class="button quiet back" href="#/members">← All members</a>`;
    if (this.detailError)
      return html`${back}
        <h1 tabindex="-1">Member</h1>
        <div class="alert error" role="alert">${messageFor(this.detailError)}</div>`;
    if (!this.detail)
      return html`${back}
        <h1 tabindex="-1">Member</h1>
        <div class="panel" aria-busy="true"><span class="skeleton-line"></span><span class="skeleton-line"></span></div>`;
    const { member, history } = this.detail;
    const canErase = this.isOwner || this.staffRole === 'moderator';
    return html`${back}
      <div class="member-head">
        <div>
          <h1 tabindex="-1">${member.displayName}</h1>
          <p class="row">${this.renderStatus(member)} ${member.badges.map((b) => html`<span class="badge">${humanise(b)}</span>`)}</p>
        </div>
      </div>
      <dl class="facts">
        <div class="fact"><dt>User id on your site</dt><dd class="mono">${member.externalId}</dd></div>
        <div class="fact"><dt>Joined</dt><dd>${formatDate(member.joinedAt)}</dd></div>
        <div class="fact"><dt>Contributions</dt><dd>${member.contentCount}</dd></div>
        ${member.sanction ? html`<div class="fact"><dt>Moderator note</dt><dd>${member.sanction.note}</dd></div>` : nothing}
      </dl>
      <div class="columns">
        <section class="panel" aria-labelledby="history-title">
          <h2 id="history-title">History in this community</h2>
          ${history.length
            ? html`<ul class="history">
                ${history.map(
                  (h) => html`<li>
                    <div class="row">
                      <span class="badge accent">${KIND_LABELS[h.kind]}</span>
                      <span class="badge ${h.status === 'published' ? 'success' : h.status === 'pending' ? 'warning' : 'danger'}">${STATUS_LABELS[h.status]}</span>
                      <time datetime=${h.createdAt} title=${formatDateTime(h.createdAt)}>${formatAgo(h.createdAt)}</time>
                    </div>
                    <p>${h.excerpt}</p>
                  </li>`,
                )}
              </ul>`
            : html`<p class="muted">Nothing written yet.</p>`}
        </section>
        <div>
          <section class="panel actions-panel" aria-labelledby="actions-title">
            <h2 id="actions-title">Moderation</h2>
            ${member.sanction
              ? html`<button type="button" class="button" ?disabled=${this.busy} @click=${() =>
                  this.run('Lift', () => this.api.members.lift({ memberId: member.id }), `${member.displayName} can take part again.`)}>
                  Lift the ${member.sanction.kind}
                </button>`
              : nothing}
            <button type="button" class="button" ?disabled=${this.busy} @click=${() => this.sanctionDialog.open(member, 'mute')}>Mute…</button>
            <button type="button" class="button" ?disabled=${this.busy} @click=${() => this.sanctionDialog.open(member, 'ban')}>Ban…</button>
            <button
              type="button"
              class="button"
              aria-pressed=${member.verifiedClinician ? 'true' : 'false'}
              ?disabled=${this.busy}
              @click=${() =>
                this.run(
                  'Verify clinician',
                  () => this.api.members.verifyClinician({ memberId: member.id, verified: !member.verifiedClinician }),
                  member.verifiedClinician ? `${member.displayName} no longer shows the clinician badge.` : `${member.displayName} now shows a verified clinician badge.`,
                )}
            >
              ${member.verifiedClinician ? 'Remove clinician verification' : 'Verify as clinician'}
            </button>
          </section>
          <section class="panel" aria-labelledby="privacy-title">
            <h2 id="privacy-title">Privacy requests</h2>
            <p class="muted small">When a member asks for their data or to be forgotten, do it here. Both are recorded in the audit log.</p>
            <div class="stack">
              <button type="button" class="button" ?disabled=${this.busy} @click=${() => this.exportData(member)}>Export their data (JSON)</button>
              ${canErase ? html`<button type="button" class="button danger" ?disabled=${this.busy} @click=${this.openErase}>Erase account…</button>` : nothing}
            </div>
          </section>
        </div>
      </div>
      <dialog id="erase-dialog" aria-labelledby="erase-title">
        <form @submit=${this.erase} novalidate>
          <h2 id="erase-title">Erase ${member.displayName}'s account?</h2>
          <p>
            Their posts, stories, reviews, reactions and memberships are removed everywhere, search included, and their profile becomes
            “Former member”. This cannot be undone.
          </p>
          ${this.eraseError ? html`<div class="alert error" role="alert">${messageFor(this.eraseError)}</div>` : nothing}
          <div class="field">
            <label for="erase-confirm">Type <strong>${member.displayName}</strong> to confirm</label>
            <input id="erase-confirm" autocomplete="off" spellcheck="false" .value=${this.eraseConfirm} @input=${(e: InputEvent) => (this.eraseConfirm = (e.target as HTMLInputElement).value)} />
          </div>
          <div class="dialog-actions">
            <button type="button" class="button" @click=${() => this.eraseDialog.close()}>Cancel</button>
            <button type="submit" class="button danger" ?disabled=${this.busy || this.eraseConfirm.trim() !== member.displayName.trim()}>Erase for good</button>
          </div>
        </form>
      </dialog>`;
  }

  override render() {
    return html`${this.routeId ? this.renderDetail() : this.renderList()}
      <kc-sanction-dialog .api=${this.api} @kc-sanctioned=${this.onSanctioned}></kc-sanction-dialog>`;
  }
}

define('kc-members-screen', MembersScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-members-screen': MembersScreen;
  }
}

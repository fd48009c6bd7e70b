/** Team (owners): who has access, invite someone (a link to send them), change a role, remove access. */
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConsoleError } from '../api/client.ts';
import { ROLES, type InviteDto, type Role, type StaffDto } from '../api/contract.ts';
import { issueFor, messageFor } from '../api/messages.ts';
import { ConsoleElement, define } from '../ui/console-element.ts';
import '../ui/copy-button.ts';
import { dialogStyles } from '../ui/dialog-styles.ts';
import { formatAgo, formatDate, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../ui/format.ts';
import { consoleStyles } from '../ui/styles.ts';

export class TeamScreen extends ConsoleElement {
  static override styles = [
    consoleStyles,
    dialogStyles,
    css`
      .invite-form {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto;
        gap: 0.75rem;
        align-items: end;
      }
      .invite-form .field {
        margin: 0;
      }
      .link {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 1rem;
      }
      .link code {
        flex: 1 1 20rem;
        padding: 0.5rem 0.75rem;
        background: var(--k-surface);
        border: 1px solid var(--k-border);
        border-radius: 0.5rem;
        overflow-wrap: anywhere;
      }
      td select {
        min-width: 9rem;
      }
      .you {
        margin-inline-start: 0.375rem;
      }
      @media (max-width: 50rem) {
        .invite-form {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) routeId = '';
  @state() private staff: StaffDto[] = [];
  @state() private invites: InviteDto[] = [];
  @state() private loading = true;
  @state() private error: ConsoleError | null = null;
  @state() private email = '';
  @state() private inviteRole: Role = 'moderator';
  @state() private inviting = false;
  @state() private inviteError: ConsoleError | null = null;
  @state() private inviteUrl = '';
  @state() private removing: StaffDto | null = null;
  @query('#remove-dialog') private removeDialog!: HTMLDialogElement;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const team = await this.api.team.list();
      this.staff = team.staff;
      this.invites = team.invites;
      this.error = null;
    } catch (error) {
      this.error = error as ConsoleError;
    } finally {
      this.loading = false;
    }
  }

  private async invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.email.trim()) {
      this.inviteError = null;
      this.renderRoot.querySelector<HTMLInputElement>('#invite-email')?.focus();
      return;
    }
    this.inviting = true;
    this.inviteError = null;
    try {
      const { inviteUrl } = await this.api.team.invite({ email: this.email.trim(), role: this.inviteRole });
      this.inviteUrl = inviteUrl;
      this.toast({ message: `Invite created for ${this.email.trim()}. Send them the link.`, tone: 'success' });
      this.email = '';
      await this.load();
    } catch (error) {
      this.inviteError = error as ConsoleError;
    } finally {
      this.inviting = false;
    }
  }

  private async setRole(member: StaffDto, role: Role): Promise<void> {
    try {
      await this.api.team.setRole({ staffId: member.id, role });
      this.toast({ message: `${member.displayName} is now ${ROLE_LABELS[role].toLowerCase()}.`, tone: 'success' });
    } catch (error) {
      this.toast({ message: messageFor(error as ConsoleError), tone: 'error' });
    }
    await this.load();
  }

  private async askRemove(member: StaffDto): Promise<void> {
    this.removing = member;
    await this.updateComplete;
    this.removeDialog.showModal();
  }

  private async removeStaff(): Promise<void> {
    const member = this.removing;
    this.removeDialog.close();
    if (!member) return;
    try {
      await this.api.team.remove({ staffId: member.id });
      this.toast({ message: `${member.displayName} no longer has access. Their sessions have ended.`, tone: 'success' });
    } catch (error) {
      this.toast({ message: messageFor(error as ConsoleError), tone: 'error' });
    }
    await this.load();
  }

  private async revoke(invite: InviteDto): Promise<void> {
    try {
      await this.api.team.revokeInvite({ inviteId: invite.id });
      this.toast({ message: `The invite for ${invite.email} no longer works.`, tone: 'success' });
    } catch (error) {
      this.toast({ message: messageFor(error as ConsoleError), tone: 'error' });
    }
    await this.load();
  }

  override render() {
    const me = this.session.staff.id;
    const emailIssue = issueFor(this.inviteError, 'email');
    return html`<div class="page-head">
        <div>
          <h1 tabindex="-1">Team</h1>
          <p>Who can use this console, and what they can do.</p>
        </div>
      </div>
      <section class="panel" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <form class="invite-form" @submit=${this.invite} novalidate>
          <div class="field">
            <label for="invite-email">Email</label>
            <input
              id="invite-email"
              type="email"
              autocomplete="off"
              spellcheck="false"
              aria-invalid=${emailIssue ? 'true' : 'false'}
              aria-describedby=${emailIssue ? 'invite-email-error' : nothing}
              .value=${this.email}
              @input=${(e: InputEvent) => (this.email = (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="invite-role">Role</label>
            <select id="invite-role" @change=${(e: Event) => (this.inviteRole = (e.target as HTMLSelectElement).value as Role)}>
              ${ROLES.map((r) => html`<option value=${r} ?selected=${this.inviteRole === r}>${ROLE_LABELS[r]}</option>`)}
            </select>
          </div>
          <button type="submit" class="button primary" ?disabled=${this.inviting}>${this.inviting ? 'Creating…' : 'Create invite link'}</button>
        </form>
        <p class="muted small">${ROLE_LABELS[this.inviteRole]}: ${ROLE_DESCRIPTIONS[this.inviteRole]} Invite links work once and expire.</p>
        ${emailIssue ? html`<span class="field-error" id="invite-email-error">${emailIssue}</span>` : nothing}
        ${this.inviteError && !emailIssue ? html`<div class="alert error" role="alert">${messageFor(this.inviteError)}</div>` : nothing}
        ${this.inviteUrl
          ? html`<div class="link">
              <code>${this.inviteUrl}</code>
              <kc-copy-button .text=${this.inviteUrl} what="the invite link"></kc-copy-button>
            </div>
            <p class="muted small">Send it to them yourself, by a channel you trust. Kindred does not email it.</p>`
          : nothing}
      </section>
      ${this.error ? html`<div class="alert error" role="alert">${messageFor(this.error)}</div>` : nothing}
      <section class="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">People with access</h2>
        ${this.loading
          ? html`<span class="skeleton-line"></span>`
          : html`<div class="table-wrap">
              <table>
                <caption class="visually-hidden">Staff</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Two-step sign-in</th>
                    <th scope="col">Last signed in</th>
                    <th scope="col"><span class="visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${this.staff.map(
                    (s) => html`<tr>
                      <td>
                        <strong>${s.displayName}</strong>${s.id === me ? html`<span class="badge you">You</span>` : nothing}
                        <div class="muted small">${s.email}</div>
                      </td>
                      <td>
                        ${s.id === me
                          ? ROLE_LABELS[s.role]
                          : html`<select aria-label="Role of ${s.displayName}" @change=${(e: Event) => this.setRole(s, (e.target as HTMLSelectElement).value as Role)}>
                              ${ROLES.map((r) => html`<option value=${r} ?selected=${s.role === r}>${ROLE_LABELS[r]}</option>`)}
                            </select>`}
                      </td>
                      <td>${s.totpEnabled ? html`<span class="badge success">On</span>` : html`<span class="badge warning">Off</span>`}</td>
                      <td>${s.lastSignInAt ? formatAgo(s.lastSignInAt) : html`<span class="muted">Never</span>`}</td>
                      <td>
                        ${s.id === me
                          ? nothing
                          : html`<button type="button" class="button small" @click=${() => this.askRemove(s)}>Remove<span class="visually-hidden"> ${s.displayName}</span></button>`}
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      </section>
      ${this.invites.length
        ? html`<section class="panel" aria-labelledby="invites-title">
            <h2 id="invites-title">Open invites</h2>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Open invites</caption>
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Expires</th>
                    <th scope="col"><span class="visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${this.invites.map(
                    (i) => html`<tr>
                      <td>${i.email}</td>
                      <td>${ROLE_LABELS[i.role]}</td>
                      <td>${formatDate(i.expiresAt)}</td>
                      <td><button type="button" class="button small" @click=${() => this.revoke(i)}>Revoke<span class="visually-hidden"> the invite for ${i.email}</span></button></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </section>`
        : nothing}
      <dialog id="remove-dialog" aria-labelledby="remove-title" @close=${() => (this.removing = null)}>
        <div class="dialog-body">
          <h2 id="remove-title">Remove ${this.removing?.displayName ?? ''}?</h2>
          <p>They are signed out everywhere and can no longer use the console. Their past actions stay in the audit log.</p>
          <div class="dialog-actions">
            <button type="button" class="button" @click=${() => this.removeDialog.close()}>Cancel</button>
            <button type="button" class="button danger" @click=${this.removeStaff}>Remove access</button>
          </div>
        </div>
      </dialog>`;
  }
}

define('kc-team-screen', TeamScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-team-screen': TeamScreen;
  }
}

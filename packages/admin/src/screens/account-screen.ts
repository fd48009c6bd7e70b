/** Your account: two-step sign-in (TOTP) on or off, and signing out of every device. */
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsoleError } from '../api/client.ts';
import { issueFor, messageFor } from '../api/messages.ts';
import { ConsoleElement, define } from '../ui/console-element.ts';
import '../ui/copy-button.ts';
import { formatDateTime, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../ui/format.ts';
import { consoleStyles } from '../ui/styles.ts';

export class AccountScreen extends ConsoleElement {
  static override styles = [
    consoleStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.375rem 1.5rem;
      }
      dt {
        color: var(--k-text-muted);
      }
      .secret {
        display: inline-block;
        padding: 0.375rem 0.75rem;
        margin-inline-end: 0.5rem;
        background: var(--k-surface);
        border: 1px solid var(--k-border);
        border-radius: 0.5rem;
        letter-spacing: 0.1em;
        overflow-wrap: anywhere;
      }
      form {
        max-width: 24rem;
        margin-top: 1rem;
      }
      ol {
        padding-inline-start: 1.25rem;
      }
      ol li + li {
        margin-top: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) routeId = '';
  @state() private setup: { secret: string; otpauthUri: string } | null = null;
  @state() private code = '';
  @state() private password = '';
  @state() private busy = false;
  @state() private error: ConsoleError | null = null;
  @state() private totpEnabled: boolean | null = null;

  private get enabled(): boolean {
    return this.totpEnabled ?? this.session.staff.totpEnabled;
  }

  private async startSetup(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      this.setup = await this.api.auth.totpSetup();
    } catch (error) {
      this.error = error as ConsoleError;
    } finally {
      this.busy = false;
    }
  }

  private async enable(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.busy = true;
    this.error = null;
    try {
      await this.api.auth.totpEnable({ code: this.code.replace(/\s+/g, '') });
      this.totpEnabled = true;
      this.setup = null;
      this.code = '';
      this.toast({ message: 'Two-step sign-in is on. You will be asked for a code when you sign in.', tone: 'success' });
    } catch (error) {
      this.error = error as ConsoleError;
    } finally {
      this.busy = false;
    }
  }

  private async disable(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.busy = true;
    this.error = null;
    try {
      await this.api.auth.totpDisable({ password: this.password });
      this.totpEnabled = false;
      this.password = '';
      this.toast({ message: 'Two-step sign-in is off.', tone: 'success' });
    } catch (error) {
      this.error = error as ConsoleError;
    } finally {
      this.busy = false;
    }
  }

  private signOutEverywhere(): void {
    // The console's shell owns signing out; its account menu does the same.
    this.dispatchEvent(new CustomEvent('kc-sign-out', { detail: { everywhere: true }, bubbles: true, composed: true }));
  }

  private renderTotp() {
    const codeIssue = issueFor(this.error, 'code');
    if (this.enabled)
      return html`<p><span class="badge success">On</span> You are asked for a code from your authenticator app when you sign in.</p>
        <form @submit=${this.disable}>
          <div class="field">
            <label for="totp-password">Your password, to turn it off</label>
            <input id="totp-password" type="password" autocomplete="current-password" .value=${this.password} @input=${(e: InputEvent) => (this.password = (e.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="button" ?disabled=${this.busy || !this.password}>Turn off two-step sign-in</button>
        </form>`;
    if (!this.setup)
      return html`<p><span class="badge warning">Off</span> Add a second step so a stolen password is not enough to reach members’ posts.</p>
        <p class="row"><button type="button" class="button primary" ?disabled=${this.busy} @click=${this.startSetup}>Set up two-step sign-in</button></p>`;
    return html`<ol>
        <li>
          In your authenticator app, add an account with this key:<br />
          <code class="secret">${this.setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          <kc-copy-button .text=${this.setup.secret} what="the key"></kc-copy-button>
          <br /><span class="muted small">Or open this link on the device with the app: <a href=${this.setup.otpauthUri}>add to authenticator</a></span>
        </li>
        <li>
          Enter the 6-digit code it shows:
          <form @submit=${this.enable}>
            <div class="field">
              <label for="totp-code">Code</label>
              <input
                id="totp-code"
                inputmode="numeric"
                autocomplete="one-time-code"
                maxlength="8"
                aria-invalid=${codeIssue ? 'true' : 'false'}
                aria-describedby=${codeIssue ? 'totp-code-error' : nothing}
                .value=${this.code}
                @input=${(e: InputEvent) => (this.code = (e.target as HTMLInputElement).value)}
              />
              ${codeIssue ? html`<span class="field-error" id="totp-code-error">${codeIssue}</span>` : nothing}
            </div>
            <button type="submit" class="button primary" ?disabled=${this.busy || !this.code.trim()}>Turn on</button>
          </form>
        </li>
      </ol>`;
  }

  override render() {
    const staff = this.session.staff;
    return html`<div class="page-head">
        <div>
          <h1 tabindex="-1">Your account</h1>
          <p>${staff.email}</p>
        </div>
      </div>
      <section class="panel" aria-labelledby="about-title">
        <h2 id="about-title">About you</h2>
        <dl>
          <dt>Name</dt>
          <dd>${staff.displayName}</dd>
          <dt>Role</dt>
          <dd>${ROLE_LABELS[staff.role]} <span class="muted small">· ${ROLE_DESCRIPTIONS[staff.role]}</span></dd>
          <dt>Organisation</dt>
          <dd>${this.session.tenant.name}</dd>
          <dt>Member of the team since</dt>
          <dd>${formatDateTime(staff.createdAt)}</dd>
        </dl>
      </section>
      <section class="panel" aria-labelledby="totp-title">
        <h2 id="totp-title">Two-step sign-in</h2>
        ${this.error && !issueFor(this.error, 'code') ? html`<div class="alert error" role="alert">${messageFor(this.error)}</div>` : nothing} ${this.renderTotp()}
      </section>
      <section class="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <p class="muted">Lost a device, or signed in on a shared computer? End every session, this one included.</p>
        <p class="row"><button type="button" class="button" @click=${this.signOutEverywhere}>Sign out everywhere</button></p>
        <p class="muted small">You are signed out automatically after ${this.session.idleTimeoutMinutes} minutes without activity.</p>
      </section>`;
  }
}

define('kc-account-screen', AccountScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-account-screen': AccountScreen;
  }
  interface HTMLElementEventMap {
    'kc-sign-out': CustomEvent<{ everywhere: boolean }>;
  }
}

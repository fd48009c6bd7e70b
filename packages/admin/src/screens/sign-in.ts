/**
 * Staff sign-in: organisation (the tenant's short name), email and password; then, when the
 * account has a second factor, the authenticator code. Says plainly when an account is locked.
 */
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsoleError, StaffApi } from '../api/client.ts';
import { messageFor } from '../api/messages.ts';
import { define } from '../ui/console-element.ts';
import { consoleStyles } from '../ui/styles.ts';
import { authStyles } from './auth.styles.ts';

const REMEMBERED_ORGANISATION = 'kindred-console.organisation';

export class SignInScreen extends LitElement {
  static override styles = [consoleStyles, authStyles];

  @property({ attribute: false }) api!: StaffApi;
  /** Why the person is here again (session ended, signed out): shown above the form. */
  @property() notice = '';

  @state() private organisation = '';
  @state() private email = '';
  @state() private password = '';
  @state() private totpCode = '';
  @state() private needsCode = false;
  @state() private busy = false;
  @state() private error: ConsoleError | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      this.organisation = localStorage.getItem(REMEMBERED_ORGANISATION) ?? '';
    } catch {
      // Storage blocked: the field starts empty.
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const session = await this.api.auth.signIn({
        organisation: this.organisation.trim(),
        email: this.email.trim(),
        password: this.password,
        ...(this.needsCode ? { totpCode: this.totpCode.replace(/\s+/g, '') } : {}),
      });
      try {
        localStorage.setItem(REMEMBERED_ORGANISATION, this.organisation.trim());
      } catch {
        // Not remembering the organisation is fine.
      }
      this.password = '';
      this.dispatchEvent(new CustomEvent('kc-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (thrown) {
      const error = thrown as ConsoleError;
      if (error.code === 'STAFF_TOTP_REQUIRED' && !this.needsCode) {
        this.needsCode = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#totp')?.focus();
      } else {
        this.error = error;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[role="alert"]')?.focus();
      }
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const error = this.error;
    const fieldsInvalid = error?.code === 'STAFF_CREDENTIALS_INVALID';
    return html`<div class="card">
      <div class="brand"><span class="mark" aria-hidden="true"></span> Kindred community console</div>
      <h1 tabindex="-1">Sign in</h1>
      <p class="lead">For your organisation's moderators, analysts and owners.</p>
      ${this.notice && !error ? html`<div class="alert info" role="status">${this.notice}</div>` : ''}
      ${error ? html`<div class="alert ${error.code === 'STAFF_LOCKED' ? 'warning' : 'error'}" role="alert" tabindex="-1">${messageFor(error)}</div>` : ''}
      <form @submit=${this.submit} novalidate>
        <div class="field">
          <label for="organisation">Organisation</label>
          <span class="hint" id="organisation-hint">Your organisation's short name in Kindred, for example <code>riverside-clinic</code>.</span>
          <input
            id="organisation"
            name="organisation"
            required
            autocomplete="organization"
            autocapitalize="none"
            spellcheck="false"
            aria-describedby="organisation-hint"
            aria-invalid=${fieldsInvalid ? 'true' : 'false'}
            .value=${this.organisation}
            @input=${(e: InputEvent) => (this.organisation = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            required
            autocomplete="username"
            spellcheck="false"
            aria-invalid=${fieldsInvalid ? 'true' : 'false'}
            .value=${this.email}
            @input=${(e: InputEvent) => (this.email = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            required
            autocomplete="current-password"
            aria-invalid=${fieldsInvalid ? 'true' : 'false'}
            .value=${this.password}
            @input=${(e: InputEvent) => (this.password = (e.target as HTMLInputElement).value)}
          />
        </div>
        ${this.needsCode
          ? html`<div class="field">
              <label for="totp">Authenticator code</label>
              <span class="hint" id="totp-hint">The 6-digit code from your authenticator app.</span>
              <input
                id="totp"
                name="totp"
                inputmode="numeric"
                autocomplete="one-time-code"
                maxlength="8"
                required
                aria-describedby="totp-hint"
                .value=${this.totpCode}
                @input=${(e: InputEvent) => (this.totpCode = (e.target as HTMLInputElement).value)}
              />
            </div>`
          : ''}
        <button class="button primary submit" type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <p class="foot">No account yet? An owner of your organisation can invite you from the console's Team page.</p>
    </div>`;
  }

  override firstUpdated(): void {
    // The first field that needs filling, so the person can type at once.
    const target = this.organisation ? '#email' : '#organisation';
    this.renderRoot.querySelector<HTMLInputElement>(target)?.focus();
  }
}

define('kc-sign-in', SignInScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-sign-in': SignInScreen;
  }
}

/** Accepting an invite (`#/invite/<token>`): who invited you where, then your name and a password. */
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsoleError, StaffApi } from '../api/client.ts';
import type { InviteInfoDto } from '../api/contract.ts';
import { issueFor, messageFor } from '../api/messages.ts';
import { define } from '../ui/console-element.ts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../ui/format.ts';
import { consoleStyles } from '../ui/styles.ts';
import { authStyles } from './auth.styles.ts';

export const MIN_PASSWORD_LENGTH = 12;

export class AcceptInviteScreen extends LitElement {
  static override styles = [consoleStyles, authStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property() token = '';

  @state() private info: InviteInfoDto | null = null;
  @state() private loadError: ConsoleError | null = null;
  @state() private displayName = '';
  @state() private password = '';
  @state() private confirm = '';
  @state() private busy = false;
  @state() private error: ConsoleError | null = null;
  @state() private localErrors: Record<string, string> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.info = await this.api.auth.inviteInfo({ token: this.token });
    } catch (error) {
      this.loadError = error as ConsoleError;
    }
  }

  private validate(): boolean {
    const errors: Record<string, string> = {};
    if (!this.displayName.trim()) errors.displayName = 'Enter the name your colleagues will see.';
    if (this.password.length < MIN_PASSWORD_LENGTH) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
    else if (this.password !== this.confirm) errors.confirm = 'The two passwords are not the same.';
    this.localErrors = errors;
    return Object.keys(errors).length === 0;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    if (!this.validate()) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      const session = await this.api.auth.acceptInvite({ token: this.token, displayName: this.displayName.trim(), password: this.password });
      history.replaceState(null, '', '#/');
      this.dispatchEvent(new CustomEvent('kc-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error as ConsoleError;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="alert"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private fieldError(field: string): string | undefined {
    return this.localErrors[field] ?? issueFor(this.error, field);
  }

  private renderField(id: 'displayName' | 'password' | 'confirm', label: string, type: string, autocomplete: string, hint?: string) {
    const error = this.fieldError(id);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : ''}
      <input
        id=${id}
        type=${type}
        autocomplete=${autocomplete}
        required
        aria-describedby=${describedBy || nothing}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${this[id]}
        @input=${(e: InputEvent) => (this[id] = (e.target as HTMLInputElement).value)}
      />
      ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}
    </div>`;
  }

  override render() {
    const brand = html`<div class="brand"><span class="mark" aria-hidden="true"></span> Kindred community console</div>`;
    if (this.loadError)
      return html`<div class="card">
        ${brand}
        <h1>This invite cannot be used</h1>
        <div class="alert error" role="alert">${messageFor(this.loadError)}</div>
        <a class="button" href="#/sign-in">Go to sign-in</a>
      </div>`;
    if (!this.info)
      return html`<div class="card" aria-busy="true">
        ${brand}
        <h1>Opening your invite…</h1>
        <span class="skeleton-line"></span><span class="skeleton-line"></span>
      </div>`;
    const info = this.info;
    return html`<div class="card">
      ${brand}
      <h1>Join ${info.organisation}</h1>
      <p class="lead">You have been invited to the community console. Choose the name your colleagues will see and a password.</p>
      <dl>
        <dt>Email</dt>
        <dd>${info.email}</dd>
        <dt>Role</dt>
        <dd>${ROLE_LABELS[info.role]} <span class="muted small">· ${ROLE_DESCRIPTIONS[info.role]}</span></dd>
      </dl>
      ${this.error && this.error.code !== 'VALIDATION_FAILED'
        ? html`<div class="alert error" role="alert" tabindex="-1">${messageFor(this.error)}</div>`
        : ''}
      <form @submit=${this.submit} novalidate>
        <input type="email" class="visually-hidden" autocomplete="username" .value=${info.email} readonly tabindex="-1" aria-hidden="true" />
        ${this.renderField('displayName', 'Your name', 'text', 'name', 'Shown to your colleagues in the console and the audit log, never to members.')}
        ${this.renderField('password', 'Password', 'password', 'new-password', `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`)}
        ${this.renderField('confirm', 'Password again', 'password', 'new-password')}
        <button class="button primary submit" type="submit" ?disabled=${this.busy}>${this.busy ? 'Creating your account…' : 'Create account and sign in'}</button>
      </form>
    </div>`;
  }
}

define('kc-accept-invite', AcceptInviteScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-accept-invite': AcceptInviteScreen;
  }
}

import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, isAuthError, newIdempotencyKey, type KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import type { MessageKey } from '../core/i18n.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { baseStyles } from '../core/styles.ts';
import { composerStyles } from './forum.styles.ts';

type Field = 'title' | 'body';
interface Problem {
  field?: Field;
  key: MessageKey;
}

/**
 * Writes a reply to a thread, or starts a new conversation. Signed out, it offers sign-in instead.
 * The draft survives every error and a sign-out; a retried write reuses its idempotency key.
 *
 * @event kindred-request-sign-in - cancelable; not cancelled, the composer shows a hint.
 * @event kindred-thread-created - `{ threadId }`
 * @event kindred-reply-created - `{ threadId, postId }`
 * @csspart composer - the form (or the signed-out panel)
 */
export class ForumComposer extends KindredElement {
  static readonly parts = [
    'composer',
    'composer-heading',
    'field',
    'label',
    'input',
    'textarea',
    'hint',
    'button',
    'submit',
    'cancel',
    'start-thread',
    'sign-in',
    'sign-in-button',
    'error',
  ] as const;
  static override styles = [baseStyles, composerStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  @property() mode: 'reply' | 'new-thread' = 'reply';
  @property({ attribute: 'thread-id' }) threadId = '';
  @property() group?: string;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  /** New-thread mode: whether the form is unfolded. */
  @state() private expanded = false;
  @state() private draftTitle = '';
  @state() private draftBody = '';
  @state() private submitting = false;
  @state() private problem: Problem | null = null;
  @state() private showSignInHint = false;
  @state() private sessionEnded = false;
  /** The write in flight or last failed: retried unchanged, it keeps its key. */
  private pending: { key: string; payload: string } | undefined;

  @query('textarea') private textarea?: HTMLTextAreaElement;

  private get isReply(): boolean {
    return this.mode === 'reply';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('signedIn') && this.signedIn) {
      this.sessionEnded = false;
      this.showSignInHint = false;
    }
  }

  override render(): TemplateResult {
    if (!this.signedIn) return this.renderSignedOut();
    if (!this.isReply && !this.expanded) {
      return html`<button class="button primary" part="button start-thread" aria-expanded="false" @click=${this.expand}>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><path d="M10 4v12M4 10h12" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
        ${this.i18n.msg('startThread')}
      </button>`;
    }
    return this.renderForm();
  }

  private renderSignedOut(): TemplateResult {
    const t = this.i18n;
    return html`<div class="panel signed-out" part="composer sign-in">
      ${this.sessionEnded
        ? html`<p class="error-text" part="error" role="alert">${t.msg('sessionEnded')}</p>`
        : html`<p>${t.msg('signedOutPrompt')}</p>`}
      <button class="button primary" part="button sign-in-button" @click=${this.requestSignIn}>
        ${t.msg(this.isReply ? 'signInToReply' : 'signInToStart')}
      </button>
      ${this.showSignInHint ? html`<p class="muted" part="hint" role="status">${t.msg('signInHint')}</p>` : nothing}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.i18n;
    const problem = this.problem;
    const invalid = (field: Field) => (problem?.field === field ? 'true' : 'false');
    const fieldError = (field: Field) =>
      problem?.field === field
        ? html`<p id="${field}-error" class="field-error" part="error">${t.msg(problem.key)}</p>`
        : nothing;
    return html`<form
      class="panel stack"
      part="composer"
      novalidate
      aria-labelledby=${this.isReply ? 'body-label' : 'composer-heading'}
      aria-busy=${this.submitting ? 'true' : 'false'}
      @submit=${this.submit}
    >
      ${this.isReply
        ? nothing
        : html`<h3 id="composer-heading" part="composer-heading">${t.msg('newThreadHeading')}</h3>
            <div part="field">
              <label for="title" part="label">${t.msg('titleLabel')}</label>
              <p id="title-hint" class="muted hint" part="hint">${t.msg('titleHint')}</p>
              <input
                id="title"
                part="input"
                maxlength="200"
                autocomplete="off"
                .value=${this.draftTitle}
                aria-invalid=${invalid('title')}
                aria-describedby="title-hint ${problem?.field === 'title' ? 'title-error' : ''}"
                @input=${(e: Event) => (this.draftTitle = (e.target as HTMLInputElement).value)}
              />
              ${fieldError('title')}
            </div>`}
      <div part="field">
        <label id="body-label" for="body" part="label">${t.msg(this.isReply ? 'replyLabel' : 'bodyLabel')}</label>
        <textarea
          id="body"
          part="textarea"
          maxlength="20000"
          rows=${this.isReply ? 4 : 6}
          .value=${this.draftBody}
          aria-invalid=${invalid('body')}
          aria-describedby="privacy-hint ${problem?.field === 'body' ? 'body-error' : ''}"
          @input=${(e: Event) => (this.draftBody = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${fieldError('body')}
        <p id="privacy-hint" class="muted hint" part="hint">${t.msg('privacyHint')}</p>
      </div>
      ${problem && !problem.field ? html`<p class="error-text" part="error" role="alert">${t.msg(problem.key)}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="button primary" part="button submit" ?disabled=${this.submitting}>
          ${t.msg(this.submitting ? 'posting' : this.isReply ? 'postReply' : 'postThread')}
        </button>
        ${this.isReply
          ? nothing
          : html`<button type="button" class="button quiet" part="button cancel" @click=${this.collapse}>${t.msg('cancel')}</button>`}
      </div>
    </form>`;
  }

  private expand = async (): Promise<void> => {
    this.expanded = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
  };

  /** Folds the form away; the draft stays for next time. */
  private collapse = async (): Promise<void> => {
    this.expanded = false;
    this.problem = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="start-thread"]')?.focus();
  };

  private requestSignIn = (): void => {
    const event = this.emit('kindred-request-sign-in', { reason: this.isReply ? 'reply' : 'new-thread' }, { cancelable: true });
    // Nobody on the page took it: tell the member where to sign in.
    this.showSignInHint = !event.defaultPrevented;
  };

  private async show(problem: Problem): Promise<void> {
    this.problem = problem;
    if (!problem.field) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${problem.field}`)?.focus();
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    if (this.submitting || !client) return;
    const title = this.draftTitle.trim();
    const body = this.draftBody.trim();
    if (!this.isReply && (title.length < 3 || title.length > 200)) return this.show({ field: 'title', key: 'titleInvalid' });
    if (!body) return this.show({ field: 'body', key: 'bodyInvalid' });

    const payload = JSON.stringify([this.mode, this.threadId, this.group, title, body]);
    if (this.pending?.payload !== payload) this.pending = { key: newIdempotencyKey(), payload };
    const idempotencyKey = this.pending.key;
    this.problem = null;
    this.submitting = true;
    this.announce?.(this.i18n.msg('posting'));
    try {
      if (this.isReply) {
        const post = await client.mutate('forum.reply', { threadId: this.threadId, body, idempotencyKey });
        this.succeeded('replyPosted');
        this.emit('kindred-posted', { post }, { composed: false });
        this.emit('kindred-reply-created', { threadId: post.threadId, postId: post.id });
      } else {
        const group = this.group || undefined;
        const thread = await client.mutate('forum.createThread', { group, title, body, idempotencyKey });
        this.succeeded('threadPosted');
        this.emit('kindred-posted', { thread }, { composed: false });
        this.emit('kindred-thread-created', { threadId: thread.id });
      }
    } catch (err) {
      this.failed(err);
    } finally {
      this.submitting = false;
    }
  };

  private succeeded(key: MessageKey): void {
    this.pending = undefined;
    this.draftTitle = '';
    this.draftBody = '';
    this.expanded = false;
    this.announce?.(this.i18n.msg(key));
    if (this.isReply) void this.updateComplete.then(() => this.textarea?.focus());
  }

  private failed(err: unknown): void {
    if (isAuthError(err)) {
      // The forum has signed the member out; the signed-out panel says why. The draft stays.
      this.sessionEnded = true;
      return;
    }
    if (err instanceof ApiError && err.kindredCode === 'VALIDATION_FAILED') {
      const path = err.issues[0]?.path;
      if (path === 'title') return void this.show({ field: 'title', key: 'titleInvalid' });
      if (path === 'body') return void this.show({ field: 'body', key: 'bodyInvalid' });
      return void this.show({ key: 'checkPost' });
    }
    if (err instanceof ApiError && err.kindredCode === 'NOT_FOUND') return void this.show({ key: 'errorNotFound' });
    void this.show({ key: 'postFailed' });
  }
}

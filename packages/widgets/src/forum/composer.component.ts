import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, isAuthError, newIdempotencyKey, type KindredClient } from '../core/api-client.ts';
import type { ModerationOutcome, PostDto } from '../core/api-types.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { loadErrorMessage } from '../core/errors.ts';
import type { MessageKey } from '../core/i18n.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { WRITE_GUARD_PARTS, WriteGuard, writeGuardStyles } from '../core/moderation/write-guard.ts';
import { baseStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import { composerStyles } from './thread.styles.ts';
import './thread-messages.ts';

type Field = 'title' | 'body' | 'warning';
interface Problem {
  field?: Field;
  key: MessageKey;
}

/**
 * Writes a reply, starts a conversation, or edits one of the member's posts. Signed out (reply
 * mode), it offers sign-in instead. The draft survives every error and a sign-out; a retried
 * write reuses its idempotency key. Fields: title (new thread; editing an opening post), the
 * message with a formatting hint, an optional content warning, and "Post anonymously".
 * Moderation's answers (refused text, personal details, slow down, paused posting, crisis
 * resources) go through the shared WriteGuard.
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
    'checkbox',
    'hint',
    'button',
    'submit',
    'cancel',
    'sign-in',
    'sign-in-button',
    'error',
    ...WRITE_GUARD_PARTS,
  ] as const;
  static override styles = [baseStyles, viewStyles, composerStyles, writeGuardStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  @property() mode: 'reply' | 'new-thread' | 'edit' = 'reply';
  @property({ attribute: 'thread-id' }) threadId = '';
  @property() group?: string;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;
  /** Edit mode: the post being edited (its `bodySource` prefills the form). */
  @property({ attribute: false }) post?: PostDto;
  /** Edit mode, opening post: the thread's current title. */
  @property({ attribute: false }) threadTitle = '';

  @state() private draftTitle = '';
  @state() private draftBody = '';
  @state() private draftWarning = '';
  @state() private anonymous = false;
  @state() private submitting = false;
  @state() private problem: Problem | null = null;
  @state() private showSignInHint = false;
  @state() private sessionEnded = false;
  /** The write in flight or last failed: retried unchanged, it keeps its key. */
  private pending: { key: string; payload: string } | undefined;

  @query('textarea') private textarea?: HTMLTextAreaElement;

  private readonly guard = new WriteGuard(this, this.i18n, { field: () => this.textarea ?? null, resend: () => void this.send() });

  private get hasTitle(): boolean {
    return this.mode === 'new-thread' || (this.mode === 'edit' && !!this.post?.isOpening);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('signedIn') && this.signedIn) {
      this.sessionEnded = false;
      this.showSignInHint = false;
    }
    if (changed.has('post') && this.post && this.mode === 'edit') {
      this.draftBody = this.post.bodySource ?? '';
      this.draftWarning = this.post.contentWarning ?? '';
      this.draftTitle = this.threadTitle;
    }
  }

  /** Moves focus to the first field. */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.hasTitle ? '#title' : '#body')?.focus();
  }

  override render(): TemplateResult {
    if (!this.signedIn && this.mode === 'reply') return this.renderSignedOut();
    return this.renderForm();
  }

  private renderSignedOut(): TemplateResult {
    const t = this.i18n;
    return html`<div class="panel signed-out" part="composer sign-in">
      ${this.sessionEnded
        ? html`<p class="error-text" part="error" role="alert">${t.msg('sessionEnded')}</p>`
        : html`<p>${t.msg('signedOutPrompt')}</p>`}
      <button class="button primary" part="button sign-in-button" @click=${this.requestSignIn}>${t.msg('signInToReply')}</button>
      ${this.showSignInHint ? html`<p class="muted" part="hint" role="status">${t.msg('signInHint')}</p>` : nothing}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.i18n;
    const problem = this.problem;
    const invalid = (field: Field) => (problem?.field === field ? 'true' : 'false');
    const errorId = (field: Field) => (problem?.field === field ? `${field}-error` : '');
    const fieldError = (field: Field) =>
      problem?.field === field ? html`<p id="${field}-error" class="field-error" part="error">${t.msg(problem.key)}</p>` : nothing;
    const heading = this.mode === 'new-thread' ? 'newThreadHeading' : this.mode === 'edit' ? 'editHeading' : null;
    const submitLabel = this.submitting
      ? this.mode === 'edit' ? 'saving' : 'posting'
      : this.mode === 'edit' ? 'saveEdit' : this.mode === 'reply' ? 'postReply' : 'postThread';
    return html`<form
      class="panel stack ${this.mode}"
      part="composer"
      novalidate
      aria-labelledby=${heading ? 'composer-heading' : 'body-label'}
      aria-busy=${this.submitting ? 'true' : 'false'}
      @submit=${this.submit}
    >
      ${heading ? html`<h3 id="composer-heading" part="composer-heading">${t.msg(heading)}</h3>` : nothing}
      ${this.sessionEnded ? html`<p class="error-text" part="error" role="alert">${t.msg('sessionEnded')}</p>` : nothing}
      ${this.hasTitle ? this.lineField('title', 'titleLabel', 'titleHint', 200) : nothing}
      <div part="field">
        <label id="body-label" for="body" part="label">${t.msg(this.mode === 'reply' ? 'replyLabel' : 'bodyLabel')}</label>
        <textarea
          id="body"
          part="textarea"
          maxlength="20000"
          rows=${this.mode === 'reply' ? 4 : 6}
          .value=${this.draftBody}
          aria-invalid=${this.guard.textRefused ? 'true' : invalid('body')}
          aria-describedby="format-hint privacy-hint ${errorId('body')} ${this.guard.describedBy}"
          @input=${(e: Event) => (this.draftBody = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${fieldError('body')} ${this.guard.renderFieldError()}
        <p id="format-hint" class="muted hint format" part="hint">${t.msg('formattingHint')}</p>
        <p id="privacy-hint" class="muted hint" part="hint">${t.msg('privacyHint')}</p>
      </div>
      ${this.lineField('warning', 'contentWarningLabel', 'contentWarningHint', 120)}
      ${this.mode === 'edit'
        ? nothing
        : html`<div class="check" part="field">
            <input
              id="anonymous"
              type="checkbox"
              part="checkbox"
              .checked=${this.anonymous}
              aria-describedby="anonymous-hint"
              @change=${(e: Event) => (this.anonymous = (e.target as HTMLInputElement).checked)}
            />
            <div>
              <label for="anonymous" part="label">${t.msg('anonymousLabel')}</label>
              <p id="anonymous-hint" class="muted" part="hint">${t.msg('anonymousHint')}</p>
            </div>
          </div>`}
      ${problem && !problem.field ? html`<p class="error-text" part="error" role="alert">${t.msg(problem.key)}</p>` : nothing}
      ${this.guard.render()}
      <div class="actions">
        <button type="submit" class="button primary" part="button submit" ?disabled=${this.submitting || this.guard.blocked}>${t.msg(submitLabel)}</button>
        ${this.mode === 'reply'
          ? nothing
          : html`<button type="button" class="button quiet" part="button cancel" @click=${this.cancel}>${t.msg('cancel')}</button>`}
      </div>
    </form>`;
  }

  /** A one-line field (title, content warning) with its label, hint and error. */
  private lineField(
    field: 'title' | 'warning',
    label: 'titleLabel' | 'contentWarningLabel',
    hint: 'titleHint' | 'contentWarningHint',
    maxlength: number,
  ): TemplateResult {
    const t = this.i18n;
    const problem = this.problem?.field === field ? this.problem : null;
    const draft = field === 'title' ? 'draftTitle' : 'draftWarning';
    return html`<div part="field">
      <label for=${field} part="label">${t.msg(label)}</label>
      <p id="${field}-hint" class="muted hint" part="hint">${t.msg(hint)}</p>
      <input
        id=${field}
        part="input"
        maxlength=${maxlength}
        autocomplete="off"
        .value=${this[draft]}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby="${field}-hint ${problem ? `${field}-error` : ''}"
        @input=${(e: Event) => (this[draft] = (e.target as HTMLInputElement).value)}
      />
      ${problem ? html`<p id="${field}-error" class="field-error" part="error">${t.msg(problem.key)}</p>` : nothing}
    </div>`;
  }

  private cancel = (): void => {
    this.problem = null;
    this.emit('kindred-compose-cancelled', {}, { composed: false });
  };

  private requestSignIn = (): void => {
    const event = this.emit('kindred-request-sign-in', { reason: 'reply' }, { cancelable: true });
    // Nobody on the page took it: tell the member where to sign in.
    this.showSignInHint = !event.defaultPrevented;
  };

  private async show(problem: Problem): Promise<void> {
    this.problem = problem;
    if (!problem.field) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${problem.field}`)?.focus();
  }

  private submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  };

  /** Sends the draft (the form's submit, and "Post anyway"). */
  private send = async (): Promise<void> => {
    const client = this.client;
    if (this.submitting || !client || this.guard.blocked) return;
    const title = this.draftTitle.trim();
    const body = this.draftBody.trim();
    const contentWarning = this.draftWarning.trim() || undefined;
    if (this.hasTitle && (title.length < 3 || title.length > 200)) return this.show({ field: 'title', key: 'titleInvalid' });
    if (!body) return this.show({ field: 'body', key: 'bodyInvalid' });

    const anonymous = this.anonymous;
    const payload = JSON.stringify([this.mode, this.threadId, this.group, title, body, contentWarning, anonymous]);
    if (this.pending?.payload !== payload) this.pending = { key: newIdempotencyKey(), payload };
    const idempotencyKey = this.pending.key;
    this.problem = null;
    this.guard.clear();
    this.submitting = true;
    this.announce?.(this.i18n.msg(this.mode === 'edit' ? 'saving' : 'posting'));
    try {
      if (this.mode === 'edit' && this.post) {
        const { moderation, ...post } = await client.mutate(
          'forum.editPost',
          this.guard.input({ postId: this.post.id, body, contentWarning: contentWarning ?? '', ...(this.hasTitle ? { title } : {}) }),
        );
        this.succeeded('postUpdated', await this.guard.written(moderation));
        this.emit('kindred-post-changed', this.hasTitle ? { post, title } : { post }, { composed: false });
      } else if (this.mode === 'reply') {
        const { moderation, ...post } = await client.mutate(
          'forum.reply',
          this.guard.input({ threadId: this.threadId, body, contentWarning, anonymous, idempotencyKey }),
        );
        this.succeeded('replyPosted', await this.guard.written(moderation));
        this.emit('kindred-posted', { post }, { composed: false });
        this.emit('kindred-reply-created', { threadId: post.threadId, postId: post.id });
      } else {
        const group = this.group || undefined;
        const { moderation, ...thread } = await client.mutate(
          'forum.createThread',
          this.guard.input({ group, title, body, contentWarning, anonymous, idempotencyKey }),
        );
        this.succeeded('threadPosted', await this.guard.written(moderation));
        this.emit('kindred-posted', { thread }, { composed: false });
        this.emit('kindred-thread-created', { threadId: thread.id });
      }
    } catch (err) {
      this.failed(err);
    } finally {
      this.submitting = false;
    }
  };

  /** Stored (and, if crisis resources were shown, they are closed): clear the draft, say what happens next. */
  private succeeded(key: MessageKey, outcome: ModerationOutcome | null): void {
    this.pending = undefined;
    this.draftTitle = '';
    this.draftBody = '';
    this.draftWarning = '';
    this.anonymous = false;
    this.announce?.(this.guard.savedMessage(outcome, this.i18n.msg(key)));
    if (this.mode === 'reply') void this.updateComplete.then(() => this.textarea?.focus());
  }

  private failed(err: unknown): void {
    if (isAuthError(err)) {
      // The forum has signed the member out; the signed-out state says why. The draft stays.
      this.sessionEnded = true;
      return;
    }
    if (this.guard.refused(err)) return;
    if (err instanceof ApiError && err.kindredCode === 'VALIDATION_FAILED') {
      const path = err.issues[0]?.path;
      if (path === 'title') return void this.show({ field: 'title', key: 'titleInvalid' });
      if (path === 'body') return void this.show({ field: 'body', key: 'bodyInvalid' });
      return void this.show({ key: 'checkPost' });
    }
    if (err instanceof ApiError && err.kindredCode !== 'INTERNAL' && err.kindredCode !== 'NETWORK') {
      return void this.show({ key: loadErrorMessage(err) });
    }
    void this.show({ key: 'postFailed' });
  }
}

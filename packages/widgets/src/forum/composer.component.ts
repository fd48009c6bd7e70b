import { consume } from '@lit/context';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, isAuthError, newIdempotencyKey, type KindredClient } from '../core/api-client.ts';
import type { ModerationOutcome, PostDto } from '../core/api-types.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { loadErrorMessage } from '../core/errors.ts';
import type { MessageKey } from '../core/i18n.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { reasonText } from '../core/moderation/status.ts';
import { WRITE_GUARD_PARTS, WriteGuard, writeGuardStyles } from '../core/moderation/write-guard.ts';
import { baseStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import { composerStyles } from './thread.styles.ts';
import './thread-messages.ts';

type Field = 'name' | 'title' | 'body' | 'warning';
const CLOCK = svg`<circle cx="10" cy="10" r="7.25" fill="none" stroke="currentColor" stroke-width="1.6" /><path d="M10 6v4.5l2.75 1.75" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />`;
interface Problem {
  field?: Field;
  key: MessageKey;
}

/**
 * Writes a reply, starts a conversation, or edits one of the member's posts. Signed out (reply
 * mode), it offers sign-in instead; where the organisation allows guest posting (`guest-can-post`,
 * from forum.context) it offers "Sign in" or "Post as a guest", and a guest's form asks for the
 * name to show ("<name> (guest)"). The draft survives every error and a sign-out; a retried
 * write reuses its idempotency key. Fields: title (new thread; editing an opening post), the
 * message with a formatting hint, an optional content warning, and "Post anonymously" (members).
 * Moderation's answers (refused text, personal details, slow down, paused posting, crisis
 * resources) go through the shared WriteGuard.
 *
 * A guest never sees their post again (they have no account, and it waits for review), so after
 * a guest's write the composer says so once, in place of the form, rather than showing the post.
 *
 * @event kindred-request-sign-in - cancelable; not cancelled, the composer shows a hint.
 * @event kindred-thread-created - `{ threadId }` (a guest's too)
 * @event kindred-reply-created - `{ threadId, postId }` (a guest's too)
 * @csspart composer - the form (or the signed-out panel)
 * @csspart guest-choice - signed out where guests may post: "Sign in" or "Post as a guest"
 * @csspart guest-sent - a guest's confirmation: sent, awaiting review
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
    'guest-choice',
    'guest-button',
    'guest-sent',
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
  /** Signed out, the visitor may post here as a guest (forum.context's `guestCanPost`). */
  @property({ type: Boolean, attribute: 'guest-can-post' }) guestCanPost = false;
  /** Edit mode: the post being edited (its `bodySource` prefills the form). */
  @property({ attribute: false }) post?: PostDto;
  /** Edit mode, opening post: the thread's current title. */
  @property({ attribute: false }) threadTitle = '';

  @state() private draftName = '';
  @state() private draftTitle = '';
  @state() private draftBody = '';
  @state() private draftWarning = '';
  @state() private anonymous = false;
  @state() private submitting = false;
  @state() private problem: Problem | null = null;
  @state() private showSignInHint = false;
  /** Why a signed-out visitor cannot post as they were: their sign-in ended, or guest posting closed. */
  @state() private ended: 'sessionEnded' | 'guestClosed' | null = null;
  /** The visitor chose "Post as a guest". */
  @state() private guest = false;
  /** A guest's write was stored: the confirmation shows in place of the form, with its outcome. */
  @state() private guestSent: ModerationOutcome | null | undefined;
  /** The write in flight or last failed: retried unchanged, it keeps its key. */
  private pending: { key: string; payload: string } | undefined;

  @query('textarea') private textarea?: HTMLTextAreaElement;

  private readonly guard = new WriteGuard(this, this.i18n, { field: () => this.textarea ?? null, resend: () => void this.send() });

  private get hasTitle(): boolean {
    return this.mode === 'new-thread' || (this.mode === 'edit' && !!this.post?.isOpening);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('signedIn') && this.signedIn) {
      this.ended = null;
      this.showSignInHint = false;
      this.guest = false;
      this.guestSent = undefined;
    }
    if (changed.has('post') && this.post && this.mode === 'edit') {
      this.draftBody = this.post.bodySource ?? '';
      this.draftWarning = this.post.contentWarning ?? '';
      this.draftTitle = this.threadTitle;
    }
  }

  /** Moves focus to the first field (or, signed out, the first choice). */
  async focusFirst(selector = 'input, textarea, button'): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The guest's name as the API reads it (spaces collapsed); it shows as "<name> (guest)". */
  private get chosenName(): string {
    return this.draftName.trim().replace(/\s+/g, ' ');
  }

  /** Writing as a guest: signed out, having chosen "Post as a guest". */
  private get asGuest(): boolean {
    return !this.signedIn && this.guest;
  }

  override render(): TemplateResult {
    if (this.asGuest && this.guestSent !== undefined) return this.renderGuestSent(this.guestSent);
    if (!this.signedIn && !this.guest && this.mode !== 'edit') {
      if (this.guestCanPost) return this.renderGuestChoice();
      if (this.mode === 'reply') return this.renderSignedOut();
    }
    return this.renderForm();
  }

  private renderEnded(): TemplateResult | typeof nothing {
    return this.ended ? html`<p class="error-text" part="error" role="alert">${this.i18n.msg(this.ended)}</p>` : nothing;
  }

  private renderSignInHint(): TemplateResult | typeof nothing {
    return this.showSignInHint ? html`<p class="muted" part="hint" role="status">${this.i18n.msg('signInHint')}</p>` : nothing;
  }

  private renderSignedOut(): TemplateResult {
    const t = this.i18n;
    return html`<div class="panel signed-out" part="composer sign-in">
      ${this.ended ? this.renderEnded() : html`<p>${t.msg('signedOutPrompt')}</p>`}
      <button class="button primary" part="button sign-in-button" @click=${this.requestSignIn}>${t.msg('signInToReply')}</button>
      ${this.renderSignInHint()}
    </div>`;
  }

  /** Signed out where guests may post: sign in, or post as a guest under a chosen name. */
  private renderGuestChoice(): TemplateResult {
    const t = this.i18n;
    const newThread = this.mode === 'new-thread';
    return html`<div
      class="panel stack guest-choice"
      part="composer sign-in guest-choice"
      role="group"
      aria-labelledby=${newThread ? 'composer-heading' : 'guest-choice-intro'}
      aria-describedby=${newThread ? 'guest-choice-intro' : nothing}
    >
      ${newThread ? html`<h3 id="composer-heading" part="composer-heading">${t.msg('newThreadHeading')}</h3>` : nothing}
      ${this.renderEnded()}
      <p id="guest-choice-intro">${t.msg(newThread ? 'guestChoiceThread' : 'guestChoiceReply')}</p>
      <div class="actions">
        <button type="button" class="button primary" part="button sign-in-button" @click=${this.requestSignIn}>${t.msg('signIn')}</button>
        <button type="button" class="button" part="button guest-button" @click=${this.postAsGuest}>${t.msg('postAsGuest')}</button>
        ${newThread ? html`<button type="button" class="button quiet" part="button cancel" @click=${this.cancel}>${t.msg('cancel')}</button>` : nothing}
      </div>
      ${this.renderSignInHint()}
    </div>`;
  }

  /**
   * After a guest's write: sent, awaiting review (and why), and that they will not see it here
   * until a moderator approves it. Said once, and focused, because the guest cannot come back to it.
   */
  private renderGuestSent(outcome: ModerationOutcome | null): TemplateResult {
    const t = this.i18n;
    const reply = this.mode === 'reply';
    return html`<div id="guest-sent" class="write-notice guest-sent" part="composer guest-sent" tabindex="-1" role="group" aria-labelledby="guest-sent-heading">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">${CLOCK}</svg>
      <div class="details-body">
        <h3 id="guest-sent-heading" class="notice-heading">${t.msg(reply ? 'guestReplySent' : 'guestThreadSent')}</h3>
        ${outcome?.status === 'published'
          ? nothing
          : html`<p><strong>${t.msg('modAwaitingLabel')}</strong> ${reasonText(t, outcome?.reason)}</p>
              <p>${t.msg('guestSentNote')}</p>`}
        <div class="notice-actions">
          <button type="button" class="button" part="button" @click=${reply ? this.writeAnother : this.cancel}>
            ${t.msg(reply ? 'guestWriteAnother' : 'back')}
          </button>
        </div>
      </div>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.i18n;
    const problem = this.problem;
    const guest = this.asGuest;
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
      ${this.renderEnded()}
      ${guest
        ? this.lineField('name', 'guestNameLabel', t.msg('guestNameHint', { name: this.chosenName || t.msg('guestNameExample') }), 40, 'nickname')
        : nothing}
      ${this.hasTitle ? this.lineField('title', 'titleLabel', t.msg('titleHint'), 200) : nothing}
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
      ${this.lineField('warning', 'contentWarningLabel', t.msg('contentWarningHint'), 120)}
      ${this.mode === 'edit' || guest
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
        ${this.mode === 'reply' && !guest
          ? nothing
          : html`<button type="button" class="button quiet" part="button cancel" @click=${this.mode === 'reply' ? this.leaveGuest : this.cancel}>
              ${t.msg('cancel')}
            </button>`}
      </div>
    </form>`;
  }

  /** A one-line field (a guest's name, title, content warning) with its label, hint and error. */
  private lineField(
    field: 'name' | 'title' | 'warning',
    label: 'guestNameLabel' | 'titleLabel' | 'contentWarningLabel',
    hint: string,
    maxlength: number,
    autocomplete = 'off',
  ): TemplateResult {
    const t = this.i18n;
    const problem = this.problem?.field === field ? this.problem : null;
    const draft = field === 'name' ? 'draftName' : field === 'title' ? 'draftTitle' : 'draftWarning';
    return html`<div part="field">
      <label for=${field} part="label">${t.msg(label)}</label>
      <p id="${field}-hint" class="muted hint" part="hint">${hint}</p>
      <input
        id=${field}
        part="input"
        maxlength=${maxlength}
        autocomplete=${autocomplete}
        ?required=${field === 'name'}
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

  private postAsGuest = (): void => {
    this.guest = true;
    this.showSignInHint = false;
    void this.focusFirst();
  };

  /** A guest's reply form: back to "Sign in" or "Post as a guest" (the draft stays). */
  private leaveGuest = (): void => {
    this.problem = null;
    this.guest = false;
    void this.focusFirst('[part~="guest-button"]');
  };

  /** A guest's reply was sent: the form again, for another (the name stays). */
  private writeAnother = (): void => {
    this.guestSent = undefined;
    void this.focusFirst('textarea');
  };

  private requestSignIn = (): void => {
    const event = this.emit('kindred-request-sign-in', { reason: this.mode === 'new-thread' ? 'new-thread' : 'reply' }, { cancelable: true });
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
    // The API takes 2 to 40 characters, spaces collapsed.
    const guestName = this.asGuest ? this.chosenName : undefined;
    const title = this.draftTitle.trim();
    const body = this.draftBody.trim();
    const contentWarning = this.draftWarning.trim() || undefined;
    if (guestName !== undefined && (guestName.length < 2 || guestName.length > 40)) return this.show({ field: 'name', key: 'guestNameInvalid' });
    if (this.hasTitle && (title.length < 3 || title.length > 200)) return this.show({ field: 'title', key: 'titleInvalid' });
    if (!body) return this.show({ field: 'body', key: 'bodyInvalid' });

    const anonymous = !guestName && this.anonymous;
    const payload = JSON.stringify([this.mode, this.threadId, this.group, title, body, contentWarning, anonymous, guestName]);
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
          this.guard.input({ threadId: this.threadId, body, contentWarning, anonymous, idempotencyKey, ...(guestName ? { guestName } : {}) }),
        );
        this.succeeded('replyPosted', await this.guard.written(moderation), guestName);
        // A guest's post is not shown to them (they could not see it again, nor edit it).
        if (!guestName) this.emit('kindred-posted', { post }, { composed: false });
        this.emit('kindred-reply-created', { threadId: post.threadId, postId: post.id });
      } else {
        const group = this.group || undefined;
        const { moderation, ...thread } = await client.mutate(
          'forum.createThread',
          this.guard.input({ group, title, body, contentWarning, anonymous, idempotencyKey, ...(guestName ? { guestName } : {}) }),
        );
        this.succeeded('threadPosted', await this.guard.written(moderation), guestName);
        if (!guestName) this.emit('kindred-posted', { thread }, { composed: false });
        this.emit('kindred-thread-created', { threadId: thread.id });
      }
    } catch (err) {
      this.failed(err);
    } finally {
      this.submitting = false;
    }
  };

  /**
   * Stored (and, if crisis resources were shown, they are closed): clear the draft, say what
   * happens next. A guest's confirmation takes the form's place and focus (their name stays).
   */
  private succeeded(key: MessageKey, outcome: ModerationOutcome | null, guestName?: string): void {
    this.pending = undefined;
    this.draftTitle = '';
    this.draftBody = '';
    this.draftWarning = '';
    this.anonymous = false;
    this.announce?.(this.guard.savedMessage(outcome, this.i18n.msg(key)));
    if (guestName) {
      this.guestSent = outcome;
      void this.focusFirst('#guest-sent');
    } else if (this.mode === 'reply') void this.updateComplete.then(() => this.textarea?.focus());
  }

  private failed(err: unknown): void {
    if (isAuthError(err)) {
      // A guest: the organisation turned guest posting off meanwhile (the forum asks the API
      // again what this visitor may do). A member: the forum has signed them out. Either way
      // the signed-out state says why, and the draft stays.
      this.ended = this.asGuest ? 'guestClosed' : 'sessionEnded';
      this.guest = false;
      return;
    }
    if (this.guard.refused(err)) return;
    if (err instanceof ApiError && err.kindredCode === 'VALIDATION_FAILED') {
      const path = err.issues[0]?.path;
      if (path === 'guestName') return void this.show({ field: 'name', key: 'guestNameInvalid' });
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

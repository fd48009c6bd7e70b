import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, isAuthError, newIdempotencyKey, type KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { sanitisedHtml } from '../core/html.ts';
import type { MessageKey } from '../core/i18n.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { WRITE_GUARD_PARTS, WriteGuard, writeGuardStyles } from '../core/moderation/write-guard.ts';
import { errorPanel, loadMoreButton } from '../core/parts.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import { requestSignIn } from './events.ts';
import { storiesContext } from './context.ts';
import { dateTemplate, heartIcon, storyAuthor, tagChips } from './parts.ts';
import type { StoryCommentDto, StoryDto } from './types.ts';
import { readerStyles } from './views.styles.ts';
import './views-messages.ts';

/**
 * Clients whose tenant turned comments off (from `stories.context`, or a refused comment if the
 * setting changed since): kept for every story they show.
 */
const commentsOffFor = new WeakSet<KindredClient>();

/**
 * One story: title, author, tags, the content warning as a note, the story itself (the API's
 * sanitised HTML), "Thank you for sharing" (a toggle with its count) and comments. When the
 * tenant turned comments off (`stories.context`), there is no comment box: comments written
 * before stay readable, and without any the section is not shown.
 *
 * @event kindred-request-sign-in - cancelable, `{ reason: 'thank' | 'reply' }`
 * @event kindred-story-changed - internal: thanked or unthanked (the gallery updates its card)
 * @event kindred-story-back - internal: "Back to stories"
 */
export class StoryReader extends KindredElement {
  static readonly parts = [
    'reader',
    'back',
    'story-header',
    'story-heading',
    'story-meta',
    'author',
    'time',
    'tags',
    'tag',
    'content-warning',
    'story-body',
    'thanks',
    'thank-button',
    'thanks-count',
    'comments',
    'comments-heading',
    'comment-list',
    'comment',
    'comment-author',
    'comment-body',
    'comment-status',
    'comment-form',
    'comments-off',
    'sign-in-button',
    'label',
    'textarea',
    'submit',
    'hint',
    'button',
    'error',
    'retry',
    'load-more',
    ...WRITE_GUARD_PARTS,
  ] as const;
  static override styles = [baseStyles, viewStyles, listStyles, readerStyles, writeGuardStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  @property({ attribute: false }) story!: StoryDto;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  @state() private thanking = false;
  @state() private thankNotice: MessageKey | null = null;
  @state() private draft = '';
  @state() private posting = false;
  @state() private commentProblem: MessageKey | null = null;
  @state() private signInHint = false;
  @state() private commentsOff = false;
  /** Whether comments are on is known (the context answered, or failed: then assumed on). */
  @state() private commentsKnown = false;
  /** The comment in flight or last failed: retried unchanged, it keeps its key. */
  private pending: { key: string; body: string } | undefined;
  private readonly guard = new WriteGuard(this, this.i18n, {
    id: 'comment',
    field: () => this.commentField,
    resend: () => void this.sendComment(),
  });

  private get commentField(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('#comment');
  }

  private readonly comments = new KeysetPager<StoryCommentDto>(this, (cursor, signal) =>
    this.client!.query('stories.comments', { storyId: this.story.id, cursor }, { signal }),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    const storyChanged = changed.has('story') && changed.get('story')?.id !== this.story.id;
    if (changed.has('client') && this.client) this.checkComments(this.client);
    if ((storyChanged || changed.has('client')) && this.client) void this.comments.reload();
    else if (changed.has('signedIn') && changed.get('signedIn') !== undefined) {
      // Signing in clears the sign-in hints; signing out keeps "Your sign-in has ended".
      if (this.signedIn) {
        this.signInHint = false;
        this.thankNotice = null;
      }
      void this.comments.refresh();
    }
  }

  private checkComments(client: KindredClient): void {
    this.commentsOff = commentsOffFor.has(client);
    this.commentsKnown = this.commentsOff;
    if (this.commentsKnown) return;
    const known = (off: boolean) => {
      if (this.client !== client) return;
      if (off) commentsOffFor.add(client);
      this.commentsOff = off;
      this.commentsKnown = true;
    };
    // Failed: offer the comment box; the API still refuses a comment if they are off.
    void storiesContext(client).then((context) => known(!context.commentsEnabled), () => known(false));
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#story-heading')?.focus();
  }

  private back = (): void => void this.emit('kindred-story-back', {}, { composed: false });

  private thank = async (): Promise<void> => {
    if (!this.signedIn) {
      this.thankNotice = requestSignIn(this, 'thank') ? null : 'thankSignInHint';
      return;
    }
    const client = this.client;
    if (!client || this.thanking) return;
    const on = !this.story.thankedByMe;
    this.thanking = true;
    this.thankNotice = null;
    try {
      const result = await client.mutate('stories.thank', { storyId: this.story.id, on });
      const story = { ...this.story, ...result };
      this.story = story;
      this.announce?.(this.i18n.msg(on ? 'thanked' : 'unthanked'));
      this.emit('kindred-story-changed', { story }, { composed: false });
    } catch (err) {
      this.thankNotice = isAuthError(err) ? 'storySessionEnded' : 'thankFailed';
    } finally {
      this.thanking = false;
    }
  };

  private askToSignIn = (): void => {
    this.signInHint = !requestSignIn(this, 'reply');
  };

  private postComment = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.sendComment();
  };

  /** Sends the comment (the form's submit, and "Post anyway"). */
  private sendComment = async (): Promise<void> => {
    const client = this.client;
    const body = this.draft.trim();
    if (!client || this.posting || this.guard.blocked) return;
    if (!body) {
      this.commentProblem = 'commentEmpty';
      await this.updateComplete;
      this.commentField?.focus();
      return;
    }
    if (this.pending?.body !== body) this.pending = { key: newIdempotencyKey(), body };
    this.posting = true;
    this.commentProblem = null;
    this.guard.clear();
    try {
      const { moderation, ...comment } = await client.mutate(
        'stories.addComment',
        this.guard.input({ storyId: this.story.id, body, idempotencyKey: this.pending.key }),
      );
      const outcome = await this.guard.written(moderation);
      this.pending = undefined;
      this.draft = '';
      this.comments.add(comment, 'end');
      this.announce?.(this.guard.savedMessage(outcome, this.i18n.msg(comment.status === 'pending' ? 'commentPendingHint' : 'commentPosted')));
      if (outcome?.crisisResources) {
        // Closing the resources returns here: back to the comment box.
        await this.updateComplete;
        this.commentField?.focus();
      }
    } catch (err) {
      if (this.guard.refused(err)) return;
      if (err instanceof ApiError && err.kindredCode === 'FORBIDDEN_ACTION') {
        commentsOffFor.add(client);
        this.commentsOff = true;
        this.announce?.(this.i18n.msg('commentsOff'));
      } else {
        this.commentProblem = isAuthError(err) ? 'storySessionEnded' : 'commentFailed';
      }
    } finally {
      this.posting = false;
    }
  };

  override render(): TemplateResult {
    const t = this.i18n;
    const story = this.story;
    return html`<article class="reader" part="reader" aria-labelledby="story-heading">
      <button class="button quiet back" part="button back" @click=${this.back}>
        <span aria-hidden="true">←</span> ${t.msg('backToStories')}
      </button>
      <header class="story-header" part="story-header">
        <h2 id="story-heading" part="story-heading" tabindex="-1">${story.title}</h2>
        <p class="meta muted" part="story-meta">
          <span part="author">${t.msg('storyBy', { name: storyAuthor(t, story) })}</span>
          ${dateTemplate(t, story.publishedAt)}
        </p>
        ${tagChips(t, story)}
      </header>
      ${story.contentWarning
        ? html`<p class="content-warning note" part="content-warning">${t.msg('storyWarning', { warning: story.contentWarning })}</p>`
        : nothing}
      <div class="rich story-body" part="story-body">${sanitisedHtml(story.bodyHtml)}</div>
      ${this.renderThanks()} ${this.renderComments()}
    </article>`;
  }

  private renderThanks(): TemplateResult {
    const t = this.i18n;
    const story = this.story;
    if (story.isOwn) {
      return html`<div class="thanks-row" part="thanks">
        <p class="thanks" part="thanks-count">${heartIcon}${t.msg('thanksOnOwn', { count: story.thanksCount })}</p>
      </div>`;
    }
    return html`<div class="thanks-row" part="thanks">
      <button
        class="button thank ${story.thankedByMe ? 'on' : ''}"
        part="button thank-button"
        aria-pressed=${story.thankedByMe ? 'true' : 'false'}
        aria-describedby="thanks-count"
        ?disabled=${this.thanking}
        @click=${this.thank}
      >
        ${heartIcon} ${t.msg('thankButton')}
      </button>
      <span id="thanks-count" class="muted" part="thanks-count">${story.thanksCount ? t.msg('storyThanks', { count: story.thanksCount }) : ''}</span>
      ${this.thankNotice
        ? html`<p class=${this.thankNotice === 'thankSignInHint' ? 'muted notice' : 'error-text notice'} part=${this.thankNotice === 'thankSignInHint' ? 'hint' : 'error'} role="status">
            ${t.msg(this.thankNotice)}
          </p>`
        : nothing}
    </div>`;
  }

  private renderComments(): TemplateResult | typeof nothing {
    const t = this.i18n;
    const { comments } = this;
    // Comments turned off and none to show: nothing at all, rather than an empty section.
    if (this.commentsOff && comments.status !== 'error' && !comments.items.length) return nothing;
    return html`<section class="comments" part="comments" aria-labelledby="comments-heading">
      <h3 id="comments-heading" part="comments-heading">${t.msg('commentsHeading', { count: comments.items.length })}</h3>
      ${comments.loading || !this.commentsKnown
        ? html`<p class="muted" aria-busy="true">${t.msg('loadingStoryView')}</p>`
        : comments.status === 'error'
          ? errorPanel(t, comments.error, () => void this.comments.reload())
          : html`${comments.items.length
                ? html`<ul class="comment-list" part="comment-list" role="list">${comments.items.map((c) => this.renderComment(c))}</ul>`
                : this.commentsOff
                  ? nothing
                  : html`<p class="muted">${t.msg('noComments')}</p>`}
              ${loadMoreButton(comments, t, 'loadMoreComments', () => void this.comments.loadMore())}`}
      ${this.renderCommentForm()}
    </section>`;
  }

  private renderComment(comment: StoryCommentDto): TemplateResult {
    const t = this.i18n;
    return html`<li class="comment" part="comment">
      <p class="comment-meta muted">
        <span class="comment-author" part="comment-author">${comment.author.displayName}</span>
        <time part="time" datetime=${comment.createdAt} title=${t.dateTime(comment.createdAt)}>${t.relativeTime(comment.createdAt)}</time>
        ${comment.status === 'pending' ? html`<span class="status" part="comment-status">${t.msg('commentPending')}</span>` : nothing}
      </p>
      <div class="rich" part="comment-body">${sanitisedHtml(comment.bodyHtml)}</div>
    </li>`;
  }

  private renderCommentForm(): TemplateResult | typeof nothing {
    const t = this.i18n;
    if (!this.commentsKnown) return nothing;
    if (this.commentsOff) return html`<p class="muted" part="comments-off">${t.msg('commentsOff')}</p>`;
    if (!this.signedIn) {
      return html`<div class="comment-sign-in" part="comment-form">
        <button class="button" part="button sign-in-button" @click=${this.askToSignIn}>${t.msg('signInToComment')}</button>
        ${this.signInHint ? html`<p class="muted" part="hint" role="status">${t.msg('thankSignInHint')}</p>` : nothing}
      </div>`;
    }
    const problem = this.commentProblem;
    return html`<form class="comment-form" part="comment-form" novalidate aria-busy=${this.posting ? 'true' : 'false'} @submit=${this.postComment}>
      <label for="comment" part="label">${t.msg('commentLabel')}</label>
      <p id="comment-hint" class="muted hint" part="hint">${t.msg('commentHint')}</p>
      <textarea
        id="comment"
        part="textarea"
        rows="3"
        maxlength="5000"
        .value=${this.draft}
        aria-invalid=${problem === 'commentEmpty' || this.guard.textRefused ? 'true' : 'false'}
        aria-describedby="comment-hint ${problem ? 'comment-error' : ''} ${this.guard.describedBy}"
        @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${problem ? html`<p id="comment-error" class="field-error" part="error" role="alert">${t.msg(problem)}</p>` : nothing}
      ${this.guard.renderFieldError()} ${this.guard.render()}
      <button class="button primary" part="button submit" ?disabled=${this.posting || this.guard.blocked}>${t.msg(this.posting ? 'postingComment' : 'postComment')}</button>
    </form>`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ForumContextDto, ThreadSummaryDto } from '../core/api-types.ts';
import type { KindredEvent } from '../core/events.ts';
import { whenStrings, type Locale } from '../core/i18n.ts';
import { KindredWidget } from '../core/kindred-widget.ts';
import { baseStyles } from '../core/styles.ts';
import { themeTokens } from '../core/theme.ts';
import { forumStyles } from './forum.styles.ts';
import './messages.ts';
import { loadingCards } from '../core/parts.ts';
import { joinPanel } from './parts.ts';
import { ForumThreadList } from './thread-list.component.ts';

type ThreadParts = typeof import('./thread-parts.ts');
/** The thread view, posts and composers: a chunk of their own, loaded on first use. */
let threadParts: Promise<ThreadParts> | undefined;
/** The thread chunk, and its strings in this language (they register as it loads). */
const loadThreadParts = async (locale: Locale): Promise<ThreadParts> => {
  const parts = await (threadParts ??= import('./thread-parts.ts'));
  await whenStrings(locale);
  return parts;
};

/**
 * A support forum: a list of conversations, a thread view, and composers for signed-in members
 * (and for guests, in the general forum of an organisation that allows guest posting: then
 * "Sign in to start a conversation" opens the lazily loaded composer, which offers "Sign in" or
 * "Post as a guest", so the signed-out first render stays as small as before).
 *
 * @attr key - the tenant's publishable key (`pk_...`). Required unless `.client` is set.
 * @attr group - a group's slug; omitted: the general forum.
 * @attr token - the member's token; wins over `Kindred.setToken()`.
 * @attr theme - `light` (default), `dark` or `auto` (follows the device).
 * @attr api-base - where the API is; default: the origin kindred.js came from.
 * @attr lang - `en` or `es`; default: the nearest `lang` up the page, else English.
 * @event kindred-request-sign-in - cancelable, `{ reason: 'reply' | 'new-thread' }`
 * @event kindred-request-token - cancelable, `{ reason: 'expired' }`; cancel it to say "a fresh token is coming".
 * @event kindred-thread-created - `{ threadId }`
 * @event kindred-reply-created - `{ threadId, postId }`
 * @event kindred-request-join - cancelable, `{ group }`: a signed-in member who may not post asked to join the group.
 * @cssproperty --kindred-forum-min-height - height kept while the forum loads (default 28rem).
 */
export class KindredForum extends KindredWidget {
  /** The frame's and the list's parts; the thread view's are listed on ForumThreadView. */
  static readonly parts = ['base', 'header', 'heading', 'medical-notice', 'members-only', 'join', 'join-button', 'start-thread', 'sign-in', 'sign-in-button', 'hint', ...ForumThreadList.parts] as const;
  static override styles = [themeTokens, baseStyles, forumStyles];

  @property() group = '';

  @state() private openThread: ThreadSummaryDto | null = null;
  /** What `forum.context` said: notice, group, canRead, canPost. */
  @state() private context?: ForumContextDto;
  @state() private contextFailed = false;
  @state() private parts?: ThreadParts;
  @state() private composing = false;
  @state() private hint: 'sign-in' | 'join' | null = null;

  private get list(): ForumThreadList | null {
    return this.renderRoot.querySelector('kindred-forum-thread-list');
  }

  private get threadView(): HTMLElementTagNameMap['kindred-forum-thread-view'] | null {
    return this.renderRoot.querySelector('kindred-forum-thread-view');
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { clientChanged, memberChanged, refusedChanged } = this.member.sync();
    if (clientChanged || changed.has('group') || memberChanged || refusedChanged) void this.reloadContext();
  }

  /**
   * Asks the API again what this member may do here (call it after the member joined the group,
   * e.g. when handling `kindred-request-join`). Runs on start and whenever the sign-in changes.
   */
  async reloadContext(): Promise<void> {
    const client = this.member.api;
    if (!client) return;
    this.hint = null;
    try {
      this.context = await client.query('forum.context', { group: this.group || undefined });
      this.contextFailed = false;
    } catch {
      // The list shows its own error and Retry; without context the forum assumes the defaults.
      this.contextFailed = true;
    }
  }

  private open = async (event: KindredEvent<'kindred-open-thread'>): Promise<void> => {
    this.parts = await loadThreadParts(this.i18n.locale);
    this.openThread = event.detail.thread;
    await this.updateComplete;
    await this.threadView?.focusHeading();
  };

  private startThread = async (): Promise<void> => {
    this.parts = await loadThreadParts(this.i18n.locale);
    this.composing = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<HTMLElementTagNameMap['kindred-forum-composer']>('kindred-forum-composer')?.focusFirst();
  };

  private stopComposing = async (): Promise<void> => {
    this.composing = false;
    await this.updateComplete;
    // Back to the button that opened it: "Start a conversation", or signed out "Sign in to start…".
    this.renderRoot.querySelector<HTMLElement>('header button')?.focus();
  };

  private requestSignIn = (): void => {
    const event = this.emit('kindred-request-sign-in', { reason: 'new-thread' }, { cancelable: true });
    // Nobody on the page took it: tell the member where to sign in.
    this.hint = event.defaultPrevented ? null : 'sign-in';
  };

  private requestJoin = (): void => {
    const group = this.context?.group?.slug ?? this.group;
    const event = this.emit('kindred-request-join', { group }, { cancelable: true });
    this.hint = event.defaultPrevented ? null : 'join';
  };

  private close = async (): Promise<void> => {
    const id = this.openThread?.id;
    this.openThread = null;
    if (id) await this.list?.focusThread(id);
  };

  private onPosted = async (event: KindredEvent<'kindred-posted'>): Promise<void> => {
    if (!('thread' in event.detail)) return;
    this.composing = false;
    this.list?.addThread(event.detail.thread);
    this.openThread = event.detail.thread;
    await this.updateComplete;
    await this.threadView?.focusHeading();
  };

  private onReplyCreated = (event: KindredEvent<'kindred-reply-created'>): void => {
    this.list?.countReply(event.detail.threadId, new Date().toISOString());
  };

  override render(): TemplateResult {
    const t = this.i18n;
    const lang = t.locale;
    const thread = this.openThread;
    const context = this.context;
    // A group's forum waits for the context (it may not be readable); the general one loads at once.
    const waiting = !context && !this.contextFailed && this.group !== '';
    const readable = context?.canRead ?? true;
    if (this.waitForStrings()) return html`<section class="forum" part="base" aria-busy="true"></section>`;
    return html`<section class="forum" part="base" aria-labelledby="forum-heading" @kindred-reply-created=${this.onReplyCreated}>
      ${this.renderLiveRegion()}
      <div class="list-view" ?hidden=${thread !== null}>
        <header class="forum-header" part="header">
          <h2 id="forum-heading" part="heading">${t.msg('forumHeading')}</h2>
          ${this.composing || !readable ? nothing : this.renderStart()}
        </header>
        ${context?.medicalNotice && readable
          ? html`<p class="notice" part="medical-notice">
              <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" stroke-width="1.6" /><path d="M10 9v5M10 6.2v.3" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" /></svg>
              <span>${context.medicalNotice}</span>
            </p>`
          : nothing}
        ${this.composing && this.parts
          ? html`<kindred-forum-composer
              mode="new-thread"
              group=${this.group}
              ?signed-in=${this.currentToken !== null}
              .guestCanPost=${context?.guestCanPost}
              lang=${lang}
              exportparts=${this.parts.ForumComposer.parts.join(', ')}
              @kindred-posted=${this.onPosted}
              @kindred-compose-cancelled=${this.stopComposing}
            ></kindred-forum-composer>`
          : nothing}
        ${waiting
          ? loadingCards(t.msg('loadingThreads'), 3)
          : readable
            ? html`<kindred-forum-thread-list
                group=${this.group}
                ?signed-in=${this.currentToken !== null}
                lang=${lang}
                exportparts=${ForumThreadList.parts.join(', ')}
                @kindred-open-thread=${this.open}
              ></kindred-forum-thread-list>`
            : html`<div class="panel members-only" part="members-only">
                <p class="members-only-title">${t.msg('groupMembersOnlyTitle', { group: context?.group?.name ?? this.group })}</p>
                <p class="muted">${t.msg('groupMembersOnlyHint')}</p>
                ${this.currentToken === null ? this.renderSignIn() : joinPanel(t, this.hint === 'join', this.requestJoin)}
              </div>`}
      </div>
      ${thread && this.parts
        ? html`<kindred-forum-thread-view
            .summary=${thread}
            group=${this.group}
            ?signed-in=${this.currentToken !== null}
            .guestCanPost=${context?.guestCanPost}
            lang=${lang}
            exportparts=${this.parts.ForumThreadView.parts.join(', ')}
            @kindred-close-thread=${this.close}
          ></kindred-forum-thread-view>`
        : nothing}
    </section>`;
  }

  /** Start a conversation; or sign in; or join the group first. */
  private renderStart(): TemplateResult | typeof nothing {
    const t = this.i18n;
    if (this.currentToken === null) return this.renderSignIn();
    if (!this.context) return nothing;
    if (!this.context.canPost) return joinPanel(t, this.hint === 'join', this.requestJoin);
    return html`<button class="button primary" part="button start-thread" @click=${this.startThread}>
      <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><path d="M10 4v12M4 10h12" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
      ${t.msg('startThread')}
    </button>`;
  }

  private renderSignIn(): TemplateResult {
    const t = this.i18n;
    return html`<div class="sign-in" part="sign-in">
      <button class="button primary" part="button sign-in-button" @click=${this.context?.guestCanPost ? this.startThread : this.requestSignIn}>${t.msg('signInToStart')}</button>
      ${this.hint === 'sign-in' ? html`<p class="muted" part="hint" role="status">${t.msg('signInHint')}</p>` : nothing}
    </div>`;
  }
}

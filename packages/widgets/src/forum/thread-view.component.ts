import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KindredClient } from '../core/api-client.ts';
import type { PostDto, ThreadEvent, ThreadSummaryDto } from '../core/api-types.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import type { KindredEvent } from '../core/events.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import './thread-messages.ts';
import { WhileVisible } from '../core/visibility.ts';
import { ForumComposer } from './composer.component.ts';
import { threadViewStyles } from './thread.styles.ts';
import { errorPanel, loadMoreButton, skeletonCards } from '../core/parts.ts';
import { authorName, joinPanel } from './parts.ts';
import { ForumPost } from './post.component.ts';

/**
 * One thread: its opening post, its replies (the ones the author marked helpful first, then
 * oldest first) with "Load more replies", and a composer. While it is on screen and the page is
 * visible it follows the thread live: new replies appear in place, edits, deletions and reaction
 * counts update.
 *
 * @event kindred-close-thread - internal: back to the list.
 */
export class ForumThreadView extends KindredElement {
  static readonly parts = [
    'thread-view',
    'back',
    'thread-heading',
    'thread-meta',
    'replies-heading',
    'post-list',
    'skeleton',
    'error',
    'button',
    'retry',
    'load-more',
    'join',
    'join-button',
    'hint',
    ...ForumPost.parts,
    ...ForumComposer.parts,
  ] as const;
  static override styles = [baseStyles, viewStyles, listStyles, threadViewStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  /** The thread as the list knew it: its title shows at once, before the posts load. */
  @property({ attribute: false }) summary?: ThreadSummaryDto;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;
  @property() group = '';
  /** Signed out, the visitor may reply as a guest (forum.context's `guestCanPost`). */
  @property({ type: Boolean, attribute: 'guest-can-post' }) guestCanPost = false;

  /** The thread as the last page of posts reported it. */
  @state() private thread?: ThreadSummaryDto;
  @state() private canReply = true;
  @state() private joinHint = false;

  private readonly pager = new KeysetPager<PostDto>(this, async (cursor, signal) => {
    const result = await this.client!.query('forum.getThread', { threadId: this.summary!.id, cursor }, { signal });
    this.thread = result.thread;
    this.canReply = result.canReply;
    return result.posts;
  });

  private readonly live = new WhileVisible(this, (signal) => {
    if (!this.client || !this.summary) return;
    this.client.subscribe('forum.onThread', { threadId: this.summary.id }, { signal, onData: this.onLive });
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('summary')) this.thread = this.summary;
    if ((changed.has('client') || changed.has('summary')) && this.client && this.summary) {
      void this.load();
      this.live.restart();
    } else if (changed.has('signedIn') && changed.get('signedIn') !== undefined && this.client && this.summary) {
      // Who may reply, and which posts are the member's own, depend on who is signed in.
      void this.pager.refresh();
      this.live.restart();
    }
  }

  async load(): Promise<void> {
    await this.pager.reload();
    if (this.pager.status === 'ready' && this.thread) {
      this.announce?.(this.i18n.msg('repliesHeading', { count: this.thread.replyCount }));
    }
  }

  /** Moves focus to the thread's title (on open). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private loadMore = async (): Promise<void> => {
    const added = await this.pager.loadMore();
    const first = added[0];
    if (!first) return;
    this.announce?.(this.i18n.msg('moreRepliesLoaded', { count: added.length }));
    await this.updateComplete;
    const post = this.renderRoot.querySelector<ForumPost>(`kindred-forum-post[data-id="${CSS.escape(first.id)}"]`);
    await post?.updateComplete;
    post?.renderRoot.querySelector<HTMLElement>('article')?.focus();
  };

  private replace(post: PostDto): boolean {
    const index = this.pager.items.findIndex((p) => p.id === post.id);
    if (index < 0) return false;
    this.pager.items = this.pager.items.map((p, i) => (i === index ? post : p));
    this.requestUpdate();
    return true;
  }

  private addReply(post: PostDto): boolean {
    if (this.pager.items.some((p) => p.id === post.id) || !this.thread) return false;
    this.pager.add(post, 'end');
    this.thread = { ...this.thread, replyCount: this.thread.replyCount + 1 };
    return true;
  }

  private requestJoin = (): void => {
    const event = this.emit('kindred-request-join', { group: this.thread?.group ?? this.group }, { cancelable: true });
    this.joinHint = !event.defaultPrevented;
  };

  private onPosted = (event: KindredEvent<'kindred-posted'>): void => {
    if ('post' in event.detail) this.addReply(event.detail.post);
  };

  private onPostChanged = (event: KindredEvent<'kindred-post-changed'>): void => {
    this.replace(event.detail.post);
    if (event.detail.title && this.thread) this.thread = { ...this.thread, title: event.detail.title };
  };

  private onLive = (event: ThreadEvent): void => {
    if (event.type === 'reactions.changed') {
      const post = this.pager.items.find((p) => p.id === event.postId);
      if (post) this.replace({ ...post, reactions: event.reactions });
    } else if (event.type === 'post.updated') {
      this.replace(event.post);
    } else if (this.addReply(event.post) && !event.post.isOwn) {
      this.announce?.(this.i18n.msg('newReplies', { count: 1 }));
    }
  };

  override render(): TemplateResult {
    const t = this.i18n;
    const thread = this.thread;
    const { pager } = this;
    const opening = pager.items.find((p) => p.isOpening);
    const replies = pager.items.filter((p) => !p.isOpening);
    // Server order puts helpful replies first; keep that when one is marked here.
    const ordered = [...replies.filter((p) => p.markedHelpful), ...replies.filter((p) => !p.markedHelpful)];
    return html`<article class="thread-view" part="thread-view" aria-busy=${pager.loading ? 'true' : 'false'}>
      <button class="button quiet back" part="button back" @click=${() => this.emit('kindred-close-thread', {}, { composed: false })}>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><path d="M12 4l-6 6 6 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" /></svg>
        ${t.msg('back')}
      </button>
      <header class="thread-header">
        <h2 tabindex="-1" part="thread-heading">${thread?.title}</h2>
        ${thread
          ? html`<p class="muted" part="thread-meta">
              ${t.msg('startedBy', { name: authorName(t, thread) })} ·
              <time datetime=${thread.createdAt} title=${t.dateTime(thread.createdAt)}>${t.relativeTime(thread.createdAt)}</time>
            </p>`
          : nothing}
      </header>
      ${pager.loading
        ? html`<p class="visually-hidden">${t.msg('loadingThread')}</p>
            ${skeletonCards(2)}`
        : pager.status === 'error'
          ? errorPanel(t, pager.error, () => void this.load())
          : html`<div @kindred-post-changed=${this.onPostChanged}>
                ${opening ? this.renderPost(opening) : nothing}
                <h3 class="replies-heading" part="replies-heading">${t.msg('repliesHeading', { count: thread?.replyCount ?? replies.length })}</h3>
                ${ordered.length
                  ? html`<ol class="posts" part="post-list" role="list">
                      ${ordered.map((post) => html`<li>${this.renderPost(post)}</li>`)}
                    </ol>`
                  : nothing}
              </div>
              ${loadMoreButton(pager, t, 'loadMoreReplies', this.loadMore)}
              ${this.canReply || !this.signedIn
                ? html`<kindred-forum-composer
                    mode="reply"
                    thread-id=${this.summary?.id ?? ''}
                    ?signed-in=${this.signedIn}
                    ?guest-can-post=${this.guestCanPost}
                    lang=${t.locale}
                    exportparts=${ForumComposer.parts.join(', ')}
                    @kindred-posted=${this.onPosted}
                  ></kindred-forum-composer>`
                : joinPanel(t, this.joinHint, this.requestJoin)}`}
    </article>`;
  }

  private renderPost(post: PostDto): TemplateResult {
    return html`<kindred-forum-post
      data-id=${post.id}
      .post=${post}
      .threadTitle=${this.thread?.title ?? ''}
      ?thread-own=${this.thread?.isOwn ?? false}
      ?signed-in=${this.signedIn}
      group=${this.group}
      lang=${this.i18n.locale}
      exportparts=${ForumPost.parts.join(', ')}
    ></kindred-forum-post>`;
  }
}

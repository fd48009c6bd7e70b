import { consume } from '@lit/context';
import type { PostDto, ThreadSummaryDto } from '@kindred/api/router';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import type { KindredEvent } from '../core/events.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { baseStyles } from '../core/styles.ts';
import { paragraphs } from '../core/text.ts';
import { ForumComposer } from './composer.component.ts';
import { threadViewStyles } from './forum.styles.ts';
import { avatar, errorPanel, loadMoreButton, skeletonCards } from './parts.ts';

/**
 * One thread: its opening post, its replies oldest first with "Load more replies", and a composer.
 *
 * @event kindred-close-thread - internal: back to the list.
 */
export class ForumThreadView extends KindredElement {
  static readonly parts = [
    'thread-view',
    'back',
    'thread-heading',
    'thread-meta',
    'post',
    'opening-post',
    'post-header',
    'post-author',
    'avatar',
    'post-time',
    'post-body',
    'replies-heading',
    'post-list',
    'skeleton',
    'error',
    'button',
    'retry',
    'load-more',
    ...ForumComposer.parts,
  ] as const;
  static override styles = [baseStyles, threadViewStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  /** The thread as the list knew it: its title shows at once, before the posts load. */
  @property({ attribute: false }) summary?: ThreadSummaryDto;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  /** The thread as the last page of posts reported it. */
  @state() private thread?: ThreadSummaryDto;

  private readonly pager = new KeysetPager<PostDto>(this, async (cursor, signal) => {
    const result = await this.client!.query('forum.getThread', { threadId: this.summary!.id, cursor }, { signal });
    this.thread = result.thread;
    return result.posts;
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('summary')) this.thread = this.summary;
    if ((changed.has('client') || changed.has('summary')) && this.client && this.summary) void this.load();
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
    this.renderRoot.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(first.id)}"]`)?.focus();
  };

  private onPosted = (event: KindredEvent<'kindred-posted'>): void => {
    if (!('post' in event.detail) || !this.thread) return;
    this.pager.add(event.detail.post, 'end');
    this.thread = { ...this.thread, replyCount: this.thread.replyCount + 1 };
  };

  override render(): TemplateResult {
    const t = this.i18n;
    const thread = this.thread;
    const { pager } = this;
    const opening = pager.items.find((p) => p.isOpening);
    const replies = pager.items.filter((p) => !p.isOpening);
    return html`<article class="thread-view" part="thread-view" aria-busy=${pager.loading ? 'true' : 'false'}>
      <button class="button quiet back" part="button back" @click=${() => this.emit('kindred-close-thread', {}, { composed: false })}>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><path d="M12 4l-6 6 6 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" /></svg>
        ${t.msg('back')}
      </button>
      <header class="thread-header">
        <h2 tabindex="-1" part="thread-heading">${thread?.title}</h2>
        ${thread
          ? html`<p class="muted" part="thread-meta">
              ${t.msg('startedBy', { name: thread.author.displayName })} ·
              <time datetime=${thread.createdAt} title=${t.dateTime(thread.createdAt)}>${t.relativeTime(thread.createdAt)}</time>
            </p>`
          : nothing}
      </header>
      ${pager.loading
        ? html`<p class="visually-hidden">${t.msg('loadingThread')}</p>
            ${skeletonCards(2)}`
        : pager.status === 'error'
          ? errorPanel(t, pager.error, () => void this.load())
          : html`${opening ? this.renderPost(opening) : nothing}
              <h3 class="replies-heading" part="replies-heading">${t.msg('repliesHeading', { count: thread?.replyCount ?? replies.length })}</h3>
              ${replies.length
                ? html`<ol class="posts" part="post-list" role="list">
                    ${replies.map((post) => html`<li>${this.renderPost(post)}</li>`)}
                  </ol>`
                : nothing}
              ${loadMoreButton(pager, t, 'loadMoreReplies', this.loadMore)}
              <kindred-forum-composer
                mode="reply"
                thread-id=${this.summary?.id ?? ''}
                ?signed-in=${this.signedIn}
                lang=${this.i18n.locale}
                exportparts=${ForumComposer.parts.join(', ')}
                @kindred-posted=${this.onPosted}
              ></kindred-forum-composer>`}
    </article>`;
  }

  private renderPost(post: PostDto): TemplateResult {
    const t = this.i18n;
    return html`<article
      class="post ${post.isOpening ? 'opening' : ''}"
      part=${post.isOpening ? 'post opening-post' : 'post'}
      data-post-id=${post.id}
      tabindex="-1"
      aria-label=${post.isOpening ? t.msg('openingPost') : nothing}
    >
      <header class="post-header" part="post-header">
        ${avatar(post.author.displayName)}
        <span class="post-author" part="post-author">${post.author.displayName}</span>
        <time class="muted" part="post-time" datetime=${post.createdAt} title=${t.dateTime(post.createdAt)}
          >${t.relativeTime(post.createdAt)}</time
        >
      </header>
      <div class="post-body" part="post-body">${paragraphs(post.body).map((p) => html`<p>${p}</p>`)}</div>
    </article>`;
  }
}

import { consume } from '@lit/context';
import type { ThreadSummaryDto } from '@kindred/api/router';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { baseStyles } from '../core/styles.ts';
import { threadListStyles } from './forum.styles.ts';
import { errorPanel, loadMoreButton, replyIcon, skeletonCards } from './parts.ts';

/**
 * The list of a forum's threads, newest activity first, with "Load more".
 *
 * @event kindred-open-thread - internal: the member chose a thread.
 */
export class ForumThreadList extends KindredElement {
  static readonly parts = [
    'thread-list',
    'thread',
    'thread-title',
    'thread-link',
    'thread-excerpt',
    'thread-meta',
    'author',
    'reply-count',
    'time',
    'empty',
    'skeleton',
    'error',
    'button',
    'retry',
    'load-more',
  ] as const;
  static override styles = [baseStyles, threadListStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  /** A group's slug; empty for the tenant's general forum. */
  @property() group = '';

  private readonly pager = new KeysetPager<ThreadSummaryDto>(this, (cursor, signal) =>
    this.client!.query('forum.listThreads', { group: this.group || undefined, cursor }, { signal }),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('group')) && this.client) void this.load();
  }

  async load(): Promise<void> {
    await this.pager.reload();
    if (this.pager.status === 'ready') this.announce?.(this.i18n.msg('threadsLoaded', { count: this.pager.items.length }));
  }

  private loadMore = async (): Promise<void> => {
    const added = await this.pager.loadMore();
    const first = added[0];
    if (!first) return;
    this.announce?.(this.i18n.msg('moreThreadsLoaded', { count: added.length }));
    // Continue from the first new thread rather than leaving focus at the bottom.
    await this.focusThread(first.id);
  };

  /** Shows a thread the member just created at the top. */
  addThread(thread: ThreadSummaryDto): void {
    this.pager.add(thread, 'start');
  }

  /** Counts a reply the member just posted. */
  countReply(threadId: string, at: string): void {
    const thread = this.pager.items.find((t) => t.id === threadId);
    if (!thread) return;
    this.pager.add({ ...thread, replyCount: thread.replyCount + 1, lastActivityAt: at }, 'start');
  }

  async focusThread(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`[data-thread-id="${CSS.escape(id)}"]`)?.focus();
  }

  override render(): TemplateResult {
    const { pager } = this;
    const t = this.i18n;
    if (pager.loading) {
      return html`<div aria-busy="true">
        <p class="visually-hidden">${t.msg('loadingThreads')}</p>
        ${skeletonCards(3)}
      </div>`;
    }
    if (pager.status === 'error') return errorPanel(t, pager.error, () => void this.load());
    if (!pager.items.length) {
      return html`<div class="empty panel" part="empty">
        <p class="empty-title">${t.msg('emptyTitle')}</p>
        <p class="muted">${t.msg('emptyHint')}</p>
      </div>`;
    }
    return html`<div aria-busy=${pager.moreStatus === 'loading' ? 'true' : 'false'}>
      <ul class="threads" part="thread-list" role="list">
        ${pager.items.map((thread) => this.renderThread(thread))}
      </ul>
      ${loadMoreButton(pager, t, 'loadMoreThreads', this.loadMore)}
    </div>`;
  }

  private renderThread(thread: ThreadSummaryDto): TemplateResult {
    const t = this.i18n;
    const open = () => this.emit('kindred-open-thread', { thread }, { composed: false });
    return html`<li class="thread" part="thread">
      <h3 class="thread-title" part="thread-title">
        <button class="thread-link" part="thread-link" data-thread-id=${thread.id} @click=${open}>${thread.title}</button>
      </h3>
      ${thread.excerpt ? html`<p class="excerpt" part="thread-excerpt">${thread.excerpt}</p>` : nothing}
      <p class="meta muted" part="thread-meta">
        <span part="author">${t.msg('startedBy', { name: thread.author.displayName })}</span>
        <span class="reply-count" part="reply-count">${replyIcon}${t.msg('replyCount', { count: thread.replyCount })}</span>
        <time part="time" datetime=${thread.lastActivityAt} title=${t.dateTime(thread.lastActivityAt)}
          >${t.relativeTime(thread.lastActivityAt)}</time
        >
      </p>
    </li>`;
  }
}

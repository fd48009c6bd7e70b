import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KindredClient } from '../core/api-client.ts';
import type { SearchHitDto, ThreadSort, ThreadSummaryDto } from '../core/api-types.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { WhileVisible } from '../core/visibility.ts';
import { threadListStyles } from './forum.styles.ts';
import { errorPanel, loadingCards, loadMoreButton, skeletonCards } from '../core/parts.ts';
import { authorName, contentWarningToggle, replyIcon } from './parts.ts';

const SORTS: readonly [ThreadSort, 'sortActivity' | 'sortNewest' | 'sortSupported' | 'sortUnanswered'][] = [
  ['activity', 'sortActivity'],
  ['newest', 'sortNewest'],
  ['supported', 'sortSupported'],
  ['unanswered', 'sortUnanswered'],
];

type Hit = SearchHitDto & { id: string };

/**
 * The list of a forum's threads: a sort control (latest activity, newest, most supported,
 * unanswered), a search box, "Load more", and, while on screen, a "N new conversations" button
 * fed by the live stream (the list itself never moves under the reader).
 *
 * @event kindred-open-thread - internal: the member chose a thread.
 */
export class ForumThreadList extends KindredElement {
  static readonly parts = [
    'toolbar',
    'sort',
    'sort-label',
    'search',
    'search-input',
    'search-button',
    'search-summary',
    'clear-search',
    'search-snippet',
    'new-threads',
    'thread-list',
    'thread',
    'thread-title',
    'thread-link',
    'thread-excerpt',
    'thread-meta',
    'content-warning',
    'show-post',
    'author',
    'reply-count',
    'support-count',
    'time',
    'empty',
    'skeleton',
    'error',
    'button',
    'retry',
    'load-more',
  ] as const;
  static override styles = [baseStyles, listStyles, threadListStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  /** A group's slug; empty for the tenant's general forum. */
  @property() group = '';
  /** Whether a member is signed in: which threads are the member's own depends on it. */
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  @state() private sort: ThreadSort = 'activity';
  @state() private searchDraft = '';
  /** The query whose results show; null: the list. */
  @state() private searching: string | null = null;
  @state() private searchProblem = false;
  @state() private revealed = new Set<string>();
  /** Threads started since the list loaded, announced by the live stream. */
  @state() private fresh = new Set<string>();

  private readonly pager = new KeysetPager<ThreadSummaryDto>(this, (cursor, signal) =>
    this.client!.query('forum.listThreads', { group: this.group || undefined, sort: this.sort, cursor }, { signal }),
  );

  private readonly hits = new KeysetPager<Hit>(this, async (cursor, signal) => {
    const page = await this.client!.query('forum.search', { query: this.searching!, group: this.group || undefined, cursor }, { signal });
    return { ...page, items: page.items.map((hit) => ({ ...hit, id: `${hit.thread.id}:${hit.postId}` })) };
  });

  private readonly live = new WhileVisible(this, (signal) => {
    this.client?.subscribe('forum.onForum', { group: this.group || undefined }, {
      signal,
      onData: (event) => {
        if (event.type !== 'thread.created' || this.pager.items.some((t) => t.id === event.threadId)) return;
        this.fresh = new Set(this.fresh).add(event.threadId);
      },
    });
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('group')) && this.client) {
      void this.load();
      this.live.restart();
    } else if (changed.has('signedIn') && changed.get('signedIn') !== undefined && this.client) {
      // "You (anonymous)" depends on who is looking: update what is on screen without a reload.
      void this.pager.refresh();
      if (this.searching !== null) void this.hits.refresh();
    }
  }

  async load(): Promise<void> {
    this.fresh = new Set();
    await this.pager.reload();
    if (this.pager.status === 'ready') this.announce?.(this.i18n.msg('threadsLoaded', { count: this.pager.items.length }));
  }

  private loadMore = async (): Promise<void> => {
    const added = await (this.searching === null ? this.pager : this.hits).loadMore();
    const first = added[0];
    if (!first) return;
    this.announce?.(this.i18n.msg('moreThreadsLoaded', { count: added.length }));
    // Continue from the first new thread rather than leaving focus at the bottom.
    await this.focusThread('thread' in first ? first.thread.id : first.id);
  };

  private changeSort = (event: Event): void => {
    this.sort = (event.target as HTMLSelectElement).value as ThreadSort;
    void this.load();
  };

  private search = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const query = this.searchDraft.trim();
    this.searchProblem = query.length < 2;
    if (this.searchProblem) return;
    this.searching = query;
    await this.hits.reload();
    if (this.hits.status === 'ready') this.announce?.(this.i18n.msg('searchResults', { count: this.hits.items.length, query }));
  };

  private clearSearch = async (): Promise<void> => {
    this.searching = null;
    this.searchDraft = '';
    this.searchProblem = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  };

  private showFresh = async (): Promise<void> => {
    await this.load();
    const first = this.pager.items[0];
    if (first) await this.focusThread(first.id);
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
    const item = this.renderRoot.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`);
    (item?.querySelector<HTMLElement>('.card-link, [part~="show-post"]') ?? item)?.focus();
  }

  override render(): TemplateResult {
    return html`${this.renderToolbar()}
    ${this.searching === null ? this.renderList() : this.renderResults()}`;
  }

  private renderToolbar(): TemplateResult {
    const t = this.i18n;
    return html`<div class="toolbar" part="toolbar">
      <form class="search" part="search" role="search" @submit=${this.search}>
        <label for="search" class="visually-hidden">${t.msg('searchLabel')}</label>
        <input
          id="search"
          type="search"
          part="search-input"
          maxlength="200"
          autocomplete="off"
          .value=${this.searchDraft}
          aria-invalid=${this.searchProblem ? 'true' : 'false'}
          aria-describedby=${this.searchProblem ? 'search-error' : nothing}
          @input=${(e: Event) => (this.searchDraft = (e.target as HTMLInputElement).value)}
        />
        <button class="button" part="button search-button">
          <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" /><path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
          ${t.msg('searchSubmit')}
        </button>
        ${this.searchProblem ? html`<p id="search-error" class="field-error" part="error">${t.msg('searchTooShort')}</p>` : nothing}
      </form>
      ${this.searching === null
        ? html`<div class="sort" part="sort">
            <label for="sort" part="sort-label">${t.msg('sortLabel')}</label>
            <select id="sort" @change=${this.changeSort}>
              ${SORTS.map(([value, label]) => html`<option value=${value} ?selected=${this.sort === value}>${t.msg(label)}</option>`)}
            </select>
          </div>`
        : nothing}
    </div>`;
  }

  private renderList(): TemplateResult {
    const { pager } = this;
    const t = this.i18n;
    if (pager.loading) return loadingCards(t.msg('loadingThreads'), 3);
    if (pager.status === 'error') return errorPanel(t, pager.error, () => void this.load());
    const freshButton = this.fresh.size
      ? html`<button class="button new-threads" part="button new-threads" @click=${this.showFresh}>
          ${t.msg('newConversations', { count: this.fresh.size })}
        </button>`
      : nothing;
    if (!pager.items.length) {
      return html`${freshButton}
        <div class="empty panel" part="empty">
          <p class="empty-title">${t.msg('emptyTitle')}</p>
          <p class="muted">${t.msg('emptyHint')}</p>
        </div>`;
    }
    return html`<div aria-busy=${pager.moreStatus === 'loading' ? 'true' : 'false'}>
      <div class="fresh" aria-live="polite">${freshButton}</div>
      <ul class="threads" part="thread-list" role="list">
        ${pager.items.map((thread) => this.renderThread(thread))}
      </ul>
      ${loadMoreButton(pager, t, 'loadMoreThreads', this.loadMore)}
    </div>`;
  }

  private renderResults(): TemplateResult {
    const { hits } = this;
    const t = this.i18n;
    const query = this.searching ?? '';
    return html`<div class="results" aria-busy=${hits.loading || hits.moreStatus === 'loading' ? 'true' : 'false'}>
      <div class="search-summary" part="search-summary">
        <p>${hits.loading ? t.msg('loadingMore') : hits.status === 'ready' ? t.msg('searchResults', { count: hits.items.length, query }) : ''}</p>
        <button class="button quiet" part="button clear-search" @click=${this.clearSearch}>${t.msg('searchClear')}</button>
      </div>
      ${hits.loading
        ? skeletonCards(2)
        : hits.status === 'error'
          ? errorPanel(t, hits.error, () => void this.hits.reload())
          : html`<ul class="threads" part="thread-list" role="list">
                ${hits.items.map((hit) => this.renderThread(hit.thread, hit.snippet))}
              </ul>
              ${loadMoreButton(hits, t, 'loadMoreResults', this.loadMore)}`}
    </div>`;
  }

  private renderThread(thread: ThreadSummaryDto, snippet?: string): TemplateResult {
    const t = this.i18n;
    const open = () => this.emit('kindred-open-thread', { thread }, { composed: false });
    const hidden = thread.contentWarning !== null && !this.revealed.has(thread.id);
    const toggle = () => {
      const next = new Set(this.revealed);
      if (!next.delete(thread.id)) next.add(thread.id);
      this.revealed = next;
    };
    const text = snippet ?? thread.excerpt;
    return html`<li class="card thread ${thread.contentWarning ? 'warned' : ''}" part="thread" data-thread-id=${thread.id}>
      ${thread.contentWarning ? contentWarningToggle(t, thread.contentWarning, !hidden, `thread-${thread.id}`, toggle) : nothing}
      <div id="thread-${thread.id}" ?hidden=${hidden}>
        <h3 class="thread-title" part="thread-title">
          <button class="card-link" part="thread-link" @click=${open}>${thread.title}</button>
        </h3>
        ${text ? html`<p class="excerpt" part=${snippet === undefined ? 'thread-excerpt' : 'thread-excerpt search-snippet'}>${text}</p>` : nothing}
      </div>
      <p class="meta muted" part="thread-meta">
        <span part="author">${t.msg('startedBy', { name: authorName(t, thread) })}</span>
        <span class="reply-count" part="reply-count">${replyIcon}${t.msg('replyCount', { count: thread.replyCount })}</span>
        ${thread.supportCount
          ? html`<span part="support-count">${t.msg('supportCount', { count: thread.supportCount })}</span>`
          : nothing}
        <time part="time" datetime=${thread.lastActivityAt} title=${t.dateTime(thread.lastActivityAt)}>${t.relativeTime(thread.lastActivityAt)}</time>
      </p>
    </li>`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../core/api-client.ts';
import type { KindredEvent } from '../core/events.ts';
import { whenStrings, type Locale } from '../core/i18n.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { KindredWidget } from '../core/kindred-widget.ts';
import { errorPanel, loadingCards, loadMoreButton } from '../core/parts.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { themeTokens } from '../core/theme.ts';
import { requestSignIn } from './events.ts';
import './messages.ts';
import { allTags, dateTemplate, heartIcon, storyAuthor, tagChips, warningToggle } from './parts.ts';
import { storiesStyles } from './stories.styles.ts';
import { SHARED_AUDIENCES, type StoryDto } from './types.ts';

type Views = typeof import('./views.ts');
/** The reader, composer and "My stories": a chunk of their own, loaded on first use. */
let viewsChunk: Promise<Views> | undefined;
const loadViews = async (locale: Locale): Promise<Views> => {
  const views = await (viewsChunk ??= import('./views.ts'));
  await whenStrings(locale);
  return views;
};

type View = 'gallery' | 'reader' | 'compose' | 'mine' | 'done';
/** Where "Back" goes: the view, and what takes focus there. */
interface Return {
  view: View;
  focus: () => HTMLElement | null | undefined;
}

/** How many tag chips the filter offers (the most used first). */
const MAX_TAG_CHIPS = 8;

/**
 * Story sharing: a gallery of stories with a search box and a tag filter, a reader with "Thank you for sharing"
 * and comments, a composer with plain-language privacy and consent choices, and "My stories"
 * (status, consents to withdraw, edit, delete). All state stays in the element: the host page's
 * URL never changes. Only the gallery is in the first download; the other views load on first use.
 *
 * @attr key - the tenant's publishable key (`pk_...`). Required unless `.client` is set.
 * @attr group - a group's slug: that group's stories (members only), and "Only members of this group" in the composer.
 * @attr tag - show only stories with this tag (condition, stage or topic) at first.
 * @attr token - the member's token; wins over `Kindred.setToken()`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr api-base - where the API is; default: the origin kindred.js came from.
 * @attr lang - `en` or `es`; default: the nearest `lang` up the page, else English.
 * @event kindred-request-sign-in - cancelable, `{ reason: 'share' | 'thank' | 'reply' }`
 * @event kindred-request-token - cancelable, `{ reason: 'expired' }`
 * @event kindred-story-shared - `{ storyId }` after a member shared a story (any audience)
 * @cssproperty --kindred-stories-min-height - height kept while the widget loads (default 28rem).
 */
export class KindredStories extends KindredWidget {
  /** The frame's and the gallery's parts; the lazy views' are re-exported when they load. */
  static readonly parts = [
    'base',
    'header',
    'heading',
    'intro',
    'actions',
    'share-button',
    'my-stories-button',
    'hint',
    'search',
    'search-input',
    'search-button',
    'search-summary',
    'clear-search',
    'filter',
    'filter-label',
    'tag-filter',
    'story-list',
    'story-card',
    'story-title',
    'story-link',
    'story-excerpt',
    'story-meta',
    'author',
    'time',
    'thanks-count',
    'tags',
    'tag',
    'content-warning',
    'show-story',
    'empty',
    'skeleton',
    'load-more',
    'sign-in-required',
    'shared-confirmation',
    'shared-heading',
    'read-button',
    'back',
    'button',
    'error',
    'retry',
  ] as const;
  static override styles = [themeTokens, baseStyles, listStyles, storiesStyles];

  @property() group = '';
  @property() tag = '';

  @state() private view: View = 'gallery';
  @state() private activeTag = '';
  /** Tags seen in loaded stories, with how often: the filter's chips. */
  @state() private tagCounts = new Map<string, number>();
  @state() private revealed = new Set<string>();
  @state() private reading: StoryDto | null = null;
  @state() private editing: StoryDto | null = null;
  @state() private saved: { story: StoryDto; created: boolean; organisation: string } | null = null;
  @state() private views?: Views;
  /** "My stories" has been opened (it stays mounted, hidden, while a story from it is edited). */
  @state() private mineOpen = false;
  @state() private signInHint = false;
  @state() private searchDraft = '';
  /** The query whose results show instead of the gallery; null: the gallery. */
  @state() private searching: string | null = null;
  @state() private searchProblem = false;
  private readonly back: Return[] = [];
  /** The token the gallery was last loaded with (undefined: not loaded yet). */
  private seenToken: string | null | undefined;

  private readonly pager = new KeysetPager<StoryDto>(this, async (cursor, signal) => {
    const page = await this.member.api!.query(
      'stories.list',
      { group: this.group || undefined, tag: this.activeTag || undefined, cursor },
      { signal },
    );
    this.countTags(page.items);
    return page;
  });

  private readonly hits = new KeysetPager<StoryDto>(this, (cursor, signal) =>
    this.member.api!.query('stories.search', { query: this.searching!, group: this.group || undefined, cursor }, { signal }),
  );

  /** The list on screen: search results, else the gallery. */
  private get shown(): KeysetPager<StoryDto> {
    return this.searching === null ? this.pager : this.hits;
  }

  private get signedIn(): boolean {
    return this.currentToken !== null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { clientChanged } = this.member.sync();
    // Compare the token itself: a guest "signed out" by a members-only answer has not changed.
    const token = this.currentToken;
    const signInChanged = this.seenToken !== undefined && token !== this.seenToken;
    this.seenToken = token;
    if (changed.has('tag')) this.activeTag = this.tag.trim();
    if (clientChanged || changed.has('group') || changed.has('tag')) {
      this.searching = null;
      void this.loadGallery();
    } else if (signInChanged) {
      this.signInHint = false;
      // A group's stories depend on who is signed in; elsewhere only "thanked by me" and "you" do.
      if (this.group || this.pager.status !== 'ready') void this.loadGallery();
      else void this.pager.refresh();
      if (this.searching !== null) void (this.group ? this.hits.reload() : this.hits.refresh());
    }
  }

  private async loadGallery(): Promise<void> {
    await Promise.all([this.pager.reload(), whenStrings(this.i18n.locale)]);
    if (this.pager.status === 'ready') this.liveRegion.say(this.i18n.msg('storiesLoaded', { count: this.pager.items.length }));
  }

  private countTags(stories: StoryDto[]): void {
    const counts = new Map(this.tagCounts);
    for (const story of stories) for (const tag of allTags(story)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    this.tagCounts = counts;
  }

  private get chips(): string[] {
    const top = [...this.tagCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], this.i18n.locale))
      .slice(0, MAX_TAG_CHIPS)
      .map(([tag]) => tag);
    const active = this.activeTag;
    return active && !top.includes(active) ? [active, ...top] : top;
  }

  private filterBy = async (tag: string): Promise<void> => {
    if (tag === this.activeTag) return;
    this.activeTag = tag;
    await this.loadGallery();
  };

  private search = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const query = this.searchDraft.trim();
    this.searchProblem = query.length < 2;
    if (this.searchProblem) return;
    this.searching = query;
    await this.hits.reload();
    if (this.hits.status === 'ready') this.liveRegion.say(this.i18n.msg('storySearchResults', { count: this.hits.items.length, query }));
  };

  private clearSearch = async (): Promise<void> => {
    this.searching = null;
    this.searchDraft = '';
    this.searchProblem = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#story-search')?.focus();
  };

  private loadMore = async (): Promise<void> => {
    const added = await this.shown.loadMore();
    const first = added[0];
    if (!first) return;
    this.liveRegion.say(this.i18n.msg('moreStoriesLoaded', { count: added.length }));
    await this.updateComplete;
    this.focusCard(first.id);
  };

  private focusCard(id: string): HTMLElement | null {
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-story-id="${CSS.escape(id)}"]`);
    const link = card?.querySelector<HTMLElement>('.card-link');
    const show = card?.querySelector<HTMLElement>('[part~="show-story"]');
    const target = (link?.getClientRects().length ? link : (show ?? link)) ?? null;
    target?.focus();
    return target;
  }

  // Navigation

  /** Shows a lazy view: loads its chunk (and strings), remembers the way back, focuses its heading. */
  private async go(view: View, back: Return | null): Promise<void> {
    try {
      this.views = await loadViews(this.i18n.locale);
    } catch (err) {
      console.error('[kindred] could not load the stories views', err);
      return;
    }
    if (back) this.back.push(back);
    this.view = view;
    if (view === 'mine') this.mineOpen = true;
    await this.updateComplete;
    await this.focusView();
  }

  private async focusView(): Promise<void> {
    const el = this.renderRoot.querySelector<HTMLElement & { focusHeading?: () => Promise<void> }>(`[data-view="${this.view}"]`);
    if (el?.focusHeading) await el.focusHeading();
    else el?.querySelector<HTMLElement>('h2')?.focus();
  }

  private goBack = async (): Promise<void> => {
    const to = this.back.pop() ?? { view: 'gallery' as View, focus: () => this.renderRoot.querySelector<HTMLElement>('#stories-heading') };
    if (this.view === 'compose') this.editing = null;
    if (to.view !== 'reader') this.reading = null;
    if (to.view === 'gallery') {
      this.mineOpen = false;
      this.back.length = 0;
    }
    this.view = to.view;
    await this.updateComplete;
    (to.focus() ?? this.renderRoot.querySelector<HTMLElement>('#stories-heading'))?.focus();
  };

  private openStory = (story: StoryDto, from: () => HTMLElement | null | undefined): void => {
    this.reading = story;
    void this.go('reader', { view: this.view, focus: from }).then(() =>
      this.liveRegion.say(this.i18n.msg('storyOpened', { title: story.title })),
    );
  };

  private share = (): void => {
    if (!this.signedIn) return this.askToSignIn();
    this.editing = null;
    void this.go('compose', { view: 'gallery', focus: () => this.renderRoot.querySelector('[part~="share-button"]') });
  };

  private openMine = (): void => {
    if (!this.signedIn) return this.askToSignIn();
    void this.go('mine', { view: 'gallery', focus: () => this.renderRoot.querySelector('[part~="my-stories-button"]') });
  };

  private askToSignIn(): void {
    // Nobody on the page took it: tell the member where to sign in.
    this.signInHint = !requestSignIn(this, 'share');
  }

  private get mine(): HTMLElementTagNameMap['kindred-my-stories'] | null {
    return this.renderRoot.querySelector('kindred-my-stories');
  }

  private onCompose = (event: KindredEvent<'kindred-story-compose'>): void => {
    const { story } = event.detail;
    this.editing = story;
    const id = story?.id;
    void this.go('compose', { view: 'mine', focus: () => (id ? this.mine?.actionButton(id, 'edit') : this.mine?.heading) });
  };

  /** The composer stored a story: new ones get a thank-you panel; edits go back to "My stories". */
  private onSaved = async (event: KindredEvent<'kindred-story-saved'>): Promise<void> => {
    const { story, created, organisation } = event.detail;
    if (created) this.emit('kindred-story-shared', { storyId: story.id });
    this.onChanged(story);
    this.editing = null;
    if (!created && this.mineOpen) {
      this.mine?.replace(story);
      this.liveRegion.say(this.i18n.msg('savedTitle'));
      return this.goBack();
    }
    this.saved = { story, created, organisation };
    this.view = 'done';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done-heading')?.focus();
  };

  /** A story changed elsewhere in the widget: its card shows the new version, or leaves the gallery. */
  private onChanged = (story: StoryDto | KindredEvent<'kindred-story-changed'>): void => {
    const next = 'detail' in story ? story.detail.story : story;
    const own = next.own;
    const shared =
      !own ||
      (own.status === 'published' &&
        own.consents.some((c) => c.use === 'site') &&
        SHARED_AUDIENCES.includes(own.audience) &&
        (own.audience === 'group' ? own.group === this.group : !this.group));
    const inGallery = shared && (!this.activeTag || allTags(next).includes(this.activeTag));
    const known = this.pager.items.some((s) => s.id === next.id);
    if (!inGallery) this.pager.items = this.pager.items.filter((s) => s.id !== next.id);
    else if (known) this.pager.items = this.pager.items.map((s) => (s.id === next.id ? next : s));
    else if (this.pager.status === 'ready') this.pager.add(next, 'start');
    // Search results keep their order: a changed story is updated there, or leaves them.
    this.hits.items = this.hits.items.flatMap((s) => (s.id !== next.id ? [s] : shared ? [next] : []));
    if (this.reading?.id === next.id) this.reading = next;
    this.requestUpdate();
  };

  private onDeleted = (event: KindredEvent<'kindred-story-deleted'>): void => {
    for (const pager of [this.pager, this.hits]) pager.items = pager.items.filter((s) => s.id !== event.detail.storyId);
    this.requestUpdate();
  };

  private readSaved = (): void => {
    const story = this.saved?.story;
    if (!story) return;
    this.reading = story;
    this.view = 'reader';
    void this.updateComplete.then(() => this.focusView());
  };

  private mineFromDone = (): void => {
    this.saved = null;
    this.mineOpen = false;
    this.back.length = 0;
    this.openMine();
  };

  // Rendering

  override render(): TemplateResult {
    // A Spanish page waits (a moment, with its height kept) for the Spanish strings; the
    // Localizer renders again when they arrive. Once shown, the gallery stays while later
    // chunks' strings arrive.
    if (this.waitForStrings()) return html`<section class="stories" part="base" aria-busy="true"></section>`;
    const { view, views } = this;
    return html`<section
      class="stories"
      part="base"
      aria-labelledby=${view === 'gallery' ? 'stories-heading' : nothing}
      @kindred-story-back=${this.goBack}
      @kindred-story-changed=${this.onChanged}
      @kindred-story-deleted=${this.onDeleted}
      @kindred-story-compose=${this.onCompose}
      @kindred-story-saved=${this.onSaved}
    >
      ${this.renderLiveRegion()}
      <div class="gallery" ?hidden=${view !== 'gallery'}>${this.renderGallery()}</div>
      ${views ? this.renderViews(views) : nothing}
    </section>`;
  }

  private renderViews(views: Views): TemplateResult {
    const { view } = this;
    const lang = this.i18n.locale;
    return html`${this.mineOpen
        ? html`<kindred-my-stories
            data-view="mine"
            ?hidden=${view !== 'mine'}
            ?signed-in=${this.signedIn}
            lang=${lang}
            exportparts=${views.VIEW_EXPORTPARTS}
          ></kindred-my-stories>`
        : nothing}
      ${view === 'reader' && this.reading
        ? html`<kindred-story-reader
            data-view="reader"
            .story=${this.reading}
            ?signed-in=${this.signedIn}
            lang=${lang}
            exportparts=${views.VIEW_EXPORTPARTS}
          ></kindred-story-reader>`
        : nothing}
      ${view === 'compose'
        ? html`<kindred-story-composer
            data-view="compose"
            .story=${this.editing}
            group=${this.group}
            ?signed-in=${this.signedIn}
            lang=${lang}
            exportparts=${views.VIEW_EXPORTPARTS}
          ></kindred-story-composer>`
        : nothing}
      ${view === 'done' && this.saved ? views.renderDone(this.i18n, this.saved, { read: this.readSaved, mine: this.mineFromDone, back: this.goBack }) : nothing}`;
  }

  private renderGallery(): TemplateResult {
    const t = this.i18n;
    return html`<header class="header" part="header">
        <div class="titles">
          <h2 id="stories-heading" part="heading" tabindex="-1">${t.msg('storiesHeading')}</h2>
          <p class="intro muted" part="intro">${t.msg('storiesIntro')}</p>
        </div>
        <div class="actions" part="actions">
          <button class="button primary" part="button share-button" @click=${this.share}>
            <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><path d="M10 4v12M4 10h12" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
            ${t.msg('shareStory')}
          </button>
          <button class="button" part="button my-stories-button" @click=${this.openMine}>${t.msg('myStoriesButton')}</button>
        </div>
        ${this.signInHint ? html`<p class="sign-in-hint muted" part="hint" role="status">${t.msg('storiesSignInHint')}</p>` : nothing}
      </header>
      ${this.renderSearch()}
      ${this.searching === null ? html`${this.renderFilter()} ${this.renderList(this.pager)}` : this.renderResults()}`;
  }

  private renderSearch(): TemplateResult {
    const t = this.i18n;
    return html`<form class="search" part="search" role="search" @submit=${this.search}>
      <label for="story-search" class="visually-hidden">${t.msg('storySearchLabel')}</label>
      <input
        id="story-search"
        type="search"
        part="search-input"
        maxlength="200"
        autocomplete="off"
        .value=${this.searchDraft}
        aria-invalid=${this.searchProblem ? 'true' : 'false'}
        aria-describedby=${this.searchProblem ? 'story-search-error' : nothing}
        @input=${(e: Event) => (this.searchDraft = (e.target as HTMLInputElement).value)}
      />
      <button class="button" part="button search-button">
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" /><path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
        ${t.msg('searchSubmit')}
      </button>
      ${this.searchProblem ? html`<p id="story-search-error" class="field-error" part="error">${t.msg('searchTooShort')}</p>` : nothing}
    </form>`;
  }

  /** "3 stories found for “fatigue”", Clear search, and the results (or "No stories match"). */
  private renderResults(): TemplateResult {
    const t = this.i18n;
    const { hits } = this;
    const count = hits.status === 'ready' ? hits.items.length : 0;
    return html`<div class="search-summary" part="search-summary">
        <p>${count ? t.msg('storySearchResults', { count, query: this.searching! }) : ''}</p>
        <button class="button quiet" part="button clear-search" @click=${this.clearSearch}>${t.msg('searchClear')}</button>
      </div>
      ${this.renderList(hits)}`;
  }

  private renderFilter(): TemplateResult | typeof nothing {
    const t = this.i18n;
    const chips = this.chips;
    if (!chips.length) return nothing;
    const chip = (tag: string, label: string) =>
      html`<button class="chip" part="button tag-filter" aria-pressed=${tag === this.activeTag ? 'true' : 'false'} @click=${() => void this.filterBy(tag)}>
        ${label}
      </button>`;
    return html`<div class="filter" part="filter" role="group" aria-labelledby="filter-label">
      <span id="filter-label" class="filter-label" part="filter-label">${t.msg('storiesFilterLabel')}</span>
      ${chip('', t.msg('allStories'))} ${chips.map((tag) => chip(tag, tag))}
    </div>`;
  }

  /** The gallery's list, or the search results (`pager` is `this.hits`). */
  private renderList(pager: KeysetPager<StoryDto>): TemplateResult {
    const t = this.i18n;
    const query = pager === this.hits ? this.searching : null;
    if (pager.loading) return loadingCards(t.msg(query === null ? 'loadingStories' : 'searchingStories'), 3);
    if (pager.status === 'error') {
      if (pager.error instanceof ApiError && pager.error.kindredCode === 'SIGN_IN_REQUIRED') {
        return html`<div class="panel sign-in-required" part="sign-in-required" role="alert"><p>${t.msg('storiesSignInRequired')}</p></div>`;
      }
      return errorPanel(t, pager.error, () => void (query === null ? this.loadGallery() : this.hits.reload()));
    }
    if (!pager.items.length) {
      const tag = this.activeTag;
      return html`<div class="empty panel" part="empty">
        <p class="empty-title">
          ${query !== null ? t.msg('noStoriesMatch', { query }) : tag ? t.msg('noTaggedStoriesTitle', { tag }) : t.msg('noStoriesTitle')}
        </p>
        <p class="muted">${t.msg(query !== null ? 'noStoriesMatchHint' : tag ? 'noTaggedStoriesHint' : 'noStoriesHint')}</p>
      </div>`;
    }
    return html`<div aria-busy=${pager.moreStatus === 'loading' ? 'true' : 'false'}>
      <ul class="cards" part="story-list" role="list">
        ${pager.items.map((story) => this.renderCard(story))}
      </ul>
      ${loadMoreButton(pager, t, query === null ? 'loadMoreStories' : 'loadMoreResults', this.loadMore)}
    </div>`;
  }

  private renderCard(story: StoryDto): TemplateResult {
    const t = this.i18n;
    const hidden = story.contentWarning !== null && !this.revealed.has(story.id);
    const bodyId = `story-${story.id}`;
    const toggle = () => {
      const next = new Set(this.revealed);
      if (!next.delete(story.id)) next.add(story.id);
      this.revealed = next;
    };
    const open = () => this.openStory(story, () => this.focusCard(story.id));
    return html`<li class="card story ${story.contentWarning ? 'warned' : ''}" part="story-card" data-story-id=${story.id}>
      ${story.contentWarning ? warningToggle(t, story.contentWarning, !hidden, bodyId, toggle) : nothing}
      <div id=${bodyId} class="card-body" ?hidden=${hidden}>
        <h3 class="story-title" part="story-title"><button class="card-link" part="story-link" @click=${open}>${story.title}</button></h3>
        ${story.excerpt ? html`<p class="excerpt" part="story-excerpt">${story.excerpt}</p>` : nothing}
        ${tagChips(t, story)}
      </div>
      <p class="meta muted" part="story-meta">
        <span part="author">${t.msg('storyBy', { name: storyAuthor(t, story) })}</span>
        ${dateTemplate(t, story.publishedAt)}
        ${story.thanksCount
          ? html`<span class="thanks" part="thanks-count">${heartIcon}${t.msg('storyThanks', { count: story.thanksCount })}</span>`
          : nothing}
      </p>
    </li>`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KindredEvent } from '../core/events.ts';
import { resolveLocale, whenStrings } from '../core/i18n.ts';
import { KindredWidget } from '../core/kindred-widget.ts';
import { errorPanel, loadingCards, loadMoreButton } from '../core/parts.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { themeTokens } from '../core/theme.ts';
import type { GroupDto } from '../core/api-types.ts';
import type { GroupPage } from './group-page.component.ts';
import { directoryStyles, groupStyles } from './groups.styles.ts';
import { focusMembership, joinButton, MembershipController, membershipNotice, membershipStatus, POLICY, READERS } from './membership.ts';
import { tags } from './parts.ts';
import './messages.ts';

/** Typing pauses this long before the directory searches. */
const SEARCH_DEBOUNCE_MS = 350;

/**
 * Condition groups: a directory to search and filter, and a group's page with its membership
 * controls, join requests for its moderators, and its forum. All state stays in the element (no
 * URL changes: the widget is a guest on the host page).
 *
 * @attr key - the tenant's publishable key (`pk_...`). Required unless `.client` is set.
 * @attr group - a group's slug: start on that group's page.
 * @attr token - the member's token; wins over `Kindred.setToken()`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr api-base - where the API is; default: the origin kindred.js came from.
 * @attr lang - `en` or `es`; default: the nearest `lang` up the page, else English.
 * @event kindred-request-sign-in - cancelable, `{ reason: 'join' }`
 * @event kindred-request-token - cancelable, `{ reason: 'expired' }`
 * @event kindred-membership-changed - `{ groupId, status }` after joining, asking, accepting, leaving or withdrawing
 * @cssproperty --kindred-groups-min-height - height kept while the widget loads (default 28rem).
 */
export class KindredGroups extends KindredWidget {
  static readonly parts = [
    'base',
    'directory',
    'header',
    'heading',
    'search',
    'label',
    'search-input',
    'search-button',
    'filter',
    'filter-select',
    'group-list',
    'group-card',
    'group-name',
    'group-link',
    'group-description',
    'group-facts',
    'member-count',
    'join-policy',
    'readers',
    'condition-tags',
    'condition-tag',
    'membership',
    'membership-status',
    'role',
    'join-button',
    'invite-only',
    'empty',
    'clear-search',
    'skeleton',
    'load-more',
    'button',
    'hint',
    'error',
    'retry',
  ] as const;
  static override styles = [themeTokens, baseStyles, listStyles, directoryStyles, groupStyles];

  @property() group = '';

  /** The directory's applied search and filter. */
  @state() private query = '';
  @state() private condition = '';
  @state() private conditions: string[] = [];
  /** The open group's slug ('' on the directory), and the group if the directory knew it. */
  @state() private pageSlug = '';
  @state() private pageGroup: GroupDto | null = null;
  /** The group page's code (and the forum's) has arrived. */
  @state() private pageReady = false;
  /** The page's parts and its forum's, re-exported (known once the page's code is here). */
  private pageParts = '';

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly pager = new KeysetPager<GroupDto>(this, (cursor, signal) =>
    this.member.api!.query(
      'groups.list',
      { query: this.query || undefined, condition: this.condition || undefined, cursor },
      { signal },
    ),
  );

  private readonly membership = new MembershipController(this, this.i18n, {
    api: () => this.member.api,
    signedIn: () => this.signedIn,
    announce: (message) => this.liveRegion.say(message),
    changed: async (group) => {
      this.updateCard(group);
      await this.updateComplete;
      focusMembership(this.renderRoot.querySelector(`[data-card="${CSS.escape(group.slug)}"]`), group.slug);
    },
  });

  private get signedIn(): boolean {
    return this.currentToken !== null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { clientChanged, memberChanged } = this.member.sync();
    if (changed.has('group') && this.group !== this.pageSlug) {
      // Focus moves only when the member navigates, never on the host page's first load.
      if (this.group) void this.openGroup(this.group, null, this.hasUpdated);
      else if (this.pageSlug) void this.backToDirectory();
    } else if (clientChanged || memberChanged) {
      // Membership depends on who is signed in: reload what is on screen.
      this.refresh();
    }
  }

  /** Loads what the current view shows (and the filter's conditions once). */
  private refresh(): void {
    if (!this.pageSlug) return void this.loadDirectory();
    // The group page reloads itself (it follows the client and signed-in state); the directory
    // is stale and reloads when the member goes back to it.
    this.pager.status = 'idle';
  }

  private async loadDirectory(): Promise<void> {
    if (!this.conditions.length) void this.loadConditions();
    await Promise.all([this.pager.reload(), whenStrings(resolveLocale(this))]);
    if (this.pager.status === 'ready') {
      const count = this.pager.items.length;
      this.liveRegion.say(this.i18n.msg('groupsLoaded', { count, n: this.number(count) }));
    }
  }

  private async loadConditions(): Promise<void> {
    try {
      this.conditions = await this.member.api!.query('groups.conditions', undefined);
    } catch {
      this.conditions = []; // the filter is a convenience: search still works without it
    }
  }

  /** Opens a group's page: from a card (the group is known) or by slug (the page loads it). */
  private async openGroup(slug: string, known: GroupDto | null, focus = true): Promise<void> {
    this.pageSlug = slug;
    this.pageGroup = known;
    if (!this.pageReady) {
      try {
        this.pageParts = (await import('./page.ts')).PAGE_EXPORTPARTS;
        this.pageReady = true;
      } catch (err) {
        console.error('[kindred] could not load the group page', err);
        this.pageSlug = '';
        return;
      }
    }
    if (!focus) return;
    await this.updateComplete;
    const page = this.renderRoot.querySelector<GroupPage>('kindred-group-page');
    await page?.focusTitle();
    if (known) this.liveRegion.say(this.i18n.msg('groupOpened', { name: known.name }));
  }

  private backToDirectory = async (): Promise<void> => {
    const slug = this.pageSlug;
    this.pageSlug = '';
    this.pageGroup = null;
    if (this.pager.status === 'idle') await this.loadDirectory();
    await this.updateComplete;
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-slug="${CSS.escape(slug)}"]`);
    (card ?? this.renderRoot.querySelector<HTMLElement>('#groups-heading'))?.focus();
  };

  /** Shows the server's version of a group on its card. */
  private updateCard(group: GroupDto): void {
    this.pager.items = this.pager.items.map((g) => (g.slug === group.slug ? group : g));
    this.requestUpdate();
  }

  private onGroupUpdated = (event: KindredEvent<'kindred-group-updated'>): void => {
    const { group } = event.detail;
    // Keep handing the page its current version (an object binding is set again on every render).
    if (group.slug === this.pageSlug) this.pageGroup = group;
    this.updateCard(group);
  };

  // Search and filter

  private onSearchInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(value), SEARCH_DEBOUNCE_MS);
  };

  private onSearchSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    this.applySearch(input.value);
  };

  private applySearch(value: string): void {
    const query = value.trim();
    if (query === this.query) return;
    this.query = query;
    void this.loadDirectory();
  }

  private onConditionChange = (event: Event): void => {
    const condition = (event.target as HTMLSelectElement).value;
    if (condition === this.condition) return;
    this.condition = condition;
    void this.loadDirectory();
  };

  private clearSearch = async (): Promise<void> => {
    this.query = '';
    this.condition = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('#group-search');
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#group-condition');
    if (input) input.value = '';
    if (select) select.value = '';
    await this.loadDirectory();
    input?.focus();
  };

  private loadMore = async (): Promise<void> => {
    const added = await this.pager.loadMore();
    const first = added[0];
    if (!first) return;
    this.liveRegion.say(this.i18n.msg('moreGroupsLoaded', { count: added.length, n: this.number(added.length) }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-slug="${CSS.escape(first.slug)}"]`)?.focus();
  };

  // Plumbing

  private number(n: number): string {
    return new Intl.NumberFormat(this.i18n.locale).format(n);
  }

  // Rendering

  override render(): TemplateResult {
    if (this.waitForStrings()) return html`<section class="groups" part="base" aria-busy="true"></section>`;
    const onPage = this.pageSlug !== '';
    return html`<section class="groups" part="base" aria-labelledby=${onPage ? nothing : 'groups-heading'}>
      ${this.renderLiveRegion()}
      <div class="directory" part="directory" ?hidden=${onPage}>${this.renderDirectory()}</div>
      ${onPage ? this.renderPage() : nothing}
    </section>`;
  }

  private renderPage(): TemplateResult {
    if (!this.pageReady) {
      return html`<div aria-busy="true" part="skeleton">
        <p class="visually-hidden">${this.i18n.msg('loadingGroup')}</p>
      </div>`;
    }
    return html`<kindred-group-page
      slug=${this.pageSlug}
      .group=${this.pageGroup}
      ?signed-in=${this.signedIn}
      .forumClient=${this.member.raw}
      token=${this.currentToken ?? ''}
      theme=${this.theme ?? nothing}
      lang=${this.i18n.locale}
      exportparts=${this.pageParts}
      @kindred-group-updated=${this.onGroupUpdated}
      @kindred-close-group=${this.backToDirectory}
    ></kindred-group-page>`;
  }

  private renderDirectory(): TemplateResult {
    const t = this.i18n;
    return html`<header part="header">
        <h2 id="groups-heading" part="heading" tabindex="-1">${t.msg('groupsHeading')}</h2>
        <p class="intro muted">${t.msg('groupsIntro')}</p>
      </header>
      <div class="finder">
        <form role="search" part="search" @submit=${this.onSearchSubmit}>
          <label for="group-search" part="label">${t.msg('groupSearchLabel')}</label>
          <div class="search-row">
            <input id="group-search" type="search" part="search-input" autocomplete="off" .value=${this.query} @input=${this.onSearchInput} />
            <button class="button" part="button search-button">${t.msg('searchButton')}</button>
          </div>
        </form>
        ${this.conditions.length
          ? html`<div class="filter" part="filter">
              <label for="group-condition" part="label">${t.msg('filterLabel')}</label>
              <select id="group-condition" part="filter-select" @change=${this.onConditionChange}>
                <option value="" ?selected=${!this.condition}>${t.msg('allConditions')}</option>
                ${this.conditions.map((c) => html`<option value=${c} ?selected=${c === this.condition}>${c}</option>`)}
              </select>
            </div>`
          : nothing}
      </div>
      ${this.renderResults()}`;
  }

  private renderResults(): TemplateResult {
    const t = this.i18n;
    const { pager } = this;
    if (pager.loading) return loadingCards(t.msg('loadingGroups'), 4);
    if (pager.status === 'error') return errorPanel(t, pager.error, () => void this.loadDirectory());
    if (!pager.items.length) {
      const { query: terms, condition } = this;
      const filtered = terms || condition;
      const title = terms
        ? condition
          ? t.msg('noMatchBoth', { terms, condition })
          : t.msg('noMatchTitle', { terms })
        : condition
          ? t.msg('noMatchCondition', { condition })
          : t.msg('noGroupsTitle');
      return html`<div class="empty panel" part="empty">
        <p class="empty-title">${title}</p>
        <p class="muted">${t.msg(filtered ? 'noMatchHint' : 'noGroupsHint')}</p>
        ${filtered ? html`<button class="button" part="button clear-search" @click=${this.clearSearch}>${t.msg('clearSearch')}</button>` : nothing}
      </div>`;
    }
    return html`<div aria-busy=${pager.moreStatus === 'loading' ? 'true' : 'false'}>
      <ul class="cards" part="group-list" role="list">
        ${pager.items.map((group) => this.renderCard(group))}
      </ul>
      ${loadMoreButton(pager, t, 'loadMoreGroups', this.loadMore)}
    </div>`;
  }

  private renderCard(group: GroupDto): TemplateResult {
    const t = this.i18n;
    const nameId = `name-${group.slug}`;
    return html`<li class="card" part="group-card" data-card=${group.slug}>
      <h3 id=${nameId} part="group-name">
        <button class="card-link" part="group-link" data-slug=${group.slug} @click=${() => void this.openGroup(group.slug, group)}>
          ${group.name}
        </button>
      </h3>
      ${tags(group)}
      <p class="description" part="group-description">${group.description}</p>
      <ul class="facts muted" part="group-facts" role="list">
        <li part="member-count">${this.memberCount(group)}</li>
        <li part="join-policy">${t.msg(POLICY[group.joinPolicy])}</li>
        <li part="readers">${t.msg(READERS[group.visibility])}</li>
      </ul>
      <div class="membership" part="membership">
        ${membershipStatus(group, t)} ${joinButton(group, this.membership, nameId)} ${membershipNotice(group, this.membership)}
      </div>
    </li>`;
  }

  private memberCount(group: GroupDto): string {
    return this.i18n.msg('memberCount', { count: group.memberCount, n: this.number(group.memberCount) });
  }
}

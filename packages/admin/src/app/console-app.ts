/**
 * <kindred-console>: the whole admin console. It owns the staff session, the hash route, the
 * shell (organisation name, navigation by role, account menu) and the toast region; each screen
 * is its own element, loaded when first opened.
 *
 * Session rules: on start it asks `staff.auth.session`; without one it shows sign-in. Whenever a
 * call answers STAFF_SIGN_IN_REQUIRED (idle timeout on the server, signed out everywhere) or the
 * console itself sees no activity for the session's idle timeout, it returns to sign-in with a
 * message and, after signing in again, to the screen the person was on.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { StaffApi, type ConsoleError } from '../api/client.ts';
import type { QueueCounts, SessionDto } from '../api/contract.ts';
import { messageFor } from '../api/messages.ts';
import { define, type ToastDetail } from '../ui/console-element.ts';
import { ROLE_LABELS } from '../ui/format.ts';
import { consoleStyles } from '../ui/styles.ts';
import type { ToastRegion } from '../ui/toast-region.ts';
import '../ui/toast-region.ts';
import '../screens/sign-in.ts';
import '../screens/accept-invite.ts';
import { canOpen, hashOf, homeFor, NAV, NAV_GROUPS, parseHash, titleOf, type NavItem, type Route, type ScreenName } from './routes.ts';
import { shellStyles } from './shell.styles.ts';

const SCREENS: Record<ScreenName, { tag: StaticValue; load: () => Promise<unknown> }> = {
  queue: { tag: literal`kc-queue-screen`, load: () => import('../screens/queue/queue-screen.ts') },
  reports: { tag: literal`kc-reports-screen`, load: () => import('../screens/queue/reports-screen.ts') },
  members: { tag: literal`kc-members-screen`, load: () => import('../screens/members/members-screen.ts') },
  analytics: { tag: literal`kc-analytics-screen`, load: () => import('../screens/analytics/analytics-screen.ts') },
  audit: { tag: literal`kc-audit-screen`, load: () => import('../screens/audit-screen.ts') },
  settings: { tag: literal`kc-settings-screen`, load: () => import('../screens/settings/settings-screen.ts') },
  theme: { tag: literal`kc-theme-screen`, load: () => import('../screens/theme/theme-screen.ts') },
  embed: { tag: literal`kc-embed-screen`, load: () => import('../screens/embed/embed-screen.ts') },
  team: { tag: literal`kc-team-screen`, load: () => import('../screens/team-screen.ts') },
  account: { tag: literal`kc-account-screen`, load: () => import('../screens/account-screen.ts') },
};

/** How often the console checks for inactivity. */
const IDLE_CHECK_MS = 15_000;

export class KindredConsole extends LitElement {
  static override styles = [consoleStyles, shellStyles];

  /** The API client; by default same-origin `/trpc`. Tests and stories pass one over a fake server. */
  @property({ attribute: false }) api: StaffApi = new StaffApi();

  @state() private phase: 'starting' | 'signed-out' | 'signed-in' = 'starting';
  @state() private session: SessionDto | null = null;
  @state() private route: Route = { name: 'sign-in' };
  @state() private signInNotice = '';
  @state() private loaded = new Set<ScreenName>();
  @state() private loadFailed = false;
  @state() private menuOpen = false;
  @state() private navOpen = false;
  @state() private counts: QueueCounts | null = null;
  @query('kc-toast-region') private toasts!: ToastRegion;

  /** Where to go after signing in (the screen someone was on when their session ended). */
  private returnTo: Route | null = null;
  private lastActivity = Date.now();
  private idleTimer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  private focusHeadingAfterRender = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) window.addEventListener(type, this.onActivity, { passive: true, capture: true });
    this.addEventListener('kc-toast', this.onToast);
    this.addEventListener('kc-counts', this.onCounts as EventListener);
    this.addEventListener('kc-sign-out', this.onSignOutRequest as EventListener);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) window.removeEventListener(type, this.onActivity, { capture: true });
    this.removeEventListener('kc-toast', this.onToast);
    this.removeEventListener('kc-counts', this.onCounts as EventListener);
    this.removeEventListener('kc-sign-out', this.onSignOutRequest as EventListener);
    clearInterval(this.idleTimer);
    this.unsubscribe?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) {
      this.unsubscribe?.();
      this.unsubscribe = this.api.onSignedOut((error) => this.endSession(messageFor(error)));
    }
  }

  private async start(): Promise<void> {
    const wanted = parseHash(location.hash);
    if (wanted?.name === 'invite') {
      this.route = wanted;
      this.phase = 'signed-out';
      return;
    }
    try {
      const session = await this.api.auth.session();
      this.enter(session, wanted);
    } catch (error) {
      if (wanted && wanted.name !== 'sign-in') this.returnTo = wanted;
      const code = (error as ConsoleError).code;
      this.signInNotice = code === 'STAFF_SIGN_IN_REQUIRED' ? '' : messageFor(error as ConsoleError);
      this.showSignIn();
    }
  }

  private enter(session: SessionDto, wanted: Route | null): void {
    this.session = session;
    this.api.useSession(session);
    this.phase = 'signed-in';
    this.signInNotice = '';
    this.lastActivity = Date.now();
    clearInterval(this.idleTimer);
    this.idleTimer = setInterval(() => this.checkIdle(), IDLE_CHECK_MS);
    const target = wanted && wanted.name !== 'sign-in' && wanted.name !== 'invite' && canOpen(session.staff.role, wanted.name) ? wanted : null;
    this.go(target ?? { name: homeFor(session.staff.role) }, { replace: true });
    void this.refreshCounts();
  }

  private showSignIn(): void {
    this.phase = 'signed-out';
    this.session = null;
    this.route = { name: 'sign-in' };
    if (location.hash !== '#/sign-in') history.replaceState(null, '', '#/sign-in');
  }

  /** The session is over (timed out, signed out elsewhere): back to sign-in, with why. */
  private endSession(notice: string): void {
    if (this.phase !== 'signed-in') return;
    clearInterval(this.idleTimer);
    if (this.route.name !== 'sign-in' && this.route.name !== 'invite') this.returnTo = this.route;
    this.api.useSession(null);
    this.signInNotice = notice;
    this.menuOpen = false;
    this.showSignIn();
  }

  private checkIdle(): void {
    if (!this.session) return;
    const idleMs = Date.now() - this.lastActivity;
    if (idleMs < this.session.idleTimeoutMinutes * 60_000) return;
    // The server has ended the session too; say so now rather than on the next click.
    void this.api.auth.signOut().catch(() => undefined);
    this.endSession(`You were signed out after ${this.session.idleTimeoutMinutes} minutes without activity. Please sign in again.`);
  }

  private readonly onActivity = () => {
    this.lastActivity = Date.now();
  };

  private readonly onHashChange = () => {
    const route = parseHash(location.hash);
    if (!route) return;
    if (route.name === 'invite') {
      this.route = route;
      return;
    }
    if (this.phase !== 'signed-in') return;
    this.go(route, { fromHash: true });
  };

  private readonly onToast = (event: CustomEvent<ToastDetail>) => {
    event.stopPropagation();
    this.toasts?.show(event.detail);
  };

  private readonly onCounts = (event: CustomEvent<QueueCounts>) => {
    this.counts = event.detail;
  };

  private readonly onSignOutRequest = (event: CustomEvent<{ everywhere: boolean }>) => {
    void this.signOut(event.detail.everywhere);
  };

  /** Runs the newest toast's action (Undo): the queue's `u` shortcut. */
  runLatestToastAction(): boolean {
    return this.toasts?.runLatestAction() ?? false;
  }

  private async refreshCounts(): Promise<void> {
    if (!this.session || !canOpen(this.session.staff.role, 'queue')) return;
    try {
      this.counts = await this.api.queue.counts();
    } catch {
      // Counts are a hint in the navigation; the queue itself shows any error.
    }
  }

  private go(route: Route, options: { replace?: boolean; fromHash?: boolean } = {}): void {
    const role = this.session?.staff.role;
    if (role && route.name !== 'sign-in' && route.name !== 'invite' && !canOpen(role, route.name)) route = { name: homeFor(role) };
    const changed = hashOf(route) !== hashOf(this.route);
    this.route = route;
    this.navOpen = false;
    const hash = hashOf(route);
    if (location.hash !== hash) {
      if (options.replace) history.replaceState(null, '', hash);
      else if (!options.fromHash) history.pushState(null, '', hash);
    }
    if (route.name !== 'sign-in' && route.name !== 'invite') {
      void this.ensureLoaded(route.name);
      if (changed && !options.replace) this.focusHeadingAfterRender = true;
      document.title = `${titleOf(route.name)} · ${this.session?.tenant.name ?? 'Kindred'} · Kindred console`;
    }
  }

  private async ensureLoaded(screen: ScreenName): Promise<void> {
    if (this.loaded.has(screen)) return;
    try {
      await SCREENS[screen].load();
      this.loadFailed = false;
      this.loaded = new Set([...this.loaded, screen]);
    } catch {
      this.loadFailed = true;
    }
  }

  protected override async updated(): Promise<void> {
    if (!this.focusHeadingAfterRender) return;
    const screen = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('main > *');
    if (!screen) return;
    this.focusHeadingAfterRender = false;
    await screen.updateComplete;
    screen.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  private async signOut(everywhere: boolean): Promise<void> {
    this.menuOpen = false;
    try {
      await this.api.auth.signOut({ everywhere });
    } catch {
      // Signed out already (or the server is unreachable): the console forgets the session either way.
    }
    clearInterval(this.idleTimer);
    this.api.useSession(null);
    this.returnTo = null;
    this.signInNotice = everywhere ? 'You have been signed out on every device.' : 'You have been signed out.';
    this.showSignIn();
  }

  private onSignedIn(event: CustomEvent<SessionDto>): void {
    const wanted = this.returnTo;
    this.returnTo = null;
    this.enter(event.detail, wanted);
  }

  private onNavClick(event: MouseEvent, item: NavItem): void {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.go({ name: item.screen });
  }

  private onMenuKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.menuOpen) {
      this.menuOpen = false;
      this.renderRoot.querySelector<HTMLElement>('#account-button')?.focus();
    }
  }

  private onMenuFocusout(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.menuOpen && next && !(event.currentTarget as HTMLElement).contains(next)) this.menuOpen = false;
  }

  private renderNav(session: SessionDto) {
    const items = NAV.filter((item) => item.roles.includes(session.staff.role));
    const groups = [...new Set(items.map((i) => i.group))];
    const current = this.route.name;
    const badge = (item: NavItem) => {
      if (!this.counts) return nothing;
      if (item.screen === 'queue' && this.counts.pending > 0)
        return html`<span class="count ${this.counts.crisis > 0 ? 'crisis' : ''}"
          ><span aria-hidden="true">${this.counts.pending}</span
          ><span class="visually-hidden">, ${this.counts.pending} waiting${this.counts.crisis ? `, ${this.counts.crisis} crisis` : ''}</span></span
        >`;
      if (item.screen === 'reports' && this.counts.reported > 0)
        return html`<span class="count"
          ><span aria-hidden="true">${this.counts.reported}</span><span class="visually-hidden">, ${this.counts.reported} reported</span></span
        >`;
      return nothing;
    };
    return html`<nav class="sidebar ${this.navOpen ? 'open' : ''}" id="console-nav" aria-label="Console">
      ${groups.map(
        (group) => html`<div class="nav-group">
          <h2 class="nav-heading" id="nav-${group}">${NAV_GROUPS[group]}</h2>
          <ul aria-labelledby="nav-${group}">
            ${items
              .filter((i) => i.group === group)
              .map(
                (item) => html`<li>
                  <a
                    href=${hashOf({ name: item.screen })}
                    aria-current=${current === item.screen ? 'page' : nothing}
                    @click=${(e: MouseEvent) => this.onNavClick(e, item)}
                    ><span>${item.label}</span>${badge(item)}</a
                  >
                </li>`,
              )}
          </ul>
        </div>`,
      )}
    </nav>`;
  }

  private renderScreen(session: SessionDto) {
    const route = this.route;
    if (route.name === 'sign-in' || route.name === 'invite') return nothing;
    if (this.loadFailed && !this.loaded.has(route.name))
      return html`<div class="alert error" role="alert">
        This part of the console could not be loaded. Check your connection, then
        <button type="button" class="button small" @click=${() => this.ensureLoaded(route.name)}>Try again</button>
      </div>`;
    if (!this.loaded.has(route.name)) return html`<p class="muted" role="status">Loading…</p>`;
    const { tag } = SCREENS[route.name];
    return staticHtml`<${tag} .api=${this.api} .session=${session} .routeId=${route.id ?? ''}></${tag}>`;
  }

  override render() {
    if (this.phase === 'starting') return html`<div class="starting" role="status"><span class="mark" aria-hidden="true"></span> Loading the console…</div>`;
    if (this.phase === 'signed-out' || !this.session) {
      return html`${this.route.name === 'invite'
          ? html`<kc-accept-invite .api=${this.api} token=${this.route.token} @kc-signed-in=${this.onSignedIn}></kc-accept-invite>`
          : html`<kc-sign-in .api=${this.api} notice=${this.signInNotice} @kc-signed-in=${this.onSignedIn}></kc-sign-in>`}
        <kc-toast-region></kc-toast-region>`;
    }
    const session = this.session;
    return html`<button type="button" class="skip" @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}>Skip to content</button>
      <div class="shell">
        <header class="topbar">
          <button
            type="button"
            class="button quiet nav-toggle"
            aria-expanded=${this.navOpen ? 'true' : 'false'}
            aria-controls="console-nav"
            @click=${() => (this.navOpen = !this.navOpen)}
          >
            Menu
          </button>
          <div class="brand">
            <span class="mark" aria-hidden="true"></span>
            <span class="org">${session.tenant.name}</span>
            <span class="product">Community console</span>
          </div>
          <div class="account" @keydown=${this.onMenuKeydown} @focusout=${this.onMenuFocusout}>
            <button
              type="button"
              id="account-button"
              class="button quiet account-button"
              aria-expanded=${this.menuOpen ? 'true' : 'false'}
              aria-controls="account-menu"
              @click=${() => (this.menuOpen = !this.menuOpen)}
            >
              <span class="avatar" aria-hidden="true">${initials(session.staff.displayName)}</span>
              <span class="who"><span class="name">${session.staff.displayName}</span><span class="role">${ROLE_LABELS[session.staff.role]}</span></span>
            </button>
            <div class="menu" id="account-menu" ?hidden=${!this.menuOpen}>
              <p class="menu-email">${session.staff.email}</p>
              <a href="#/account" @click=${() => (this.menuOpen = false)}>Account and security</a>
              <button type="button" @click=${() => this.signOut(false)}>Sign out</button>
              <button type="button" @click=${() => this.signOut(true)}>Sign out everywhere</button>
            </div>
          </div>
        </header>
        ${this.renderNav(session)}
        <main id="main" tabindex="-1">${this.renderScreen(session)}</main>
      </div>
      <kc-toast-region></kc-toast-region>`;
  }
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

define('kindred-console', KindredConsole);

declare global {
  interface HTMLElementTagNameMap {
    'kindred-console': KindredConsole;
  }
  interface HTMLElementEventMap {
    'kc-signed-in': CustomEvent<SessionDto>;
    'kc-counts': CustomEvent<QueueCounts>;
  }
}

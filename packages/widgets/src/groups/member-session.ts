/**
 * The member's session for a widget's top element: the token (the `token` attribute, else the
 * page's `Kindred.setToken()`), the API client (built from `key` and `api-base`, or the one set as
 * `.client`) wrapped so an expired token is renewed through the cancelable `kindred-request-token`,
 * and that client provided to nested elements through `clientContext`.
 *
 * The forum's top element does the same inline (forum.component.ts); this controller is written
 * to move to core/ so that every widget shares one implementation.
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createClient, withSession, type KindredClient } from '../core/api-client.ts';
import { clientContext } from '../core/context.ts';
import type { KindredElement } from '../core/kindred-element.ts';
import { session } from '../core/session.ts';

/** How long to wait for the page to answer `kindred-request-token`. */
const TOKEN_WAIT_MS = 10_000;
/** The API is served from the origin that served this script, unless `api-base` says otherwise. */
const DEFAULT_API_BASE = new URL(/* @vite-ignore */ '/', import.meta.url).href;

export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  key: string;
  apiBase: string;
  token: string | null;
  client?: KindredClient | undefined;
  emit: KindredElement['emit'];
}

export class MemberSession implements ReactiveController {
  /** The client as built: for nested widgets that wrap their own session (the group's forum). */
  raw?: KindredClient;
  /** The client this widget uses. */
  api?: KindredClient;
  private pageToken = session.token;
  /** The token was refused (or expired with no replacement): signed out until it changes. */
  private refused = false;
  private seen: { token?: string; client?: KindredClient; key?: string; apiBase?: string } = {};
  private readonly watchers = new Set<() => void>();
  private refreshing: Promise<boolean> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly provider: ContextProvider<typeof clientContext>;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
    this.provider = new ContextProvider(host, { context: clientContext });
  }

  /** The token requests carry; null when signed out. */
  get token(): string | null {
    return this.refused ? null : this.host.token || this.pageToken || null;
  }

  hostConnected(): void {
    this.pageToken = session.token;
    this.unsubscribe = session.subscribe(() => {
      this.pageToken = session.token;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }

  /** Call in the host's `willUpdate`: rebuilds the client if its inputs changed, and says what changed. */
  sync(): { clientChanged: boolean; tokenChanged: boolean } {
    const { host } = this;
    const token = `${host.token ?? ''}\n${this.pageToken ?? ''}`;
    const tokenChanged = token !== this.seen.token;
    if (tokenChanged) {
      this.refused = false;
      for (const watcher of this.watchers) watcher();
    }
    const clientChanged = !this.api || host.client !== this.seen.client || host.key !== this.seen.key || host.apiBase !== this.seen.apiBase;
    this.seen = { token, client: host.client, key: host.key, apiBase: host.apiBase };
    if (clientChanged) {
      this.raw = host.client ?? createClient({ base: host.apiBase || DEFAULT_API_BASE, key: host.key, getToken: () => this.token });
      this.api = withSession(this.raw, {
        refreshToken: () => (this.refreshing ??= this.requestToken().finally(() => (this.refreshing = undefined))),
        signOut: () => {
          this.refused = true;
          host.requestUpdate();
        },
      });
      this.provider.setValue(this.api);
    }
    return { clientChanged, tokenChanged };
  }

  /**
   * Asks the page for a fresh token. Cancelling `kindred-request-token` means "the page is
   * handling it": wait (up to TOKEN_WAIT_MS) for `Kindred.setToken()` or the `token` attribute.
   */
  private requestToken(): Promise<boolean> {
    const expired = this.token;
    const hasNew = () => this.token !== null && this.token !== expired;
    const event = this.host.emit('kindred-request-token', { reason: 'expired' }, { cancelable: true });
    if (hasNew()) return Promise.resolve(true);
    if (!event.defaultPrevented) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.watchers.delete(watcher);
        resolve(ok);
      };
      const watcher = () => hasNew() && finish(true);
      const timer = setTimeout(() => finish(false), TOKEN_WAIT_MS);
      this.watchers.add(watcher);
    });
  }
}

/**
 * The member's session for a widget's top element: the token (the `token` attribute, else the
 * page's `Kindred.setToken()`), the API client (built from `key` and `api-base`, or the one set as
 * `.client`) wrapped so an expired token is renewed through the cancelable `kindred-request-token`,
 * and that client provided to nested elements through `clientContext`. Every widget's top element
 * has one. Each client it builds also fetches its tenant's theme (tenant-theme.ts, a lazy chunk).
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createClient, withSession, type KindredClient } from './api-client.ts';
import { clientContext } from './context.ts';
import type { KindredElement } from './kindred-element.ts';
import { session } from './session.ts';
import type { ThemedHost } from './tenant-theme.ts';

/** How long to wait for the page to answer `kindred-request-token`. */
const TOKEN_WAIT_MS = 10_000;
/** The API is served from the origin that served this script, unless `api-base` says otherwise. */
const DEFAULT_API_BASE = new URL(/* @vite-ignore */ '/', import.meta.url).href;

export interface SessionHost extends ReactiveControllerHost, HTMLElement, ThemedHost {
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
  private pageToken: string | null = null;
  /** The token was refused (or expired with no replacement): signed out until it changes. */
  private refused = false;
  /** What the last `sync()` saw: the tokens, whether refused, and the client's inputs. */
  private seen: unknown[] = [];
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

  /**
   * Call in the host's `willUpdate`: rebuilds the client if its inputs changed, and says what
   * changed: the client, the token (attribute or page), or whether the token was refused.
   */
  sync(): { clientChanged: boolean; memberChanged: boolean; refusedChanged: boolean } {
    const { host, seen } = this;
    const tokenChanged = (host.token || null) !== seen[0] || this.pageToken !== seen[1];
    if (tokenChanged) {
      this.refused = false;
      this.watchers.forEach((watcher) => watcher());
    }
    // A token that arrives while we are renewing an expired one (only ever asked for while signed
    // in) is a renewal: nothing on screen changes, and an open form keeps its words.
    const memberChanged = tokenChanged && !(this.refreshing && this.token);
    const refusedChanged = this.refused !== (seen[2] ?? false);
    const clientChanged = !this.api || host.client !== seen[3] || host.key !== seen[4] || host.apiBase !== seen[5];
    this.seen = [host.token || null, this.pageToken, this.refused, host.client, host.key, host.apiBase];
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
      // The tenant's theme: never awaited, so the first render shows the built-in defaults.
      void import('./tenant-theme.ts').then((m) => m.useTenantTheme(host, this));
    }
    return { clientChanged, memberChanged, refusedChanged };
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

/**
 * Keyset pagination for a component: loads the first page, appends the next ones with the cursor
 * the API returned, aborts stale requests, and exposes the states a list renders. Every Kindred
 * list (threads, posts, stories, reviews) uses it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Page } from '@kindred/api/router';

export type FetchPage<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

export class KeysetPager<T extends { id: string }> implements ReactiveController {
  items: T[] = [];
  nextCursor: string | null = null;
  /** Of the first page. */
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** Of "load more". */
  moreStatus: 'idle' | 'loading' | 'error' = 'idle';
  error: unknown;
  private abort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: FetchPage<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnected while a load had been aborted: start again.
    if (this.status === 'loading' && !this.abort) void this.reload();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  get loading(): boolean {
    return this.status === 'loading' || this.status === 'idle';
  }

  async reload(): Promise<void> {
    this.items = [];
    this.nextCursor = null;
    this.moreStatus = 'idle';
    await this.run(undefined, 'status');
  }

  /** Resolves to the items this call added. */
  async loadMore(): Promise<T[]> {
    if (this.nextCursor === null || this.moreStatus === 'loading' || this.status !== 'ready') return [];
    return this.run(this.nextCursor, 'moreStatus');
  }

  /**
   * Re-reads the first page quietly (no loading state) and updates the items it returns in
   * place: for fields that depend on who is looking, after the member signs in or out.
   */
  async refresh(): Promise<void> {
    if (this.status !== 'ready') return;
    try {
      const page = await this.fetchPage(undefined, new AbortController().signal);
      const fresh = new Map(page.items.map((i) => [i.id, i]));
      this.items = this.items.map((i) => fresh.get(i.id) ?? i);
    } catch {
      // Stale viewer fields are better than an error state; the next load corrects them.
    }
    this.host.requestUpdate();
  }

  /** Shows an item created here without reloading (e.g. a new thread at the top). */
  add(item: T, where: 'start' | 'end'): void {
    this.items = this.items.filter((i) => i.id !== item.id);
    this.items = where === 'start' ? [item, ...this.items] : [...this.items, item];
    this.host.requestUpdate();
  }

  private async run(cursor: string | undefined, which: 'status' | 'moreStatus'): Promise<T[]> {
    this.abort?.abort();
    const controller = (this.abort = new AbortController());
    this[which] = 'loading';
    this.host.requestUpdate();
    try {
      const page = await this.fetchPage(cursor, controller.signal);
      if (controller.signal.aborted) return [];
      const known = new Set(this.items.map((i) => i.id));
      const added = page.items.filter((i) => !known.has(i.id));
      this.items = [...this.items, ...added];
      this.nextCursor = page.nextCursor;
      this.status = 'ready';
      this.moreStatus = 'idle';
      return added;
    } catch (err) {
      if (controller.signal.aborted) return [];
      this.error = err;
      this[which] = 'error';
      return [];
    } finally {
      if (this.abort === controller) this.abort = undefined;
      this.host.requestUpdate();
    }
  }
}

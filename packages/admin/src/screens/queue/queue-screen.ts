/**
 * The moderation queue: what waits for a person, crisis first, then oldest first. Each item is
 * shown in its context with one-key actions (listed on screen; active while focus is in the
 * list, so they never fire while typing): j/k move, a approve, r reject, h hide, e edit,
 * b ban or mute the author, u undo. Approve, reject and hide can be undone for a few seconds.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConsoleError } from '../../api/client.ts';
import {
  MODERATION_REASONS,
  QUEUE_KINDS,
  type ModerationReason,
  type QueueCounts,
  type QueueFilter,
  type QueueItemDto,
  type QueueKind,
} from '../../api/contract.ts';
import { messageFor } from '../../api/messages.ts';
import { ConsoleElement, define } from '../../ui/console-element.ts';
import { dialogStyles } from '../../ui/dialog-styles.ts';
import { formatAgo, formatDateTime, KIND_LABELS, plural, REASON_LABELS } from '../../ui/format.ts';
import { consoleStyles } from '../../ui/styles.ts';
import '../members/sanction-dialog.ts';
import type { SanctionDialog, SanctionedDetail } from '../members/sanction-dialog.ts';
import './content-body.ts';
import { queueStyles, shortcutLayout } from './queue.styles.ts';

type Decision = 'approve' | 'reject' | 'hide';
type DialogMode = 'reject' | 'hide' | 'edit';

interface Undo {
  item: QueueItemDto;
  index: number;
  decision: Decision;
  controller: AbortController;
}

const PAGE_SIZE = 25;

export const QUEUE_SHORTCUTS: { keys: string[]; label: string }[] = [
  { keys: ['j', 'k'], label: 'Next / previous item' },
  { keys: ['a'], label: 'Approve' },
  { keys: ['r'], label: 'Reject with a reason' },
  { keys: ['h'], label: 'Hide with a reason' },
  { keys: ['e'], label: 'Edit with a reason' },
  { keys: ['b'], label: 'Ban or mute the author' },
  { keys: ['u'], label: 'Undo the last action' },
];

const PAST: Record<Decision, string> = { approve: 'Approved', reject: 'Rejected', hide: 'Hidden' };

export class QueueScreen extends ConsoleElement {
  static override styles = [consoleStyles, dialogStyles, queueStyles, shortcutLayout];

  /** From the route (unused here; members use it). */
  @property({ attribute: false }) routeId = '';

  @state() protected items: QueueItemDto[] = [];
  @state() protected nextCursor: string | null = null;
  @state() protected loading = true;
  @state() protected loadingMore = false;
  @state() protected error: ConsoleError | null = null;
  @state() protected counts: QueueCounts | null = null;
  @state() protected filter: QueueFilter = {};
  @state() protected current = 0;
  @state() private busy = new Set<string>();
  @state() private dialogMode: DialogMode | null = null;
  @state() private dialogItem: QueueItemDto | null = null;
  @state() private note = '';
  @state() private editBody = '';
  @state() private dialogError: ConsoleError | null = null;
  @state() private noteMissing = false;
  @query('dialog#decide') private dialog!: HTMLDialogElement;
  @query('kc-sanction-dialog') private sanctionDialog!: SanctionDialog;

  private undoable: Undo | null = null;
  private loadToken = 0;

  /** The reports view shows only reported items, grouped with their reports. */
  protected readonly reportsView: boolean = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.undoable?.controller.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed as Map<string, unknown>).has('items') && this.current >= this.items.length) this.current = Math.max(0, this.items.length - 1);
  }

  protected heading(): string {
    return 'Moderation queue';
  }

  protected lead(): string {
    return 'Posts, stories and reviews waiting for a person. Crisis items come first, then the oldest.';
  }

  protected query(cursor?: string): QueueFilter {
    const filter: QueueFilter = { ...this.filter, limit: PAGE_SIZE };
    if (this.reportsView) filter.reason = 'reported';
    if (cursor) filter.cursor = cursor;
    return filter;
  }

  protected async load(): Promise<void> {
    const token = ++this.loadToken;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.api.queue.list(this.query());
      if (token !== this.loadToken) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.current = 0;
    } catch (error) {
      if (token !== this.loadToken) return;
      this.error = error as ConsoleError;
    } finally {
      if (token === this.loadToken) this.loading = false;
    }
    void this.refreshCounts();
  }

  private async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await this.api.queue.list(this.query(this.nextCursor));
      const seen = new Set(this.items.map((i) => `${i.kind}:${i.id}`));
      this.items = [...this.items, ...page.items.filter((i) => !seen.has(`${i.kind}:${i.id}`))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.toast({ message: messageFor(error as ConsoleError), tone: 'error' });
    } finally {
      this.loadingMore = false;
    }
  }

  private async refreshCounts(): Promise<void> {
    try {
      this.counts = await this.api.queue.counts();
      this.dispatchEvent(new CustomEvent('kc-counts', { detail: this.counts, bubbles: true, composed: true }));
    } catch {
      // The counts are a summary; the list shows any real problem.
    }
  }

  private setFilter(patch: Partial<QueueFilter>): void {
    const next = { ...this.filter, ...patch };
    for (const key of Object.keys(next) as (keyof QueueFilter)[]) if (!next[key]) delete next[key];
    this.filter = next;
    void this.load();
  }

  // ---- actions -------------------------------------------------------------------------------

  private key(item: QueueItemDto): string {
    return `${item.kind}:${item.id}`;
  }

  private setBusy(item: QueueItemDto, on: boolean): void {
    const next = new Set(this.busy);
    if (on) next.add(this.key(item));
    else next.delete(this.key(item));
    this.busy = next;
  }

  /** Takes the item out of the list and offers to undo it for a few seconds. */
  private async decide(item: QueueItemDto, decision: Decision, note = ''): Promise<boolean> {
    if (this.busy.has(this.key(item))) return false;
    this.setBusy(item, true);
    try {
      const target = { kind: item.kind, id: item.id };
      if (decision === 'approve') await this.api.queue.approve(target);
      else if (decision === 'reject') await this.api.queue.reject({ ...target, note });
      else await this.api.queue.hide({ ...target, note });
    } catch (error) {
      this.toast({ message: messageFor(error as ConsoleError), tone: 'error' });
      return false;
    } finally {
      this.setBusy(item, false);
    }
    const index = this.items.findIndex((i) => this.key(i) === this.key(item));
    this.items = this.items.filter((i) => this.key(i) !== this.key(item));
    this.undoable?.controller.abort();
    const undo: Undo = { item, index, decision, controller: new AbortController() };
    this.undoable = undo;
    this.toast({
      message: `${PAST[decision]}: ${this.describe(item)}`,
      tone: 'success',
      action: { label: 'Undo', key: 'u', run: () => this.undo(undo) },
      signal: undo.controller.signal,
    });
    await this.updateComplete;
    this.focusItem(Math.min(index, this.items.length - 1));
    void this.refreshCounts();
    return true;
  }

  /** Puts the item back as it was: reopen (back to waiting) after approve/reject, unhide after hide. */
  private async undo(undo: Undo | null = this.undoable): Promise<void> {
    if (!undo || undo.controller.signal.aborted) return;
    undo.controller.abort();
    if (this.undoable === undo) this.undoable = null;
    const target = { kind: undo.item.kind, id: undo.item.id };
    try {
      const restored = undo.decision === 'hide' ? await this.api.queue.unhide(target) : await this.api.queue.reopen(target);
      const items = [...this.items];
      items.splice(Math.min(undo.index, items.length), 0, { ...undo.item, ...restored });
      this.items = items;
      this.toast({ message: `Undone: ${this.describe(undo.item)} is back in the queue.`, tone: 'info', duration: 4000 });
      await this.updateComplete;
      this.focusItem(Math.min(undo.index, this.items.length - 1));
      void this.refreshCounts();
    } catch (error) {
      this.toast({ message: `Could not undo. ${messageFor(error as ConsoleError)}`, tone: 'error' });
    }
  }

  private describe(item: QueueItemDto): string {
    const what = KIND_LABELS[item.kind].toLowerCase();
    return item.author ? `${what} by ${item.author.displayName}` : `${what} by a guest`;
  }

  private async openDialog(mode: DialogMode, item: QueueItemDto): Promise<void> {
    this.dialogMode = mode;
    this.dialogItem = item;
    this.note = '';
    this.editBody = item.bodySource;
    this.dialogError = null;
    this.noteMissing = false;
    await this.updateComplete;
    this.dialog.showModal();
  }

  private closeDialog(): void {
    this.dialog.close();
  }

  private onDialogClose(): void {
    this.dialogMode = null;
    this.dialogItem = null;
  }

  private async submitDialog(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const item = this.dialogItem;
    const mode = this.dialogMode;
    if (!item || !mode) return;
    if (!this.note.trim()) {
      this.noteMissing = true;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#decide-note')?.focus();
      return;
    }
    if (mode === 'edit') {
      this.setBusy(item, true);
      try {
        const updated = await this.api.queue.edit({ kind: item.kind, id: item.id, body: this.editBody, note: this.note.trim() });
        this.items = this.items.map((i) => (this.key(i) === this.key(item) ? { ...i, ...updated } : i));
        this.closeDialog();
        this.toast({ message: `Edited: ${this.describe(item)}. The author's original is kept in the history.`, tone: 'success' });
      } catch (error) {
        this.dialogError = error as ConsoleError;
      } finally {
        this.setBusy(item, false);
      }
      return;
    }
    this.closeDialog();
    await this.decide(item, mode, this.note.trim());
  }

  private async onSanctioned(event: CustomEvent<SanctionedDetail>): Promise<void> {
    const { member, kind, days } = event.detail;
    const length = days === null ? 'permanently' : `for ${plural(days, 'day')}`;
    this.toast({ message: `${member.displayName} is ${kind === 'ban' ? 'banned' : 'muted'} ${length}.`, tone: 'success' });
  }

  private sanction(item: QueueItemDto): void {
    if (!item.author) {
      this.toast({ message: 'This was posted by a guest: there is no member account to ban or mute.', tone: 'info' });
      return;
    }
    void this.sanctionDialog.open(item.author);
  }

  // ---- keyboard --------------------------------------------------------------------------------

  private focusItem(index: number): void {
    if (index < 0 || !this.items.length) {
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
      return;
    }
    this.current = index;
    void this.updateComplete.then(() => {
      const card = this.renderRoot.querySelector<HTMLElement>(`.item[data-index="${index}"]`);
      card?.focus();
      card?.scrollIntoView({ block: 'nearest' });
    });
  }

  private onListKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0] as HTMLElement;
    if (target.closest('input, textarea, select, summary, a, dialog')) return;
    const item = this.items[this.current];
    const key = event.key;
    const handled = (() => {
      switch (key) {
        case 'j':
        case 'ArrowDown':
          this.focusItem(Math.min(this.current + 1, this.items.length - 1));
          return true;
        case 'k':
        case 'ArrowUp':
          this.focusItem(Math.max(this.current - 1, 0));
          return true;
        case 'Home':
          this.focusItem(0);
          return true;
        case 'End':
          this.focusItem(this.items.length - 1);
          return true;
        case 'u':
          void this.undo();
          return true;
      }
      if (!item) return false;
      switch (key) {
        case 'a':
          void this.decide(item, 'approve');
          return true;
        case 'r':
          void this.openDialog('reject', item);
          return true;
        case 'h':
          void this.openDialog('hide', item);
          return true;
        case 'e':
          void this.openDialog('edit', item);
          return true;
        case 'b':
          this.sanction(item);
          return true;
      }
      return false;
    })();
    if (handled) event.preventDefault();
  }

  private onListFocusin(event: FocusEvent): void {
    const card = (event.composedPath() as HTMLElement[]).find((el) => el instanceof HTMLElement && el.classList?.contains('item'));
    const index = card ? Number(card.dataset.index) : NaN;
    if (!Number.isNaN(index)) this.current = index;
  }

  // ---- rendering -------------------------------------------------------------------------------

  private renderSummary() {
    const c = this.counts;
    if (!c) return nothing;
    return html`<div class="summary" aria-label="Queue summary">
      <span class="badge">${plural(c.pending, 'item')} waiting</span>
      ${c.crisis ? html`<span class="badge crisis">${c.crisis} crisis</span>` : nothing}
      ${c.reported ? html`<span class="badge warning">${c.reported} reported</span>` : nothing}
    </div>`;
  }

  private renderFilters() {
    const groups = [...new Set(this.items.map((i) => i.context.group).filter((g): g is string => !!g))].sort();
    return html`<form class="filters" role="search" aria-label="Filter the queue" @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="filter-kind">Type</label>
        <select id="filter-kind" @change=${(e: Event) => this.setFilter({ kind: ((e.target as HTMLSelectElement).value || undefined) as QueueKind | undefined })}>
          <option value="" ?selected=${!this.filter.kind}>All types</option>
          ${QUEUE_KINDS.map((k) => html`<option value=${k} ?selected=${this.filter.kind === k}>${KIND_LABELS[k]}</option>`)}
        </select>
      </div>
      ${this.reportsView
        ? nothing
        : html`<div class="field">
            <label for="filter-reason">Reason</label>
            <select
              id="filter-reason"
              @change=${(e: Event) => this.setFilter({ reason: ((e.target as HTMLSelectElement).value || undefined) as ModerationReason | undefined })}
            >
              <option value="" ?selected=${!this.filter.reason}>All reasons</option>
              ${MODERATION_REASONS.filter((r) => r !== 'moderator').map(
                (r) => html`<option value=${r} ?selected=${this.filter.reason === r}>${REASON_LABELS[r]}</option>`,
              )}
            </select>
          </div>`}
      <div class="field">
        <label for="filter-group">Group</label>
        <input
          id="filter-group"
          list="queue-groups"
          placeholder="All groups"
          autocomplete="off"
          .value=${this.filter.group ?? ''}
          @change=${(e: Event) => this.setFilter({ group: (e.target as HTMLInputElement).value.trim() || undefined })}
        />
        <datalist id="queue-groups">${groups.map((g) => html`<option value=${g}></option>`)}</datalist>
      </div>
      ${this.filter.kind || this.filter.reason || this.filter.group
        ? html`<button type="button" class="button quiet" @click=${() => ((this.filter = {}), void this.load())}>Clear filters</button>`
        : nothing}
    </form>`;
  }

  private renderShortcuts() {
    return html`<aside class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        ${QUEUE_SHORTCUTS.map(
          (s) => html`<div>
            <dt>${s.keys.map((k, i) => html`${i ? ' ' : ''}<kbd>${k}</kbd>`)}</dt>
            <dd>${s.label}</dd>
          </div>`,
        )}
      </dl>
      <p>They work while an item has focus: press <kbd>Tab</kbd> to reach the first one.</p>
    </aside>`;
  }

  protected renderReports(item: QueueItemDto) {
    if (!item.reports.length) return nothing;
    const tally = new Map<string, number>();
    for (const r of item.reports) tally.set(r.reason, (tally.get(r.reason) ?? 0) + 1);
    const notes = item.reports.filter((r) => r.note);
    return html`<section class="reports" aria-label="Reports">
      <h3>${plural(item.reports.length, 'report')}</h3>
      <div class="reason-tally">${[...tally].map(([reason, n]) => html`<span class="badge warning">${humanise(reason)}${n > 1 ? ` × ${n}` : ''}</span>`)}</div>
      ${notes.length
        ? html`<ul>
            ${notes.map((r) => html`<li>“${r.note}” <span class="muted small">· ${humanise(r.reason)}, ${formatAgo(r.createdAt)}</span></li>`)}
          </ul>`
        : nothing}
    </section>`;
  }

  private renderCrisis(item: QueueItemDto) {
    if (item.priority !== 'crisis') return nothing;
    const resources = item.crisisResourcesGiven ?? [];
    return html`<section class="crisis-panel" aria-label="Crisis support">
      <h3>This may describe someone at risk</h3>
      ${resources.length
        ? html`<p>When they posted, the author was shown these resources:</p>
            <ul class="resources">
              ${resources.map(
                (r) => html`<li>
                  <strong>${r.name}</strong>
                  <span class="small">${r.description}</span>
                  <span class="small ways">
                    ${r.phone ? html`<span>Call ${r.phone}</span>` : nothing} ${r.text ? html`<span>Text: ${r.text}</span>` : nothing}
                    ${r.url ? html`<a href=${safeUrl(r.url)} target="_blank" rel="noopener noreferrer">${r.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>` : nothing}
                  </span>
                </li>`,
              )}
            </ul>`
        : html`<p>No crisis resources were configured when this was posted. Add them in Settings.</p>`}
      <p class="reach-out">
        <strong>Reach out:</strong> if your organisation can contact this member, consider doing so now, following your safeguarding
        procedure. Nothing public labels this post; approving it only makes it visible as written.
      </p>
    </section>`;
  }

  private renderItem(item: QueueItemDto, index: number) {
    const id = `item-${index}`;
    const busy = this.busy.has(this.key(item));
    const title = item.title ?? `${KIND_LABELS[item.kind]} by ${item.author?.displayName ?? 'a guest'}`;
    const approve = this.reportsView ? 'Keep' : 'Approve';
    return html`<li>
      <article
        class="item ${item.priority === 'crisis' ? 'crisis' : ''} ${busy ? 'busy' : ''} ${index === this.current ? 'current' : ''}"
        data-index=${index}
        tabindex=${index === this.current ? '0' : '-1'}
        aria-labelledby="${id}-title"
        aria-describedby="${id}-meta"
        aria-busy=${busy ? 'true' : 'false'}
      >
        <div class="item-meta" id="${id}-meta">
          ${item.priority === 'crisis' ? html`<span class="badge crisis">Crisis</span>` : nothing}
          <span class="badge accent">${KIND_LABELS[item.kind]}</span>
          ${item.reason && item.reason !== 'crisis' ? html`<span class="badge">${REASON_LABELS[item.reason]}</span>` : nothing}
          ${item.status !== 'pending' ? html`<span class="badge">${item.status === 'published' ? 'Still visible' : item.status}</span>` : nothing}
          <span class="context">${item.context.label}${item.context.group ? html` · <span class="mono">${item.context.group}</span>` : nothing}</span>
        </div>
        <h2 id="${id}-title">${title}</h2>
        <p class="byline">
          by <strong>${item.author?.displayName ?? 'a guest'}</strong> ·
          <time datetime=${item.createdAt} title=${formatDateTime(item.createdAt)}>${formatAgo(item.createdAt)}</time>
        </p>
        ${this.renderCrisis(item)}
        <div class="content"><kc-content-body .sanitisedHtml=${item.bodyHtml}></kc-content-body></div>
        <details class="source">
          <summary>Show the text as the author wrote it</summary>
          <pre>${item.bodySource}</pre>
        </details>
        ${this.renderReports(item)}
        ${item.moderationNote ? html`<p class="note"><strong>Moderator note:</strong> ${item.moderationNote}</p>` : nothing}
        <div class="actions" role="group" aria-label="Actions for ${title}">
          <button type="button" class="button primary" aria-keyshortcuts="a" ?disabled=${busy} @click=${() => this.decide(item, 'approve')}>
            ${approve}<kbd aria-hidden="true">a</kbd>
          </button>
          <button type="button" class="button" aria-keyshortcuts="r" ?disabled=${busy} @click=${() => this.openDialog('reject', item)}>
            Reject…<kbd aria-hidden="true">r</kbd>
          </button>
          <button type="button" class="button" aria-keyshortcuts="h" ?disabled=${busy} @click=${() => this.openDialog('hide', item)}>
            Hide…<kbd aria-hidden="true">h</kbd>
          </button>
          <button type="button" class="button" aria-keyshortcuts="e" ?disabled=${busy} @click=${() => this.openDialog('edit', item)}>
            Edit…<kbd aria-hidden="true">e</kbd>
          </button>
          ${item.author
            ? html`<button type="button" class="button" aria-keyshortcuts="b" ?disabled=${busy} @click=${() => this.sanction(item)}>
                Ban or mute<span class="visually-hidden"> ${item.author.displayName}</span>…<kbd aria-hidden="true">b</kbd>
              </button>`
            : nothing}
        </div>
      </article>
    </li>`;
  }

  private renderList() {
    if (this.loading)
      return html`<div class="panel" aria-busy="true" aria-label="Loading the queue">
        <span class="skeleton-line"></span><span class="skeleton-line"></span><span class="skeleton-line"></span>
      </div>`;
    if (this.error)
      return html`<div class="alert error" role="alert">
        ${messageFor(this.error)} <button type="button" class="button small" @click=${() => this.load()}>Try again</button>
      </div>`;
    if (!this.items.length) {
      const filtered = this.filter.kind || this.filter.reason || this.filter.group;
      return html`<div class="panel empty">
        <strong>${filtered ? 'Nothing matches these filters' : this.reportsView ? 'No open reports' : 'All caught up'}</strong>
        ${filtered
          ? 'Try clearing the filters.'
          : this.reportsView
            ? 'When members report something, it appears here with their reasons.'
            : 'New posts that need a person will appear here.'}
      </div>`;
    }
    return html`<ul class="items" aria-label=${this.heading()} @keydown=${this.onListKeydown} @focusin=${this.onListFocusin}>
        ${this.items.map((item, index) => this.renderItem(item, index))}
      </ul>
      ${this.nextCursor
        ? html`<div class="more"><button type="button" class="button" ?disabled=${this.loadingMore} @click=${this.loadMore}>${this.loadingMore ? 'Loading…' : 'Load more'}</button></div>`
        : nothing}`;
  }

  private renderDialog() {
    const item = this.dialogItem;
    const mode = this.dialogMode;
    const titles: Record<DialogMode, string> = { reject: 'Reject', hide: 'Hide', edit: 'Edit' };
    const hints: Record<DialogMode, string> = {
      reject: 'Why it cannot be published. The author sees that it was not published, not your note.',
      hide: 'Why it is hidden. It disappears for everyone but its author and staff.',
      edit: 'What you changed and why. Kept with the edit history.',
    };
    return html`<dialog id="decide" aria-labelledby="decide-title" @close=${this.onDialogClose}>
      ${item && mode
        ? html`<form @submit=${this.submitDialog} novalidate>
            <h2 id="decide-title">${titles[mode]} ${this.describe(item)}</h2>
            ${this.dialogError ? html`<div class="alert error" role="alert">${messageFor(this.dialogError)}</div>` : nothing}
            ${mode === 'edit'
              ? html`<div class="field">
                  <label for="decide-body">Text</label>
                  <textarea id="decide-body" rows="8" .value=${this.editBody} @input=${(e: InputEvent) => (this.editBody = (e.target as HTMLTextAreaElement).value)}></textarea>
                </div>`
              : nothing}
            <div class="field">
              <label for="decide-note">Reason</label>
              <span class="hint" id="decide-note-hint">${hints[mode]}</span>
              <textarea
                id="decide-note"
                rows="3"
                required
                aria-describedby="decide-note-hint${this.noteMissing ? ' decide-note-error' : ''}"
                aria-invalid=${this.noteMissing ? 'true' : 'false'}
                .value=${this.note}
                @input=${(e: InputEvent) => {
                  this.note = (e.target as HTMLTextAreaElement).value;
                  this.noteMissing = false;
                }}
              ></textarea>
              ${this.noteMissing ? html`<span class="field-error" id="decide-note-error">Add a short reason.</span>` : nothing}
            </div>
            <div class="dialog-actions">
              <button type="button" class="button" @click=${this.closeDialog}>Cancel</button>
              <button type="submit" class="button ${mode === 'edit' ? 'primary' : 'danger'}">${mode === 'edit' ? 'Save edit' : titles[mode]}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  override render() {
    return html`<div class="page-head">
        <div>
          <h1 tabindex="-1">${this.heading()}</h1>
          <p>${this.lead()}</p>
        </div>
        ${this.renderSummary()}
      </div>
      ${this.renderFilters()}
      <div class="layout">
        <div>${this.renderList()}</div>
        ${this.renderShortcuts()}
      </div>
      ${this.renderDialog()}
      <kc-sanction-dialog .api=${this.api} @kc-sanctioned=${this.onSanctioned}></kc-sanction-dialog>`;
  }
}

/** "harassment" → "Harassment", "self_harm" → "Self harm". */
export function humanise(code: string): string {
  const text = code.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Only http(s) links from configured resources become links. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}

define('kc-queue-screen', QueueScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-queue-screen': QueueScreen;
  }
}

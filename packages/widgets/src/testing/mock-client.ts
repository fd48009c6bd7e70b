/**
 * An in-memory KindredClient for tests and Storybook: serves fixture threads with keyset pages,
 * records every call, can be told to fail or hang, and lets a test or story push live events to
 * open subscriptions (`push()`). No network.
 */
import {
  ApiError,
  type InputOf,
  type KindredClient,
  type MutationPath,
  type OutputOf,
  type QueryPath,
  type SubscribeHandlers,
  type SubscriptionPath,
} from '../core/api-client.ts';
import type {
  ForumContextDto,
  ForumEvent,
  ModerationOutcome,
  Page,
  PostDto,
  ReactionKind,
  SearchHitDto,
  ThemeDto,
  ThreadEvent,
  ThreadSummaryDto,
} from '../core/api-types.ts';
import { fixtureCards, fixtureContext, fixtureHtml, fixtureMember, fixturePosts, fixtureThreads } from './fixtures.ts';
import { moderationState, OutcomeQueue, publishedOutcome } from './moderation.ts';

type Path = QueryPath | MutationPath | SubscriptionPath;

export interface MockCall {
  path: Path;
  input: unknown;
}

export interface MockClientOptions {
  threads?: ThreadSummaryDto[];
  posts?: Record<string, PostDto[]>;
  /** What `forum.context` answers (merged over the fixture context). */
  context?: Partial<ForumContextDto>;
  /** Page size, whatever limit the widget asks for (to exercise "Load more"). */
  pageSize?: number;
  /** Milliseconds before each answer. */
  latency?: number;
  /** What `appearance.theme` answers; without it the mock refuses (NOT_FOUND) and widgets keep their defaults. */
  theme?: ThemeDto;
}

export interface MockSubscription {
  path: SubscriptionPath;
  input: Record<string, unknown>;
  handlers: SubscribeHandlers<never>;
  /** False once the widget closed it. */
  readonly open: boolean;
}

function page<T>(items: T[], cursor: string | null | undefined, size: number): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  const end = start + size;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

const SORTS: Record<string, (a: ThreadSummaryDto, b: ThreadSummaryDto) => number> = {
  activity: (a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt),
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
  supported: (a, b) => b.supportCount - a.supportCount,
  unanswered: (a, b) => b.createdAt.localeCompare(a.createdAt),
};

export class MockClient implements KindredClient {
  readonly calls: MockCall[] = [];
  threads: ThreadSummaryDto[];
  posts: Record<string, PostDto[]>;
  context: ForumContextDto;
  readonly subscriptions: MockSubscription[] = [];
  private readonly failures: { path: Path; error: ApiError }[] = [];
  private readonly hanging = new Set<Path>();
  private readonly outcomes = new OutcomeQueue();
  private counter = 0;
  private eventId = 0;

  constructor(private readonly options: MockClientOptions = {}) {
    this.threads = structuredClone(options.threads ?? fixtureThreads);
    this.posts = structuredClone(options.posts ?? fixturePosts);
    this.context = { ...structuredClone(fixtureContext), ...options.context };
  }

  /** The next `times` calls to `path` fail with this error. */
  failNext(path: Path, error: ApiError, times = 1): this {
    for (let i = 0; i < times; i++) this.failures.push({ path, error });
    return this;
  }

  /**
   * The next write to `path` (forum.createThread, forum.reply, forum.editPost) is moderated so:
   * the post (and thread) take its status, and the result carries it as `moderation`. Writes
   * are published otherwise. To refuse a write instead: `failNext(path, refusal(code, details))`.
   */
  moderateNext(path: 'forum.createThread' | 'forum.reply' | 'forum.editPost', outcome: ModerationOutcome): this {
    this.outcomes.push(path, outcome);
    return this;
  }

  /** Calls to `path` never answer (a loading state that stays), until `release()`. */
  hang(path: Path): this {
    this.hanging.add(path);
    return this;
  }

  release(path: Path): void {
    this.hanging.delete(path);
  }

  callsTo(path: Path): MockCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  /** Subscriptions to `path` the widget still holds open. */
  openSubscriptions(path: SubscriptionPath): MockSubscription[] {
    return this.subscriptions.filter((s) => s.path === path && s.open);
  }

  /** Sends a live event to every open subscription of `path` (matching `match` if given). */
  push(path: 'forum.onThread', event: ThreadEvent, match?: { threadId: string }): void;
  push(path: 'forum.onForum', event: ForumEvent): void;
  push(path: SubscriptionPath, event: ThreadEvent | ForumEvent, match?: { threadId: string }): void {
    if (path === 'forum.onThread') this.apply(event as ThreadEvent);
    const id = String(++this.eventId);
    for (const sub of this.openSubscriptions(path)) {
      if (match && sub.input.threadId !== match.threadId) continue;
      (sub.handlers.onData as (d: unknown, id: string) => void)(structuredClone(event), id);
    }
  }

  /** A reply someone else wrote, as the API would stream it. */
  replyFrom(threadId: string, displayName: string, body: string): PostDto {
    const now = new Date().toISOString();
    return {
      id: this.newId('3'),
      threadId,
      isOpening: false,
      author: { id: this.newId('4'), displayName, badges: [] },
      anonymous: false,
      isOwn: false,
      bodyHtml: fixtureHtml(body),
      bodySource: null,
      contentWarning: null,
      markedHelpful: false,
      reactions: { support: 0, helpful: 0, me_too: 0 },
      myReactions: [],
      createdAt: now,
      editedAt: null,
      deletedAt: null,
      ...moderationState(publishedOutcome()),
    };
  }

  query<P extends QueryPath>(path: P, input: InputOf<P>): Promise<OutputOf<P>> {
    return this.answer(path, input) as Promise<OutputOf<P>>;
  }

  mutate<P extends MutationPath>(path: P, input: InputOf<P>): Promise<OutputOf<P>> {
    return this.answer(path, input) as Promise<OutputOf<P>>;
  }

  subscribe<P extends SubscriptionPath>(path: P, input: InputOf<P>, handlers: SubscribeHandlers<OutputOf<P>>): void {
    this.calls.push({ path, input: structuredClone(input) });
    const failure = this.failures.findIndex((f) => f.path === path);
    if (failure >= 0) {
      const { error } = this.failures.splice(failure, 1)[0]!;
      void Promise.resolve().then(() => handlers.onError?.(error));
      return;
    }
    this.subscriptions.push({
      path,
      input: input as Record<string, unknown>,
      handlers: handlers as SubscribeHandlers<never>,
      get open() {
        return !handlers.signal.aborted;
      },
    });
    void Promise.resolve().then(() => handlers.signal.aborted || handlers.onState?.('open'));
  }

  private newId(prefix: string): string {
    return `${prefix}0000000-0000-4000-8000-${String(++this.counter).padStart(12, '0')}`;
  }

  private async answer(path: Path, input: unknown): Promise<unknown> {
    this.calls.push({ path, input: structuredClone(input) });
    if (this.hanging.has(path)) return new Promise(() => {});
    if (this.options.latency) await new Promise((r) => setTimeout(r, this.options.latency));
    else await Promise.resolve();
    const failure = this.failures.findIndex((f) => f.path === path);
    if (failure >= 0) throw this.failures.splice(failure, 1)[0]!.error;
    return structuredClone(this.handle(path, (input ?? {}) as Record<string, unknown>));
  }

  private findPost(postId: string): PostDto {
    const post = Object.values(this.posts).flat().find((p) => p.id === postId);
    if (!post) throw new ApiError('NOT_FOUND', 404, 'Not found.');
    return post;
  }

  private findThread(threadId: string): ThreadSummaryDto {
    const thread = this.threads.find((t) => t.id === threadId);
    if (!thread) throw new ApiError('NOT_FOUND', 404, 'Not found.');
    return thread;
  }

  /** Keeps the store in step with a pushed event, so a reload shows the same thing. */
  private apply(event: ThreadEvent): void {
    if (event.type === 'reactions.changed') {
      const post = Object.values(this.posts).flat().find((p) => p.id === event.postId);
      if (post) post.reactions = { ...event.reactions };
      return;
    }
    const list = (this.posts[event.post.threadId] ??= []);
    const index = list.findIndex((p) => p.id === event.post.id);
    if (index >= 0) list[index] = structuredClone(event.post);
    else {
      list.push(structuredClone(event.post));
      const thread = this.threads.find((t) => t.id === event.post.threadId);
      if (thread) Object.assign(thread, { replyCount: thread.replyCount + 1, lastActivityAt: event.post.createdAt });
    }
  }

  /** Server order: the opening post, replies the author marked helpful, then the rest oldest first. */
  private ordered(threadId: string): PostDto[] {
    const posts = this.posts[threadId] ?? [];
    const opening = posts.filter((p) => p.isOpening);
    const replies = posts.filter((p) => !p.isOpening);
    return [...opening, ...replies.filter((p) => p.markedHelpful), ...replies.filter((p) => !p.markedHelpful)];
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- inputs were typed by the caller's path
  private handle(path: Path, input: Record<string, any>): unknown {
    const size = this.options.pageSize ?? Number(input.limit ?? 20);
    const now = new Date().toISOString();
    switch (path) {
      case 'identity.me':
        return { member: fixtureMember, tenant: { name: this.context.tenantName } };
      case 'forum.context':
        return this.context;
      case 'appearance.theme':
        if (this.options.theme) return this.options.theme;
        break;
      case 'forum.listThreads': {
        const group = input.group as string | undefined;
        const sort = (input.sort as string | undefined) ?? 'activity';
        const threads = this.threads
          .filter((t) => !group || t.group === group)
          .filter((t) => sort !== 'unanswered' || t.replyCount === 0)
          .sort(SORTS[sort]);
        return page(threads, input.cursor, size);
      }
      case 'forum.search': {
        const query = String(input.query).toLowerCase();
        const hits: SearchHitDto[] = [];
        for (const thread of this.threads) {
          const posts = this.posts[thread.id] ?? [];
          const titleHit = thread.title.toLowerCase().includes(query);
          const post = titleHit ? posts.find((p) => p.isOpening) : posts.find((p) => p.bodyHtml.toLowerCase().includes(query));
          if (!post && !titleHit) continue;
          const text = (post?.bodyHtml ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
          const at = Math.max(0, text.toLowerCase().indexOf(query) - 60);
          hits.push({ thread, postId: post?.id ?? thread.id, snippet: post?.contentWarning ? '' : `${at ? '…' : ''}${text.slice(at, at + 160)}…` });
        }
        return page(hits, input.cursor, size);
      }
      case 'forum.getThread': {
        const thread = this.findThread(input.threadId);
        return { thread, posts: page(this.ordered(thread.id), input.cursor, size), canReply: this.context.canPost };
      }
      case 'forum.memberCard': {
        const card = fixtureCards[input.memberId as string];
        if (!card) throw new ApiError('NOT_FOUND', 404, 'Not found.');
        return card;
      }
      case 'forum.createThread': {
        const outcome = this.outcomes.take(path, publishedOutcome());
        const id = this.newId('1');
        const body = String(input.body);
        const anonymous = Boolean(input.anonymous);
        const contentWarning = (input.contentWarning as string | undefined) || null;
        const thread: ThreadSummaryDto = {
          id,
          title: String(input.title),
          excerpt: contentWarning ? '' : body.slice(0, 200),
          author: fixtureMember,
          anonymous,
          isOwn: true,
          contentWarning,
          group: (input.group as string | undefined) ?? null,
          replyCount: 0,
          supportCount: 0,
          createdAt: now,
          lastActivityAt: now,
          ...moderationState(outcome),
        };
        this.threads.unshift(thread);
        this.posts[id] = [this.ownPost(id, true, input, outcome)];
        return { ...thread, moderation: outcome };
      }
      case 'forum.reply': {
        const outcome = this.outcomes.take(path, publishedOutcome());
        const thread = this.findThread(input.threadId);
        const post = this.ownPost(thread.id, false, input, outcome);
        (this.posts[thread.id] ??= []).push(post);
        // A reply others cannot see yet does not count for them.
        if (outcome.status === 'published') Object.assign(thread, { replyCount: thread.replyCount + 1, lastActivityAt: now });
        return { ...post, moderation: outcome };
      }
      case 'forum.editPost': {
        const post = this.findPost(input.postId);
        if (!post.isOwn) throw new ApiError('FORBIDDEN_ACTION', 403, 'Not your post.');
        Object.assign(post, {
          bodySource: String(input.body),
          bodyHtml: fixtureHtml(String(input.body)),
          contentWarning: (input.contentWarning as string | undefined) || null,
          editedAt: now,
        });
        const outcome = this.outcomes.take(path, publishedOutcome());
        Object.assign(post, moderationState(outcome));
        if (input.title && post.isOpening) this.findThread(post.threadId).title = String(input.title);
        return { ...post, moderation: outcome };
      }
      case 'forum.deletePost': {
        const post = this.findPost(input.postId);
        if (!post.isOwn) throw new ApiError('FORBIDDEN_ACTION', 403, 'Not your post.');
        Object.assign(post, { deletedAt: now, bodyHtml: '', bodySource: null, author: null });
        return post;
      }
      case 'forum.react': {
        const post = this.findPost(input.postId);
        const kind = input.kind as ReactionKind;
        const had = post.myReactions.includes(kind);
        if (input.on && !had) {
          post.myReactions = [...post.myReactions, kind];
          post.reactions[kind]++;
        } else if (!input.on && had) {
          post.myReactions = post.myReactions.filter((k) => k !== kind);
          post.reactions[kind]--;
        }
        return { postId: post.id, reactions: post.reactions, myReactions: post.myReactions };
      }
      case 'forum.markHelpful': {
        const post = this.findPost(input.postId);
        if (post.isOpening || !this.findThread(post.threadId).isOwn) throw new ApiError('FORBIDDEN_ACTION', 403, 'Only the author.');
        post.markedHelpful = Boolean(input.helpful);
        return post;
      }
      case 'forum.report':
        this.findPost(input.postId);
        return { ok: true };
    }
    throw new ApiError('NOT_FOUND', 404, `The mock does not answer ${path}.`);
  }

  private ownPost(threadId: string, isOpening: boolean, input: Record<string, unknown>, outcome: ModerationOutcome): PostDto {
    const body = String(input.body);
    return {
      id: this.newId('2'),
      threadId,
      isOpening,
      author: fixtureMember,
      anonymous: Boolean(input.anonymous),
      isOwn: true,
      bodyHtml: fixtureHtml(body),
      bodySource: body,
      contentWarning: (input.contentWarning as string | undefined) || null,
      markedHelpful: false,
      reactions: { support: 0, helpful: 0, me_too: 0 },
      myReactions: [],
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
      ...moderationState(outcome),
    };
  }
}

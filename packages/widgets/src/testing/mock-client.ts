/**
 * An in-memory KindredClient for tests and Storybook: serves fixture threads with keyset pages,
 * records every call, and can be told to fail or hang. No network.
 */
import type { Page, PostDto, ThreadSummaryDto } from '@kindred/api/router';
import {
  ApiError,
  type InputOf,
  type KindredClient,
  type MutationPath,
  type OutputOf,
  type QueryPath,
} from '../core/api-client.ts';
import { fixtureMember, fixturePosts, fixtureThreads } from './fixtures.ts';

type Path = QueryPath | MutationPath;

export interface MockCall {
  path: Path;
  input: unknown;
}

export interface MockClientOptions {
  threads?: ThreadSummaryDto[];
  posts?: Record<string, PostDto[]>;
  /** Page size, whatever limit the widget asks for (to exercise "Load more"). */
  pageSize?: number;
  /** Milliseconds before each answer. */
  latency?: number;
}

function page<T>(items: T[], cursor: string | undefined, size: number): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  const end = start + size;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

export class MockClient implements KindredClient {
  readonly calls: MockCall[] = [];
  threads: ThreadSummaryDto[];
  posts: Record<string, PostDto[]>;
  private readonly failures: { path: Path; error: ApiError }[] = [];
  private readonly hanging = new Set<Path>();
  private counter = 0;

  constructor(private readonly options: MockClientOptions = {}) {
    this.threads = structuredClone(options.threads ?? fixtureThreads);
    this.posts = structuredClone(options.posts ?? fixturePosts);
  }

  /** The next `times` calls to `path` fail with this error. */
  failNext(path: Path, error: ApiError, times = 1): this {
    for (let i = 0; i < times; i++) this.failures.push({ path, error });
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

  query<P extends QueryPath>(path: P, input: InputOf<P>): Promise<OutputOf<P>> {
    return this.answer(path, input) as Promise<OutputOf<P>>;
  }

  mutate<P extends MutationPath>(path: P, input: InputOf<P>): Promise<OutputOf<P>> {
    return this.answer(path, input) as Promise<OutputOf<P>>;
  }

  private async answer(path: Path, input: unknown): Promise<unknown> {
    this.calls.push({ path, input: structuredClone(input) });
    if (this.hanging.has(path)) return new Promise(() => {});
    if (this.options.latency) await new Promise((r) => setTimeout(r, this.options.latency));
    else await Promise.resolve();
    const failure = this.failures.findIndex((f) => f.path === path);
    if (failure >= 0) throw this.failures.splice(failure, 1)[0]!.error;
    return this.handle(path, input as never);
  }

  private handle(path: Path, input: Record<string, string | number | undefined>): unknown {
    const size = this.options.pageSize ?? Number(input?.limit ?? 20);
    const now = new Date().toISOString();
    switch (path) {
      case 'identity.me':
        return { member: fixtureMember, tenant: { name: 'Riverside Cancer Support' } };
      case 'forum.listThreads': {
        const group = input.group;
        const threads = this.threads.filter((t) => !group || t.group === group);
        return page(threads, input.cursor as string | undefined, size);
      }
      case 'forum.getThread': {
        const thread = this.threads.find((t) => t.id === input.threadId);
        if (!thread) throw new ApiError('NOT_FOUND', 404, 'Not found.');
        return { thread, posts: page(this.posts[thread.id] ?? [], input.cursor as string | undefined, size) };
      }
      case 'forum.createThread': {
        const id = `10000000-0000-4000-8000-${String(++this.counter).padStart(12, '0')}`;
        const body = String(input.body);
        const thread: ThreadSummaryDto = {
          id,
          title: String(input.title),
          excerpt: body.slice(0, 200),
          author: fixtureMember,
          group: (input.group as string | undefined) ?? null,
          replyCount: 0,
          createdAt: now,
          lastActivityAt: now,
        };
        this.threads.unshift(thread);
        this.posts[id] = [{ id: `${id.slice(0, -4)}0001`, threadId: id, body, author: fixtureMember, isOpening: true, createdAt: now }];
        return thread;
      }
      case 'forum.reply': {
        const threadId = String(input.threadId);
        const post: PostDto = {
          id: `20000000-0000-4000-8000-${String(++this.counter).padStart(12, '0')}`,
          threadId,
          body: String(input.body),
          author: fixtureMember,
          isOpening: false,
          createdAt: now,
        };
        (this.posts[threadId] ??= []).push(post);
        return post;
      }
    }
  }
}

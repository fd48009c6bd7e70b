/**
 * An in-memory client for the groups widget's tests and stories: serves `groups.*` from the
 * fixtures with the API's rules (keyset pages, join policies, moderators only for requests) and
 * hands every other path (the group's forum) to the shared forum MockClient.
 */
import { ApiError, type KindredClient, type MutationPath, type QueryPath } from '../../core/api-client.ts';
import type { GroupDto, JoinRequestDto, Page } from '../../core/api-types.ts';
import { MockClient } from '../../testing/mock-client.ts';
import { canReadGroup, fixtureGroups, fixtureJoinRequests } from './fixtures.ts';

export interface GroupsMockOptions {
  groups?: GroupDto[];
  requests?: Record<string, JoinRequestDto[]>;
  /** Page size whatever the widget asks for (to exercise "Load more"). */
  pageSize?: number;
  /** Serves the group's forum; default: a MockClient with the shared forum fixtures. */
  forum?: MockClient;
}

export interface GroupsMockCall {
  path: string;
  input: unknown;
}

function page<T>(items: T[], cursor: string | undefined, size: number): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  const end = start + size;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

type GroupsPath = Extract<QueryPath | MutationPath, `groups.${string}`>;

/** Every field any groups procedure takes. */
type Input = { query?: string; condition?: string; cursor?: string; limit?: number; slug: string; memberId?: string; approve?: boolean };

const forbidden = () => new ApiError('FORBIDDEN_ACTION', 403, 'Not allowed.');
const notFound = () => new ApiError('NOT_FOUND', 404, 'Not found.');

export class GroupsMockClient implements KindredClient {
  readonly calls: GroupsMockCall[] = [];
  groups: GroupDto[];
  requests: Record<string, JoinRequestDto[]>;
  readonly forum: MockClient;
  private readonly failures: { path: string; error: ApiError }[] = [];
  private readonly hanging = new Set<string>();

  constructor(private readonly options: GroupsMockOptions = {}) {
    this.groups = structuredClone(options.groups ?? fixtureGroups);
    this.requests = structuredClone(options.requests ?? fixtureJoinRequests);
    this.forum = options.forum ?? new MockClient();
  }

  /** The next `times` calls to `path` fail with this error. */
  failNext(path: GroupsPath, error: ApiError, times = 1): this {
    for (let i = 0; i < times; i++) this.failures.push({ path, error });
    return this;
  }

  /** Calls to `path` never answer, until `release()`. */
  hang(path: GroupsPath): this {
    this.hanging.add(path);
    return this;
  }

  release(path: GroupsPath): void {
    this.hanging.delete(path);
  }

  callsTo(path: GroupsPath): GroupsMockCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  group(slug: string): GroupDto | undefined {
    return this.groups.find((g) => g.slug === slug);
  }

  query: KindredClient['query'] = (path, input) => {
    if (path.startsWith('groups.')) return this.answer(path, input) as never;
    const slug = (input as { group?: string } | undefined)?.group;
    const group = slug ? this.group(slug) : undefined;
    // A group's forum: the context says what this member may do there; the threads are the shared fixtures.
    if (path === 'forum.context' && group) {
      return this.forum.query(path, input).then((context) => ({ ...context, group: structuredClone(group), canRead: group.canRead, canPost: group.canPost })) as never;
    }
    if (path === 'forum.listThreads' && group) return this.forum.query(path, { ...input, group: undefined } as never);
    return this.forum.query(path, input);
  };

  mutate: KindredClient['mutate'] = (path, input) =>
    path.startsWith('groups.') ? (this.answer(path, input) as never) : this.forum.mutate(path, input);

  subscribe: KindredClient['subscribe'] = (path, input, handlers) => this.forum.subscribe(path, input, handlers);

  private async answer(path: string, input: unknown): Promise<unknown> {
    this.calls.push({ path, input: structuredClone(input) });
    if (this.hanging.has(path)) return new Promise(() => {});
    await Promise.resolve();
    const failure = this.failures.findIndex((f) => f.path === path);
    if (failure >= 0) throw this.failures.splice(failure, 1)[0]!.error;
    return this.handle(path as GroupsPath, (input ?? {}) as Input);
  }

  private visible(): GroupDto[] {
    return this.groups.filter((g) => g.joinPolicy !== 'invite' || g.membership !== null);
  }

  private find(slug: string): GroupDto {
    const group = this.visible().find((g) => g.slug === slug);
    if (!group) throw notFound();
    return group;
  }

  private handle(path: GroupsPath, input: Input): unknown {
    const size = this.options.pageSize ?? Number(input.limit ?? 20);
    switch (path) {
      case 'groups.conditions':
        return [...new Set(this.visible().flatMap((g) => g.conditionTags))].sort();
      case 'groups.list': {
        const words = String(input.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const matches = this.visible().filter((g) => {
          const text = `${g.name} ${g.description} ${g.conditionTags.join(' ')}`.toLowerCase();
          return words.every((w) => text.includes(w)) && (!input.condition || g.conditionTags.includes(input.condition));
        });
        return page(structuredClone(matches), input.cursor, size);
      }
      case 'groups.get':
        return structuredClone(this.find(input.slug));
      case 'groups.join': {
        const group = this.find(input.slug);
        const status = group.membership?.status;
        if (status === 'active' || status === 'requested') return structuredClone(group);
        if (group.joinPolicy === 'invite' && status !== 'invited') throw forbidden();
        if (group.joinPolicy === 'request' && status !== 'invited') return this.update(group, { status: 'requested', role: 'member' });
        return this.update(group, { status: 'active', role: group.membership?.role ?? 'member' });
      }
      case 'groups.leave':
        return this.update(this.find(input.slug), null);
      case 'groups.requests': {
        const group = this.find(input.slug);
        if (group.membership?.role !== 'moderator' || group.membership.status !== 'active') throw forbidden();
        return page(this.requests[group.slug] ?? [], input.cursor, size);
      }
      case 'groups.decideRequest': {
        const group = this.find(input.slug);
        if (group.membership?.role !== 'moderator') throw forbidden();
        const waiting = this.requests[group.slug] ?? [];
        if (!waiting.some((r) => r.member.id === input.memberId)) throw notFound();
        this.requests[group.slug] = waiting.filter((r) => r.member.id !== input.memberId);
        if (input.approve) group.memberCount += 1;
        return { ok: true };
      }
    }
    throw notFound();
  }

  /** Applies a membership change the way the API does, and returns the group as it now is. */
  private update(group: GroupDto, membership: GroupDto['membership']): GroupDto {
    const wasActive = group.membership?.status === 'active';
    const isActive = membership?.status === 'active';
    group.memberCount += Number(isActive) - Number(wasActive);
    group.membership = membership;
    group.canRead = canReadGroup(group.visibility, membership);
    group.canPost = isActive;
    return structuredClone(group);
  }
}

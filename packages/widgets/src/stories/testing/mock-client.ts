/**
 * An in-memory client for the stories widget's tests and stories: serves `stories.*` from the
 * fixtures with the API's rules (keyset pages, tag filter, 'site' consent for shared audiences,
 * pending where the tenant pre-moderates, comments on or off, search, the widget context) and
 * `forum.context` for the organisation's name. Records every call; can be told to fail or hang.
 */
import { ApiError, type KindredClient, type MutationPath, type QueryPath } from '../../core/api-client.ts';
import type { ModerationOutcome, Page } from '../../core/api-types.ts';
import { awaitingReview, moderationState, OutcomeQueue, publishedOutcome } from '../../testing/moderation.ts';
import { SHARED_AUDIENCES, type ConsentTextDto, type StoryAudience, type StoryCommentDto, type StoryDto, type StoryGroupOption } from '../types.ts';
import { fixtureConsentText, fixtureMyStories, fixtureStories, fixtureStoryComments, fixtureStoryGroups, fixtureStoryMember } from './fixtures.ts';

export interface StoriesMockOptions {
  stories?: StoryDto[];
  mine?: StoryDto[];
  comments?: Record<string, StoryCommentDto[]>;
  /** Audiences whose new stories wait for review (default: public, members, group). */
  premoderated?: StoryAudience[];
  /** Whether readers may comment (default true): `stories.context`, and `stories.addComment` refuses when false. */
  commentsEnabled?: boolean;
  /** The signed-in member's groups in `stories.context` (default fixtureStoryGroups). */
  myGroups?: StoryGroupOption[];
  /** Page size whatever the widget asks for (to exercise "Load more"). */
  pageSize?: number;
  tenantName?: string;
}

export interface StoriesMockCall {
  path: string;
  input: unknown;
}

type StoriesPath = Extract<QueryPath | MutationPath, `stories.${string}`> | 'forum.context';

function page<T>(items: T[], cursor: string | null | undefined, size: number): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  const end = start + size;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

const notFound = () => new ApiError('NOT_FOUND', 404, 'This story does not exist, or is not shared with you.');
const invalid = (message: string) => new ApiError('VALIDATION_FAILED', 400, message);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Input = any;

export class StoriesMockClient implements KindredClient {
  readonly calls: StoriesMockCall[] = [];
  stories: StoryDto[];
  mine: StoryDto[];
  comments: Record<string, StoryCommentDto[]>;
  consentText: ConsentTextDto = structuredClone(fixtureConsentText);
  private readonly failures: { path: string; error: ApiError }[] = [];
  private readonly hanging = new Set<string>();
  private readonly outcomes = new OutcomeQueue();
  private next = 1;

  constructor(private readonly options: StoriesMockOptions = {}) {
    this.stories = structuredClone(options.stories ?? fixtureStories);
    this.mine = structuredClone(options.mine ?? fixtureMyStories);
    this.comments = structuredClone(options.comments ?? fixtureStoryComments);
  }

  /** The next `times` calls to `path` fail with this error. */
  failNext(path: StoriesPath, error: ApiError, times = 1): this {
    for (let i = 0; i < times; i++) this.failures.push({ path, error });
    return this;
  }

  /**
   * The next write to `path` is moderated so: the story (or comment) takes its status, and the
   * result carries it as `moderation`. Otherwise stories shared with readers wait for review
   * (`premoderated`) and comments are published. To refuse a write: `failNext(path, refusal(…))`.
   */
  moderateNext(path: 'stories.create' | 'stories.update' | 'stories.addComment', outcome: ModerationOutcome): this {
    this.outcomes.push(path, outcome);
    return this;
  }

  /** The outcome of a story write: a queued one, else pending where the tenant pre-moderates. */
  private premoderated(audience: StoryAudience): boolean {
    return (this.options.premoderated ?? ['public', 'members', 'group']).includes(audience);
  }

  private storyOutcome(path: string, audience: StoryAudience): ModerationOutcome {
    const premoderated = this.premoderated(audience);
    return this.outcomes.take(path, premoderated ? awaitingReview('premoderation') : publishedOutcome());
  }

  /** Calls to `path` never answer, until `release()`. */
  hang(path: StoriesPath): this {
    this.hanging.add(path);
    return this;
  }

  release(path: StoriesPath): void {
    this.hanging.delete(path);
  }

  callsTo(path: StoriesPath): StoriesMockCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  lastInput(path: StoriesPath): Input {
    return this.callsTo(path).at(-1)?.input;
  }

  query: KindredClient['query'] = (path, input) => this.answer(path, input) as never;
  mutate: KindredClient['mutate'] = (path, input) => this.answer(path, input) as never;
  subscribe: KindredClient['subscribe'] = () => undefined;

  private async answer(path: string, input: unknown): Promise<unknown> {
    this.calls.push({ path, input: structuredClone(input) });
    if (this.hanging.has(path)) return new Promise(() => {});
    await Promise.resolve();
    const failure = this.failures.findIndex((f) => f.path === path);
    if (failure >= 0) throw this.failures.splice(failure, 1)[0]!.error;
    return structuredClone(this.handle(path as StoriesPath, (input ?? {}) as Input));
  }

  private find(storyId: string): StoryDto {
    const story = this.stories.find((s) => s.id === storyId) ?? this.mine.find((s) => s.id === storyId);
    if (!story) throw notFound();
    return story;
  }

  private own(storyId: string): StoryDto {
    const story = this.mine.find((s) => s.id === storyId);
    if (!story) throw notFound();
    return story;
  }

  private handle(path: StoriesPath, input: Input): unknown {
    const size = this.options.pageSize ?? Number(input.limit ?? 20);
    switch (path) {
      case 'forum.context':
        return {
          viewer: fixtureStoryMember,
          tenantName: this.options.tenantName ?? 'Riverside Cancer Support',
          medicalNotice: null,
          group: null,
          canRead: true,
          canPost: true,
        };
      case 'stories.consentText':
        return this.consentText;
      case 'stories.context': {
        const audiences: StoryAudience[] = ['public', 'members', 'group', 'care_team', 'only_me'];
        return {
          commentsEnabled: this.options.commentsEnabled ?? true,
          myGroups: this.options.myGroups ?? fixtureStoryGroups,
          premoderated: Object.fromEntries(audiences.map((a) => [a, this.premoderated(a)])),
        };
      }
      case 'stories.search': {
        // Like the API: 2 to 200 characters; here every word must be in the title, text or tags.
        const query = String(input.query ?? '').trim();
        if (query.length < 2 || query.length > 200) throw invalid('Search with 2 to 200 characters.');
        const words = query.toLowerCase().split(/\s+/);
        const text = (s: StoryDto) => [s.title, s.excerpt, s.bodyHtml, ...s.tags.condition, ...s.tags.stage, ...s.tags.topic].join(' ').toLowerCase();
        return page(this.stories.filter((s) => words.every((w) => text(s).includes(w))), input.cursor, size);
      }
      case 'stories.list': {
        const tag = input.tag as string | undefined;
        const shown = this.stories.filter((s) => !tag || [...s.tags.condition, ...s.tags.stage, ...s.tags.topic].includes(tag));
        return page(shown, input.cursor, size);
      }
      case 'stories.get':
        return this.find(input.storyId);
      case 'stories.mine':
        return page(this.mine, input.cursor, size);
      case 'stories.create': {
        if (input.consent.consentTextId !== this.consentText.id) throw invalid('The consent text has changed.');
        if (SHARED_AUDIENCES.includes(input.audience) && !input.consent.uses.includes('site')) throw invalid('Agree to the site use.');
        if (input.signing === 'pseudonym' && !input.pseudonym) throw invalid('Choose the pseudonym.');
        const outcome = this.storyOutcome(path, input.audience);
        const pending = outcome.status === 'pending';
        const now = new Date().toISOString();
        const story: StoryDto = {
          id: `10000000-0000-4000-a000-${String(this.next++).padStart(12, '0')}`,
          title: input.title,
          bodyHtml: String(input.body)
            .split(/\n\s*\n/)
            .map((p) => `<p>${p.replace(/[<>&]/g, '')}</p>`)
            .join(''),
          excerpt: input.contentWarning ? '' : String(input.body).slice(0, 240),
          contentWarning: input.contentWarning ?? null,
          tags: input.tags,
          author: { id: fixtureStoryMember.id, displayName: input.signing === 'pseudonym' ? input.pseudonym : fixtureStoryMember.displayName },
          signing: input.signing,
          publishedAt: pending ? null : now,
          thanksCount: 0,
          thankedByMe: false,
          isOwn: true,
          own: {
            bodySource: input.body,
            audience: input.audience,
            group: input.group ?? null,
            pseudonym: input.pseudonym ?? null,
            ...moderationState(outcome),
            consents: input.consent.uses.map((use: string) => ({ use, consentTextVersion: this.consentText.version, grantedAt: now })),
            createdAt: now,
            updatedAt: now,
          },
        };
        this.mine.unshift(story);
        if (!pending && SHARED_AUDIENCES.includes(input.audience)) this.stories.unshift(story);
        return { ...story, moderation: outcome };
      }
      case 'stories.update': {
        const story = this.own(input.storyId);
        const { storyId: _, ...changes } = input;
        Object.assign(story, changes.title ? { title: changes.title } : {});
        if (changes.body) Object.assign(story, { bodyHtml: `<p>${changes.body}</p>` });
        if (changes.contentWarning !== undefined) story.contentWarning = changes.contentWarning || null;
        if (changes.tags) story.tags = changes.tags;
        if (changes.signing) story.signing = changes.signing;
        const own = story.own!;
        if (changes.body) own.bodySource = changes.body;
        if (changes.audience) own.audience = changes.audience;
        if (changes.pseudonym !== undefined) own.pseudonym = changes.pseudonym;
        const outcome = this.storyOutcome(path, own.audience);
        Object.assign(own, moderationState(outcome));
        return { ...story, moderation: outcome };
      }
      case 'stories.revokeConsent': {
        const story = this.own(input.storyId);
        story.own!.consents = story.own!.consents.filter((c) => c.use !== input.use);
        if (input.use === 'site') this.stories = this.stories.filter((s) => s.id !== story.id);
        return story;
      }
      case 'stories.grantConsent': {
        const story = this.own(input.storyId);
        if (input.consentTextId !== this.consentText.id) throw invalid('Read the current consent text.');
        story.own!.consents.push({ use: input.use, consentTextVersion: this.consentText.version, grantedAt: new Date().toISOString() });
        return story;
      }
      case 'stories.delete':
        this.own(input.storyId);
        this.mine = this.mine.filter((s) => s.id !== input.storyId);
        this.stories = this.stories.filter((s) => s.id !== input.storyId);
        return { ok: true };
      case 'stories.thank': {
        const story = this.find(input.storyId);
        if (story.thankedByMe !== input.on) story.thanksCount += input.on ? 1 : -1;
        story.thankedByMe = input.on;
        return { thanksCount: story.thanksCount, thankedByMe: story.thankedByMe };
      }
      case 'stories.comments':
        this.find(input.storyId);
        return page(this.comments[input.storyId] ?? [], input.cursor, size);
      case 'stories.addComment': {
        if (this.options.commentsEnabled === false) throw new ApiError('FORBIDDEN_ACTION', 403, 'Comments are turned off for stories here.');
        this.find(input.storyId);
        const outcome = this.outcomes.take(path, publishedOutcome());
        const comment: StoryCommentDto = {
          id: `20000000-0000-4000-a000-${String(this.next++).padStart(12, '0')}`,
          author: fixtureStoryMember,
          bodyHtml: `<p>${String(input.body).replace(/[<>&]/g, '')}</p>`,
          createdAt: new Date().toISOString(),
          isOwn: true,
          ...moderationState(outcome),
        };
        (this.comments[input.storyId] ??= []).push(comment);
        return { ...comment, moderation: outcome };
      }
    }
    throw notFound();
  }
}

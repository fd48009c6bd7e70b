/**
 * An in-memory client for the reviews widgets' tests and stories: serves `reviews.*` with the
 * API's rules (keyset pages, filters and sorts, one review per member, no votes on one's own
 * review, pending unless auto-published, "people like me" from the shared attributes), records
 * every call, and can be told to fail or hang. No network.
 */
import { ApiError, type KindredClient, type MutationPath, type QueryPath } from '../../core/api-client.ts';
import type { ModerationOutcome, Page } from '../../core/api-types.ts';
import { awaitingReview, OutcomeQueue, publishedOutcome } from '../../testing/moderation.ts';
import type { Product, Question, Recommendation, Review, ReviewAttribute, ReviewSummary } from '../types.ts';
import { fixtureAttributes, fixtureProduct, fixtureQuestions, fixtureRecommendations, fixtureReviews, reviewId } from './fixtures.ts';

export interface ReviewsMockOptions {
  product?: Product;
  reviews?: Review[];
  attributes?: ReviewAttribute[];
  /** The signed-in member's own review. */
  mine?: Review | null;
  /** The member's shared "people like me" attributes (keys). */
  shared?: string[];
  questions?: Question[];
  recommendations?: Recommendation[];
  /** Reviews, questions and answers are published at once (the tenant auto-publishes). */
  autoPublish?: boolean;
  /** Page size whatever the widget asks for (to exercise "Load more"). */
  pageSize?: number;
  /** The signed-in member's name, for their review. */
  memberName?: string;
}

export interface ReviewsMockCall {
  path: string;
  input: unknown;
}

type ReviewsPath = Extract<QueryPath | MutationPath, `reviews.${string}`>;
type Input = Record<string, unknown> & { sku?: string; cursor?: string | null; limit?: number };

const notFound = () => new ApiError('NOT_FOUND', 404, 'Not found.');
const forbidden = () => new ApiError('FORBIDDEN_ACTION', 403, 'You cannot do that here.');
const invalid = () => new ApiError('VALIDATION_FAILED', 400, 'The request is not valid.');

function page<T>(items: T[], cursor: string | null | undefined, size: number): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  const end = start + size;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

const SORTS: Record<string, (a: Review, b: Review) => number> = {
  helpful: (a, b) => b.helpfulCount - a.helpfulCount,
  newest: (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
  highest: (a, b) => b.rating - a.rating,
  lowest: (a, b) => a.rating - b.rating,
};

export class ReviewsMockClient implements KindredClient {
  readonly calls: ReviewsMockCall[] = [];
  product: Product;
  reviews: Review[];
  attributes: ReviewAttribute[];
  mine: Review | null;
  shared: string[];
  questions: Question[];
  recommendations: Recommendation[];
  private readonly failures: { path: string; error: ApiError }[] = [];
  private readonly hanging = new Set<string>();
  private readonly outcomes = new OutcomeQueue();
  private counter = 500;

  constructor(private readonly options: ReviewsMockOptions = {}) {
    this.product = structuredClone(options.product ?? fixtureProduct);
    this.reviews = structuredClone(options.reviews ?? fixtureReviews);
    this.attributes = structuredClone(options.attributes ?? fixtureAttributes);
    this.mine = structuredClone(options.mine ?? null);
    this.shared = [...(options.shared ?? [])];
    this.questions = structuredClone(options.questions ?? fixtureQuestions);
    this.recommendations = structuredClone(options.recommendations ?? fixtureRecommendations);
  }

  /** The next `times` calls to `path` fail with this error. */
  failNext(path: ReviewsPath, error: ApiError, times = 1): this {
    for (let i = 0; i < times; i++) this.failures.push({ path, error });
    return this;
  }

  /**
   * The next write to `path` is moderated so: the review (question, answer) takes its status,
   * and the result carries it as `moderation`. Otherwise writes wait for review unless
   * `autoPublish`. To refuse a write instead: `failNext(path, refusal(code, details))`.
   */
  moderateNext(path: 'reviews.write' | 'reviews.ask' | 'reviews.answer', outcome: ModerationOutcome): this {
    this.outcomes.push(path, outcome);
    return this;
  }

  /** Calls to `path` never answer (a loading state that stays), until `release()`. */
  hang(path: ReviewsPath): this {
    this.hanging.add(path);
    return this;
  }

  release(path: ReviewsPath): void {
    this.hanging.delete(path);
  }

  callsTo(path: ReviewsPath): ReviewsMockCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  query: KindredClient['query'] = (path, input) => this.answer(path, input) as never;
  mutate: KindredClient['mutate'] = (path, input) => this.answer(path, input) as never;
  subscribe: KindredClient['subscribe'] = (_path, _input, handlers) => handlers.onError?.(notFound());

  private async answer(path: string, input: unknown): Promise<unknown> {
    this.calls.push({ path, input: structuredClone(input) });
    if (this.hanging.has(path)) return new Promise(() => {});
    await Promise.resolve();
    const failure = this.failures.findIndex((f) => f.path === path);
    if (failure >= 0) throw this.failures.splice(failure, 1)[0]!.error;
    return structuredClone(this.handle(path as ReviewsPath, (input ?? {}) as Input));
  }

  private requireProduct(sku: unknown): void {
    if (sku !== this.product.sku) throw notFound();
  }

  private labelled(keys: string[]): ReviewAttribute[] {
    return this.attributes.filter((a) => keys.includes(a.key));
  }

  summary(): ReviewSummary {
    const breakdown = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const r of this.reviews) breakdown[String(r.rating) as keyof typeof breakdown] += 1;
    const count = this.reviews.length;
    const total = this.reviews.reduce((sum, r) => sum + r.rating, 0);
    return { product: this.product, count, average: count ? Math.round((total / count) * 10) / 10 : null, breakdown, attributes: this.attributes };
  }

  private handle(path: ReviewsPath, input: Input): unknown {
    const size = this.options.pageSize ?? Number(input.limit ?? 20);
    const moderated = (): ModerationOutcome =>
      this.outcomes.take(path, this.options.autoPublish ? publishedOutcome() : awaitingReview('premoderation'));
    switch (path) {
      case 'reviews.summary':
        this.requireProduct(input.sku);
        return this.summary();
      case 'reviews.list': {
        this.requireProduct(input.sku);
        let items = [...this.reviews];
        if (input.rating) items = items.filter((r) => r.rating === input.rating);
        if (input.attribute) items = items.filter((r) => r.attributes.some((a) => a.key === input.attribute));
        if (input.peopleLikeMe) items = items.filter((r) => r.attributes.some((a) => this.shared.includes(a.key)));
        items.sort(SORTS[String(input.sort ?? 'helpful')]);
        return page(items, input.cursor, size);
      }
      case 'reviews.mine':
        this.requireProduct(input.sku);
        return this.mine;
      case 'reviews.write': {
        this.requireProduct(input.sku);
        const keys = (input.attributes as string[] | undefined) ?? [];
        if (keys.some((k) => !this.attributes.some((a) => a.key === k))) throw invalid();
        const signing = input.signing === 'pseudonym' ? 'pseudonym' : 'name';
        if (signing === 'pseudonym' && !input.pseudonym) throw invalid();
        const moderation = moderated();
        const status = moderation.status;
        const now = new Date().toISOString();
        const review: Review = {
          id: this.mine?.id ?? reviewId(++this.counter),
          rating: Number(input.rating),
          title: String(input.title),
          bodySource: String(input.body),
          bodyHtml: String(input.body)
            .split(/\n\s*\n/)
            .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
            .join(''),
          attributes: this.labelled(keys),
          authorName: signing === 'pseudonym' ? String(input.pseudonym) : (this.options.memberName ?? 'Sam Patel'),
          signing,
          verifiedPurchase: true,
          helpfulCount: this.mine?.helpfulCount ?? 0,
          votedHelpful: false,
          isOwn: true,
          status,
          moderationReason: moderation.reason,
          moderationNote: null,
          merchantReplyHtml: null,
          publishedAt: status === 'published' ? now : null,
          updatedAt: now,
        };
        this.mine = review;
        this.reviews = this.reviews.filter((r) => r.id !== review.id);
        if (status === 'published') this.reviews.push(review);
        return { ...review, moderation };
      }
      case 'reviews.delete':
        this.requireProduct(input.sku);
        if (!this.mine) throw notFound();
        this.reviews = this.reviews.filter((r) => r.id !== this.mine!.id);
        this.mine = null;
        return { ok: true };
      case 'reviews.vote': {
        const review = this.reviews.find((r) => r.id === input.reviewId);
        if (!review) throw notFound();
        if (review.isOwn) throw forbidden();
        if (review.votedHelpful !== input.helpful) review.helpfulCount += input.helpful ? 1 : -1;
        review.votedHelpful = Boolean(input.helpful);
        return { helpfulCount: review.helpfulCount, votedHelpful: review.votedHelpful };
      }
      case 'reviews.sharedAttributes':
        return this.labelled(this.shared);
      case 'reviews.setSharedAttributes': {
        const keys = input.attributes as string[];
        if (keys.some((k) => !this.attributes.some((a) => a.key === k))) throw invalid();
        this.shared = [...new Set(keys)];
        return this.labelled(this.shared);
      }
      case 'reviews.recommendations': {
        const min = Number(input.minReviews ?? 3);
        const items = this.recommendations.filter(
          (r) => r.reviewCount >= min && (!input.category || r.product.category === input.category),
        );
        return items.slice(0, Number(input.limit ?? 6));
      }
      case 'reviews.questions':
        this.requireProduct(input.sku);
        return page(this.questions, input.cursor, size);
      case 'reviews.ask': {
        this.requireProduct(input.sku);
        const moderation = moderated();
        const status = moderation.status;
        const id = reviewId(++this.counter);
        this.questions.unshift({ id, body: String(input.body), authorName: this.options.memberName ?? 'Sam Patel', createdAt: new Date().toISOString(), answers: [], isOwn: true, status, moderationReason: moderation.reason, moderationNote: null });
        return { id, status, moderation };
      }
      case 'reviews.answer': {
        const question = this.questions.find((q) => q.id === input.questionId);
        if (!question) throw notFound();
        const moderation = moderated();
        const status = moderation.status;
        const id = reviewId(++this.counter);
        if (status === 'published') {
          question.answers.push({ id, bodyHtml: `<p>${String(input.body).replace(/</g, '&lt;')}</p>`, authorName: this.options.memberName ?? 'Sam Patel', verified: false, createdAt: new Date().toISOString() });
        }
        return { id, status, moderation };
      }
    }
    throw notFound();
  }
}

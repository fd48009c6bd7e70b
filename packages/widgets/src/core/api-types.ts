/**
 * The API contract the widgets build against: every DTO type, and the procedures (path, kind,
 * input, output) from the forum and groups schemas. Types only: nothing here reaches a bundle.
 *
 * The schemas are the contract (packages/api/src/modules/<domain>/<domain>.schema.ts). Paths listed
 * in `Contract` are typed from them (the DTOs through the router's re-exports, the inputs from the
 * zod schemas, which the router does not re-export); every other path comes from the router's
 * inferred types. `RouterDrift` below fails the type check if the router and the contract disagree.
 */
import type { z } from 'zod';
import type {
  editPostInput,
  forumContextInput,
  getThreadInput,
  listThreadsInput,
  markHelpfulInput,
  memberCardInput,
  onForumInput,
  onThreadInput,
  postRefInput,
  reactInput,
  replyInput,
  reportInput,
  searchInput,
  createThreadInput,
  ForumContextDto,
  MemberCardDto,
  PostDto,
  ReactionCounts,
  SearchHitDto,
  ThreadDetailDto,
  ThreadSummaryDto,
  ThreadEvent,
  ForumEvent,
} from '../../../api/src/modules/forum/forum.schema.ts';
import type { AppRouter, Page, ReactionKind } from '@kindred/api/router';
import type { inferRouterOutputs } from '@trpc/server';

export type {
  AuthorDto,
  Badge,
  ForumContextDto,
  ForumEvent,
  GroupDto,
  MemberCardDto,
  MembershipDto,
  Page,
  PostDto,
  ReactionCounts,
  ReactionKind,
  ReportReason,
  SearchHitDto,
  ThreadDetailDto,
  ThreadEvent,
  ThreadSort,
  ThreadSummaryDto,
} from '@kindred/api/router';

type Q<I, O> = { type: 'query'; input: z.input<I>; output: O };
type M<I, O> = { type: 'mutation'; input: z.input<I>; output: O };
type S<I, O> = { type: 'subscription'; input: z.input<I>; output: O };

export interface Contract {
  'forum.context': Q<typeof forumContextInput, ForumContextDto>;
  'forum.listThreads': Q<typeof listThreadsInput, Page<ThreadSummaryDto>>;
  'forum.search': Q<typeof searchInput, Page<SearchHitDto>>;
  'forum.getThread': Q<typeof getThreadInput, ThreadDetailDto>;
  'forum.memberCard': Q<typeof memberCardInput, MemberCardDto>;
  'forum.createThread': M<typeof createThreadInput, ThreadSummaryDto>;
  'forum.reply': M<typeof replyInput, PostDto>;
  'forum.editPost': M<typeof editPostInput, PostDto>;
  'forum.deletePost': M<typeof postRefInput, PostDto>;
  'forum.react': M<typeof reactInput, { postId: string; reactions: ReactionCounts; myReactions: ReactionKind[] }>;
  'forum.markHelpful': M<typeof markHelpfulInput, PostDto>;
  'forum.report': M<typeof reportInput, { ok: true }>;
  'forum.onThread': S<typeof onThreadInput, ThreadEvent>;
  'forum.onForum': S<typeof onForumInput, ForumEvent>;
}

export type ContractPath<Kind extends 'query' | 'mutation' | 'subscription'> = {
  [P in keyof Contract]: Contract[P]['type'] extends Kind ? P : never;
}[keyof Contract];

type RouterOutputs = inferRouterOutputs<AppRouter>;
type RouterOutput<P> = P extends `${infer NS}.${infer Name}`
  ? NS extends keyof RouterOutputs
    ? Name extends keyof RouterOutputs[NS]
      ? RouterOutputs[NS][Name]
      : never
    : never
  : never;
/**
 * Queries and mutations of the contract that the router serves with an output that does not fit
 * the contract (should be none). Subscriptions are left out: the router's output type for a path
 * it does not have yet is not `never`, so they cannot be told apart.
 */
type RouterDrift = {
  [P in ContractPath<'query' | 'mutation'>]: [RouterOutput<P>] extends [never]
    ? never
    : [RouterOutput<P>] extends [Contract[P]['output']]
      ? never
      : P;
}[ContractPath<'query' | 'mutation'>];
// Fails to compile when the router and the contract disagree.
const noDrift: [RouterDrift] extends [never] ? true : RouterDrift = true;
void noDrift;

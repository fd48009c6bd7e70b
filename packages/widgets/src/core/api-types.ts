/**
 * The API contract the widgets build against, taken from the API's router type alone: every DTO
 * it exports, and each procedure's path, kind, input and output. Types only: nothing here reaches
 * a bundle. `client.query('groups.list', …)` is checked against the router like any other call.
 */
import type { AppRouter } from '@kindred/api/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type {
  AuthorDto,
  Badge,
  ContentRejectedDetails,
  ContentStatus,
  CrisisResource,
  ForumContextDto,
  ForumEvent,
  GroupDto,
  GroupVisibility,
  JoinPolicy,
  JoinRequestDto,
  MemberCardDto,
  MemberMutedDetails,
  Palette,
  PaletteKey,
  MembershipDto,
  ModerationOutcome,
  ModerationReason,
  Page,
  PersonalDetailFinding,
  PersonalDetailsFoundDetails,
  PostDto,
  ReactionCounts,
  ReactionKind,
  RejectionReason,
  ReportReason,
  SearchHitDto,
  ThreadDetailDto,
  ThreadEvent,
  ThreadSort,
  ThemeDto,
  ThreadSummaryDto,
} from '@kindred/api/router';

type Procedures = AppRouter['_def']['record'];
export type ProcedureKind = 'query' | 'mutation' | 'subscription';

/** Every `namespace.procedure` path of one kind, e.g. `'groups.list'` for 'query'. */
export type PathOf<Kind extends ProcedureKind> = {
  [NS in keyof Procedures & string]: {
    [P in keyof Procedures[NS] & string]: Procedures[NS][P] extends { _def: { type: Kind } } ? `${NS}.${P}` : never;
  }[keyof Procedures[NS] & string];
}[keyof Procedures & string];

/** `T['forum']['reply']` for the path `'forum.reply'`. */
type At<T, Path> = Path extends `${infer NS}.${infer P}`
  ? NS extends keyof T
    ? P extends keyof T[NS]
      ? T[NS][P]
      : never
    : never
  : never;

/**
 * A subscription's output is an async iterable of tRPC's tracked events (`{ id, data }`); the
 * client hands its owner each event's data (the id goes alongside, for resuming).
 */
type EventData<Output> = Output extends AsyncIterable<infer Event> ? (Event extends { id: string; data: infer Data } ? Data : Event) : never;

export type InputOf<P extends string> = At<inferRouterInputs<AppRouter>, P>;
export type OutputOf<P extends string> = P extends PathOf<'subscription'>
  ? EventData<At<inferRouterOutputs<AppRouter>, P>>
  : At<inferRouterOutputs<AppRouter>, P>;

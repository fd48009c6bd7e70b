/**
 * The staff API as the console uses it, taken from the API's router type alone: the DTOs it
 * exports by name, and the inputs and outputs of `staff.*` procedures that have no name of their
 * own. Types only (nothing here reaches the bundle but the few lists of values at the end, which
 * the compiler checks against the API's unions). One definition of each shape: a change in the
 * API shows up as a type error where the console uses it.
 */
import type { AppRouter, ContentKind, ErrorCode, ModerationReason, PaletteKey, StaffMemberDto, StaffRole } from '@kindred/api/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type {
  AnalyticsDayDto as AnalyticsDay,
  AnalyticsSummaryDto as AnalyticsSummary,
  AuditEntryDto,
  AuditVerifyDto as AuditVerifyResult,
  ContentStatus,
  CrisisResource,
  InviteDto,
  ModerationReason,
  Page,
  Palette,
  PaletteKey,
  QueueItemDto,
  SessionDto,
  SettingsDto,
  SettingsUpdate,
  StaffDto,
  StaffMemberDto,
  ThemeDto,
} from '@kindred/api/router';

/** What each `staff.*` procedure takes, e.g. `StaffInput['members']['sanction']`. */
export type StaffInput = inferRouterInputs<AppRouter>['staff'];
/** A procedure's input when one is given (an optional input's type includes void and undefined). */
type Given<Input> = Exclude<Input, void | undefined>;
/** What each `staff.*` procedure answers. */
type Outputs = inferRouterOutputs<AppRouter>['staff'];

/** A staff member's role: owner, moderator or analyst. */
export type Role = StaffRole;
/** What the queue holds: the API's content kinds. */
export type QueueKind = ContentKind;

export type InviteInfoDto = Outputs['auth']['inviteInfo'];
export type QueueCounts = Outputs['queue']['counts'];
export type QueueFilter = Given<StaffInput['queue']['list']>;
export type SanctionKind = NonNullable<StaffMemberDto['sanction']>['kind'];
export type MemberDetailDto = Outputs['members']['get'];
export type MemberHistoryItem = MemberDetailDto['history'][number];
export type ModerationPolicy = Outputs['settings']['get']['moderation'];
export type LinkPolicy = ModerationPolicy['linkPolicy'];
export type ActorKind = Outputs['audit']['list']['items'][number]['actorKind'];
/** The audit log's filters (the API pages by its own cursor and a default page size). */
export type AuditFilter = Omit<Given<StaffInput['audit']['list']>, 'limit'>;

/** Every value of a union, once, in the order given: the compiler refuses a missing or unknown one. */
const everyValueOf =
  <T extends string>() =>
  <const Values extends readonly T[]>(values: Values & ([Exclude<T, Values[number]>] extends [never] ? unknown : { missing: Exclude<T, Values[number]> })) =>
    values as readonly T[];

export const ROLES = everyValueOf<Role>()(['owner', 'moderator', 'analyst']);
export const QUEUE_KINDS = everyValueOf<QueueKind>()(['thread', 'post', 'story', 'story_comment', 'review', 'question', 'answer']);
export const MODERATION_REASONS = everyValueOf<ModerationReason>()([
  'premoderation',
  'new_member',
  'watched_word',
  'link_from_new_member',
  'crisis',
  'reported',
  'moderator',
]);
export const PALETTE_KEYS = everyValueOf<PaletteKey>()([
  'bg',
  'surface',
  'text',
  'text-muted',
  'accent',
  'accent-text',
  'border',
  'border-strong',
  'danger',
  'focus',
]);

/** The codes the console reacts to: the API's error codes, plus NETWORK when no answer came. */
export type ConsoleErrorCode = ErrorCode | 'NETWORK';

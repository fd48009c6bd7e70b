/**
 * The groups procedures, added to the client's typed contract (core/api-types.ts) by declaration
 * merging, the way widgets add their strings to the catalogue. After this module is imported,
 * `client.query('groups.list', …)` type-checks like any forum call. Types only.
 *
 * The schema is the contract (packages/api/src/modules/groups/groups.schema.ts). Once the router
 * exports the groups router and these DTOs, this file reduces to the `declare module` (or goes).
 */
import type { z } from 'zod';
import type {
  decideRequestInput,
  groupBySlugInput,
  listGroupsInput,
  listRequestsInput,
  GroupDto,
  JoinRequestDto,
} from '../../../api/src/modules/groups/groups.schema.ts';
import type { Page } from '../core/api-types.ts';

export type { GroupDto, JoinRequestDto, MembershipDto } from '../../../api/src/modules/groups/groups.schema.ts';
export type JoinPolicy = GroupDto['joinPolicy'];
export type GroupVisibility = GroupDto['visibility'];

type Query<I, O> = { type: 'query'; input: z.input<I>; output: O };
type Mutation<I, O> = { type: 'mutation'; input: z.input<I>; output: O };

interface GroupsContract {
  /** Distinct condition tags of the groups the viewer can see, for the filter. */
  'groups.conditions': { type: 'query'; input: undefined; output: string[] };
  /** Alphabetical; invite-only groups appear only to their members. */
  'groups.list': Query<typeof listGroupsInput, Page<GroupDto>>;
  /** NOT_FOUND for an invite-only group the viewer is not in. */
  'groups.get': Query<typeof groupBySlugInput, GroupDto>;
  /** Open: active member. Request: 'requested'. Invite: accepts an invitation, else FORBIDDEN_ACTION. */
  'groups.join': Mutation<typeof groupBySlugInput, GroupDto>;
  /** Also withdraws a pending request. */
  'groups.leave': Mutation<typeof groupBySlugInput, GroupDto>;
  /** Group moderators only (FORBIDDEN_ACTION otherwise). */
  'groups.requests': Query<typeof listRequestsInput, Page<JoinRequestDto>>;
  'groups.decideRequest': Mutation<typeof decideRequestInput, { ok: true }>;
}
export type GroupsPath = keyof GroupsContract;

declare module '../core/api-types.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Contract extends GroupsContract {}
}

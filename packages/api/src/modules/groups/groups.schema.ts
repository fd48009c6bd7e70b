/** Condition groups: inputs (zod) and the DTOs the API returns. */
import { z } from 'zod';
import type { GroupRole, GroupVisibility, JoinPolicy, MembershipStatus } from '../../db/schema.ts';
import type { AuthorDto } from '../forum/forum.schema.ts';

export const groupSlug = z.string().min(1).max(63).regex(/^[a-z0-9][a-z0-9-]*$/, 'not a group slug');
export const cursor = z.string().min(1).max(200);
export const pageLimit = z.number().int().min(1).max(50).default(20);

export const listGroupsInput = z.object({
  /** Words to find in the name, description or condition tags. */
  query: z.string().trim().max(100).optional(),
  /** One condition tag, exactly as `groups.conditions` lists it. */
  condition: z.string().trim().min(1).max(60).optional(),
  cursor: cursor.nullish(),
  limit: pageLimit,
});

export const groupBySlugInput = z.object({ slug: groupSlug });

export const listRequestsInput = z.object({ slug: groupSlug, cursor: cursor.nullish(), limit: pageLimit });

export const decideRequestInput = z.object({ slug: groupSlug, memberId: z.uuid(), approve: z.boolean() });

export const inviteInput = z.object({ slug: groupSlug, memberId: z.uuid() });

export type ListGroupsInput = z.infer<typeof listGroupsInput>;

export interface MembershipDto {
  status: MembershipStatus;
  role: GroupRole;
}

export interface GroupDto {
  id: string;
  slug: string;
  name: string;
  description: string;
  conditionTags: string[];
  joinPolicy: JoinPolicy;
  /** Who may read the group's forum: anyone, signed-in members of the site, or group members. */
  visibility: GroupVisibility;
  memberCount: number;
  /** The viewer's membership, null when none (or a guest). */
  membership: MembershipDto | null;
  /** Whether the viewer may read the group's forum right now. */
  canRead: boolean;
  /** Whether the viewer may post in the group's forum right now. */
  canPost: boolean;
}

export interface JoinRequestDto {
  member: AuthorDto;
  requestedAt: string;
}

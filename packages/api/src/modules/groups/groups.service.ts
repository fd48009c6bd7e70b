/**
 * Condition groups: the directory, membership (open, request-to-join, invite-only), group roles,
 * and what a viewer may read or post in a group's forum.
 */
import { decodeCursor, timeAndId, toPage, type Page } from '../../db/keyset.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { z } from 'zod';
import { appendAudit } from '../audit/audit.repo.ts';
import type { SignedInMember } from '../identity/identity.service.ts';
import * as repo from './groups.repo.ts';
import type { GroupDto, JoinRequestDto, ListGroupsInput } from './groups.schema.ts';

export type Viewer = SignedInMember | null;

export function canReadGroup(row: repo.GroupRow, viewer: Viewer): boolean {
  if (row.visibility === 'public') return true;
  if (!viewer) return false;
  return row.visibility === 'members' || row.membership_status === 'active';
}

export function canPostInGroup(row: repo.GroupRow, viewer: Viewer): boolean {
  return viewer !== null && row.membership_status === 'active';
}

export function toGroupDto(row: repo.GroupRow, viewer: Viewer): GroupDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    conditionTags: row.condition_tags,
    joinPolicy: row.join_policy,
    visibility: row.visibility,
    memberCount: row.member_count,
    membership: viewer && row.membership_status ? { status: row.membership_status, role: row.membership_role ?? 'member' } : null,
    canRead: canReadGroup(row, viewer),
    canPost: canPostInGroup(row, viewer),
  };
}

const groupCursor = z.tuple([z.string().max(200), z.uuid()]);

export async function listGroups(tx: TenantTx, viewer: Viewer, input: ListGroupsInput): Promise<Page<GroupDto>> {
  const after = input.cursor ? decodeCursor(input.cursor, groupCursor) : undefined;
  const rows = await repo.listGroups(tx, {
    viewerId: viewer?.id ?? null,
    text: input.query || undefined,
    condition: input.condition,
    ...(after ? { after: { name: after[0], id: after[1] } } : {}),
    limit: input.limit,
  });
  return toPage(rows, input.limit, (r) => toGroupDto(r, viewer), (r) => [r.name, r.id]);
}

export function listConditions(tx: TenantTx, viewer: Viewer): Promise<string[]> {
  return repo.listConditions(tx, viewer?.id ?? null);
}

/** The group as this viewer may know it: an invite-only group does not exist for outsiders. */
export async function findVisibleGroup(tx: TenantTx, viewer: Viewer, slug: string): Promise<repo.GroupRow> {
  const row = await repo.findGroup(tx, slug, viewer?.id ?? null);
  const hidden = row?.join_policy === 'invite' && row.membership_status !== 'active' && row.membership_status !== 'invited';
  if (!row || hidden) throw new KindredError('NOT_FOUND', `There is no group "${slug}".`);
  return row;
}

export async function getGroup(tx: TenantTx, viewer: Viewer, slug: string): Promise<GroupDto> {
  return toGroupDto(await findVisibleGroup(tx, viewer, slug), viewer);
}

function requireMember(viewer: Viewer): SignedInMember {
  if (!viewer) throw new KindredError('SIGN_IN_REQUIRED');
  return viewer;
}

export async function join(tx: TenantTx, viewer: SignedInMember, slug: string): Promise<GroupDto> {
  const group = await findVisibleGroup(tx, viewer, slug);
  const status = group.membership_status;
  if (status !== 'active') {
    if (status === 'invited' || group.join_policy === 'open') {
      await repo.upsertMembership(tx, { groupId: group.id, memberId: viewer.id, status: 'active' });
    } else if (group.join_policy === 'request') {
      await repo.upsertMembership(tx, { groupId: group.id, memberId: viewer.id, status: 'requested' });
    } else {
      throw new KindredError('FORBIDDEN_ACTION', 'This group is invite-only.');
    }
  }
  return getGroup(tx, viewer, slug);
}

/** Leaving is always possible, and also withdraws a request or declines an invitation. */
export async function leave(tx: TenantTx, viewer: SignedInMember, slug: string): Promise<GroupDto> {
  const group = await findVisibleGroup(tx, viewer, slug);
  await repo.deleteMembership(tx, group.id, viewer.id);
  const after = await repo.findGroup(tx, slug, viewer.id);
  // An invite-only group is gone from view once you leave it.
  return toGroupDto(after ?? group, viewer);
}

async function requireGroupModerator(tx: TenantTx, viewer: Viewer, slug: string): Promise<repo.GroupRow> {
  const member = requireMember(viewer);
  const group = await findVisibleGroup(tx, member, slug);
  if (group.membership_status !== 'active' || group.membership_role !== 'moderator') {
    throw new KindredError('FORBIDDEN_ACTION', 'Only this group’s moderators can do that.');
  }
  return group;
}

export async function listJoinRequests(
  tx: TenantTx,
  viewer: Viewer,
  input: { slug: string; cursor?: string | null | undefined; limit: number },
): Promise<Page<JoinRequestDto>> {
  const group = await requireGroupModerator(tx, viewer, input.slug);
  const after = input.cursor ? decodeCursor(input.cursor, timeAndId) : undefined;
  const rows = await repo.listJoinRequests(tx, {
    groupId: group.id,
    ...(after ? { after: { at: after[0], id: after[1] } } : {}),
    limit: input.limit,
  });
  return toPage(
    rows,
    input.limit,
    (r) => ({ member: { id: r.id, displayName: r.display_name, badges: [] }, requestedAt: r.created_at.toISOString() }),
    (r) => [r.created_at.toISOString(), r.id],
  );
}

export async function decideJoinRequest(
  tx: TenantTx,
  viewer: Viewer,
  input: { slug: string; memberId: string; approve: boolean },
): Promise<{ ok: true }> {
  const group = await requireGroupModerator(tx, viewer, input.slug);
  const membership = await repo.findMembership(tx, group.id, input.memberId);
  if (membership?.status !== 'requested') throw new KindredError('NOT_FOUND', 'There is no pending request from this member.');
  if (input.approve) await repo.upsertMembership(tx, { groupId: group.id, memberId: input.memberId, status: 'active' });
  else await repo.deleteMembership(tx, group.id, input.memberId);
  await appendAudit(tx, {
    actorKind: 'member',
    actorId: viewer!.id,
    action: input.approve ? 'group.request_approved' : 'group.request_declined',
    subject: input.memberId,
    details: { groupId: group.id },
  });
  return { ok: true };
}

export async function invite(tx: TenantTx, viewer: Viewer, input: { slug: string; memberId: string }): Promise<{ ok: true }> {
  const group = await requireGroupModerator(tx, viewer, input.slug);
  const exists = await tx.selectFrom('members').select('id').where('id', '=', input.memberId).executeTakeFirst();
  if (!exists) throw new KindredError('NOT_FOUND', 'There is no such member.');
  const membership = await repo.findMembership(tx, group.id, input.memberId);
  if (membership?.status !== 'active') {
    await repo.upsertMembership(tx, { groupId: group.id, memberId: input.memberId, status: 'invited' });
    await appendAudit(tx, { actorKind: 'member', actorId: viewer!.id, action: 'group.invited', subject: input.memberId, details: { groupId: group.id } });
  }
  return { ok: true };
}

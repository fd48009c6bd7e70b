/** Fixtures for community tests: groups with policies, and members with roles in them. */
import type { GroupRole, GroupVisibility, JoinPolicy } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { upsertMembership } from '../modules/groups/groups.repo.ts';
import { idem, type TestTenant } from './fixtures.ts';

export async function createGroup(
  tenant: TestTenant,
  slug: string,
  options: { joinPolicy?: JoinPolicy; visibility?: GroupVisibility; conditionTags?: string[]; name?: string } = {},
): Promise<string> {
  const row = await tenant.db
    .insertInto('groups')
    .values({
      tenant_id: tenant.tenant.id,
      slug,
      name: options.name ?? slug,
      join_policy: options.joinPolicy ?? 'open',
      visibility: options.visibility ?? 'public',
      condition_tags: options.conditionTags ?? [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A signed-in member: their caller, and their Kindred member id. */
export async function signedIn(tenant: TestTenant, sub: string, name = sub) {
  const caller = await tenant.caller({ token: await tenant.token({ sub, name }) });
  const me = await caller.identity.me();
  return { caller, id: me.member!.id, name };
}

/** Puts a member straight into a group with a role (what staff or a seed would do). */
export async function addToGroup(tenant: TestTenant, groupId: string, memberId: string, role: GroupRole = 'member') {
  await withTenant(tenant.db, tenant.tenant.id, (tx) => upsertMembership(tx, { groupId, memberId, status: 'active', role }));
}

/** A thread with a given author; returns its summary. */
export function startThread(caller: Awaited<ReturnType<typeof signedIn>>['caller'], title: string, body = 'Opening post', group?: string) {
  return caller.forum.createThread({ title, body, idempotencyKey: idem(), ...(group ? { group } : {}) });
}

/**
 * Group SQL, and the one place that says in SQL who may read a group's forum
 * (`threadReadableBy`), used by every forum query: lists, threads, search and live events.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database, GroupRole, MembershipStatus } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';

type ThreadScope = ExpressionBuilder<Database & { t: Database['threads']; g: Database['groups'] }, 't' | 'g'>;

/**
 * May `viewerId` (null: a guest) read thread `t` in group `g` (left-joined; null for the
 * general forum)? The general forum and public groups: anyone. Members-only groups: any
 * signed-in member. Group-only groups: active members of that group.
 */
export function threadReadableBy(viewerId: string | null) {
  return (eb: ThreadScope): Expression<SqlBool> => {
    const open = [eb('t.group_id', 'is', null), eb('g.visibility', '=', 'public')];
    if (!viewerId) return eb.or(open);
    return eb.or([
      ...open,
      eb('g.visibility', '=', 'members'),
      eb.exists(
        eb
          .selectFrom('group_memberships as gm')
          .select(sql.lit(1).as('one'))
          .whereRef('gm.tenant_id', '=', 't.tenant_id')
          .whereRef('gm.group_id', '=', 't.group_id')
          .where('gm.member_id', '=', viewerId)
          .where('gm.status', '=', 'active'),
      ),
    ]);
  };
}

function groupsWithMembership(tx: TenantTx, viewerId: string | null) {
  return tx
    .selectFrom('groups as g')
    .leftJoin('group_memberships as gm', (j) =>
      j
        .onRef('gm.tenant_id', '=', 'g.tenant_id')
        .onRef('gm.group_id', '=', 'g.id')
        // A guest matches no membership row.
        .on('gm.member_id', '=', viewerId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      'g.id',
      'g.slug',
      'g.name',
      'g.description',
      'g.condition_tags',
      'g.join_policy',
      'g.visibility',
      'g.member_count',
      'gm.status as membership_status',
      'gm.role as membership_role',
    ]);
}

export type GroupRow = Awaited<ReturnType<ReturnType<typeof groupsWithMembership>['executeTakeFirstOrThrow']>>;

/** Invite-only groups are invisible to everyone but their members and invitees. */
const listedFor = (eb: ExpressionBuilder<any, any>) =>
  eb.or([eb('g.join_policy', '!=', 'invite'), eb('gm.status', 'in', ['active', 'invited'])]);

export async function listGroups(
  tx: TenantTx,
  query: { viewerId: string | null; text?: string | undefined; condition?: string | undefined; after?: { name: string; id: string }; limit: number },
): Promise<GroupRow[]> {
  let q = groupsWithMembership(tx, query.viewerId).where(listedFor);
  if (query.condition) q = q.where(sql<boolean>`${query.condition} = any(g.condition_tags)`);
  if (query.text) {
    const pattern = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('g.name', 'ilike', pattern),
        eb('g.description', 'ilike', pattern),
        eb.exists(sql`(select 1 from unnest(g.condition_tags) as tag where tag ilike ${pattern})`),
      ]),
    );
  }
  if (query.after) q = q.where(sql<boolean>`(g.name, g.id) > (${query.after.name}, ${query.after.id}::uuid)`);
  return q.orderBy('g.name').orderBy('g.id').limit(query.limit + 1).execute();
}

export async function listConditions(tx: TenantTx, viewerId: string | null): Promise<string[]> {
  const rows = await tx
    .selectFrom(
      groupsWithMembership(tx, viewerId)
        .where(listedFor)
        .select(sql<string>`unnest(g.condition_tags)`.as('tag'))
        .as('listed'),
    )
    .select('tag')
    .distinct()
    .orderBy('tag')
    .limit(200)
    .execute();
  return rows.map((r) => r.tag);
}

export async function findGroup(tx: TenantTx, slug: string, viewerId: string | null): Promise<GroupRow | undefined> {
  return groupsWithMembership(tx, viewerId).where('g.slug', '=', slug).executeTakeFirst();
}

export async function findGroupById(tx: TenantTx, groupId: string, viewerId: string | null): Promise<GroupRow | undefined> {
  return groupsWithMembership(tx, viewerId).where('g.id', '=', groupId).executeTakeFirst();
}

export async function findMembership(tx: TenantTx, groupId: string, memberId: string) {
  return tx
    .selectFrom('group_memberships')
    .select(['status', 'role', 'created_at'])
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

export async function upsertMembership(
  tx: TenantTx,
  membership: { groupId: string; memberId: string; status: MembershipStatus; role?: GroupRole },
): Promise<void> {
  await tx
    .insertInto('group_memberships')
    .values({
      tenant_id: tx.tenantId,
      group_id: membership.groupId,
      member_id: membership.memberId,
      status: membership.status,
      role: membership.role ?? 'member',
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'group_id', 'member_id']).doUpdateSet({
        status: membership.status,
        ...(membership.role ? { role: membership.role } : {}),
        updated_at: new Date(),
      }),
    )
    .execute();
  await refreshMemberCount(tx, membership.groupId);
}

export async function deleteMembership(tx: TenantTx, groupId: string, memberId: string): Promise<void> {
  await tx.deleteFrom('group_memberships').where('group_id', '=', groupId).where('member_id', '=', memberId).execute();
  await refreshMemberCount(tx, groupId);
}

/** Recounts rather than increments, so concurrent joins and leaves cannot drift the count. */
async function refreshMemberCount(tx: TenantTx, groupId: string): Promise<void> {
  await tx
    .updateTable('groups')
    .set((eb) => ({
      member_count: eb
        .selectFrom('group_memberships')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('group_id', '=', groupId)
        .where('status', '=', 'active'),
    }))
    .where('id', '=', groupId)
    .execute();
}

export async function listJoinRequests(tx: TenantTx, query: { groupId: string; after?: { at: string; id: string }; limit: number }) {
  let q = tx
    .selectFrom('group_memberships as gm')
    .innerJoin('members as m', (j) => j.onRef('m.tenant_id', '=', 'gm.tenant_id').onRef('m.id', '=', 'gm.member_id'))
    .select(['m.id', 'm.display_name', 'gm.created_at'])
    .where('gm.group_id', '=', query.groupId)
    .where('gm.status', '=', 'requested');
  if (query.after) q = q.where(sql<boolean>`(gm.created_at, gm.member_id) > (${query.after.at}::timestamptz, ${query.after.id}::uuid)`);
  return q.orderBy('gm.created_at').orderBy('gm.member_id').limit(query.limit + 1).execute();
}

/** Members as staff see them: search, history, sanctions and clinician verification. SQL only. */
import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import type { ContentStatus } from '../moderation/moderation.types.ts';
import type { ContentKind } from '../tenants/tenant-settings.ts';

const contentCount = sql<string>`(
  (select count(*) from posts p where p.tenant_id = m.tenant_id and p.author_id = m.id)
  + (select count(*) from stories s where s.tenant_id = m.tenant_id and s.author_id = m.id)
  + (select count(*) from story_comments c where c.tenant_id = m.tenant_id and c.author_id = m.id)
  + (select count(*) from reviews r where r.tenant_id = m.tenant_id and r.author_id = m.id)
  + (select count(*) from product_questions q where q.tenant_id = m.tenant_id and q.author_id = m.id)
  + (select count(*) from product_answers a where a.tenant_id = m.tenant_id and a.author_id = m.id))`;

function members(tx: TenantTx) {
  return tx
    .selectFrom('members as m')
    .select([
      'm.id',
      'm.display_name',
      'm.external_id',
      'm.created_at',
      'm.badges',
      'm.verified_clinician',
      'm.sanction',
      'm.sanction_until',
      'm.sanction_note',
      contentCount.as('content_count'),
      sql<string>`lower(m.display_name)`.as('sort_name'),
    ]);
}

export type StaffMemberRow = Awaited<ReturnType<ReturnType<typeof members>['executeTakeFirstOrThrow']>>;

/** Members whose name (or host id) contains `query`, by name, keyset-paged on (lower(name), id). */
export async function searchMembers(
  tx: TenantTx,
  query: { text: string | undefined; after: readonly [string, string] | undefined; limit: number },
): Promise<StaffMemberRow[]> {
  let q = members(tx);
  if (query.text) {
    const pattern = `%${query.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(m.display_name)`, 'like', pattern), eb(sql`lower(m.external_id)`, 'like', pattern)]));
  }
  if (query.after) q = q.where(sql<boolean>`(lower(m.display_name), m.id) > (${query.after[0]}, ${query.after[1]}::uuid)`);
  return q.orderBy(sql`lower(m.display_name)`).orderBy('m.id').limit(query.limit + 1).execute();
}

export async function findMember(tx: TenantTx, id: string): Promise<StaffMemberRow | undefined> {
  return members(tx).where('m.id', '=', id).executeTakeFirst();
}

export interface HistoryRow {
  kind: ContentKind;
  id: string;
  status: ContentStatus;
  created_at: Date;
  excerpt: string;
}

/** The member's most recent items of every kind (anonymous ones too: staff see who wrote them). */
export async function memberHistory(tx: TenantTx, memberId: string, limit: number): Promise<HistoryRow[]> {
  const result = await sql<HistoryRow>`
    select * from (
      select case when is_opening then 'thread' else 'post' end as kind, id, status, created_at, left(body, 160) as excerpt
        from posts where author_id = ${memberId}
      union all select 'story', id, status, created_at, left(title || ': ' || body, 160) from stories where author_id = ${memberId}
      union all select 'story_comment', id, status, created_at, left(body, 160) from story_comments where author_id = ${memberId}
      union all select 'review', id, status, created_at, left(title || ': ' || body, 160) from reviews where author_id = ${memberId}
      union all select 'question', id, status, created_at, left(body, 160) from product_questions where author_id = ${memberId}
      union all select 'answer', id, status, created_at, left(body, 160) from product_answers where author_id = ${memberId}
    ) h order by created_at desc, id desc limit ${limit}`.execute(tx);
  return result.rows;
}

export async function setSanction(
  tx: TenantTx,
  memberId: string,
  sanction: { kind: 'ban' | 'mute'; until: Date | null; note: string } | null,
): Promise<boolean> {
  const result = await tx
    .updateTable('members')
    .set(
      sanction
        ? { sanction: sanction.kind, sanction_until: sanction.until, sanction_note: sanction.note }
        : { sanction: null, sanction_until: null, sanction_note: null },
    )
    .where('id', '=', memberId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setVerifiedClinician(tx: TenantTx, memberId: string, verified: boolean): Promise<boolean> {
  const result = await tx.updateTable('members').set({ verified_clinician: verified }).where('id', '=', memberId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

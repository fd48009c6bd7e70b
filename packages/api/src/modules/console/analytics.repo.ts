/**
 * The console's analytics: per-day counts over a date range (UTC), in SQL, inside the tenant's
 * transaction. Aggregates only: nothing here returns content, names or member ids.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import type { AnalyticsDayDto, AnalyticsSummaryDto } from './analytics.schema.ts';

/** Every content table a moderator decides on (a thread's decision is its opening post's). */
const MODERATED_TABLES = ['posts', 'stories', 'story_comments', 'reviews', 'product_questions', 'product_answers'] as const;
/** Tables whose authors count as active members. */
const AUTHORED_TABLES = ['posts', 'stories', 'reviews'] as const;

/** The range's bounds as UTC instants: [from 00:00, day after `to` 00:00). */
function bounds(from: string, to: string) {
  return {
    lo: sql`(${from}::date::timestamp at time zone 'UTC')`,
    hi: sql`((${to}::date + 1)::timestamp at time zone 'UTC')`,
  };
}

const utcDay = (column: string) => sql`(${sql.ref(column)} at time zone 'UTC')::date`;

export async function dailyCounts(tx: TenantTx, from: string, to: string): Promise<AnalyticsDayDto[]> {
  const { lo, hi } = bounds(from, to);
  const inRange = (column: string) => sql`${sql.ref(column)} >= ${lo} and ${sql.ref(column)} < ${hi}`;
  const authored = sql.join(
    AUTHORED_TABLES.map((t) => sql`select ${utcDay('created_at')} as day, author_id from ${sql.table(t)} where ${inRange('created_at')}`),
    sql` union all `,
  );
  const moderated = sql.join(
    MODERATED_TABLES.map(
      (t) => sql`select ${utcDay('moderated_at')} as day, extract(epoch from (moderated_at - created_at)) / 60 as minutes
        from ${sql.table(t)} where moderated_at is not null and ${inRange('moderated_at')}`,
    ),
    sql` union all `,
  );
  const result = await sql<{
    date: string;
    posts: number;
    new_members: number;
    active_members: number;
    reports: number;
    median_minutes: number | null;
  }>`
    with days as (
      select d::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') d
    ), posts_by_day as (
      select ${utcDay('created_at')} as day, count(*)::int as n from posts
      where status in ('published', 'pending') and ${inRange('created_at')} group by 1
    ), members_by_day as (
      select ${utcDay('created_at')} as day, count(*)::int as n from members where ${inRange('created_at')} group by 1
    ), active_by_day as (
      select day, count(distinct author_id)::int as n from (${authored}) a group by day
    ), reports_by_day as (
      select ${utcDay('created_at')} as day, count(*)::int as n from reports where ${inRange('created_at')} group by 1
    ), response_by_day as (
      select day, (percentile_cont(0.5) within group (order by minutes))::float8 as median from (${moderated}) m group by day
    )
    select to_char(days.day, 'YYYY-MM-DD') as date,
           coalesce(p.n, 0) as posts,
           coalesce(nm.n, 0) as new_members,
           coalesce(am.n, 0) as active_members,
           coalesce(r.n, 0) as reports,
           rd.median as median_minutes
    from days
    left join posts_by_day p on p.day = days.day
    left join members_by_day nm on nm.day = days.day
    left join active_by_day am on am.day = days.day
    left join reports_by_day r on r.day = days.day
    left join response_by_day rd on rd.day = days.day
    order by days.day`.execute(tx);
  return result.rows.map((row) => ({
    date: row.date,
    posts: Number(row.posts),
    newMembers: Number(row.new_members),
    activeMembers: Number(row.active_members),
    reports: Number(row.reports),
    medianResponseMinutes: row.median_minutes === null ? null : Math.round(Number(row.median_minutes) * 10) / 10,
  }));
}

export async function topGroups(tx: TenantTx, from: string, to: string, limit = 5): Promise<AnalyticsSummaryDto['topGroups']> {
  const { lo, hi } = bounds(from, to);
  const result = await sql<{ slug: string; name: string; posts: number }>`
    select g.slug, g.name, count(*)::int as posts
    from posts p
    join threads t on t.tenant_id = p.tenant_id and t.id = p.thread_id
    join groups g on g.tenant_id = t.tenant_id and g.id = t.group_id
    where p.status in ('published', 'pending') and p.created_at >= ${lo} and p.created_at < ${hi}
    group by g.id, g.slug, g.name
    order by posts desc, g.slug
    limit ${limit}`.execute(tx);
  return result.rows.map((r) => ({ slug: r.slug, name: r.name, posts: Number(r.posts) }));
}

export async function unansweredThreads(tx: TenantTx, from: string, to: string): Promise<number> {
  const { lo, hi } = bounds(from, to);
  const result = await sql<{ n: number }>`
    select count(*)::int as n from threads t
    where t.status = 'published' and t.created_at >= ${lo} and t.created_at < ${hi}
      and not exists (
        select 1 from posts p
        where p.tenant_id = t.tenant_id and p.thread_id = t.id and not p.is_opening
          and p.status = 'published' and p.deleted_at is null
      )`.execute(tx);
  return Number(result.rows[0]?.n ?? 0);
}

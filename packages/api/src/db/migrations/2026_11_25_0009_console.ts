/**
 * The admin console's settings, analytics and audit screens.
 *
 * - Consent texts may be up to 20,000 characters (organisations paste their full wording).
 * - Key rotation with a grace period needs no new column: `api_keys.revoked_at` and
 *   `sso_keys.retired_at` may now lie in the future (the key keeps working until then).
 * - Indexes for the analytics summary (per-day counts over a date range) and for filtering the
 *   audit log by action or actor while paging on `seq`.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './helpers.ts';

const MODERATED_TABLES = ['posts', 'stories', 'story_comments', 'reviews', 'product_questions', 'product_answers'];

/** Drops the table's unnamed check constraints that mention `column`. */
function dropChecksOn(table: string, column: string): string {
  return `do $$ declare c record; begin
    for c in select conname from pg_constraint
      where conrelid = '${table}'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%${column}%'
    loop execute format('alter table ${table} drop constraint %I', c.conname); end loop;
  end $$`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    dropChecksOn('consent_texts', 'body'),
    `alter table consent_texts add constraint consent_texts_body_check check (length(body) between 1 and 20000)`,

    `create index posts_by_created on posts (tenant_id, created_at)`,
    `create index members_by_created on members (tenant_id, created_at)`,
    `create index reports_by_created on reports (tenant_id, created_at)`,
    `create index reviews_by_created on reviews (tenant_id, created_at)`,
    `create index stories_by_created on stories (tenant_id, created_at)`,
    ...MODERATED_TABLES.map((table) => `create index ${table}_by_moderated on ${table} (tenant_id, moderated_at) where moderated_at is not null`),

    `create index audit_log_by_action on audit_log (tenant_id, action, seq desc)`,
    `create index audit_log_by_actor on audit_log (tenant_id, actor_id, seq desc) where actor_id is not null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop index audit_log_by_actor',
    'drop index audit_log_by_action',
    ...MODERATED_TABLES.map((table) => `drop index ${table}_by_moderated`),
    'drop index stories_by_created',
    'drop index reviews_by_created',
    'drop index reports_by_created',
    'drop index members_by_created',
    'drop index posts_by_created',
    // Texts over the old limit would not fit it: they are kept, cut to 5,000 characters.
    `update consent_texts set body = left(body, 5000) where length(body) > 5000`,
    'alter table consent_texts drop constraint consent_texts_body_check',
    `alter table consent_texts add constraint consent_texts_body_check check (length(body) between 1 and 5000)`,
  ]);
}

/**
 * One moderation pipeline and the staff who run it.
 *
 * - Every kind of user content (threads, posts, stories, story comments, reviews, questions,
 *   answers) gets the same moderation columns: status (published / pending / rejected /
 *   hidden), the reason it is not published, a moderator's note, whether the crisis phase matched
 *   (priority in the queue) and the crisis resources the author was shown.
 * - Members can be banned or muted, and verified as clinicians by staff.
 * - Staff accounts (per tenant), their sessions and invites.
 */
import type { Kysely } from 'kysely';
import { APP_ROLE } from '../roles.ts';
import { runStatements, tenantIsolation } from './helpers.ts';

const CONTENT_TABLES = ['threads', 'posts', 'stories', 'story_comments', 'reviews', 'product_questions', 'product_answers'];
const STATUSES = `('published', 'pending', 'rejected', 'hidden')`;
const REASONS = `('premoderation', 'new_member', 'watched_word', 'link_from_new_member', 'crisis', 'reported', 'moderator')`;

/** Drops the table's unnamed check constraints that mention `status`, so they can be widened. */
function dropStatusChecks(table: string): string {
  return `do $$ declare c record; begin
    for c in select conname from pg_constraint
      where conrelid = '${table}'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%status%'
    loop execute format('alter table ${table} drop constraint %I', c.conname); end loop;
  end $$`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Forum content had no moderation state until now: everything written so far is published.
    `alter table threads add column status text not null default 'published'`,
    `alter table posts add column status text not null default 'published'`,
    ...CONTENT_TABLES.flatMap((table) => [
      dropStatusChecks(table),
      `alter table ${table} add constraint ${table}_status_check check (status in ${STATUSES})`,
      `alter table ${table} add column moderation_reason text check (moderation_reason in ${REASONS})`,
      `alter table ${table} add column moderation_note text check (length(moderation_note) <= 1000)`,
      `alter table ${table} add column is_crisis boolean not null default false`,
      `alter table ${table} add column crisis_resources jsonb`,
      `alter table ${table} add column moderated_at timestamptz(3)`,
      // The queue: what waits, crisis first then oldest.
      `create index ${table}_queue on ${table} (tenant_id, is_crisis desc, created_at, id) where status = 'pending'`,
    ]),
    // Stories and reviews keep their publication time when hidden, so unhiding restores their place.
    `alter table stories add constraint stories_published_has_time check (status <> 'published' or published_at is not null)`,
    `alter table reviews add constraint reviews_published_has_time check (status <> 'published' or published_at is not null)`,
    `create index posts_by_author on posts (tenant_id, author_id, created_at desc)`,

    `alter table members add column sanction text check (sanction in ('ban', 'mute'))`,
    `alter table members add column sanction_until timestamptz(3)`,
    `alter table members add column sanction_note text check (length(sanction_note) <= 1000)`,
    `alter table members add column verified_clinician boolean not null default false`,
    `create index members_by_name on members (tenant_id, lower(display_name), id)`,

    `create table staff_accounts (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       email text not null check (length(email) between 3 and 254 and email = lower(email)),
       display_name text not null check (length(display_name) between 1 and 80),
       role text not null check (role in ('owner', 'moderator', 'analyst')),
       password_hash text not null,
       totp_secret text,
       totp_enabled boolean not null default false,
       failed_sign_ins integer not null default 0,
       locked_until timestamptz(3),
       created_at timestamptz(3) not null default now(),
       last_sign_in_at timestamptz(3),
       primary key (tenant_id, id),
       unique (tenant_id, email)
     )`,
    `create table staff_sessions (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       staff_id uuid not null,
       token_hash text not null,
       csrf_token text not null,
       created_at timestamptz(3) not null default now(),
       last_seen_at timestamptz(3) not null default now(),
       expires_at timestamptz(3) not null,
       primary key (tenant_id, id),
       unique (tenant_id, token_hash),
       foreign key (tenant_id, staff_id) references staff_accounts (tenant_id, id) on delete cascade
     )`,
    `create table staff_invites (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       email text not null check (length(email) between 3 and 254 and email = lower(email)),
       role text not null check (role in ('owner', 'moderator', 'analyst')),
       token_hash text not null,
       invited_by uuid,
       created_at timestamptz(3) not null default now(),
       expires_at timestamptz(3) not null,
       accepted_at timestamptz(3),
       revoked_at timestamptz(3),
       primary key (tenant_id, id),
       unique (tenant_id, token_hash),
       foreign key (tenant_id, invited_by) references staff_accounts (tenant_id, id) on delete set null (invited_by)
     )`,
    // A moderator's edit keeps what it replaced (and why), for the author and for review.
    `create table moderation_edits (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       kind text not null check (kind in ('thread', 'post', 'story', 'story_comment', 'review', 'question', 'answer')),
       item_id uuid not null,
       author_id uuid not null,
       staff_id uuid,
       previous_title text,
       previous_body text not null,
       note text not null check (length(note) between 1 and 1000),
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       foreign key (tenant_id, author_id) references members (tenant_id, id) on delete cascade,
       foreign key (tenant_id, staff_id) references staff_accounts (tenant_id, id) on delete set null (staff_id)
     )`,
    `create index moderation_edits_by_item on moderation_edits (tenant_id, kind, item_id, created_at)`,
    ...['staff_accounts', 'staff_sessions', 'staff_invites', 'moderation_edits'].flatMap(tenantIsolation),
    `grant select, insert, update, delete on staff_accounts, staff_sessions, staff_invites, moderation_edits to ${APP_ROLE}`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop table moderation_edits',
    'drop table staff_invites',
    'drop table staff_sessions',
    'drop table staff_accounts',
    'drop index members_by_name',
    'alter table members drop column sanction, drop column sanction_until, drop column sanction_note, drop column verified_clinician',
    'drop index posts_by_author',
    'alter table stories drop constraint stories_published_has_time',
    'alter table reviews drop constraint reviews_published_has_time',
    ...CONTENT_TABLES.flatMap((table) => [
      `drop index ${table}_queue`,
      `alter table ${table} drop column moderation_reason, drop column moderation_note, drop column is_crisis, drop column crisis_resources, drop column moderated_at`,
      `alter table ${table} drop constraint ${table}_status_check`,
    ]),
    ...CONTENT_TABLES.map((table) => `update ${table} set status = 'rejected' where status = 'hidden'`),
    `update stories set published_at = null where status <> 'published'`,
    `update reviews set published_at = null where status <> 'published'`,
    ...['stories', 'story_comments', 'reviews', 'product_questions', 'product_answers'].map(
      (table) => `alter table ${table} add constraint ${table}_status_check check (status in ('pending', 'published', 'rejected'))`,
    ),
    `alter table stories add check ((status = 'published') = (published_at is not null))`,
    `alter table reviews add check ((status = 'published') = (published_at is not null))`,
    'alter table threads drop column status',
    'alter table posts drop column status',
  ]);
}

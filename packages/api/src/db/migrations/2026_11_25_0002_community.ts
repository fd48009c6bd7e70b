/**
 * The full forum and condition groups: group policies and memberships, rich posts (sanitised
 * HTML, content warnings, anonymity, edits with history, tombstones), reactions, helpful marks,
 * reports, full-text search, and the realtime outbox that API processes share events through.
 * Every new table follows the foundation's tenant rules (see 0001).
 */
import type { Kysely } from 'kysely';
import { APP_ROLE } from '../roles.ts';
import { runStatements, tenantIsolation } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Groups: condition tags, who may join, who may read.
    `alter table groups
       add column condition_tags text[] not null default '{}',
       add column join_policy text not null default 'open' check (join_policy in ('open', 'request', 'invite')),
       add column visibility text not null default 'public' check (visibility in ('public', 'members', 'group')),
       add column member_count integer not null default 0 check (member_count >= 0),
       -- "No requests from strangers": an invite-only group's content is for its members only.
       add constraint invite_only_is_private check (join_policy <> 'invite' or visibility = 'group')`,
    `create index groups_by_name on groups (tenant_id, name, id)`,
    `create index groups_by_condition on groups using gin (condition_tags)`,

    `create table group_memberships (
       tenant_id uuid not null references tenants (id) on delete cascade,
       group_id uuid not null,
       member_id uuid not null,
       status text not null check (status in ('active', 'requested', 'invited')),
       role text not null default 'member' check (role in ('member', 'mentor', 'moderator')),
       created_at timestamptz(3) not null default now(),
       updated_at timestamptz(3) not null default now(),
       primary key (tenant_id, group_id, member_id),
       foreign key (tenant_id, group_id) references groups (tenant_id, id) on delete cascade,
       foreign key (tenant_id, member_id) references members (tenant_id, id) on delete cascade
     )`,
    `create index group_memberships_by_member on group_memberships (tenant_id, member_id)`,
    `create index group_memberships_requests on group_memberships (tenant_id, group_id, created_at, member_id) where status = 'requested'`,

    // Threads: anonymity of the opener, support counts for "most supported", search over titles.
    `alter table threads
       add column is_anonymous boolean not null default false,
       add column support_count integer not null default 0 check (support_count >= 0),
       add column search tsvector generated always as (to_tsvector('simple', title)) stored`,
    `create index threads_by_created on threads (tenant_id, group_id, created_at desc, id desc)`,
    `create index threads_by_support on threads (tenant_id, group_id, support_count desc, id desc)`,
    `create index threads_unanswered on threads (tenant_id, group_id, created_at desc, id desc) where reply_count = 0`,
    `create index threads_search on threads using gin (search)`,

    // Posts: the author's source text and its sanitised HTML, and everything around them.
    `alter table posts
       add column body_html text not null default '',
       add column content_warning text check (length(content_warning) between 1 and 120),
       add column is_anonymous boolean not null default false,
       add column marked_helpful boolean not null default false,
       add column edited_at timestamptz(3),
       add column deleted_at timestamptz(3),
       add column search tsvector generated always as (to_tsvector('simple', body)) stored`,
    // A tombstone keeps its place in the thread but holds no words.
    `alter table posts drop constraint posts_body_check`,
    `alter table posts add constraint posts_body_check check (
       (deleted_at is null and length(body) between 1 and 20000) or (deleted_at is not null and body = '' and body_html = ''))`,
    `create index posts_search on posts using gin (search)`,
    // Posts written before this migration were plain text: give them the same HTML the
    // formatter makes of plain paragraphs (escaped, so nothing in them becomes markup).
    `update posts set body_html = '<p>' || replace(replace(
       replace(replace(replace(replace(body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'),
       E'\n\n', '</p><p>'), E'\n', '<br>') || '</p>'
     where body_html = ''`,

    `create table post_revisions (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       post_id uuid not null,
       editor_id uuid not null,
       body text not null,
       content_warning text,
       title text,
       replaced_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       foreign key (tenant_id, post_id) references posts (tenant_id, id) on delete cascade,
       foreign key (tenant_id, editor_id) references members (tenant_id, id) on delete cascade
     )`,
    `create index post_revisions_by_post on post_revisions (tenant_id, post_id, replaced_at)`,

    `create table reactions (
       tenant_id uuid not null references tenants (id) on delete cascade,
       post_id uuid not null,
       member_id uuid not null,
       kind text not null check (kind in ('support', 'helpful', 'me_too')),
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, post_id, member_id, kind),
       foreign key (tenant_id, post_id) references posts (tenant_id, id) on delete cascade,
       foreign key (tenant_id, member_id) references members (tenant_id, id) on delete cascade
     )`,

    `create table reports (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       post_id uuid not null,
       reporter_id uuid not null,
       reason text not null check (reason in ('at_risk', 'misinformation', 'spam', 'personal_information', 'harassment', 'other')),
       note text check (length(note) <= 1000),
       status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, post_id, reporter_id),
       foreign key (tenant_id, post_id) references posts (tenant_id, id) on delete cascade,
       foreign key (tenant_id, reporter_id) references members (tenant_id, id) on delete cascade
     )`,
    `create index reports_open on reports (tenant_id, created_at) where status = 'open'`,

    // The realtime outbox: rows written in the same transaction as the change they announce,
    // read by every API process after a (coalesced) NOTIFY. Payloads are ids, never content.
    `create table realtime_events (
       tenant_id uuid not null references tenants (id) on delete cascade,
       seq bigint generated always as identity,
       topic text not null check (length(topic) <= 120),
       kind text not null check (length(kind) <= 60),
       payload jsonb not null default '{}',
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, seq)
     )`,
    // Every API process re-reads a short window by time: commit order is not seq order.
    `create index realtime_events_by_time on realtime_events (created_at)`,
    `create index realtime_events_by_topic on realtime_events (tenant_id, topic, seq)`,

    ...['group_memberships', 'post_revisions', 'reactions', 'reports', 'realtime_events'].flatMap(tenantIsolation),

    `grant select, insert, update, delete on group_memberships, reactions to ${APP_ROLE}`,
    `grant select, insert, update on reports to ${APP_ROLE}`,
    `grant select, insert on post_revisions, realtime_events to ${APP_ROLE}`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop table realtime_events',
    'drop table reports',
    'drop table reactions',
    'drop table post_revisions',
    'drop index posts_search',
    `delete from posts where deleted_at is not null`,
    'alter table posts drop constraint posts_body_check',
    'alter table posts add constraint posts_body_check check (length(body) between 1 and 20000)',
    `alter table posts drop column search, drop column deleted_at, drop column edited_at, drop column marked_helpful,
       drop column is_anonymous, drop column content_warning, drop column body_html`,
    'drop index threads_search',
    'drop index threads_unanswered',
    'drop index threads_by_support',
    'drop index threads_by_created',
    'alter table threads drop column search, drop column support_count, drop column is_anonymous',
    'drop table group_memberships',
    'drop index groups_by_condition',
    'drop index groups_by_name',
    `alter table groups drop constraint invite_only_is_private, drop column member_count, drop column visibility,
       drop column join_policy, drop column condition_tags`,
  ]);
}

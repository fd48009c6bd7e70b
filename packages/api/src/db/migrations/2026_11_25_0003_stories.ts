/**
 * Story sharing: stories with a per-story audience and signing choice, versioned consent texts
 * and per-use consents (revocable at any time), "thank you for sharing" reactions and comments.
 */
import type { Kysely } from 'kysely';
import { APP_ROLE } from '../roles.ts';
import { DEFAULT_CONSENT_TEXT } from '../../modules/stories/consent-text.ts';
import { runStatements, tenantIsolation } from './helpers.ts';


export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table consent_texts (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       version integer not null check (version > 0),
       body text not null check (length(body) between 1 and 5000),
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, version)
     )`,
    // Every tenant starts with a first consent text (new tenants get one when created).
    `insert into consent_texts (tenant_id, version, body) select id, 1, '${DEFAULT_CONSENT_TEXT.replace(/'/g, "''")}' from tenants`,

    `create table stories (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       author_id uuid not null,
       title text not null check (length(title) between 3 and 200),
       body text not null check (length(body) between 1 and 50000),
       body_html text not null,
       content_warning text check (length(content_warning) between 1 and 120),
       condition_tags text[] not null default '{}' check (cardinality(condition_tags) <= 10),
       stage_tags text[] not null default '{}' check (cardinality(stage_tags) <= 10),
       topic_tags text[] not null default '{}' check (cardinality(topic_tags) <= 10),
       audience text not null check (audience in ('public', 'members', 'group', 'care_team', 'only_me')),
       group_id uuid,
       signing text not null check (signing in ('name', 'pseudonym', 'anonymous')),
       pseudonym text check (length(pseudonym) between 1 and 60),
       status text not null check (status in ('pending', 'published', 'rejected')),
       thanks_count integer not null default 0 check (thanks_count >= 0),
       idempotency_key text,
       created_at timestamptz(3) not null default now(),
       updated_at timestamptz(3) not null default now(),
       published_at timestamptz(3),
       search tsvector generated always as (to_tsvector('simple', title || ' ' || body)) stored,
       primary key (tenant_id, id),
       foreign key (tenant_id, author_id) references members (tenant_id, id) on delete cascade,
       foreign key (tenant_id, group_id) references groups (tenant_id, id) on delete cascade,
       unique (tenant_id, author_id, idempotency_key),
       check ((audience = 'group') = (group_id is not null)),
       check ((signing = 'pseudonym') = (pseudonym is not null)),
       check ((status = 'published') = (published_at is not null))
     )`,
    `create index stories_gallery on stories (tenant_id, published_at desc, id desc) where status = 'published'`,
    `create index stories_by_author on stories (tenant_id, author_id, created_at desc, id desc)`,
    `create index stories_tags on stories using gin ((condition_tags || stage_tags || topic_tags))`,
    `create index stories_search on stories using gin (search)`,

    `create table story_consents (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       story_id uuid not null,
       use text not null check (use in ('site', 'outreach', 'research')),
       consent_text_id uuid not null,
       granted_at timestamptz(3) not null default now(),
       revoked_at timestamptz(3),
       primary key (tenant_id, id),
       foreign key (tenant_id, story_id) references stories (tenant_id, id) on delete cascade,
       foreign key (tenant_id, consent_text_id) references consent_texts (tenant_id, id)
     )`,
    // At most one live consent per story and use; revoked ones stay as history.
    `create unique index story_consents_live on story_consents (tenant_id, story_id, use) where revoked_at is null`,

    `create table story_thanks (
       tenant_id uuid not null references tenants (id) on delete cascade,
       story_id uuid not null,
       member_id uuid not null,
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, story_id, member_id),
       foreign key (tenant_id, story_id) references stories (tenant_id, id) on delete cascade,
       foreign key (tenant_id, member_id) references members (tenant_id, id) on delete cascade
     )`,

    `create table story_comments (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       story_id uuid not null,
       author_id uuid not null,
       body text not null check (length(body) between 1 and 5000),
       body_html text not null,
       status text not null check (status in ('pending', 'published', 'rejected')),
       idempotency_key text,
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       foreign key (tenant_id, story_id) references stories (tenant_id, id) on delete cascade,
       foreign key (tenant_id, author_id) references members (tenant_id, id) on delete cascade,
       unique (tenant_id, author_id, idempotency_key)
     )`,
    `create index story_comments_by_story on story_comments (tenant_id, story_id, created_at, id)`,

    ...['consent_texts', 'stories', 'story_consents', 'story_thanks', 'story_comments'].flatMap(tenantIsolation),

    `grant select, insert on consent_texts to ${APP_ROLE}`,
    `grant select, insert, update, delete on stories, story_thanks, story_comments to ${APP_ROLE}`,
    `grant select, insert, update on story_consents to ${APP_ROLE}`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop table story_comments', 'drop table story_thanks', 'drop table story_consents', 'drop table stories', 'drop table consent_texts']);
}

/**
 * Foundation: tenants and their keys, members, forum spaces (groups), threads, posts, audit log.
 *
 * Tenant isolation lives here. Every tenant-owned table has `tenant_id uuid not null` leading
 * its primary key and every foreign and unique key, and row-level security ENABLED and FORCED
 * with one policy keyed on the transaction's `app.tenant_id` setting. The app's queries run as
 * `kindred_app`, a role that owns nothing and cannot bypass RLS (see db/tenant-transaction.ts).
 */
import type { Kysely } from 'kysely';
import { APP_ROLE } from '../roles.ts';
import { runStatements, tenantIsolation } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Roles are per cluster, so another Kindred database may have made it already.
    `do $$ begin
       if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
         create role ${APP_ROLE} nologin nosuperuser nobypassrls noinherit;
       end if;
     end $$`,
    `grant ${APP_ROLE} to current_user`,

    `create table tenants (
       id uuid primary key default gen_random_uuid(),
       slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
       name text not null check (length(name) between 1 and 200),
       settings jsonb not null default '{}',
       created_at timestamptz(3) not null default now()
     )`,
    // The tenants table is keyed by `id` rather than `tenant_id`: its policy is written on id.
    `alter table tenants enable row level security`,
    `alter table tenants force row level security`,
    `create policy tenant_isolation on tenants
       using (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
       with check (id = nullif(current_setting('app.tenant_id', true), '')::uuid)`,

    `create table tenant_origins (
       tenant_id uuid not null references tenants (id) on delete cascade,
       origin text not null check (origin ~ '^https?://[^/]+$'),
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, origin)
     )`,
    // Preflight requests carry no key; they ask "is this origin anyone's?".
    `create index tenant_origins_origin on tenant_origins (origin)`,

    `create table api_keys (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       kind text not null check (kind in ('publishable', 'secret')),
       publishable_key text,
       secret_hash text,
       created_at timestamptz(3) not null default now(),
       revoked_at timestamptz(3),
       primary key (tenant_id, id),
       check ((kind = 'publishable' and publishable_key is not null and secret_hash is null)
           or (kind = 'secret' and secret_hash is not null and publishable_key is null))
     )`,
    `create index api_keys_publishable on api_keys (publishable_key) where publishable_key is not null`,
    `create index api_keys_secret on api_keys (secret_hash) where secret_hash is not null`,

    `create table sso_keys (
       tenant_id uuid not null references tenants (id) on delete cascade,
       kid text not null check (length(kid) between 1 and 100),
       secret text not null check (length(secret) >= 32),
       status text not null check (status in ('active', 'retired')),
       created_at timestamptz(3) not null default now(),
       retired_at timestamptz(3),
       primary key (tenant_id, kid)
     )`,

    `create table members (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       external_id text not null check (length(external_id) between 1 and 200),
       display_name text not null check (length(display_name) between 1 and 80),
       avatar_url text check (length(avatar_url) <= 500),
       badges text[] not null default '{}',
       created_at timestamptz(3) not null default now(),
       updated_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, external_id)
     )`,

    `create table groups (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
       name text not null check (length(name) between 1 and 120),
       description text not null default '' check (length(description) <= 2000),
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, slug)
     )`,

    `create table threads (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       group_id uuid,
       author_id uuid not null,
       title text not null check (length(title) between 1 and 200),
       reply_count integer not null default 0 check (reply_count >= 0),
       idempotency_key text,
       created_at timestamptz(3) not null default now(),
       last_activity_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       foreign key (tenant_id, group_id) references groups (tenant_id, id) on delete cascade,
       foreign key (tenant_id, author_id) references members (tenant_id, id),
       unique (tenant_id, author_id, idempotency_key)
     )`,
    // The thread list: newest activity first, per forum space.
    `create index threads_by_activity on threads (tenant_id, group_id, last_activity_at desc, id desc)`,

    `create table posts (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       thread_id uuid not null,
       author_id uuid not null,
       is_opening boolean not null default false,
       body text not null check (length(body) between 1 and 20000),
       idempotency_key text,
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       foreign key (tenant_id, thread_id) references threads (tenant_id, id) on delete cascade,
       foreign key (tenant_id, author_id) references members (tenant_id, id),
       unique (tenant_id, author_id, idempotency_key)
     )`,
    `create index posts_in_thread on posts (tenant_id, thread_id, created_at, id)`,
    `create unique index posts_one_opening on posts (tenant_id, thread_id) where is_opening`,

    `create table audit_log (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       occurred_at timestamptz(3) not null default now(),
       actor_kind text not null check (actor_kind in ('operator', 'member', 'staff', 'system')),
       actor_id text,
       action text not null,
       subject text,
       ip text,
       details jsonb not null default '{}',
       primary key (tenant_id, id)
     )`,
    `create index audit_log_by_time on audit_log (tenant_id, occurred_at desc)`,

    ...['tenant_origins', 'api_keys', 'sso_keys', 'members', 'groups', 'threads', 'posts', 'audit_log'].flatMap(
      tenantIsolation,
    ),

    `grant select, update on tenants to ${APP_ROLE}`,
    `grant select, insert, update, delete on tenant_origins, api_keys, sso_keys, members, groups, threads, posts to ${APP_ROLE}`,
    // The audit log is append-only for the application.
    `grant select, insert on audit_log to ${APP_ROLE}`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop table audit_log',
    'drop table posts',
    'drop table threads',
    'drop table groups',
    'drop table members',
    'drop table sso_keys',
    'drop table api_keys',
    'drop table tenant_origins',
    'drop table tenants',
  ]);
  // The role is shared by every Kindred database on the cluster, so it stays.
}

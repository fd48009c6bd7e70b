/**
 * Product reviews and recommendations: products a shop registers server-to-server, one review
 * per member per product (with optional health attributes and a verified-purchase flag from the
 * host's signed claim), helpful votes, questions and answers, and the attributes a member chose
 * to share for "people like me".
 */
import type { Kysely } from 'kysely';
import { APP_ROLE } from '../roles.ts';
import { runStatements, tenantIsolation } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table products (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       sku text not null check (length(sku) between 1 and 100),
       name text not null check (length(name) between 1 and 200),
       category text check (length(category) between 1 and 100),
       url text check (length(url) <= 500),
       image_url text check (length(image_url) <= 500),
       created_at timestamptz(3) not null default now(),
       updated_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, sku)
     )`,
    `create index products_by_category on products (tenant_id, category)`,

    `create table reviews (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       product_id uuid not null,
       author_id uuid not null,
       rating smallint not null check (rating between 1 and 5),
       title text not null check (length(title) between 3 and 150),
       body text not null check (length(body) between 1 and 10000),
       body_html text not null,
       attributes text[] not null default '{}' check (cardinality(attributes) <= 10),
       signing text not null check (signing in ('name', 'pseudonym')),
       pseudonym text check (length(pseudonym) between 1 and 60),
       verified_purchase boolean not null default false,
       status text not null check (status in ('pending', 'published', 'rejected')),
       helpful_count integer not null default 0 check (helpful_count >= 0),
       merchant_reply_html text,
       merchant_replied_at timestamptz(3),
       created_at timestamptz(3) not null default now(),
       updated_at timestamptz(3) not null default now(),
       published_at timestamptz(3),
       primary key (tenant_id, id),
       unique (tenant_id, product_id, author_id),
       foreign key (tenant_id, product_id) references products (tenant_id, id) on delete cascade,
       foreign key (tenant_id, author_id) references members (tenant_id, id) on delete cascade,
       check ((signing = 'pseudonym') = (pseudonym is not null)),
       check ((status = 'published') = (published_at is not null))
     )`,
    `create index reviews_newest on reviews (tenant_id, product_id, published_at desc, id desc) where status = 'published'`,
    `create index reviews_helpful on reviews (tenant_id, product_id, helpful_count desc, id desc) where status = 'published'`,
    `create index reviews_rating on reviews (tenant_id, product_id, rating, id) where status = 'published'`,
    `create index reviews_attributes on reviews using gin (attributes)`,

    `create table review_votes (
       tenant_id uuid not null references tenants (id) on delete cascade,
       review_id uuid not null,
       member_id uuid not null,
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, review_id, member_id),
       foreign key (tenant_id, review_id) references reviews (tenant_id, id) on delete cascade,
       foreign key (tenant_id, member_id) references members (tenant_id, id) on delete cascade
     )`,

    `create table product_questions (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       product_id uuid not null,
       author_id uuid not null,
       body text not null check (length(body) between 3 and 2000),
       status text not null check (status in ('pending', 'published', 'rejected')),
       idempotency_key text,
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, author_id, idempotency_key),
       foreign key (tenant_id, product_id) references products (tenant_id, id) on delete cascade,
       foreign key (tenant_id, author_id) references members (tenant_id, id) on delete cascade
     )`,
    `create index product_questions_by_product on product_questions (tenant_id, product_id, created_at desc, id desc)`,

    `create table product_answers (
       tenant_id uuid not null references tenants (id) on delete cascade,
       id uuid not null default gen_random_uuid(),
       question_id uuid not null,
       -- A member's answer has an author; the organisation's ("verified reply") has a staff name.
       author_id uuid,
       staff_name text check (length(staff_name) between 1 and 80),
       body text not null check (length(body) between 1 and 5000),
       body_html text not null,
       status text not null check (status in ('pending', 'published', 'rejected')),
       idempotency_key text,
       created_at timestamptz(3) not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, author_id, idempotency_key),
       foreign key (tenant_id, question_id) references product_questions (tenant_id, id) on delete cascade,
       foreign key (tenant_id, author_id) references members (tenant_id, id) on delete cascade,
       check ((author_id is null) <> (staff_name is null))
     )`,
    `create index product_answers_by_question on product_answers (tenant_id, question_id, created_at, id)`,

    // "People like me": attributes a member chose to share, used only to filter for them.
    `alter table members add column shared_attributes text[] not null default '{}' check (cardinality(shared_attributes) <= 10)`,

    ...['products', 'reviews', 'review_votes', 'product_questions', 'product_answers'].flatMap(tenantIsolation),

    `grant select, insert, update on products to ${APP_ROLE}`,
    `grant select, insert, update, delete on reviews, review_votes to ${APP_ROLE}`,
    `grant select, insert, update on product_questions, product_answers to ${APP_ROLE}`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'alter table members drop column shared_attributes',
    'drop table product_answers',
    'drop table product_questions',
    'drop table review_votes',
    'drop table reviews',
    'drop table products',
  ]);
}

/**
 * Seeds the demo tenants on first start (KINDRED_DEMO=1) and makes sure each one allows the
 * origin its demo host page is served from. Safe to run on every start.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withTenant, type TenantTx } from '../db/tenant-transaction.ts';
import { renderBody } from '../modules/content/formatting.ts';
import { upsertMembership } from '../modules/groups/groups.repo.ts';
import { createAccount } from '../modules/staff/staff-auth.service.ts';
import { updateTenantSettings } from '../modules/tenants/tenant-settings.ts';
import { findTenantBySlug } from '../modules/tenants/tenants.repo.ts';
import { addOrigin, createTenant } from '../modules/tenants/tenants.service.ts';
import { DEMO_TENANTS, type DemoTenant } from './demo-content.ts';

export interface SeededDemoTenant {
  demo: DemoTenant;
  tenantId: string;
  origins: string[];
  created: boolean;
}

const HOUR_MS = 3_600_000;

async function seedContent(tx: TenantTx, demo: DemoTenant): Promise<void> {
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR_MS);
  const firstSeen = at(24 * 30);

  if (demo.trustHostBadges) await updateTenantSettings(tx, { trustHostBadges: true });

  const memberIds = new Map<string, string>();
  for (const member of demo.members) {
    const row = await tx
      .insertInto('members')
      .values({
        tenant_id: tx.tenantId,
        external_id: member.sub,
        display_name: member.name,
        badges: member.badges ?? [],
        created_at: firstSeen,
        updated_at: firstSeen,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    memberIds.set(member.name, row.id);
  }
  const memberId = (name: string) => {
    const id = memberIds.get(name);
    if (!id) throw new Error(`demo content names an unknown member "${name}"`);
    return id;
  };

  const groupIds = new Map<string, string>();
  for (const group of demo.groups) {
    const row = await tx
      .insertInto('groups')
      .values({
        tenant_id: tx.tenantId,
        slug: group.slug,
        name: group.name,
        description: group.description,
        condition_tags: group.conditionTags,
        join_policy: group.joinPolicy,
        visibility: group.visibility,
        created_at: firstSeen,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupIds.set(group.slug, row.id);
    // Everyone who writes in a group belongs to it; some hold a role.
    const writers = demo.threads
      .filter((t) => t.group === group.slug)
      .flatMap((t) => [t.author, ...t.replies.map((r) => r.author)]);
    const roles = new Map<string, 'member' | 'mentor' | 'moderator'>();
    for (const name of [...writers, ...(group.members ?? [])]) roles.set(name, 'member');
    for (const name of group.mentors ?? []) roles.set(name, 'mentor');
    for (const name of group.moderators ?? []) roles.set(name, 'moderator');
    for (const [name, role] of roles) {
      await upsertMembership(tx, { groupId: row.id, memberId: memberId(name), status: 'active', role });
    }
  }

  await seedStories(tx, demo, memberId, at);
  await seedProducts(tx, demo, memberId, at);

  for (const thread of demo.threads) {
    const lastActivity = Math.min(thread.hoursAgo, ...thread.replies.map((r) => r.hoursAgo));
    const { id: threadId } = await tx
      .insertInto('threads')
      .values({
        tenant_id: tx.tenantId,
        group_id: thread.group ? (groupIds.get(thread.group) ?? null) : null,
        author_id: memberId(thread.author),
        title: thread.title,
        idempotency_key: null,
        reply_count: thread.replies.length,
        created_at: at(thread.hoursAgo),
        last_activity_at: at(lastActivity),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('posts')
      .values([
        {
          tenant_id: tx.tenantId,
          thread_id: threadId,
          author_id: memberId(thread.author),
          is_opening: true,
          body: thread.body,
          body_html: renderBody(thread.body),
          idempotency_key: null,
          created_at: at(thread.hoursAgo),
        },
        ...thread.replies.map((reply) => ({
          tenant_id: tx.tenantId,
          thread_id: threadId,
          author_id: memberId(reply.author),
          body: reply.body,
          body_html: renderBody(reply.body),
          idempotency_key: null,
          created_at: at(reply.hoursAgo),
        })),
      ])
      .execute();
  }
}

async function seedStories(tx: TenantTx, demo: DemoTenant, memberId: (name: string) => string, at: (hoursAgo: number) => Date) {
  const consent = await tx.selectFrom('consent_texts').select('id').orderBy('version', 'desc').executeTakeFirstOrThrow();
  for (const story of demo.stories ?? []) {
    const { id } = await tx
      .insertInto('stories')
      .values({
        tenant_id: tx.tenantId,
        author_id: memberId(story.author),
        title: story.title,
        body: story.body,
        body_html: renderBody(story.body),
        content_warning: null,
        condition_tags: story.tags.condition,
        stage_tags: story.tags.stage,
        topic_tags: story.tags.topic,
        audience: story.audience,
        group_id: null,
        signing: story.signing,
        pseudonym: story.pseudonym ?? null,
        status: 'published',
        idempotency_key: null,
        created_at: at(story.hoursAgo),
        updated_at: at(story.hoursAgo),
        published_at: at(story.hoursAgo),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('story_consents').values({ tenant_id: tx.tenantId, story_id: id, use: 'site', consent_text_id: consent.id, granted_at: at(story.hoursAgo) }).execute();
  }
}

async function seedProducts(tx: TenantTx, demo: DemoTenant, memberId: (name: string) => string, at: (hoursAgo: number) => Date) {
  for (const product of demo.products ?? []) {
    const { id } = await tx
      .insertInto('products')
      .values({ tenant_id: tx.tenantId, sku: product.sku, name: product.name, category: product.category, url: null, image_url: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const review of product.reviews) {
      await tx
        .insertInto('reviews')
        .values({
          tenant_id: tx.tenantId,
          product_id: id,
          author_id: memberId(review.author),
          rating: review.rating,
          title: review.title,
          body: review.body,
          body_html: renderBody(review.body),
          attributes: review.attributes,
          signing: review.pseudonym ? 'pseudonym' : 'name',
          pseudonym: review.pseudonym ?? null,
          verified_purchase: review.verified,
          status: 'published',
          merchant_reply_html: null,
          created_at: at(review.hoursAgo),
          updated_at: at(review.hoursAgo),
          published_at: at(review.hoursAgo),
        })
        .execute();
    }
  }
}

/** The demo console password for every demo staff account (demo data only, printed at start-up). */
export const DEMO_STAFF_PASSWORD = 'kindred-demo-console';

/** Console accounts for a demo tenant: an owner and a moderator. Safe to run on every start. */
export function demoStaff(demo: Pick<DemoTenant, 'slug'>) {
  return [
    { email: `owner@${demo.slug}.example`, displayName: 'Demo Owner', role: 'owner' as const },
    { email: `moderator@${demo.slug}.example`, displayName: 'Demo Moderator', role: 'moderator' as const },
  ];
}

async function seedStaff(tx: TenantTx, demo: DemoTenant): Promise<void> {
  for (const account of demoStaff(demo)) await createAccount(tx, { ...account, password: DEMO_STAFF_PASSWORD });
}

/** Origins a demo host page on `port` is reached from. */
export const demoOrigins = (port: number) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

export async function seedDemo(db: Kysely<Database>, hostPortFor: (demo: DemoTenant) => number): Promise<SeededDemoTenant[]> {
  const seeded: SeededDemoTenant[] = [];
  for (const demo of DEMO_TENANTS) {
    const origins = demoOrigins(hostPortFor(demo));
    const existing = await findTenantBySlug(db, demo.slug);
    if (existing) {
      for (const origin of origins) await addOrigin(db, existing.id, origin);
      await withTenant(db, existing.id, (tx) => seedStaff(tx, demo));
      seeded.push({ demo, tenantId: existing.id, origins, created: false });
      continue;
    }
    const { tenant } = await createTenant(db, { name: demo.name, slug: demo.slug, origins, publishableKey: demo.publishableKey });
    await withTenant(db, tenant.id, async (tx) => {
      await seedContent(tx, demo);
      await seedStaff(tx, demo);
    });
    seeded.push({ demo, tenantId: tenant.id, origins, created: true });
  }
  return seeded;
}

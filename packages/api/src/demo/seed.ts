/**
 * Seeds the demo tenants on first start (KINDRED_DEMO=1) and makes sure each one allows the
 * origin its demo host page is served from. Safe to run on every start.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withTenant, type TenantTx } from '../db/tenant-transaction.ts';
import { renderBody } from '../modules/content/formatting.ts';
import { upsertMembership } from '../modules/groups/groups.repo.ts';
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

/** Origins a demo host page on `port` is reached from. */
export const demoOrigins = (port: number) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

export async function seedDemo(db: Kysely<Database>, hostPortFor: (demo: DemoTenant) => number): Promise<SeededDemoTenant[]> {
  const seeded: SeededDemoTenant[] = [];
  for (const demo of DEMO_TENANTS) {
    const origins = demoOrigins(hostPortFor(demo));
    const existing = await findTenantBySlug(db, demo.slug);
    if (existing) {
      for (const origin of origins) await addOrigin(db, existing.id, origin);
      seeded.push({ demo, tenantId: existing.id, origins, created: false });
      continue;
    }
    const { tenant } = await createTenant(db, { name: demo.name, slug: demo.slug, origins, publishableKey: demo.publishableKey });
    await withTenant(db, tenant.id, (tx) => seedContent(tx, demo));
    seeded.push({ demo, tenantId: tenant.id, origins, created: true });
  }
  return seeded;
}

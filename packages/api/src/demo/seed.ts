/**
 * Seeds the demo tenants on first start (KINDRED_DEMO=1) and makes sure each one allows the
 * origin its demo host page is served from. Safe to run on every start.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withTenant, type TenantTx } from '../db/tenant-transaction.ts';
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

  const memberIds = new Map<string, string>();
  for (const member of demo.members) {
    const row = await tx
      .insertInto('members')
      .values({ tenant_id: tx.tenantId, external_id: member.sub, display_name: member.name, created_at: firstSeen, updated_at: firstSeen })
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
      .values({ tenant_id: tx.tenantId, ...group, created_at: firstSeen })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupIds.set(group.slug, row.id);
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
        { tenant_id: tx.tenantId, thread_id: threadId, author_id: memberId(thread.author), is_opening: true, body: thread.body, idempotency_key: null, created_at: at(thread.hoursAgo) },
        ...thread.replies.map((reply) => ({
          tenant_id: tx.tenantId,
          thread_id: threadId,
          author_id: memberId(reply.author),
          body: reply.body,
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

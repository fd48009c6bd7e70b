import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { createTestTenant } from '../../testing/fixtures.ts';
import { addOrigin, rotateSsoKey } from '../tenants/tenants.service.ts';
import { appendAudit, verifyAuditChain } from './audit.repo.ts';

describe('the audit log', () => {
  it('chains every entry per tenant and detects any change, removal or reordering', async () => {
    const tenant = await createTestTenant('audit');
    const other = await createTestTenant('audit-other');
    await rotateSsoKey(tenant.db, tenant.tenant.id);
    await addOrigin(tenant.db, tenant.tenant.id, 'https://second.example');
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        withTenant(tenant.db, tenant.tenant.id, (tx) => appendAudit(tx, { actorKind: 'system', action: 'test.concurrent', details: { i } })),
      ),
    );
    const verify = (id: string) => withTenant(tenant.db, id, (tx) => verifyAuditChain(tx));
    expect(await verify(tenant.tenant.id)).toEqual({ ok: true, entries: 8 });
    expect(await verify(other.tenant.id)).toEqual({ ok: true, entries: 1 });

    // Someone with direct database access edits history: the chain shows where.
    await sql`update audit_log set details = '{"origins":["https://evil.example"]}' where tenant_id = ${tenant.tenant.id} and seq = 1`.execute(tenant.db);
    expect(await verify(tenant.tenant.id)).toEqual({ ok: false, entries: 8, brokenAt: 1 });
    // Removing an entry breaks the chain just after it.
    await rotateSsoKey(other.db, other.tenant.id);
    await rotateSsoKey(other.db, other.tenant.id);
    await sql`delete from audit_log where tenant_id = ${other.tenant.id} and seq = 2`.execute(other.db);
    expect(await verify(other.tenant.id)).toEqual({ ok: false, entries: 2, brokenAt: 3 });
  });

  it('is append-only for the application', async () => {
    const tenant = await createTestTenant('audit-ro');
    await expect(
      withTenant(tenant.db, tenant.tenant.id, (tx) => tx.updateTable('audit_log').set({ action: 'rewritten' }).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(withTenant(tenant.db, tenant.tenant.id, (tx) => tx.deleteFrom('audit_log').execute())).rejects.toThrow(/permission denied/);
  });
});

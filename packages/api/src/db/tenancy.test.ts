/**
 * Tenant isolation lives in the database. These tests check the catalog for the rules every
 * tenant table must follow, and that RLS alone (no `where tenant_id`) keeps tenants apart.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../testing/fixtures.ts';
import { testDatabase } from '../testing/database.ts';
import { APP_ROLE } from './roles.ts';
import { withTenant } from './tenant-transaction.ts';

const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

describe('the catalog', () => {
  it('forces RLS with one tenant policy on every table that has tenant_id, which is never nullable or defaulted', async () => {
    const { db } = await testDatabase();
    const tables = await sql<{ table: string; rls: boolean; forced: boolean; nullable: boolean; has_default: boolean }>`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             not a.attnotnull as nullable, a.atthasdef as has_default
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(db);
    expect(tables.rows.length).toBeGreaterThanOrEqual(8);
    for (const t of tables.rows) {
      expect({ table: t.table, rls: t.rls, forced: t.forced }).toEqual({ table: t.table, rls: true, forced: true });
      expect({ table: t.table, nullable: t.nullable, has_default: t.has_default }).toEqual({
        table: t.table,
        nullable: false,
        has_default: false,
      });
    }
    const policies = await sql<{ table: string; qual: string; with_check: string; count: number }>`
      select tablename as table, min(qual) as qual, min(with_check) as with_check, count(*)::int as count
      from pg_policies where schemaname = 'public' group by tablename`.execute(db);
    const byTable = new Map(policies.rows.map((p) => [p.table, p]));
    for (const t of tables.rows) {
      const policy = byTable.get(t.table);
      expect(policy, `${t.table} has no policy`).toBeDefined();
      expect(policy!.count, `${t.table} has more than one policy`).toBe(1);
      expect(policy!.qual.replace(/\s+/g, ' ')).toContain(`current_setting('app.tenant_id'::text, true)`);
      expect(policy!.with_check.replace(/\s+/g, ' ')).toContain(`current_setting('app.tenant_id'::text, true)`);
    }
    expect(current).toContain('nullif'); // the shape the policies are written in (see the migration helper)
  });

  it('leads every primary, unique and foreign key of a tenant table with tenant_id', async () => {
    const { db } = await testDatabase();
    const keys = await sql<{ table: string; name: string; first_column: string }>`
      select c.relname as table, con.conname as name, a.attname as first_column
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = con.conkey[1]
      where n.nspname = 'public' and con.contype in ('p', 'u', 'f')
        and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id')`.execute(db);
    expect(keys.rows.length).toBeGreaterThan(10);
    for (const key of keys.rows) expect(`${key.table}.${key.name}: ${key.first_column}`).toBe(`${key.table}.${key.name}: tenant_id`);
  });

  it('has only security_invoker views and no SECURITY DEFINER functions', async () => {
    const { db } = await testDatabase();
    const views = await sql<{ name: string; options: string[] | null }>`
      select c.relname as name, c.reloptions as options from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('v', 'm')`.execute(db);
    for (const v of views.rows) expect(v.options ?? [], `view ${v.name}`).toContain('security_invoker=true');
    const definers = await sql<{ name: string }>`
      select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef`.execute(db);
    expect(definers.rows).toEqual([]);
  });

  it('runs requests as a role that owns no table and cannot bypass RLS', async () => {
    const { db } = await testDatabase();
    const role = await sql<{ super: boolean; bypass: boolean }>`
      select rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = ${APP_ROLE}`.execute(db);
    expect(role.rows).toEqual([{ super: false, bypass: false }]);
    const owned = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ${APP_ROLE}`.execute(db);
    expect(owned.rows).toEqual([]);
    const tenant = await createTestTenant('role');
    const inside = await withTenant(db, tenant.tenant.id, (tx) =>
      sql<{ role: string; tenant: string }>`select current_user as role, current_setting('app.tenant_id') as tenant`.execute(tx),
    );
    expect(inside.rows).toEqual([{ role: APP_ROLE, tenant: tenant.tenant.id }]);
  });
});

describe('row-level security', () => {
  it('hides other tenants from a query written without any tenant filter', async () => {
    const a = await createTestTenant('rls-a');
    const b = await createTestTenant('rls-b');
    const { db } = await testDatabase();
    const seenByA = await withTenant(db, a.tenant.id, async (tx) => ({
      // Deliberately no `where tenant_id = ...` anywhere below.
      tenants: await tx.selectFrom('tenants').select('id').execute(),
      origins: await tx.selectFrom('tenant_origins').select(['tenant_id', 'origin']).execute(),
      keys: await tx.selectFrom('api_keys').select('tenant_id').execute(),
      sso: await tx.selectFrom('sso_keys').select('tenant_id').execute(),
      raw: await sql<{ tenant_id: string }>`select tenant_id from audit_log`.execute(tx),
    }));
    expect(seenByA.tenants.map((t) => t.id)).toEqual([a.tenant.id]);
    expect(seenByA.origins).toEqual([{ tenant_id: a.tenant.id, origin: a.origin }]);
    expect(new Set(seenByA.keys.map((k) => k.tenant_id))).toEqual(new Set([a.tenant.id]));
    expect(new Set(seenByA.sso.map((k) => k.tenant_id))).toEqual(new Set([a.tenant.id]));
    expect(new Set(seenByA.raw.rows.map((r) => r.tenant_id))).toEqual(new Set([a.tenant.id]));
    expect(seenByA.origins.some((o) => o.origin === b.origin)).toBe(false);
  });

  it('refuses to write a row for another tenant', async () => {
    const a = await createTestTenant('rls-w-a');
    const b = await createTestTenant('rls-w-b');
    const { db } = await testDatabase();
    await expect(
      withTenant(db, a.tenant.id, (tx) =>
        tx.insertInto('tenant_origins').values({ tenant_id: b.tenant.id, origin: 'https://evil.example' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('sees nothing when no tenant is set, and forgets the tenant when the transaction ends', async () => {
    await createTestTenant('rls-none');
    const { db } = await testDatabase();
    const rows = await db.transaction().execute(async (trx) => {
      await sql`select set_config('role', ${APP_ROLE}, true)`.execute(trx);
      return trx.selectFrom('members').select('id').execute();
    });
    expect(rows).toEqual([]);
  });

  it('keeps concurrent transactions of two tenants apart', async () => {
    const a = await createTestTenant('conc-a');
    const b = await createTestTenant('conc-b');
    const { db } = await testDatabase();
    const read = (id: string) =>
      withTenant(db, id, async (tx) => {
        await new Promise((r) => setTimeout(r, 5));
        return tx.selectFrom('tenants').select('id').execute();
      });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => read(i % 2 ? a.tenant.id : b.tenant.id)));
    results.forEach((rows, i) => expect(rows.map((r) => r.id)).toEqual([i % 2 ? a.tenant.id : b.tenant.id]));
  });
});

/**
 * A demo "customer website": serves one tenant's demo page from its own origin (as a clinic's
 * site would be) and a tiny stand-in for the customer's backend that signs a member token for
 * the demo patient. The page loads kindred.js from the API origin, exactly like the README's
 * embed snippet, under a strict Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { Logger } from '../logger.ts';
import { signMemberToken } from '../modules/identity/member-token.ts';
import { findNewestActiveSsoKey } from '../modules/tenants/tenants.repo.ts';
import type { DemoTenant, DemoVisitor } from './demo-content.ts';

const SITE_DIR = new URL('./site/', import.meta.url);
/** Short on purpose, so the demo also exercises the widget's token refresh. */
const DEMO_TOKEN_SECONDS = 15 * 60;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function createDemoHostServer(options: {
  db: Kysely<Database>;
  log: Logger;
  demo: DemoTenant;
  tenantId: string;
  /** Where the API and the widget bundles are, e.g. http://localhost:8787 */
  apiUrl: string;
}): Server {
  const { db, demo, tenantId, apiUrl, log } = options;
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${apiUrl}`,
    `connect-src 'self' ${apiUrl}`,
    "style-src 'self'",
    `img-src 'self' data: ${apiUrl}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

  async function page(): Promise<string> {
    const template = await readFile(new URL(`${demo.page}.html`, SITE_DIR), 'utf8');
    return template
      .replaceAll('{{API}}', escapeHtml(apiUrl))
      .replaceAll('{{KEY}}', escapeHtml(demo.publishableKey))
      .replaceAll(
        '{{VISITORS}}',
        demo.demoVisitors
          .map((v, i) => `<option value="${i}" data-name="${escapeHtml(v.name)}">${escapeHtml(v.name)} (${escapeHtml(v.describedAs)})</option>`)
          .join(''),
      );
  }

  async function demoToken(visitor: DemoVisitor): Promise<string> {
    const key = await withTenant(db, tenantId, (tx) => findNewestActiveSsoKey(tx));
    if (!key) throw new Error(`demo tenant ${demo.slug} has no active SSO key`);
    return signMemberToken(key, {
      audience: tenantId,
      expiresIn: DEMO_TOKEN_SECONDS,
      claims: { sub: visitor.sub, name: visitor.name, ...(visitor.purchases ? { purchases: visitor.purchases } : {}) },
    });
  }

  async function readVisitor(req: IncomingMessage): Promise<DemoVisitor | undefined> {
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > 1000) return undefined;
    }
    const index = body ? Number((JSON.parse(body) as { visitor?: unknown }).visitor ?? 0) : 0;
    return Number.isInteger(index) ? demo.demoVisitors[index] : undefined;
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const respond = async () => {
      if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' });
        return res.end(await page());
      }
      if (req.method === 'GET' && (url.pathname === '/demo.css' || url.pathname === '/demo.js')) {
        const type = url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript';
        res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' });
        return res.end(await readFile(new URL(url.pathname.slice(1), SITE_DIR)));
      }
      // The customer's own backend would check its session here; the demo signs in one patient.
      if (req.method === 'POST' && url.pathname === '/demo/token') {
        const visitor = await readVisitor(req).catch(() => undefined);
        if (!visitor) {
          res.writeHead(400, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: 'visitor must be 0 or 1' }));
        }
        const token = await demoToken(visitor);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        return res.end(JSON.stringify({ token, expiresIn: DEMO_TOKEN_SECONDS }));
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    };
    respond().catch((err: unknown) => {
      log.error({ err, demo: demo.slug }, 'demo host failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Demo host error');
    });
  });
}

/**
 * A fake Kindred staff API at the network boundary: a `fetch` that answers tRPC httpLink requests
 * (`GET /trpc/<path>?input=` for queries, `POST /trpc/<path>` for mutations) from in-memory state,
 * enforcing what the real API enforces for the console: a session cookie, the CSRF header on
 * mutations, roles. Tests and Storybook give it to `new StaffApi({ fetch })`, so everything
 * between the screens and the wire is the real code.
 */
import type {
  AuditEntryDto,
  InviteDto,
  QueueItemDto,
  Role,
  SessionDto,
  SettingsDto,
  StaffDto,
  StaffMemberDto,
} from '../api/contract.ts';
import {
  fixtureAnalyticsDays,
  fixtureAudit,
  fixtureHistory,
  fixtureInvites,
  fixtureMembers,
  fixtureQueue,
  fixtureSession,
  fixtureSettings,
  fixtureStaff,
  fixtureTenant,
} from './fixtures.ts';

export interface FakeCall {
  path: string;
  type: 'query' | 'mutation';
  input: unknown;
  headers: Record<string, string>;
}

export interface FakeFailure {
  code: string;
  status: number;
  message?: string;
  details?: Record<string, unknown>;
  issues?: { path: string; message: string }[];
}

export interface FakeServerOptions {
  /** Signed in from the start as this role; null: signed out. Default 'owner'. */
  signedInAs?: Role | null;
  /** The account needs a TOTP code at sign-in. */
  totp?: boolean;
  /** Milliseconds before each answer. */
  latency?: number;
  queue?: QueueItemDto[];
  pageSize?: number;
}

const MUTATIONS_WITHOUT_CSRF = new Set(['staff.auth.signIn', 'staff.auth.acceptInvite']);

/** Who may call what (by procedure prefix); the rest needs any signed-in staff member. */
const ROLE_RULES: [prefix: string, roles: Role[], mutationRoles?: Role[]][] = [
  ['staff.team.', ['owner']],
  ['staff.queue.', ['owner', 'moderator']],
  ['staff.members.', ['owner', 'moderator']],
  ['staff.settings.', ['owner', 'moderator'], ['owner']],
  ['staff.audit.', ['owner']],
];

class Failure extends Error {
  constructor(readonly failure: FakeFailure) {
    super(failure.message ?? failure.code);
  }
}

const fail = (code: string, status: number, extra: Partial<FakeFailure> = {}): never => {
  throw new Failure({ code, status, ...extra });
};

export class FakeServer {
  readonly calls: FakeCall[] = [];
  session: SessionDto | null;
  queue: QueueItemDto[];
  members: StaffMemberDto[] = structuredClone(fixtureMembers);
  staff: StaffDto[] = structuredClone(fixtureStaff);
  invites: InviteDto[] = structuredClone(fixtureInvites);
  settings: SettingsDto = fixtureSettings();
  audit: AuditEntryDto[] = structuredClone(fixtureAudit);
  totp: boolean;
  /** What `staff.audit.verify` answers; default: intact. */
  auditVerify: { ok: boolean; checked: number; firstBrokenAt: string | null } | null = null;
  password = 'correct horse battery staple';
  private failures: { path: string; failure: FakeFailure }[] = [];
  private hanging = new Set<string>();
  private counter = 0;

  constructor(private readonly options: FakeServerOptions = {}) {
    const role = options.signedInAs === undefined ? 'owner' : options.signedInAs;
    this.session = role ? fixtureSession(role) : null;
    this.queue = structuredClone(options.queue ?? fixtureQueue);
    this.totp = options.totp ?? false;
  }

  /** The next call to `path` fails like this. */
  failNext(path: string, failure: FakeFailure): this {
    this.failures.push({ path, failure });
    return this;
  }

  /** Calls to `path` never answer (a loading state that stays). */
  hang(path: string): this {
    this.hanging.add(path);
    return this;
  }

  callsTo(path: string): FakeCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  /** Ends the session as the server would after the idle timeout. */
  expireSession(): void {
    this.session = null;
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://console.test');
    const path = decodeURIComponent(url.pathname.replace(/^.*\/trpc\//, ''));
    const method = (init.method ?? 'GET').toUpperCase();
    const type: FakeCall['type'] = method === 'POST' ? 'mutation' : 'query';
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const raw = type === 'query' ? url.searchParams.get('input') : typeof init.body === 'string' ? init.body : null;
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    this.calls.push({ path, type, input: structuredClone(parsed), headers });
    if (this.hanging.has(path)) return new Promise<Response>(() => {});
    if (this.options.latency) await new Promise((r) => setTimeout(r, this.options.latency));
    else await Promise.resolve();
    try {
      const planned = this.failures.findIndex((f) => f.path === path);
      if (planned >= 0) throw new Failure(this.failures.splice(planned, 1)[0]!.failure);
      this.guard(path, type, headers);
      const data = this.handle(path, (parsed ?? {}) as Record<string, never>);
      return json(200, { result: { data: data === undefined ? null : structuredClone(data) } });
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      const f = error.failure;
      return json(f.status, {
        error: {
          message: f.message ?? f.code,
          code: -32000,
          data: { code: f.code, httpStatus: f.status, kindredCode: f.code, ...(f.details ? { details: f.details } : {}), ...(f.issues ? { issues: f.issues } : {}) },
        },
      });
    }
  };

  private guard(path: string, type: FakeCall['type'], headers: Record<string, string>): void {
    if (path === 'staff.auth.signIn' || path === 'staff.auth.inviteInfo' || path === 'staff.auth.acceptInvite') return;
    if (!this.session) fail('STAFF_SIGN_IN_REQUIRED', 401);
    if (type === 'mutation' && !MUTATIONS_WITHOUT_CSRF.has(path) && headers['x-kindred-csrf'] !== this.session!.csrfToken) fail('CSRF_FAILED', 403);
    const role = this.session!.staff.role;
    for (const [prefix, roles, mutationRoles] of ROLE_RULES) {
      if (!path.startsWith(prefix)) continue;
      const allowed = type === 'mutation' && mutationRoles ? mutationRoles : roles;
      if (!allowed.includes(role)) fail('STAFF_ROLE_FORBIDDEN', 403);
    }
  }

  private id(prefix: string): string {
    return `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(++this.counter + 9000).padStart(12, '0')}`;
  }

  private findItem(input: { kind: string; id: string }): QueueItemDto {
    return this.queue.find((i) => i.kind === input.kind && i.id === input.id) ?? fail('NOT_FOUND', 404);
  }

  private findMember(memberId: string): StaffMemberDto {
    return this.members.find((m) => m.id === memberId) ?? fail('NOT_FOUND', 404);
  }

  private log(action: string, subject: string | null, details: Record<string, unknown> = {}): void {
    this.audit.unshift({
      id: this.id('ad'),
      occurredAt: new Date().toISOString(),
      actorKind: 'staff',
      actorLabel: this.session?.staff.displayName ?? 'Staff',
      action,
      subject,
      ip: '127.0.0.1',
      details,
    });
  }

  private page<T>(items: T[], cursor: string | undefined, size = this.options.pageSize ?? 25) {
    const start = cursor ? Number(cursor) : 0;
    return { items: items.slice(start, start + size), nextCursor: start + size < items.length ? String(start + size) : null };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each branch reads its own input
  private handle(path: string, input: Record<string, any>): unknown {
    switch (path) {
      // ---- auth
      case 'staff.auth.signIn': {
        if (input.organisation !== fixtureTenant.slug || !this.staff.some((s) => s.email === input.email) || input.password !== this.password)
          fail('STAFF_CREDENTIALS_INVALID', 401);
        if (this.totp && !input.totpCode) fail('STAFF_TOTP_REQUIRED', 401);
        if (this.totp && input.totpCode !== '123456') fail('STAFF_CREDENTIALS_INVALID', 401);
        const staff = this.staff.find((s) => s.email === input.email)!;
        this.session = { ...fixtureSession(staff.role), staff };
        return this.session;
      }
      case 'staff.auth.session':
        return this.session;
      case 'staff.auth.signOut':
        this.session = null;
        return { ok: true };
      case 'staff.auth.inviteInfo': {
        if (input.token !== 'invite-token') fail('INVITE_INVALID', 400);
        return { organisation: fixtureTenant.name, email: 'sam.patel@riverside.example', role: 'moderator' };
      }
      case 'staff.auth.acceptInvite': {
        if (input.token !== 'invite-token') fail('INVITE_INVALID', 400);
        const staff: StaffDto = {
          id: this.id('5a'),
          email: 'sam.patel@riverside.example',
          displayName: input.displayName,
          role: 'moderator',
          totpEnabled: false,
          createdAt: new Date().toISOString(),
          lastSignInAt: new Date().toISOString(),
        };
        this.staff.push(staff);
        this.session = { ...fixtureSession('moderator'), staff };
        return this.session;
      }
      case 'staff.auth.totpSetup':
        return { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: `otpauth://totp/Kindred:${this.session!.staff.email}?secret=JBSWY3DPEHPK3PXP&issuer=Kindred` };
      case 'staff.auth.totpEnable':
        if (input.code !== '123456') fail('VALIDATION_FAILED', 400, { issues: [{ path: 'code', message: 'That code is not right.' }] });
        this.session!.staff.totpEnabled = true;
        return { ok: true };
      case 'staff.auth.totpDisable':
        if (input.password !== this.password) fail('STAFF_CREDENTIALS_INVALID', 401);
        this.session!.staff.totpEnabled = false;
        return { ok: true };

      // ---- team
      case 'staff.team.list':
        return { staff: this.staff, invites: this.invites };
      case 'staff.team.invite': {
        const invite: InviteDto = { id: this.id('1b'), email: input.email, role: input.role, createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() };
        this.invites.push(invite);
        this.log('staff.invited', input.email, { role: input.role });
        return { inviteUrl: `http://localhost:8787/admin/#/invite/invite-token` };
      }
      case 'staff.team.setRole': {
        const staff = this.staff.find((s) => s.id === input.staffId) ?? fail('NOT_FOUND', 404);
        staff.role = input.role;
        this.log('staff.role_changed', staff.email, { role: input.role });
        return staff;
      }
      case 'staff.team.remove':
        this.staff = this.staff.filter((s) => s.id !== input.staffId);
        return { ok: true };
      case 'staff.team.revokeInvite':
        this.invites = this.invites.filter((i) => i.id !== input.inviteId);
        return { ok: true };

      // ---- queue
      case 'staff.queue.list': {
        const open = this.queue.filter((i) => i.status === 'pending' || (i.reason === 'reported' && i.status === 'published'));
        const items = open
          .filter((i) => !input.kind || i.kind === input.kind)
          .filter((i) => !input.reason || i.reason === input.reason)
          .filter((i) => !input.group || i.context.group === input.group)
          .sort((a, b) => (a.priority === b.priority ? a.createdAt.localeCompare(b.createdAt) : a.priority === 'crisis' ? -1 : 1));
        return this.page(items, input.cursor, input.limit ?? this.options.pageSize);
      }
      case 'staff.queue.counts': {
        const open = this.queue.filter((i) => i.status === 'pending' || (i.reason === 'reported' && i.status === 'published'));
        return {
          pending: open.length,
          crisis: open.filter((i) => i.priority === 'crisis').length,
          reported: open.filter((i) => i.reason === 'reported').length,
        };
      }
      case 'staff.queue.approve':
      case 'staff.queue.reject':
      case 'staff.queue.hide':
      case 'staff.queue.unhide':
      case 'staff.queue.reopen':
      case 'staff.queue.edit': {
        const item = this.findItem(input as { kind: string; id: string });
        const action = path.split('.').pop()!;
        if ((action === 'reject' || action === 'hide' || action === 'edit') && !String(input.note ?? '').trim())
          fail('VALIDATION_FAILED', 400, { issues: [{ path: 'note', message: 'Required' }] });
        const next = { approve: 'published', reject: 'rejected', hide: 'hidden', unhide: 'published', reopen: 'pending', edit: item.status } as const;
        item.status = next[action as keyof typeof next];
        item.reason = action === 'reopen' ? item.reason : action === 'unhide' ? item.reason : 'moderator';
        if (action === 'reopen' || action === 'unhide') item.reason = fixtureQueue.find((f) => f.id === item.id)?.reason ?? item.reason;
        if (action === 'edit') {
          item.bodySource = input.body;
          item.bodyHtml = `<p>${escapeHtml(input.body)}</p>`;
        }
        item.moderationNote = input.note ?? item.moderationNote;
        this.log(`moderation.${action}`, `${item.kind} ${item.id}`, input.note ? { note: input.note } : {});
        return item;
      }

      // ---- members
      case 'staff.members.search': {
        const q = String(input.query ?? '').toLowerCase();
        const items = this.members.filter((m) => !q || m.displayName.toLowerCase().includes(q) || m.externalId.toLowerCase().includes(q));
        return this.page(items, input.cursor);
      }
      case 'staff.members.get': {
        const member = this.findMember(input.memberId);
        return { member, history: fixtureHistory(member.id) };
      }
      case 'staff.members.sanction': {
        const member = this.findMember(input.memberId);
        member.sanction = { kind: input.kind, until: input.days === null ? null : new Date(Date.now() + input.days * 86_400_000).toISOString(), note: input.note };
        this.log(`member.${input.kind === 'ban' ? 'banned' : 'muted'}`, member.displayName, { days: input.days });
        return member;
      }
      case 'staff.members.lift': {
        const member = this.findMember(input.memberId);
        member.sanction = null;
        return member;
      }
      case 'staff.members.verifyClinician': {
        const member = this.findMember(input.memberId);
        member.verifiedClinician = input.verified;
        return member;
      }
      case 'staff.members.export': {
        const member = this.findMember(input.memberId);
        return { member, content: fixtureHistory(member.id), exportedAt: new Date().toISOString() };
      }
      case 'staff.members.erase':
        if (input.confirm !== true) fail('VALIDATION_FAILED', 400, { issues: [{ path: 'confirm', message: 'Required' }] });
        this.findMember(input.memberId);
        this.members = this.members.filter((m) => m.id !== input.memberId);
        return { erased: true };

      // ---- settings
      case 'staff.settings.get':
        return this.settings;
      case 'staff.settings.update':
        this.settings = { ...this.settings, ...input };
        return this.settings;
      case 'staff.settings.addOrigin': {
        const origin = String(input.origin);
        if (!/^https?:\/\/[^/\s]+$/.test(origin)) fail('VALIDATION_FAILED', 400, { issues: [{ path: 'origin', message: 'An origin is a scheme and a host, like https://www.example.org' }] });
        if (!this.settings.origins.includes(origin)) this.settings.origins = [...this.settings.origins, origin];
        return { origins: this.settings.origins };
      }
      case 'staff.settings.removeOrigin':
        this.settings.origins = this.settings.origins.filter((o) => o !== input.origin);
        return { origins: this.settings.origins };
      case 'staff.settings.rotateSecretKey':
        return { secretKey: 'sk_live_7Hq2vN9xPz4KcR8mWb3tYd6L' };
      case 'staff.settings.rotateSsoSecret': {
        const kid = `sso_${Date.now().toString(36)}`;
        const grace = new Date(Date.now() + 86_400_000).toISOString();
        this.settings.ssoKeys = [
          { kid, status: 'active', createdAt: new Date().toISOString(), retiresAt: null },
          ...this.settings.ssoKeys.map((k) => (k.status === 'active' ? { ...k, retiresAt: grace } : k)),
        ];
        return { kid, secret: 'whsec_Xk29dLq8ZpV3nR7tB5mC1yW6' };
      }
      case 'staff.settings.publishConsentText': {
        const version = (this.settings.consentText?.version ?? 0) + 1;
        this.settings.consentText = { version, text: input.text, publishedAt: new Date().toISOString() };
        return { version };
      }

      // ---- analytics
      case 'staff.analytics.summary':
        return {
          days: fixtureAnalyticsDays(input.from, input.to),
          topGroups: [
            { slug: 'breast-cancer', name: 'Breast cancer', posts: 412 },
            { slug: 'heart-health', name: 'Heart health', posts: 268 },
            { slug: 'carers', name: 'Carers and family', posts: 151 },
            { slug: 'long-covid', name: 'Long COVID', posts: 97 },
          ],
          unansweredThreads: 7,
        };

      // ---- audit
      case 'staff.audit.list': {
        // Like the API: `actor` is a staff member's id, never a name.
        const actor = input.actor ? (this.staff.find((s) => s.id === input.actor) ?? fail('VALIDATION_FAILED', 400)) : null;
        const items = this.audit
          .filter((e) => !actor || (e.actorKind === 'staff' && e.actorLabel === actor.displayName))
          .filter((e) => !input.action || e.action === input.action)
          .filter((e) => !input.from || e.occurredAt.slice(0, 10) >= input.from)
          .filter((e) => !input.to || e.occurredAt.slice(0, 10) <= input.to);
        return this.page(items, input.cursor, 20);
      }
      case 'staff.audit.actions':
        return [...new Set(this.audit.map((e) => e.action))].sort();
      case 'staff.audit.verify':
        return this.auditVerify ?? { ok: true, checked: this.audit.length, firstBrokenAt: null };
    }
    return fail('NOT_FOUND', 404, { message: `No procedure ${path}` });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The console's one way to talk to the API: tRPC at same-origin `/trpc` through @trpc/client's
 * `httpLink` (one request per call, no batching), typed by the API's `AppRouter`. Every method
 * here states the contract type the console relies on (api/contract.ts); the compiler checks the
 * real router against it at each call.
 *
 * - The staff session travels in an HttpOnly cookie (same origin, so fetch sends it).
 * - Every mutation but signIn/acceptInvite carries the session's CSRF token in `x-kindred-csrf`.
 * - Failures become `ConsoleError`s; STAFF_SIGN_IN_REQUIRED on a signed-in console also tells
 *   `onSignedOut` listeners (the app returns to sign-in with a message).
 */
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@kindred/api/router';
import type {
  AnalyticsSummary,
  AuditEntryDto,
  AuditFilter,
  AuditVerifyResult,
  ConsoleErrorCode,
  CrisisResource,
  InviteDto,
  InviteInfoDto,
  MemberDetailDto,
  Page,
  QueueCounts,
  QueueFilter,
  QueueItemDto,
  QueueKind,
  Role,
  SanctionKind,
  SessionDto,
  SettingsDto,
  SettingsUpdate,
  StaffDto,
  StaffMemberDto,
} from './contract.ts';

export interface Issue {
  path: string;
  message: string;
}

/** A failed call, with the API's Kindred code (or NETWORK when no answer came). */
export class ConsoleError extends Error {
  constructor(
    readonly code: ConsoleErrorCode,
    message: string,
    readonly status = 0,
    readonly details: Record<string, unknown> | undefined = undefined,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

interface ErrorData {
  kindredCode?: string;
  httpStatus?: number;
  details?: Record<string, unknown>;
  issues?: Issue[];
}

export function toConsoleError(error: unknown): ConsoleError {
  if (error instanceof ConsoleError) return error;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as ErrorData | undefined;
    if (!data?.kindredCode) return new ConsoleError('NETWORK', 'The console could not reach Kindred. Check your connection and try again.');
    return new ConsoleError(data.kindredCode, error.message, data.httpStatus ?? 0, data.details, data.issues ?? []);
  }
  return new ConsoleError('NETWORK', 'The console could not reach Kindred. Check your connection and try again.');
}

export interface StaffApiOptions {
  /** Where tRPC is served; default same-origin `/trpc`. */
  url?: string;
  /** A fetch to use instead of the global one (tests and Storybook use a fake server here). */
  fetch?: typeof fetch;
}

export type SignInInput = { organisation: string; email: string; password: string; totpCode?: string };

/** The staff API as the console sees it: one method per procedure, typed by api/contract.ts. */
export class StaffApi {
  private csrfToken: string | null = null;
  private readonly signedOutListeners = new Set<(error: ConsoleError) => void>();
  private readonly trpc;

  constructor(options: StaffApiOptions = {}) {
    const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.trpc = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: options.url ?? '/trpc',
          fetch: (input, init) => fetchImpl(input as RequestInfo, { ...(init as RequestInit), credentials: 'same-origin' }),
          headers: ({ op }) => (op.type === 'mutation' && this.csrfToken ? { 'x-kindred-csrf': this.csrfToken } : {}),
        }),
      ],
    });
  }

  /** Remembers the session's CSRF token (null when signed out). */
  useSession(session: SessionDto | null): void {
    this.csrfToken = session?.csrfToken ?? null;
  }

  get signedIn(): boolean {
    return this.csrfToken !== null;
  }

  /** Called when a call of a signed-in console answers STAFF_SIGN_IN_REQUIRED (idle timeout, signed out elsewhere). */
  onSignedOut(listener: (error: ConsoleError) => void): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (thrown) {
      const error = toConsoleError(thrown);
      if (error.code === 'STAFF_SIGN_IN_REQUIRED' && this.csrfToken !== null) {
        this.csrfToken = null;
        for (const listener of this.signedOutListeners) listener(error);
      }
      throw error;
    }
  }

  readonly auth = {
    signIn: (input: SignInInput): Promise<SessionDto> => this.call(() => this.trpc.staff.auth.signIn.mutate(input)),
    session: (): Promise<SessionDto> => this.call(() => this.trpc.staff.auth.session.query()),
    signOut: (input: { everywhere?: boolean } = {}): Promise<{ ok: true }> => this.call(() => this.trpc.staff.auth.signOut.mutate(input)),
    inviteInfo: (input: { token: string }): Promise<InviteInfoDto> => this.call(() => this.trpc.staff.auth.inviteInfo.query(input)),
    acceptInvite: (input: { token: string; displayName: string; password: string }): Promise<SessionDto> =>
      this.call(() => this.trpc.staff.auth.acceptInvite.mutate(input)),
    totpSetup: (): Promise<{ secret: string; otpauthUri: string }> => this.call(() => this.trpc.staff.auth.totpSetup.mutate()),
    totpEnable: (input: { code: string }): Promise<{ ok: true }> => this.call(() => this.trpc.staff.auth.totpEnable.mutate(input)),
    totpDisable: (input: { password: string }): Promise<{ ok: true }> => this.call(() => this.trpc.staff.auth.totpDisable.mutate(input)),
  };

  readonly team = {
    list: (): Promise<{ staff: StaffDto[]; invites: InviteDto[] }> => this.call(() => this.trpc.staff.team.list.query()),
    invite: (input: { email: string; role: Role }): Promise<{ inviteUrl: string }> => this.call(() => this.trpc.staff.team.invite.mutate(input)),
    setRole: (input: { staffId: string; role: Role }): Promise<unknown> => this.call(() => this.trpc.staff.team.setRole.mutate(input)),
    remove: (input: { staffId: string }): Promise<unknown> => this.call(() => this.trpc.staff.team.remove.mutate(input)),
    revokeInvite: (input: { inviteId: string }): Promise<unknown> => this.call(() => this.trpc.staff.team.revokeInvite.mutate(input)),
  };

  readonly queue = {
    list: (input: QueueFilter): Promise<Page<QueueItemDto>> => this.call(() => this.trpc.staff.queue.list.query(input)),
    counts: (): Promise<QueueCounts> => this.call(() => this.trpc.staff.queue.counts.query()),
    approve: (input: { kind: QueueKind; id: string }): Promise<QueueItemDto> => this.call(() => this.trpc.staff.queue.approve.mutate(input)),
    reject: (input: { kind: QueueKind; id: string; note: string }): Promise<QueueItemDto> => this.call(() => this.trpc.staff.queue.reject.mutate(input)),
    hide: (input: { kind: QueueKind; id: string; note: string }): Promise<QueueItemDto> => this.call(() => this.trpc.staff.queue.hide.mutate(input)),
    unhide: (input: { kind: QueueKind; id: string }): Promise<QueueItemDto> => this.call(() => this.trpc.staff.queue.unhide.mutate(input)),
    reopen: (input: { kind: QueueKind; id: string }): Promise<QueueItemDto> => this.call(() => this.trpc.staff.queue.reopen.mutate(input)),
    edit: (input: { kind: QueueKind; id: string; body: string; note: string }): Promise<QueueItemDto> =>
      this.call(() => this.trpc.staff.queue.edit.mutate(input)),
  };

  readonly members = {
    search: (input: { query?: string; cursor?: string }): Promise<Page<StaffMemberDto>> => this.call(() => this.trpc.staff.members.search.query(input)),
    get: (input: { memberId: string }): Promise<MemberDetailDto> => this.call(() => this.trpc.staff.members.get.query(input)),
    sanction: (input: { memberId: string; kind: SanctionKind; days: number | null; note: string }): Promise<unknown> =>
      this.call(() => this.trpc.staff.members.sanction.mutate(input)),
    lift: (input: { memberId: string }): Promise<unknown> => this.call(() => this.trpc.staff.members.lift.mutate(input)),
    verifyClinician: (input: { memberId: string; verified: boolean }): Promise<unknown> =>
      this.call(() => this.trpc.staff.members.verifyClinician.mutate(input)),
    export: (input: { memberId: string }): Promise<unknown> => this.call(() => this.trpc.staff.members.export.mutate(input)),
    /** The API asks for `confirm: true` (the console asks the person to type the member's name first). */
    erase: (input: { memberId: string }): Promise<unknown> => this.call(() => this.trpc.staff.members.erase.mutate({ ...input, confirm: true })),
  };

  readonly settings = {
    get: (): Promise<SettingsDto> => this.call(() => this.trpc.staff.settings.get.query()),
    update: (input: SettingsUpdate): Promise<SettingsDto> => this.call(() => this.trpc.staff.settings.update.mutate(input)),
    addOrigin: (input: { origin: string }): Promise<unknown> => this.call(() => this.trpc.staff.settings.addOrigin.mutate(input)),
    removeOrigin: (input: { origin: string }): Promise<unknown> => this.call(() => this.trpc.staff.settings.removeOrigin.mutate(input)),
    rotateSecretKey: (): Promise<{ secretKey: string }> => this.call(() => this.trpc.staff.settings.rotateSecretKey.mutate()),
    rotateSsoSecret: (): Promise<{ kid: string; secret: string }> => this.call(() => this.trpc.staff.settings.rotateSsoSecret.mutate()),
    publishConsentText: (input: { text: string }): Promise<{ version: number }> =>
      this.call(() => this.trpc.staff.settings.publishConsentText.mutate(input)),
  };

  readonly analytics = {
    summary: (input: { from: string; to: string }): Promise<AnalyticsSummary> => this.call(() => this.trpc.staff.analytics.summary.query(input)),
  };

  readonly audit = {
    list: (input: AuditFilter): Promise<Page<AuditEntryDto>> => this.call(() => this.trpc.staff.audit.list.query(input)),
    actions: (): Promise<string[]> => this.call(() => this.trpc.staff.audit.actions.query()),
    verify: (): Promise<AuditVerifyResult> => this.call(() => this.trpc.staff.audit.verify.mutate()),
  };
}

export type { CrisisResource };

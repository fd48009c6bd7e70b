/**
 * The console's one way to talk to the API: tRPC at same-origin `/trpc` through @trpc/client's
 * `httpLink` (one request per call, no batching), typed by the API's `AppRouter`: each method's
 * input is the procedure's own input type and its answer the procedure's output, so the console
 * and the API cannot drift apart unnoticed.
 *
 * - The staff session travels in an HttpOnly cookie (same origin, so fetch sends it).
 * - Every mutation but signIn/acceptInvite carries the session's CSRF token in `x-kindred-csrf`.
 * - Failures become `ConsoleError`s; STAFF_SIGN_IN_REQUIRED on a signed-in console also tells
 *   `onSignedOut` listeners (the app returns to sign-in with a message).
 */
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@kindred/api/router';
import type { ConsoleErrorCode, SessionDto, StaffInput } from './contract.ts';

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
    return new ConsoleError(data.kindredCode as ConsoleErrorCode, error.message, data.httpStatus ?? 0, data.details, data.issues ?? []);
  }
  return new ConsoleError('NETWORK', 'The console could not reach Kindred. Check your connection and try again.');
}

export interface StaffApiOptions {
  /** Where tRPC is served; default same-origin `/trpc`. */
  url?: string;
  /** A fetch to use instead of the global one (tests and Storybook use a fake server here). */
  fetch?: typeof fetch;
}

/** The staff API as the console sees it: one method per procedure, typed by the router. */
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
    signIn: (input: StaffInput['auth']['signIn']) => this.call(() => this.trpc.staff.auth.signIn.mutate(input)),
    session: () => this.call(() => this.trpc.staff.auth.session.query()),
    signOut: (input: StaffInput['auth']['signOut'] = {}) => this.call(() => this.trpc.staff.auth.signOut.mutate(input)),
    inviteInfo: (input: StaffInput['auth']['inviteInfo']) => this.call(() => this.trpc.staff.auth.inviteInfo.query(input)),
    acceptInvite: (input: StaffInput['auth']['acceptInvite']) => this.call(() => this.trpc.staff.auth.acceptInvite.mutate(input)),
    totpSetup: () => this.call(() => this.trpc.staff.auth.totpSetup.mutate()),
    totpEnable: (input: StaffInput['auth']['totpEnable']) => this.call(() => this.trpc.staff.auth.totpEnable.mutate(input)),
    totpDisable: (input: StaffInput['auth']['totpDisable']) => this.call(() => this.trpc.staff.auth.totpDisable.mutate(input)),
  };

  readonly team = {
    list: () => this.call(() => this.trpc.staff.team.list.query()),
    invite: (input: StaffInput['team']['invite']) => this.call(() => this.trpc.staff.team.invite.mutate(input)),
    setRole: (input: StaffInput['team']['setRole']) => this.call(() => this.trpc.staff.team.setRole.mutate(input)),
    remove: (input: StaffInput['team']['remove']) => this.call(() => this.trpc.staff.team.remove.mutate(input)),
    revokeInvite: (input: StaffInput['team']['revokeInvite']) => this.call(() => this.trpc.staff.team.revokeInvite.mutate(input)),
  };

  readonly queue = {
    list: (input: StaffInput['queue']['list']) => this.call(() => this.trpc.staff.queue.list.query(input)),
    counts: () => this.call(() => this.trpc.staff.queue.counts.query()),
    approve: (input: StaffInput['queue']['approve']) => this.call(() => this.trpc.staff.queue.approve.mutate(input)),
    reject: (input: StaffInput['queue']['reject']) => this.call(() => this.trpc.staff.queue.reject.mutate(input)),
    hide: (input: StaffInput['queue']['hide']) => this.call(() => this.trpc.staff.queue.hide.mutate(input)),
    unhide: (input: StaffInput['queue']['unhide']) => this.call(() => this.trpc.staff.queue.unhide.mutate(input)),
    reopen: (input: StaffInput['queue']['reopen']) => this.call(() => this.trpc.staff.queue.reopen.mutate(input)),
    edit: (input: StaffInput['queue']['edit']) => this.call(() => this.trpc.staff.queue.edit.mutate(input)),
  };

  readonly members = {
    search: (input: StaffInput['members']['search']) => this.call(() => this.trpc.staff.members.search.query(input)),
    get: (input: StaffInput['members']['get']) => this.call(() => this.trpc.staff.members.get.query(input)),
    sanction: (input: StaffInput['members']['sanction']) => this.call(() => this.trpc.staff.members.sanction.mutate(input)),
    lift: (input: StaffInput['members']['lift']) => this.call(() => this.trpc.staff.members.lift.mutate(input)),
    verifyClinician: (input: StaffInput['members']['verifyClinician']) => this.call(() => this.trpc.staff.members.verifyClinician.mutate(input)),
    export: (input: StaffInput['members']['export']) => this.call(() => this.trpc.staff.members.export.mutate(input)),
    /** The API asks for `confirm: true` (the console asks the person to type the member's name first). */
    erase: (input: Omit<StaffInput['members']['erase'], 'confirm'>) => this.call(() => this.trpc.staff.members.erase.mutate({ ...input, confirm: true })),
  };

  readonly settings = {
    get: () => this.call(() => this.trpc.staff.settings.get.query()),
    update: (input: StaffInput['settings']['update']) => this.call(() => this.trpc.staff.settings.update.mutate(input)),
    addOrigin: (input: StaffInput['settings']['addOrigin']) => this.call(() => this.trpc.staff.settings.addOrigin.mutate(input)),
    removeOrigin: (input: StaffInput['settings']['removeOrigin']) => this.call(() => this.trpc.staff.settings.removeOrigin.mutate(input)),
    rotateSecretKey: () => this.call(() => this.trpc.staff.settings.rotateSecretKey.mutate()),
    rotateSsoSecret: () => this.call(() => this.trpc.staff.settings.rotateSsoSecret.mutate()),
    publishConsentText: (input: StaffInput['settings']['publishConsentText']) => this.call(() => this.trpc.staff.settings.publishConsentText.mutate(input)),
  };

  readonly analytics = {
    summary: (input: StaffInput['analytics']['summary']) => this.call(() => this.trpc.staff.analytics.summary.query(input)),
  };

  readonly audit = {
    list: (input: StaffInput['audit']['list']) => this.call(() => this.trpc.staff.audit.list.query(input)),
    actions: () => this.call(() => this.trpc.staff.audit.actions.query()),
    verify: () => this.call(() => this.trpc.staff.audit.verify.mutate()),
  };
}


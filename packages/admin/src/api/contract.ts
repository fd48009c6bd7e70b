/**
 * The staff API as the console uses it: the DTOs of the `staff.*` procedures, written from the
 * agreed contract. The console is typed by these; api/client.ts calls the real router
 * (`AppRouter`) and checks, at each call, that the router's inputs and outputs fit them, so a
 * drift between the two sides shows up as a type error in that one file.
 */

export type Role = 'owner' | 'moderator' | 'analyst';
export const ROLES: readonly Role[] = ['owner', 'moderator', 'analyst'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface StaffDto {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  totpEnabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
}

export interface SessionDto {
  staff: StaffDto;
  tenant: TenantSummary;
  csrfToken: string;
  idleTimeoutMinutes: number;
}

export interface InviteInfoDto {
  organisation: string;
  email: string;
  role: Role;
}

export interface InviteDto {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

export type QueueKind = 'thread' | 'post' | 'story' | 'story_comment' | 'review' | 'question' | 'answer';
export const QUEUE_KINDS: readonly QueueKind[] = ['thread', 'post', 'story', 'story_comment', 'review', 'question', 'answer'];

export type ModerationReason =
  | 'premoderation'
  | 'new_member'
  | 'watched_word'
  | 'link_from_new_member'
  | 'crisis'
  | 'reported'
  | 'moderator';
export const MODERATION_REASONS: readonly ModerationReason[] = [
  'premoderation',
  'new_member',
  'watched_word',
  'link_from_new_member',
  'crisis',
  'reported',
  'moderator',
];

export type ContentStatus = 'published' | 'pending' | 'rejected' | 'hidden';

export interface CrisisResource {
  name: string;
  description: string;
  phone: string | null;
  text: string | null;
  url: string | null;
}

export interface QueueItemDto {
  kind: QueueKind;
  id: string;
  status: ContentStatus;
  reason: ModerationReason | null;
  priority: 'crisis' | 'normal';
  createdAt: string;
  author: { id: string; displayName: string } | null;
  title: string | null;
  /** Sanitised by the server. Rendered only by <kc-content-body>, the console's one unsafeHTML. */
  bodyHtml: string;
  /** The author's text as written: always rendered as text, never as HTML. */
  bodySource: string;
  context: { label: string; group: string | null };
  reports: { reason: string; note: string | null; createdAt: string }[];
  crisisResourcesGiven: CrisisResource[] | null;
  moderationNote: string | null;
}

export interface QueueCounts {
  pending: number;
  crisis: number;
  reported: number;
}

export interface QueueFilter {
  kind?: QueueKind;
  reason?: ModerationReason;
  group?: string;
  cursor?: string;
  limit?: number;
}

export type SanctionKind = 'ban' | 'mute';

export interface StaffMemberDto {
  id: string;
  displayName: string;
  externalId: string;
  joinedAt: string;
  badges: string[];
  verifiedClinician: boolean;
  sanction: { kind: SanctionKind; until: string | null; note: string } | null;
  contentCount: number;
}

export interface MemberHistoryItem {
  kind: QueueKind;
  id: string;
  status: ContentStatus;
  createdAt: string;
  excerpt: string;
}

export interface MemberDetailDto {
  member: StaffMemberDto;
  history: MemberHistoryItem[];
}

export const PALETTE_KEYS = ['bg', 'surface', 'text', 'text-muted', 'accent', 'accent-text', 'border', 'border-strong', 'danger', 'focus'] as const;
export type PaletteKey = (typeof PALETTE_KEYS)[number];
export type Palette = Record<PaletteKey, string>;

export interface ThemeDto {
  colorScheme: 'light' | 'dark' | 'auto';
  light: Palette;
  dark: Palette;
  fontFamily: string;
  radius: string;
}

export type LinkPolicy = 'allow' | 'hold_new_members' | 'hold_all';

export interface ModerationPolicy {
  premoderation: Record<QueueKind, boolean>;
  bannedWords: string[];
  watchedWords: string[];
  crisisPhrases: string[];
  newMemberThreshold: number;
  reportThreshold: number;
  linkPolicy: LinkPolicy;
  /** Items one member may write per minute before being asked to slow down. */
  floodPerMinute: number;
  /** In the agreed contract; the API does not have it (yet): the console shows it only when present. */
  guestPosting?: boolean;
}

export type StoryAudience = 'public' | 'members' | 'group' | 'care_team' | 'only_me';

export interface SettingsDto {
  origins: string[];
  publishableKey: string;
  ssoKeys: { kid: string; status: 'active' | 'retired'; createdAt: string; retiresAt?: string | null }[];
  moderation: ModerationPolicy;
  crisisResources: CrisisResource[];
  consentText: { version: number; text: string; publishedAt: string } | null;
  reviewAttributes: { key: string; label: string }[];
  /** Reviews with at least this rating publish without review; null: every review waits (when reviews are pre-moderated). */
  reviewAutoPublishMinRating?: number | null;
  /** Per audience: does a story wait for review? (`only_me` never does.) */
  storyPremoderation?: { public: boolean; members: boolean; group: boolean; care_team: boolean; only_me: false };
  medicalNotice: string | null;
  storyComments: boolean;
  trustHostBadges: boolean;
  theme: ThemeDto;
  /** Where the API is served, for embed snippets. */
  apiOrigin: string;
}

/** What `staff.settings.update` takes: any of the editable fields. */
export type SettingsUpdate = Partial<
  Pick<
    SettingsDto,
    'moderation' | 'crisisResources' | 'reviewAttributes' | 'medicalNotice' | 'storyComments' | 'trustHostBadges' | 'theme' | 'reviewAutoPublishMinRating' | 'storyPremoderation'
  >
>;

export interface AnalyticsDay {
  date: string;
  posts: number;
  newMembers: number;
  activeMembers: number;
  reports: number;
  medianResponseMinutes: number | null;
}

export interface AnalyticsSummary {
  days: AnalyticsDay[];
  topGroups: { slug: string; name: string; posts: number }[];
  unansweredThreads: number;
}

export type ActorKind = 'operator' | 'member' | 'staff' | 'system';

export interface AuditEntryDto {
  id: string;
  occurredAt: string;
  actorKind: ActorKind;
  actorLabel: string;
  action: string;
  subject: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenAt: string | null;
}

/** The codes the console reacts to (a subset of the API's ErrorCode), plus NETWORK. */
export type ConsoleErrorCode =
  | 'STAFF_SIGN_IN_REQUIRED'
  | 'STAFF_CREDENTIALS_INVALID'
  | 'STAFF_TOTP_REQUIRED'
  | 'STAFF_LOCKED'
  | 'CSRF_FAILED'
  | 'STAFF_ROLE_FORBIDDEN'
  | 'INVITE_INVALID'
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'NETWORK'
  | (string & {});

/**
 * Kysely's view of the tables. Keep it in step with migrations/: a column added there is added
 * here in the same commit. `Generated<T>` marks columns with a database default.
 */
import type { ColumnType, Generated } from 'kysely';
import type { ContentStatus, CrisisResource, ModerationReason } from '../modules/moderation/moderation.types.ts';

/** Read as Date, written as Date or ISO string, defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/**
 * The moderation columns every kind of user content has (migration 0008). Only `published`
 * content is ever shown to anyone but its author and staff.
 */
export interface ModerationColumns {
  status: ColumnType<ModerationStatus, ModerationStatus | undefined, ModerationStatus>;
  moderation_reason: ColumnType<ModerationReason | null, ModerationReason | null | undefined, ModerationReason | null>;
  /** A moderator's note to the author (why it was rejected or hidden, what was edited). */
  moderation_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** The crisis phase matched: first in the queue. */
  is_crisis: Generated<boolean>;
  /** The crisis resources its author was shown, for the moderator who reaches out. */
  crisis_resources: ColumnType<CrisisResource[] | null, string | null | undefined, string | null>;
  moderated_at: NullableTimestamp;
}

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
}

export interface TenantOriginsTable {
  tenant_id: string;
  origin: string;
  created_at: CreatedAt;
}

export interface ApiKeysTable {
  tenant_id: string;
  id: Generated<string>;
  kind: 'publishable' | 'secret';
  /** The publishable key in clear (it is public by design). */
  publishable_key: string | null;
  /** SHA-256 of the secret key; the key itself is shown once and never stored. */
  secret_hash: string | null;
  created_at: CreatedAt;
  /** When the key stops working; in the future during a rotation's grace period (migration 0009). */
  revoked_at: NullableTimestamp;
}

export interface SsoKeysTable {
  tenant_id: string;
  /** The JWT `kid` header value that selects this key. */
  kid: string;
  /** The HMAC secret. HS256 verification needs it in clear. */
  secret: string;
  status: 'active' | 'retired';
  created_at: CreatedAt;
  /** When the key stops verifying tokens; in the future during a rotation's grace period (migration 0009). */
  retired_at: NullableTimestamp;
}

export interface MembersTable {
  tenant_id: string;
  id: Generated<string>;
  /** The host's own user id (the token's `sub`). Never sent to browsers. */
  external_id: string;
  display_name: string;
  avatar_url: string | null;
  badges: ColumnType<string[], string[] | undefined, string[]>;
  /** Review attributes the member chose to share, for "people like me" filters. */
  shared_attributes: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  /** Set by staff: `ban` refuses the member's token; `mute` refuses their writes. */
  sanction: ColumnType<'ban' | 'mute' | null, 'ban' | 'mute' | null | undefined, 'ban' | 'mute' | null>;
  /** null with a sanction: permanent. */
  sanction_until: NullableTimestamp;
  sanction_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** Verified as a clinician by the organisation's staff (not by the host's token). */
  verified_clinician: Generated<boolean>;
}

export type StaffRole = 'owner' | 'moderator' | 'analyst';

export interface StaffAccountsTable {
  tenant_id: string;
  id: Generated<string>;
  /** Lower-cased. */
  email: string;
  display_name: string;
  role: StaffRole;
  /** argon2id. */
  password_hash: string;
  /** Base32 TOTP secret; set during set-up, used once `totp_enabled`. */
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: NullableTimestamp;
  created_at: CreatedAt;
  last_sign_in_at: NullableTimestamp;
}

export interface StaffSessionsTable {
  tenant_id: string;
  id: Generated<string>;
  staff_id: string;
  /** SHA-256 of the cookie's secret part; the secret itself is never stored. */
  token_hash: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: CreatedAt;
  expires_at: Timestamp;
}

export interface StaffInvitesTable {
  tenant_id: string;
  id: Generated<string>;
  email: string;
  role: StaffRole;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface ModerationEditsTable {
  tenant_id: string;
  id: Generated<string>;
  kind: 'thread' | 'post' | 'story' | 'story_comment' | 'review' | 'question' | 'answer';
  item_id: string;
  /** The content's author (whose words were replaced). */
  author_id: string;
  staff_id: string | null;
  previous_title: string | null;
  previous_body: string;
  note: string;
  created_at: CreatedAt;
}

export interface GroupsTable {
  tenant_id: string;
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  condition_tags: ColumnType<string[], string[] | undefined, string[]>;
  join_policy: ColumnType<JoinPolicy, JoinPolicy | undefined, JoinPolicy>;
  visibility: ColumnType<GroupVisibility, GroupVisibility | undefined, GroupVisibility>;
  member_count: Generated<number>;
  created_at: CreatedAt;
}

export type JoinPolicy = 'open' | 'request' | 'invite';
export type GroupVisibility = 'public' | 'members' | 'group';
export type MembershipStatus = 'active' | 'requested' | 'invited';
export type GroupRole = 'member' | 'mentor' | 'moderator';

export interface GroupMembershipsTable {
  tenant_id: string;
  group_id: string;
  member_id: string;
  status: MembershipStatus;
  role: ColumnType<GroupRole, GroupRole | undefined, GroupRole>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ThreadsTable extends ModerationColumns {
  tenant_id: string;
  id: Generated<string>;
  /** null: the tenant's general forum. */
  group_id: string | null;
  author_id: string;
  title: string;
  is_anonymous: Generated<boolean>;
  support_count: Generated<number>;
  reply_count: Generated<number>;
  idempotency_key: string | null;
  created_at: CreatedAt;
  last_activity_at: CreatedAt;
}

export interface PostsTable extends ModerationColumns {
  tenant_id: string;
  id: Generated<string>;
  thread_id: string;
  author_id: string;
  /** The thread's opening post (exactly one per thread). */
  is_opening: Generated<boolean>;
  /** The author's source text (the formatting subset), kept for editing and search. '' once deleted. */
  body: string;
  /** The sanitised HTML made from `body`: the only post content ever rendered as HTML. */
  body_html: Generated<string>;
  content_warning: string | null;
  is_anonymous: Generated<boolean>;
  /** The thread's author marked this reply helpful. */
  marked_helpful: Generated<boolean>;
  idempotency_key: string | null;
  created_at: CreatedAt;
  edited_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
}

export interface PostRevisionsTable {
  tenant_id: string;
  id: Generated<string>;
  post_id: string;
  editor_id: string;
  body: string;
  content_warning: string | null;
  title: string | null;
  replaced_at: CreatedAt;
}

export type ReactionKind = 'support' | 'helpful' | 'me_too';

export interface ReactionsTable {
  tenant_id: string;
  post_id: string;
  member_id: string;
  kind: ReactionKind;
  created_at: CreatedAt;
}

export type ReportReason = 'at_risk' | 'misinformation' | 'spam' | 'personal_information' | 'harassment' | 'other';

export interface ReportsTable {
  tenant_id: string;
  id: Generated<string>;
  post_id: string;
  reporter_id: string;
  reason: ReportReason;
  note: string | null;
  status: Generated<'open' | 'resolved' | 'dismissed'>;
  created_at: CreatedAt;
}

export interface RealtimeEventsTable {
  tenant_id: string;
  /** Global order of events; bigint, read as a string. */
  seq: ColumnType<string, never, never>;
  topic: string;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  tenant_id: string;
  id: Generated<string>;
  occurred_at: CreatedAt;
  actor_kind: 'operator' | 'member' | 'staff' | 'system';
  actor_id: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  /** Position in the tenant's chain, from 1. */
  seq: ColumnType<string, number, never>;
  prev_hash: ColumnType<string, string, never>;
  hash: ColumnType<string, string, never>;
}

export type StoryAudience = 'public' | 'members' | 'group' | 'care_team' | 'only_me';
export type StorySigning = 'name' | 'pseudonym' | 'anonymous';
/** Where a piece of content stands (see moderation.types.ts). */
export type ModerationStatus = ContentStatus;
export type ConsentUse = 'site' | 'outreach' | 'research';

export interface ConsentTextsTable {
  tenant_id: string;
  id: Generated<string>;
  version: number;
  body: string;
  created_at: CreatedAt;
}

export interface StoriesTable extends ModerationColumns {
  tenant_id: string;
  id: Generated<string>;
  author_id: string;
  title: string;
  /** The author's source text (the formatting subset). */
  body: string;
  /** Sanitised HTML made from `body`: the only story content rendered as HTML. */
  body_html: string;
  content_warning: string | null;
  condition_tags: ColumnType<string[], string[] | undefined, string[]>;
  stage_tags: ColumnType<string[], string[] | undefined, string[]>;
  topic_tags: ColumnType<string[], string[] | undefined, string[]>;
  audience: StoryAudience;
  group_id: string | null;
  signing: StorySigning;
  pseudonym: string | null;
  thanks_count: Generated<number>;
  idempotency_key: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  published_at: NullableTimestamp;
}

export interface StoryConsentsTable {
  tenant_id: string;
  id: Generated<string>;
  story_id: string;
  use: ConsentUse;
  consent_text_id: string;
  granted_at: CreatedAt;
  revoked_at: NullableTimestamp;
}

export interface StoryThanksTable {
  tenant_id: string;
  story_id: string;
  member_id: string;
  created_at: CreatedAt;
}

export interface StoryCommentsTable extends ModerationColumns {
  tenant_id: string;
  id: Generated<string>;
  story_id: string;
  author_id: string;
  body: string;
  body_html: string;
  idempotency_key: string | null;
  created_at: CreatedAt;
}

export interface ProductsTable {
  tenant_id: string;
  id: Generated<string>;
  /** The shop's own product id. */
  sku: string;
  name: string;
  category: string | null;
  url: string | null;
  image_url: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export type ReviewSigning = 'name' | 'pseudonym';

export interface ReviewsTable extends ModerationColumns {
  tenant_id: string;
  id: Generated<string>;
  product_id: string;
  author_id: string;
  rating: number;
  title: string;
  body: string;
  body_html: string;
  attributes: ColumnType<string[], string[] | undefined, string[]>;
  signing: ReviewSigning;
  pseudonym: string | null;
  verified_purchase: Generated<boolean>;
  helpful_count: Generated<number>;
  merchant_reply_html: string | null;
  merchant_replied_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  published_at: NullableTimestamp;
}

export interface ReviewVotesTable {
  tenant_id: string;
  review_id: string;
  member_id: string;
  created_at: CreatedAt;
}

export interface ProductQuestionsTable extends ModerationColumns {
  tenant_id: string;
  id: Generated<string>;
  product_id: string;
  author_id: string;
  body: string;
  idempotency_key: string | null;
  created_at: CreatedAt;
}

export interface ProductAnswersTable extends ModerationColumns {
  tenant_id: string;
  id: Generated<string>;
  question_id: string;
  /** null for the organisation's own answers. */
  author_id: string | null;
  /** The organisation's answers ("verified reply") carry the staff member's display name. */
  staff_name: string | null;
  body: string;
  body_html: string;
  idempotency_key: string | null;
  created_at: CreatedAt;
}

export interface Database {
  tenants: TenantsTable;
  tenant_origins: TenantOriginsTable;
  api_keys: ApiKeysTable;
  sso_keys: SsoKeysTable;
  members: MembersTable;
  groups: GroupsTable;
  threads: ThreadsTable;
  posts: PostsTable;
  audit_log: AuditLogTable;
  group_memberships: GroupMembershipsTable;
  post_revisions: PostRevisionsTable;
  reactions: ReactionsTable;
  reports: ReportsTable;
  realtime_events: RealtimeEventsTable;
  consent_texts: ConsentTextsTable;
  stories: StoriesTable;
  story_consents: StoryConsentsTable;
  story_thanks: StoryThanksTable;
  story_comments: StoryCommentsTable;
  products: ProductsTable;
  reviews: ReviewsTable;
  review_votes: ReviewVotesTable;
  product_questions: ProductQuestionsTable;
  product_answers: ProductAnswersTable;
  staff_accounts: StaffAccountsTable;
  staff_sessions: StaffSessionsTable;
  staff_invites: StaffInvitesTable;
  moderation_edits: ModerationEditsTable;
}

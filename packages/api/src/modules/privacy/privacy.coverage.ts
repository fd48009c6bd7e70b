/**
 * Every table that holds a member's data, and how export and erasure treat it. A test walks the
 * schema's foreign keys to `members` and fails if a table is missing here: adding a table with
 * member data means deciding, here, what export and erasure do with it.
 */
export const MEMBER_DATA_TABLES = {
  members: { export: 'profile', erase: 'anonymise the row (name, host id, avatar, badges, shared attributes)' },
  threads: { export: 'threads started', erase: 'title replaced; kept so replies stay readable' },
  posts: { export: 'posts (anonymous ones too)', erase: 'tombstoned: words removed' },
  post_revisions: { export: 'earlier versions of own posts', erase: 'deleted' },
  reactions: { export: 'reactions given', erase: 'deleted (counts updated)' },
  reports: { export: 'reports made', erase: 'deleted' },
  group_memberships: { export: 'memberships and roles', erase: 'deleted (member counts updated)' },
  stories: { export: 'stories with consents', erase: 'deleted with their consents, thanks and comments' },
  story_thanks: { export: 'thanks given', erase: 'deleted (counts updated)' },
  story_comments: { export: 'comments written', erase: 'deleted' },
  reviews: { export: 'reviews written', erase: 'deleted' },
  review_votes: { export: 'helpful votes given', erase: 'deleted (counts updated)' },
  product_questions: { export: 'questions asked', erase: 'words removed; kept so answers stay readable' },
  product_answers: { export: 'answers written', erase: 'deleted' },
  moderation_edits: { export: 'own words a moderator replaced, with the reason', erase: 'deleted' },
} as const;

export type MemberDataTable = keyof typeof MEMBER_DATA_TABLES;

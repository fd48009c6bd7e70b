/** Plain-language labels and dates, one place for the whole console. */
import type { ActorKind, ContentStatus, ModerationReason, QueueKind, Role } from '../api/contract.ts';

export const KIND_LABELS: Record<QueueKind, string> = {
  thread: 'Conversation',
  post: 'Reply',
  story: 'Story',
  story_comment: 'Story comment',
  review: 'Review',
  question: 'Product question',
  answer: 'Answer',
};

export const KIND_PLURALS: Record<QueueKind, string> = {
  thread: 'Conversations',
  post: 'Replies',
  story: 'Stories',
  story_comment: 'Story comments',
  review: 'Reviews',
  question: 'Product questions',
  answer: 'Answers',
};

export const REASON_LABELS: Record<ModerationReason, string> = {
  premoderation: 'Pre-moderated',
  new_member: 'New member',
  watched_word: 'Watched word',
  link_from_new_member: 'Link from new member',
  crisis: 'Crisis language',
  reported: 'Reported',
  moderator: 'Moderator',
};

export const STATUS_LABELS: Record<ContentStatus, string> = {
  published: 'Published',
  pending: 'Waiting',
  rejected: 'Rejected',
  hidden: 'Hidden',
};

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  moderator: 'Moderator',
  analyst: 'Analyst',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including settings, team and audit log.',
  moderator: 'Moderation queue, reports and members; can read settings.',
  analyst: 'Analytics only.',
};

export const ACTOR_LABELS: Record<ActorKind, string> = {
  operator: 'Operator',
  member: 'Member',
  staff: 'Staff',
  system: 'System',
};

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

/** "12 minutes ago", "3 days ago": how long an item has waited. */
export function formatAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

/** `YYYY-MM-DD` in local time. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00`);
  date.setDate(date.getDate() + days);
  return isoDay(date);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

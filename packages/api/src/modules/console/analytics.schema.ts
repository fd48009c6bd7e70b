/** Inputs and DTOs of `staff.analytics.*`: aggregates only (no content, names or member ids). */
import { z } from 'zod';

/** Longest range one summary covers, in days (both ends included). */
export const MAX_RANGE_DAYS = 366;

const day = z.iso.date('Use a date written as YYYY-MM-DD.');
const DAY_MS = 24 * 60 * 60 * 1000;

export const summaryInput = z
  .object({ from: day, to: day })
  .refine((r) => r.from <= r.to, { message: 'The start date must not be after the end date.', path: ['from'] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS + 1 <= MAX_RANGE_DAYS, {
    message: `Choose at most ${MAX_RANGE_DAYS} days.`,
    path: ['to'],
  });

export interface AnalyticsDayDto {
  /** YYYY-MM-DD, UTC. */
  date: string;
  /** Posts written that day (threads' opening posts and replies), published or waiting for review. */
  posts: number;
  newMembers: number;
  /** Distinct members who wrote a post, story or review that day. */
  activeMembers: number;
  reports: number;
  /** Median minutes from writing to a moderator's decision, for items decided that day; null: none decided. */
  medianResponseMinutes: number | null;
}

export interface AnalyticsSummaryDto {
  days: AnalyticsDayDto[];
  /** The five groups with the most posts in the range. */
  topGroups: { slug: string; name: string; posts: number }[];
  /** Published threads started in the range that have no published reply. */
  unansweredThreads: number;
}

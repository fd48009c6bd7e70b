/**
 * The ::part() names of the moderation UI (core/moderation), in a module of their own so that an
 * element can re-export them without loading that UI.
 */

/** The crisis-resources dialog's parts. */
export const CRISIS_PARTS = [
  'crisis-resources',
  'crisis-heading',
  'crisis-resource',
  'crisis-link',
  'crisis-call',
  'crisis-text',
  'crisis-website',
  'crisis-close',
  'button',
] as const;

/** Every part a WriteGuard renders in a composer, the crisis dialog's included: a composer adds them to its own. */
export const WRITE_GUARD_PARTS = [
  'write-notice',
  'slow-down',
  'paused',
  'personal-details',
  'personal-details-list',
  'personal-detail',
  'edit-text',
  'post-anyway',
  'error',
  ...CRISIS_PARTS,
] as const;

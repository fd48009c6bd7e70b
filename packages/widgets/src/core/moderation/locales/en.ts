/**
 * English strings of the moderation states every composer shares (core/moderation): the crisis
 * resources, the personal-details confirmation, refusals, "slow down", a paused or closed account,
 * and what the author sees on their own item while others cannot see it. The source for ./es.ts.
 * Plain and warm: never "flagged", never "crisis" (see issue 5).
 */
export const moderationEn = {
  crisisHeading: 'It sounds like things are really hard right now',
  crisisAlone: 'You don’t have to go through this alone.',
  crisisSaved: 'What you wrote is saved, and a person from the organisation will read it soon.',
  crisisResourcesIntro: 'If you would like to talk to someone now, these services are here for you:',
  crisisCall: 'Call {phone}',
  crisisText: 'Text {number}',
  crisisVisit: 'Visit {site}',
  crisisNewTab: '(opens in a new tab)',
  crisisEmergency: 'If you are in danger right now, please call your local emergency number.',

  modRejected_banned_word: 'This includes words this community does not allow. Please change it.',
  modRejected_duplicate: 'You already posted this.',
  modRejected_too_many_links: 'Too many links: please remove some.',
  modRejectedOther: 'This cannot be posted as it is. Please change it and try again.',

  modDetailsHeading: 'This includes personal details',
  modDetailsIntro: 'We found what looks like personal details. Everyone who can read this would see them:',
  modDetailsAdvice: 'You can edit it to take them out, or post it as it is if you are happy for others to see them.',
  modDetailsKind_phone: 'Phone number',
  modDetailsKind_email: 'Email address',
  modDetailsKind_address: 'Address',
  modDetailsKind_date_of_birth: 'Date of birth',
  modDetailsKind_record_number: 'Medical record number',
  modDetailsEdit: 'Edit',
  modDetailsPostAnyway: 'Post anyway',

  modSlowDown: {
    one: 'You’re going a bit fast. Please wait 1 second and try again.',
    other: 'You’re going a bit fast. Please wait {count} seconds and try again.',
  },
  modSlowDownOver: 'You can try again now.',
  modMutedUntil: 'A moderator has paused your posting until {date}.',
  modMuted: 'A moderator has paused your posting.',

  modAwaitingLabel: 'Awaiting review:',
  modRejectedLabel: 'Not published:',
  modHiddenByModerator: 'Hidden by a moderator.',
  modHiddenReported: 'Hidden after reports, a moderator will review it.',
  modReason_premoderation: 'Everything shared here is read by a moderator before others see it.',
  modReason_new_member: 'New members’ first posts are checked by a moderator before others see them.',
  modReason_watched_word: 'It uses a word that a moderator checks first, to keep this community safe.',
  modReason_link_from_new_member: 'Links from new members are checked by a moderator before others see them.',
  modReason_crisis: 'A person from the organisation will read it soon.',
  modReason_reported: 'Some members reported it, so a moderator will look at it.',
  modReason_moderator: 'A moderator is looking at it.',
  modOnlyYou: 'Only you can see it for now.',
  modRejectedDefault: 'A moderator did not approve it as it is.',
  modEditAgain: 'You can edit it and send it again.',
  modNote: 'Note from the moderator: “{note}”',
  modSavedPending: 'Saved. Awaiting review: {reason}',
} as const;

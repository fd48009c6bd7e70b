/**
 * Realistic console data for tests and Storybook: one clinic, its staff, a queue with every kind
 * of held item (crisis first), members, settings, analytics and an audit log. Dates are relative
 * to when the module loads. Some member text tries to inject HTML: the console must show it as text.
 */
import type {
  AnalyticsDay,
  AuditEntryDto,
  CrisisResource,
  InviteDto,
  MemberHistoryItem,
  QueueItemDto,
  SessionDto,
  SettingsDto,
  StaffDto,
  StaffMemberDto,
} from '../api/contract.ts';
import { DEFAULT_DARK, DEFAULT_FONT, DEFAULT_LIGHT } from '../ui/tokens.ts';

const NOW = Date.now();
export const ago = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString();
const uuid = (prefix: string, n: number) => `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const fixtureTenant = { id: uuid('7e', 1), slug: 'riverside-clinic', name: 'Riverside Family Clinic' };

export const fixtureStaff: StaffDto[] = [
  {
    id: uuid('5a', 1),
    email: 'olivia.bennett@riverside.example',
    displayName: 'Olivia Bennett',
    role: 'owner',
    totpEnabled: true,
    createdAt: ago(60 * 24 * 200),
    lastSignInAt: ago(5),
  },
  {
    id: uuid('5a', 2),
    email: 'marcus.lee@riverside.example',
    displayName: 'Marcus Lee',
    role: 'moderator',
    totpEnabled: false,
    createdAt: ago(60 * 24 * 90),
    lastSignInAt: ago(60 * 20),
  },
  {
    id: uuid('5a', 3),
    email: 'aisha.khan@riverside.example',
    displayName: 'Aisha Khan',
    role: 'analyst',
    totpEnabled: false,
    createdAt: ago(60 * 24 * 30),
    lastSignInAt: null,
  },
];

export const fixtureInvites: InviteDto[] = [
  { id: uuid('1b', 1), email: 'sam.patel@riverside.example', role: 'moderator', createdAt: ago(60 * 26), expiresAt: new Date(NOW + 6 * 86_400_000).toISOString() },
];

export function fixtureSession(role: StaffDto['role'] = 'owner'): SessionDto {
  const staff = fixtureStaff.find((s) => s.role === role)!;
  return { staff, tenant: fixtureTenant, csrfToken: 'csrf-fixture-token', idleTimeoutMinutes: 30 };
}

export const fixtureCrisisResources: CrisisResource[] = [
  {
    name: 'Samaritans',
    description: 'Free, confidential support, day or night, by phone or email.',
    phone: '116 123',
    text: null,
    url: 'https://www.samaritans.org',
  },
  { name: 'Shout', description: 'Free, confidential, 24/7 text support.', phone: null, text: 'Text SHOUT to 85258', url: 'https://giveusashout.org' },
];

const people = {
  maria: { id: uuid('4e', 1), displayName: 'María G.' },
  dan: { id: uuid('4e', 2), displayName: 'Dan Whitfield' },
  priya: { id: uuid('4e', 3), displayName: 'Priya' },
  joan: { id: uuid('4e', 4), displayName: 'Joan (caregiver)' },
  tom: { id: uuid('4e', 5), displayName: 'Tom R.' },
  xss: { id: uuid('4e', 6), displayName: '<img src=x onerror=alert(1)>Eve' },
};

export const fixtureQueue: QueueItemDto[] = [
  {
    kind: 'post',
    id: uuid('3c', 1),
    status: 'pending',
    reason: 'crisis',
    priority: 'crisis',
    createdAt: ago(18),
    author: people.tom,
    title: null,
    bodyHtml: '<p>I honestly don’t see the point in carrying on with treatment. Everyone would be better off without me.</p>',
    bodySource: 'I honestly don’t see the point in carrying on with treatment. Everyone would be better off without me.',
    context: { label: 'Reply in “Second opinion after diagnosis”', group: 'heart-health', threadId: uuid('3d', 1) },
    reports: [],
    crisisResourcesGiven: fixtureCrisisResources,
    moderationNote: null,
  },
  {
    kind: 'story',
    id: uuid('3c', 2),
    status: 'pending',
    reason: 'premoderation',
    priority: 'normal',
    createdAt: ago(60 * 26),
    author: people.maria,
    title: 'One year after my last chemo',
    bodyHtml:
      '<p>A year ago today I rang the bell. I wanted to write down what helped, for anyone starting now.</p><ul><li>Short walks, even ten minutes</li><li>Saying yes when people offered meals</li></ul><p>It does get easier. <strong>Be kind to yourself.</strong></p>',
    bodySource:
      'A year ago today I rang the bell. I wanted to write down what helped, for anyone starting now.\n\n- Short walks, even ten minutes\n- Saying yes when people offered meals\n\nIt does get easier. **Be kind to yourself.**',
    context: { label: 'Story for: signed-in members', group: 'breast-cancer', threadId: null },
    reports: [],
    crisisResourcesGiven: null,
    moderationNote: null,
  },
  {
    kind: 'post',
    id: uuid('3c', 3),
    status: 'pending',
    reason: 'link_from_new_member',
    priority: 'normal',
    createdAt: ago(60 * 5),
    author: people.xss,
    title: null,
    // The server sanitised it: the image and the script are gone; the source keeps what was typed.
    bodyHtml: '<p>Try this supplement, it cured me: <a href="https://example.com/cure" rel="noopener noreferrer ugc">example.com/cure</a></p>',
    bodySource: 'Try this supplement, it cured me: https://example.com/cure <script>alert("x")</script><img src=x onerror=alert(2)>',
    context: { label: 'Reply in “Managing fatigue in the second round of chemo”', group: null, threadId: uuid('3d', 2) },
    reports: [],
    crisisResourcesGiven: null,
    moderationNote: null,
  },
  {
    kind: 'review',
    id: uuid('3c', 4),
    status: 'pending',
    reason: 'watched_word',
    priority: 'normal',
    createdAt: ago(60 * 3),
    author: people.joan,
    title: 'Gentle on sensitive skin',
    bodyHtml: '<p>Used it through radiotherapy. No miracle, but it stopped the itching, which my nurse said was normal.</p>',
    bodySource: 'Used it through radiotherapy. No miracle, but it stopped the itching, which my nurse said was normal.',
    context: { label: 'Review of “Calendula skin balm” (SKU BALM-50)', group: null, threadId: null },
    reports: [],
    crisisResourcesGiven: null,
    moderationNote: null,
  },
  {
    kind: 'thread',
    id: uuid('3c', 5),
    status: 'published',
    reason: 'reported',
    priority: 'normal',
    createdAt: ago(60 * 30),
    author: people.dan,
    title: 'Stop listening to your oncologist',
    bodyHtml: '<p>Doctors are paid to keep you sick. I stopped everything and feel great.</p>',
    bodySource: 'Doctors are paid to keep you sick. I stopped everything and feel great.',
    context: { label: 'Conversation in the general forum', group: null, threadId: uuid('3d', 3) },
    reports: [
      { reason: 'misinformation', note: 'Dangerous advice for people in treatment.', createdAt: ago(60 * 20) },
      { reason: 'misinformation', note: null, createdAt: ago(60 * 12) },
      { reason: 'harassment', note: 'Attacked me in the replies.', createdAt: ago(60 * 6) },
    ],
    crisisResourcesGiven: null,
    moderationNote: null,
  },
  {
    kind: 'question',
    id: uuid('3c', 6),
    status: 'pending',
    reason: 'new_member',
    priority: 'normal',
    createdAt: ago(45),
    author: people.priya,
    title: null,
    bodyHtml: '<p>Is this safe to use while on tamoxifen?</p>',
    bodySource: 'Is this safe to use while on tamoxifen?',
    context: { label: 'Question about “Calendula skin balm”', group: null, threadId: null },
    reports: [],
    crisisResourcesGiven: null,
    moderationNote: null,
  },
];

export const fixtureMembers: StaffMemberDto[] = [
  { id: people.maria.id, displayName: 'María G.', externalId: 'patient-1043', joinedAt: ago(60 * 24 * 400), badges: ['mentor'], verifiedClinician: false, sanction: null, contentCount: 128 },
  { id: people.dan.id, displayName: 'Dan Whitfield', externalId: 'patient-2210', joinedAt: ago(60 * 24 * 40), badges: [], verifiedClinician: false, sanction: { kind: 'mute', until: new Date(NOW + 3 * 86_400_000).toISOString(), note: 'Repeated medical misinformation.' }, contentCount: 14 },
  { id: people.priya.id, displayName: 'Priya', externalId: 'patient-3177', joinedAt: ago(60 * 24 * 2), badges: [], verifiedClinician: false, sanction: null, contentCount: 1 },
  { id: people.joan.id, displayName: 'Joan (caregiver)', externalId: 'carer-0192', joinedAt: ago(60 * 24 * 150), badges: ['group_moderator'], verifiedClinician: false, sanction: null, contentCount: 57 },
  { id: uuid('4e', 7), displayName: 'Sam, oncology nurse', externalId: 'staff-nurse-07', joinedAt: ago(60 * 24 * 300), badges: ['clinician'], verifiedClinician: true, sanction: null, contentCount: 212 },
  { id: people.tom.id, displayName: 'Tom R.', externalId: 'patient-4410', joinedAt: ago(60 * 24 * 12), badges: [], verifiedClinician: false, sanction: null, contentCount: 6 },
  { id: people.xss.id, displayName: '<img src=x onerror=alert(1)>Eve', externalId: 'spam-991', joinedAt: ago(60 * 24), badges: [], verifiedClinician: false, sanction: { kind: 'ban', until: null, note: 'Spam links.' }, contentCount: 3 },
];

export function fixtureHistory(memberId: string): MemberHistoryItem[] {
  const count = Math.min(8, fixtureMembers.find((m) => m.id === memberId)?.contentCount ?? 0);
  const excerpts = [
    'Short walks, honestly. Ten minutes around the block on the days I felt I could not move at all.',
    'Thank you all. Reading this thread before my appointment helped more than I can say.',
    'Has anyone tried the cold cap? I am worried about losing my hair before my daughter’s wedding.',
    'My oncologist suggested splitting the dose. It made the nausea much easier.',
  ];
  const statuses = ['published', 'published', 'pending', 'published', 'hidden', 'published', 'rejected', 'published'] as const;
  const kinds = ['post', 'thread', 'post', 'story', 'post', 'review', 'post', 'story_comment'] as const;
  return Array.from({ length: count }, (_, i) => ({
    kind: kinds[i]!,
    id: uuid('8d', i + 1),
    status: statuses[i]!,
    createdAt: ago(60 * 24 * i + 90),
    excerpt: excerpts[i % excerpts.length]!,
  }));
}

export function fixtureSettings(): SettingsDto {
  return {
    origins: ['https://www.riverside.example', 'https://patients.riverside.example'],
    publishableKey: 'pk_demo_riverside_clinic',
    ssoKeys: [
      { kid: 'sso_2026_11', status: 'active', createdAt: ago(60 * 24 * 20), retiresAt: null },
      { kid: 'sso_2026_05', status: 'retired', createdAt: ago(60 * 24 * 200), retiresAt: ago(60 * 24 * 19) },
    ],
    moderation: {
      premoderation: { thread: false, post: false, story: true, story_comment: false, review: true, question: false, answer: false },
      bannedWords: ['miracle cure', 'casino'],
      watchedWords: ['supplement', 'detox', 'miracle'],
      crisisPhrases: ['better off without me', 'end it all', 'no point in carrying on'],
      newMemberThreshold: 3,
      reportThreshold: 3,
      linkPolicy: 'hold_new_members',
      floodPerMinute: 10,
      guestPosting: false,
    },
    crisisResources: structuredClone(fixtureCrisisResources),
    consentText: {
      version: 3,
      text: 'I agree that Riverside Family Clinic may show my story to the audience I chose. I can change who sees it or withdraw it at any time.',
      publishedAt: ago(60 * 24 * 60),
    },
    reviewAttributes: [
      { key: 'during-chemotherapy', label: 'Used during chemotherapy' },
      { key: 'sensitive-skin', label: 'Sensitive skin' },
    ],
    reviewAutoPublishMinRating: null,
    storyPremoderation: { public: true, members: true, group: true, care_team: false, only_me: false },
    medicalNotice: 'Posts here are from members, not medical advice. In an emergency call 999.',
    storyComments: true,
    trustHostBadges: true,
    theme: { colorScheme: 'light', light: { ...DEFAULT_LIGHT }, dark: { ...DEFAULT_DARK }, fontFamily: DEFAULT_FONT, radius: '0.75rem' },
    apiOrigin: 'https://community.kindred.example',
  };
}

/** Deterministic numbers for a day, so charts look the same in every run. */
function seeded(day: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (const c of `${day}:${salt}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

export function fixtureAnalyticsDays(from: string, to: string): AnalyticsDay[] {
  const days: AnalyticsDay[] = [];
  const start = new Date(`${from}T12:00:00Z`);
  const end = new Date(`${to}T12:00:00Z`);
  for (let d = start, i = 0; d <= end && i < 400; d = new Date(d.getTime() + 86_400_000), i++) {
    const date = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    const base = weekend ? 22 : 38;
    days.push({
      date,
      posts: Math.round(base + seeded(date, 1) * 25),
      newMembers: Math.round(2 + seeded(date, 2) * 9),
      activeMembers: Math.round(base * 3 + seeded(date, 3) * 40),
      reports: Math.round(seeded(date, 4) * 4),
      medianResponseMinutes: weekend && seeded(date, 5) > 0.6 ? null : Math.round(12 + seeded(date, 6) * 70),
    });
  }
  return days;
}

const ACTIONS = [
  'staff.signed_in',
  'moderation.approved',
  'moderation.rejected',
  'moderation.hidden',
  'member.muted',
  'member.banned',
  'settings.updated',
  'origin.added',
  'staff.invited',
  'member.joined',
];

export const fixtureAudit: AuditEntryDto[] = Array.from({ length: 60 }, (_, i) => {
  const action = ACTIONS[i % ACTIONS.length]!;
  const staff = fixtureStaff[i % 2]!;
  const actorKind = action === 'member.joined' ? 'member' : i % 17 === 0 ? 'system' : 'staff';
  return {
    id: uuid('ad', i + 1),
    occurredAt: ago(37 * i + 3),
    actorKind,
    actorLabel: actorKind === 'member' ? 'Priya' : actorKind === 'system' ? 'Kindred' : staff.displayName,
    action,
    subject: action.startsWith('moderation') ? `post ${uuid('3c', i)}` : action.startsWith('member') ? 'Dan Whitfield' : null,
    ip: actorKind === 'staff' ? `203.0.113.${10 + (i % 5)}` : null,
    details: action.startsWith('moderation') ? { note: 'Off-topic advertising', kind: 'post' } : {},
  };
});

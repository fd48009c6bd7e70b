/**
 * Realistic forum content for tests and stories, as the API would show it to the signed-in
 * fixture member ("You"). Dates are relative to when the module loads. Every state a post can be
 * in appears somewhere: badges, a reply the author marked helpful, an anonymous reply, your own
 * anonymous reply, an edited post, a deleted one, a content warning.
 */
import type { AuthorDto, ForumContextDto, GroupDto, MemberCardDto, PostDto, ThemeDto, ThreadSummaryDto } from '../core/api-types.ts';

const NOW = Date.now();
/** Everything in the fixtures is published; tests and stories change a post's status where it matters. */
const PUBLISHED = { status: 'published', moderationReason: null, moderationNote: null } as const;
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The member who writes in tests and stories. */
export const fixtureMember: AuthorDto = { id: id(999), displayName: 'You', badges: [] };

const people = {
  maria: { id: id(901), displayName: 'María G.', badges: ['mentor'] },
  dan: { id: id(902), displayName: 'Dan Whitfield', badges: [] },
  priya: { id: id(903), displayName: 'Priya', badges: [] },
  joan: { id: id(904), displayName: 'Joan (caregiver)', badges: ['group_moderator'] },
  nurse: { id: id(905), displayName: 'Sam, oncology nurse', badges: ['clinician'] },
  you: fixtureMember,
} satisfies Record<string, AuthorDto>;
type Who = keyof typeof people | 'anonymous' | 'you-anonymous';

interface PostSeed {
  who: Who;
  body: string;
  helpful?: boolean;
  warning?: string;
  edited?: boolean;
  deleted?: boolean;
  support?: number;
  meToo?: number;
  mine?: ('support' | 'helpful' | 'me_too')[];
}

interface Seed extends PostSeed {
  title: string;
  minutesAgo: number;
  replies: PostSeed[];
}

const seeds: Seed[] = [
  {
    title: 'Managing fatigue in the second round of chemo',
    who: 'maria',
    minutesAgo: 35,
    support: 12,
    meToo: 5,
    body: 'I am starting my second cycle next week and the tiredness after the first one really caught me off guard. Some days I could barely get up for lunch.\n\nWhat helped you get through the worst days? Short walks, naps, asking for help with meals?',
    replies: [
      { who: 'nurse', helpful: true, support: 4, body: 'Fatigue is one of the most common side effects, and it often **builds across cycles**. Please mention it at your next appointment: there are things your team can check, like anaemia.\n\nPlanning rest *before* you need it also helps.' },
      { who: 'priya', support: 3, mine: ['support'], body: 'Short walks, honestly. Ten minutes around the block on the days I felt I could not move at all. It did not fix it, but it helped.' },
      { who: 'joan', edited: true, body: 'My husband batch-cooked soups before each cycle. Things that helped us:\n\n- soups and stews in the freezer\n- a list of friends who offered to help\n- a chair in the shower' },
      { who: 'anonymous', meToo: 2, body: 'I felt the same and was embarrassed to say it. Thank you for asking.' },
    ],
  },
  {
    title: 'Questions to ask at a first oncology appointment',
    who: 'dan',
    minutesAgo: 60 * 5,
    support: 6,
    body: 'My first appointment is on Thursday and my mind goes blank whenever I think about it. Which questions did you wish you had asked?',
    replies: [
      { who: 'maria', body: '> Which questions did you wish you had asked?\n\nWho to call out of hours. And bring someone with you to take notes.' },
      { who: 'you-anonymous', body: 'I wrote mine on my phone the night before. It helped more than I expected.' },
    ],
  },
  {
    title: 'Caring for my mum and running on empty',
    who: 'you',
    minutesAgo: 60 * 26,
    support: 9,
    body: 'I have been looking after my mum since her diagnosis in the spring. I love her, but I am exhausted and I feel guilty for saying so.',
    replies: [],
  },
  {
    title: 'Recovering from a mastectomy: the first two weeks',
    who: 'priya',
    minutesAgo: 60 * 50,
    warning: 'Surgery and wound care details',
    support: 15,
    body: 'Day three was the hardest. The drain was uncomfortable and I did not expect the swelling to last so long.\n\nBy the second week I could lift a kettle again.',
    replies: [{ who: 'dan', body: 'Thank you for writing this down. My wife has her surgery next month.' }],
  },
  {
    title: 'Scanxiety: how do you cope with the wait for results?',
    who: 'priya',
    minutesAgo: 60 * 24 * 4,
    support: 3,
    body: 'Results take about ten days here. The waiting is harder than the scan itself.',
    replies: [
      { who: 'dan', deleted: true, body: '' },
      { who: 'dan', body: 'I plan something small for each day of the wait. It gives the days a shape.' },
    ],
  },
  {
    title: 'Returning to work part-time after treatment',
    who: 'dan',
    minutesAgo: 60 * 24 * 12,
    body: 'Has anyone arranged a phased return? I am not sure what to ask my employer for.',
    replies: [],
  },
];

/**
 * The safe formatting subset, rendered the way the API's sanitiser does (for fixtures only; the
 * widget never turns text into HTML itself). Input is fixture text, escaped first.
 */
export function fixtureHtml(source: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inline = (s: string) =>
    escape(s)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/\*(.+?)\*/g, '<em>$1</em>');
  return source
    .split(/\n\s*\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((l) => l.startsWith('- '))) return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
      if (lines.every((l) => l.startsWith('> '))) return `<blockquote><p>${lines.map((l) => inline(l.slice(2))).join(' ')}</p></blockquote>`;
      return `<p>${lines.map(inline).join('<br>')}</p>`;
    })
    .join('');
}

function author(who: Who): AuthorDto | null {
  if (who === 'anonymous') return null;
  if (who === 'you-anonymous') return fixtureMember;
  return people[who];
}

/** A post as the API shows it to the fixture member. */
export function fixturePost(threadId: string, postId: string, seed: PostSeed, isOpening: boolean, createdAt: string): PostDto {
  const mine = seed.who === 'you' || seed.who === 'you-anonymous';
  const post: PostDto = {
    id: postId,
    threadId,
    isOpening,
    author: author(seed.who),
    anonymous: seed.who === 'anonymous' || seed.who === 'you-anonymous',
    isOwn: mine,
    bodyHtml: fixtureHtml(seed.body),
    bodySource: mine ? seed.body : null,
    contentWarning: seed.warning ?? null,
    markedHelpful: seed.helpful ?? false,
    reactions: { support: seed.support ?? 0, helpful: seed.helpful ? 1 : 0, me_too: seed.meToo ?? 0 },
    myReactions: seed.mine ?? [],
    createdAt,
    editedAt: seed.edited ? new Date(Date.parse(createdAt) + 20 * 60_000).toISOString() : null,
    deletedAt: null,
    ...PUBLISHED,
  };
  if (seed.deleted) return { ...post, author: null, bodyHtml: '', bodySource: null, deletedAt: createdAt };
  return post;
}

export const fixtureThreads: ThreadSummaryDto[] = [];
export const fixturePosts: Record<string, PostDto[]> = {};

seeds.forEach((seed, index) => {
  const threadId = id(index + 1);
  const opening = fixturePost(threadId, id(100 + index * 10), seed, true, ago(seed.minutesAgo + 60));
  fixturePosts[threadId] = [
    opening,
    ...seed.replies.map((reply, r) => fixturePost(threadId, id(101 + index * 10 + r), reply, false, ago(seed.minutesAgo + 40 - r * 10))),
  ];
  fixtureThreads.push({
    id: threadId,
    title: seed.title,
    excerpt: seed.warning ? '' : seed.body.slice(0, 200),
    author: opening.author,
    anonymous: opening.anonymous,
    isOwn: opening.isOwn,
    contentWarning: seed.warning ?? null,
    group: null,
    replyCount: seed.replies.length,
    supportCount: seed.support ?? 0,
    createdAt: ago(seed.minutesAgo + 60),
    lastActivityAt: ago(seed.minutesAgo),
    ...PUBLISHED,
  });
});

export const fixtureCards: Record<string, MemberCardDto> = Object.fromEntries(
  Object.values(people as Record<string, AuthorDto>).map((p, i) => [
    p.id,
    {
      id: p.id,
      displayName: p.displayName,
      badges: p.badges,
      groupRole: p.badges.includes('group_moderator') ? 'moderator' : p.badges.includes('mentor') ? 'mentor' : null,
      joinedAt: new Date(Date.UTC(2023, i * 2, 14)).toISOString(),
    } satisfies MemberCardDto,
  ]),
);

export const fixtureGroup: GroupDto = {
  id: id(700),
  slug: 'breast-cancer',
  name: 'Breast cancer support',
  description: 'For people living with breast cancer and those who care for them.',
  conditionTags: ['breast cancer'],
  joinPolicy: 'open',
  visibility: 'group',
  memberCount: 214,
  membership: null,
  canRead: true,
  canPost: true,
};

export const fixtureContext: ForumContextDto = {
  viewer: { id: fixtureMember.id, displayName: fixtureMember.displayName },
  tenantName: 'Riverside Cancer Support',
  medicalNotice: 'Posts here share personal experience and are not medical advice. In an emergency, call 911.',
  group: null,
  canRead: true,
  canPost: true,
  guestCanPost: false,
};

/**
 * What `forum.context` says to a signed-out visitor in the general forum of an organisation that
 * allows guest posting (`moderation.guestPosting`): `new MockClient({ context: fixtureGuestContext })`.
 */
export const fixtureGuestContext: ForumContextDto = { ...fixtureContext, viewer: null, canPost: false, guestCanPost: true };

/**
 * A tenant's theme as `appearance.theme` answers it (`new MockClient({ theme: fixtureTheme })`):
 * a warm palette with a plum accent, a serif font and small corners. Every pair meets WCAG AA.
 */
export const fixtureTheme: ThemeDto = {
  colorScheme: 'light',
  light: {
    bg: '#fffaf3',
    surface: '#f6eee2',
    text: '#2b2118',
    'text-muted': '#5c4d3c',
    accent: '#7a2e8e',
    'accent-text': '#ffffff',
    border: '#e4d8c6',
    'border-strong': '#7a6a55',
    danger: '#a8200d',
    focus: '#1d4ed8',
  },
  dark: {
    bg: '#1d1620',
    surface: '#2a2030',
    text: '#f3ece6',
    'text-muted': '#c9bcb0',
    accent: '#e3b4f0',
    'accent-text': '#2a0f33',
    border: '#3d3044',
    'border-strong': '#9c8ca6',
    danger: '#ffb4ab',
    focus: '#9ec5ff',
  },
  fontFamily: "Georgia, 'Times New Roman', serif",
  radius: '4px',
};

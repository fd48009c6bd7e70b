/** Realistic forum content for tests and stories. Dates are relative to when the module loads. */
import type { PostDto, ThreadSummaryDto } from '@kindred/api/router';

const NOW = Date.now();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const people = {
  maria: { id: id(901), displayName: 'María G.' },
  dan: { id: id(902), displayName: 'Dan Whitfield' },
  priya: { id: id(903), displayName: 'Priya' },
  joan: { id: id(904), displayName: 'Joan (caregiver)' },
  nurse: { id: id(905), displayName: 'Sam, oncology nurse' },
};

interface Seed {
  title: string;
  author: keyof typeof people;
  minutesAgo: number;
  body: string;
  replies: [keyof typeof people, string][];
}

const seeds: Seed[] = [
  {
    title: 'Managing fatigue in the second round of chemo',
    author: 'maria',
    minutesAgo: 35,
    body: 'I am starting my second cycle next week and the tiredness after the first one really caught me off guard. Some days I could barely get up for lunch.\n\nWhat helped you get through the worst days? Short walks, naps, asking for help with meals?',
    replies: [
      ['priya', 'Short walks, honestly. Ten minutes around the block on the days I felt I could not move at all. It did not fix it, but it helped.'],
      ['nurse', 'Fatigue is one of the most common side effects, and it often builds across cycles. Please mention it at your next appointment: there are things your team can check, like anaemia.\n\nPlanning rest before you need it also helps.'],
      ['joan', 'My husband batch-cooked soups before each cycle. Having food ready took a lot of pressure off.'],
    ],
  },
  {
    title: 'Questions to ask at a first oncology appointment',
    author: 'dan',
    minutesAgo: 60 * 5,
    body: 'My first appointment is on Thursday and my mind goes blank whenever I think about it. Which questions did you wish you had asked?',
    replies: [['maria', 'Bring someone with you to take notes. And ask who to call out of hours.']],
  },
  {
    title: 'Caring for my mum and running on empty',
    author: 'joan',
    minutesAgo: 60 * 26,
    body: 'I have been looking after my mum since her diagnosis in the spring. I love her, but I am exhausted and I feel guilty for saying so.',
    replies: [],
  },
  {
    title: 'Scanxiety: how do you cope with the wait for results?',
    author: 'priya',
    minutesAgo: 60 * 24 * 4,
    body: 'Results take about ten days here. The waiting is harder than the scan itself.',
    replies: [['dan', 'I plan something small for each day of the wait. It gives the days a shape.']],
  },
  {
    title: 'Returning to work part-time after treatment',
    author: 'dan',
    minutesAgo: 60 * 24 * 12,
    body: 'Has anyone arranged a phased return? I am not sure what to ask my employer for.',
    replies: [],
  },
];

export const fixtureThreads: ThreadSummaryDto[] = [];
export const fixturePosts: Record<string, PostDto[]> = {};

seeds.forEach((seed, index) => {
  const threadId = id(index + 1);
  const posts: PostDto[] = [
    { id: id(100 + index * 10), threadId, body: seed.body, author: people[seed.author], isOpening: true, createdAt: ago(seed.minutesAgo + 60) },
    ...seed.replies.map(([who, body], r) => ({
      id: id(101 + index * 10 + r),
      threadId,
      body,
      author: people[who],
      isOpening: false,
      createdAt: ago(seed.minutesAgo + 40 - r * 10),
    })),
  ];
  fixturePosts[threadId] = posts;
  fixtureThreads.push({
    id: threadId,
    title: seed.title,
    excerpt: seed.body.slice(0, 200),
    author: people[seed.author],
    group: null,
    replyCount: seed.replies.length,
    createdAt: ago(seed.minutesAgo + 60),
    lastActivityAt: ago(seed.minutesAgo),
  });
});

/** The member who writes in tests and stories. */
export const fixtureMember = { id: id(999), displayName: 'You' };

/** Stories for tests and Storybook: every signing, a content warning, each status and consent. */
import type { ConsentTextDto, StoryCommentDto, StoryDto, StoryGroupOption } from '../types.ts';

const NOW = Date.now();
const ago = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
const id = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;

/** The signed-in member of the fixtures (their own stories are in `fixtureMyStories`). */
export const fixtureStoryMember = { id: id(900), displayName: 'Ana López' };

/** The member's groups (`stories.context`): "Only members of one group" offers these. */
export const fixtureStoryGroups: StoryGroupOption[] = [
  { slug: 'breast-cancer', name: 'Breast cancer' },
  { slug: 'long-covid', name: 'Long COVID' },
];

export const fixtureConsentText: ConsentTextDto = {
  id: id(500),
  version: 2,
  body:
    'I am sharing my own story. I understand who will be able to read it from the choices I made, that the ' +
    'organisation may review it before it appears, and that I can change who sees it, or withdraw any use I agree ' +
    'to here, at any time.',
  uses: [
    { use: 'site', description: 'Shown on this website to the readers I chose' },
    { use: 'outreach', description: 'Used in the organisation’s own outreach (newsletters, campaigns), as I signed it' },
    { use: 'research', description: 'Included, without my name, in research the organisation supports' },
  ],
};

const paragraphs = (...ps: string[]) => ps.map((p) => `<p>${p}</p>`).join('');

type Seed = Pick<StoryDto, 'title' | 'contentWarning' | 'tags' | 'author' | 'signing' | 'thanksCount'> & { body: string[]; days: number };

const seeds: Seed[] = [
  {
    title: 'The week I finally asked for help',
    body: [
      'For months after my diagnosis I told everyone I was fine. I went to work, I cooked, I smiled at the school gate. Then one Tuesday I could not get out of the car.',
      'My nurse gave me the number for the support line. It took me three days to call. The woman who answered had been through chemo herself, and she just listened.',
      'If you are where I was: you do not have to be fine. Asking is not giving up.',
    ],
    contentWarning: null,
    tags: { condition: ['Breast cancer'], stage: ['During treatment'], topic: ['Asking for help', 'Mental health'] },
    author: { id: id(11), displayName: 'Maria Okafor' },
    signing: 'name',
    thanksCount: 24,
    days: 2,
  },
  {
    title: 'Learning to pace myself with long COVID',
    body: [
      'I used to run half marathons. Now a good day is a shower, a short walk and a nap, and I have stopped apologising for that.',
      'What helped: a simple diary of energy in and energy out, and an occupational therapist who believed me.',
    ],
    contentWarning: null,
    tags: { condition: ['Long COVID'], stage: ['Living with it'], topic: ['Pacing', 'Fatigue'] },
    author: { id: null, displayName: 'SlowAndSteady' },
    signing: 'pseudonym',
    thanksCount: 9,
    days: 6,
  },
  {
    title: 'What the night before surgery felt like',
    body: [
      'I want to describe the night before my mastectomy, because I could not find anyone who had written about it honestly.',
      'I was frightened of waking up during the operation, and of the drains afterwards. Both fears were bigger than what happened.',
    ],
    contentWarning: 'surgery and recovery in detail',
    tags: { condition: ['Breast cancer'], stage: ['Surgery'], topic: ['Fear'] },
    author: null,
    signing: 'anonymous',
    thanksCount: 31,
    days: 11,
  },
  {
    title: 'Caring for Dad, and caring for me',
    body: [
      'Dad was diagnosed with vascular dementia two years ago. I moved back home. Some days he knows me; some days he thinks I am his sister.',
      'The carers’ group on Thursdays is the one hour a week that is mine. I did not expect to laugh there as much as I do.',
    ],
    contentWarning: null,
    tags: { condition: ['Dementia'], stage: [], topic: ['Caregiving'] },
    author: { id: id(12), displayName: 'Joan (caregiver)' },
    signing: 'name',
    thanksCount: 0,
    days: 20,
  },
  {
    title: 'Type 2 diabetes at 34',
    body: ['I thought it was something that happened to older people. Getting the diagnosis at 34 felt like a judgement. It is not one.'],
    contentWarning: null,
    tags: { condition: ['Type 2 diabetes'], stage: ['Newly diagnosed'], topic: ['Food'] },
    author: { id: id(13), displayName: 'Dev Patel' },
    signing: 'name',
    thanksCount: 5,
    days: 34,
  },
];

const excerptOf = (body: string[]) => {
  const text = body.join(' ');
  return text.length > 240 ? `${text.slice(0, 239).trimEnd()}…` : text;
};

function story(seed: Seed, n: number): StoryDto {
  return {
    id: id(n),
    title: seed.title,
    bodyHtml: paragraphs(...seed.body),
    excerpt: seed.contentWarning ? '' : excerptOf(seed.body),
    contentWarning: seed.contentWarning,
    tags: seed.tags,
    author: seed.author,
    signing: seed.signing,
    publishedAt: ago(seed.days),
    thanksCount: seed.thanksCount,
    thankedByMe: false,
    isOwn: false,
    own: null,
  };
}

/** The gallery, newest first. */
export const fixtureStories: StoryDto[] = seeds.map((seed, i) => story(seed, i + 1));

type OwnSeed = { title: string; body: string; status: 'pending' | 'published' | 'rejected'; note?: string; audience: NonNullable<StoryDto['own']>['audience']; signing: StoryDto['signing']; pseudonym?: string; uses: ('site' | 'outreach' | 'research')[]; days: number; group?: string; warning?: string };

const ownSeeds: OwnSeed[] = [
  {
    title: 'Finding my feet after radiotherapy',
    body: 'The tiredness after radiotherapy surprised me more than anything.\n\nI started with five-minute walks.',
    status: 'pending',
    audience: 'public',
    signing: 'pseudonym',
    pseudonym: 'Blue Heron',
    uses: ['site', 'outreach'],
    days: 1,
  },
  {
    title: 'One year on',
    body: 'A year ago today I rang the bell. I still think about the people in the waiting room.',
    status: 'published',
    audience: 'members',
    signing: 'name',
    uses: ['site', 'research'],
    days: 40,
  },
  {
    title: 'Notes from a hard week',
    body: 'I am writing this for myself. It was a hard week.',
    status: 'published',
    audience: 'only_me',
    signing: 'anonymous',
    uses: [],
    days: 60,
    warning: 'low mood',
  },
  {
    title: 'A story about my consultant',
    body: 'My consultant said something I will not forget.',
    status: 'rejected',
    note: 'Please take out your consultant’s name: stories here cannot name staff.',
    audience: 'public',
    signing: 'name',
    uses: ['site'],
    days: 90,
  },
];

/** The fixture member's own stories, newest first: awaiting review, shared, a private journal, not approved. */
export const fixtureMyStories: StoryDto[] = ownSeeds.map((seed, i) => {
  const displayName = seed.signing === 'pseudonym' ? seed.pseudonym! : fixtureStoryMember.displayName;
  return {
    id: id(100 + i),
    title: seed.title,
    bodyHtml: seed.body
      .split(/\n\n/)
      .map((p) => `<p>${p}</p>`)
      .join(''),
    excerpt: seed.warning ? '' : seed.body.replace(/\s+/g, ' '),
    contentWarning: seed.warning ?? null,
    tags: { condition: ['Breast cancer'], stage: ['After treatment'], topic: [] },
    author: { id: fixtureStoryMember.id, displayName },
    signing: seed.signing,
    publishedAt: seed.status === 'published' ? ago(seed.days) : null,
    thanksCount: seed.status === 'published' && seed.audience !== 'only_me' ? 3 : 0,
    thankedByMe: false,
    isOwn: true,
    own: {
      bodySource: seed.body,
      audience: seed.audience,
      group: seed.group ?? null,
      pseudonym: seed.pseudonym ?? null,
      status: seed.status,
      moderationReason: seed.status === 'pending' ? 'premoderation' : seed.status === 'rejected' ? 'moderator' : null,
      moderationNote: seed.note ?? null,
      consents: seed.uses.map((use) => ({ use, consentTextVersion: 2, grantedAt: ago(seed.days) })),
      createdAt: ago(seed.days),
      updatedAt: ago(seed.days),
    },
  };
});

/** Comments on the first gallery story. */
export const fixtureStoryComments: Record<string, StoryCommentDto[]> = {
  [id(1)]: [
    {
      id: id(701),
      author: { id: id(21), displayName: 'Priya S.' },
      bodyHtml: '<p>Thank you for writing this. I am on week three and needed to read it today.</p>',
      createdAt: ago(1),
      isOwn: false,
      status: 'published',
      moderationReason: null,
      moderationNote: null,
    },
    {
      id: id(702),
      author: { id: id(22), displayName: 'Tom Adeyemi' },
      bodyHtml: '<p>Calling that number was the best thing I did too.</p>',
      createdAt: ago(0.5),
      isOwn: false,
      status: 'published',
      moderationReason: null,
      moderationNote: null,
    },
  ],
};

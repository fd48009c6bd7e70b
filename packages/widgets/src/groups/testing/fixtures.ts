/** Condition groups for tests and stories: one of every join policy, visibility and membership. */
import type { GroupDto, JoinRequestDto } from '../../core/api-types.ts';

const NOW = Date.now();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const id = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

type Seed = Pick<GroupDto, 'slug' | 'name' | 'description' | 'conditionTags' | 'joinPolicy' | 'visibility' | 'memberCount' | 'membership'>;

const seeds: Seed[] = [
  {
    slug: 'type-2-diabetes',
    name: 'Living with type 2 diabetes',
    description:
      'Everyday life with type 2 diabetes: food that works for you, managing medication, checking your levels without it taking over, and staying kind to yourself on the hard days.',
    conditionTags: ['Type 2 diabetes'],
    joinPolicy: 'open',
    visibility: 'public',
    memberCount: 1204,
    membership: null,
  },
  {
    slug: 'breast-cancer-after-treatment',
    name: 'Breast cancer: life after treatment',
    description:
      'For anyone who has finished active treatment for breast cancer. Fear of recurrence, body changes, going back to work, and finding your feet again.',
    conditionTags: ['Breast cancer'],
    joinPolicy: 'request',
    visibility: 'group',
    memberCount: 312,
    membership: null,
  },
  {
    slug: 'dementia-carers',
    name: 'Caring for someone with dementia',
    description: 'Partners, children and friends caring for a person living with dementia. Practical tips, and a place to say how it really is.',
    conditionTags: ['Dementia', 'Caregiving'],
    joinPolicy: 'request',
    visibility: 'group',
    memberCount: 156,
    membership: { status: 'requested', role: 'member' },
  },
  {
    slug: 'chronic-pain',
    name: 'Chronic pain: everyday strategies',
    description: 'Pacing, sleep, movement and the conversations with doctors that help. Share what works for you and what did not.',
    conditionTags: ['Chronic pain'],
    joinPolicy: 'open',
    visibility: 'public',
    memberCount: 3410,
    membership: null,
  },
  {
    slug: 'heart-failure',
    name: 'Heart failure peer support',
    description: 'Living well with heart failure: fluids, medication changes, cardiac rehab and the worries in between.',
    conditionTags: ['Heart failure'],
    joinPolicy: 'request',
    visibility: 'members',
    memberCount: 89,
    membership: { status: 'active', role: 'moderator' },
  },
  {
    slug: 'long-covid',
    name: 'Long COVID: pacing and recovery',
    description: 'Fatigue, brain fog and breathlessness that have not gone away. Pacing plans, appointments, and small wins.',
    conditionTags: ['Long COVID', 'Fatigue'],
    joinPolicy: 'open',
    visibility: 'members',
    memberCount: 2087,
    membership: { status: 'active', role: 'member' },
  },
  {
    slug: 'type-1-parents',
    name: 'Parents of children with type 1 diabetes',
    description: 'Night-time checks, school plans and sensor alarms: parents and carers supporting each other, with experienced mentors.',
    conditionTags: ['Type 1 diabetes', 'Caregiving'],
    joinPolicy: 'open',
    visibility: 'public',
    memberCount: 640,
    membership: { status: 'active', role: 'mentor' },
  },
  {
    slug: 'young-adults-cancer',
    name: 'Young adults with cancer (18–39)',
    description: 'A small, private group for people diagnosed between 18 and 39. Members join by invitation from the care team.',
    conditionTags: ['Breast cancer', 'Lymphoma'],
    joinPolicy: 'invite',
    visibility: 'group',
    memberCount: 48,
    membership: { status: 'invited', role: 'member' },
  },
];

/** Whether a viewer with this membership may read a group with this visibility (signed in). */
export function canReadGroup(visibility: GroupDto['visibility'], membership: GroupDto['membership']): boolean {
  return visibility !== 'group' || membership?.status === 'active';
}

export const fixtureGroups: GroupDto[] = seeds
  .map((seed, index) => ({
    id: id(index + 1),
    ...seed,
    canRead: canReadGroup(seed.visibility, seed.membership),
    canPost: seed.membership?.status === 'active',
  }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** People waiting to join the group the fixture member moderates. */
export const fixtureJoinRequests: Record<string, JoinRequestDto[]> = {
  'heart-failure': [
    { member: { id: id(801), displayName: 'Rosa M.', badges: [] }, requestedAt: ago(50) },
    { member: { id: id(802), displayName: 'Tom Adeyemi', badges: [] }, requestedAt: ago(60 * 20) },
    { member: { id: id(803), displayName: 'Kath (wife of a member)', badges: [] }, requestedAt: ago(60 * 24 * 3) },
  ],
};

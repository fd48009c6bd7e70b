/**
 * The data the theme preview's widgets show: a few made-up conversations and reviews, served
 * in memory (no request leaves the console, nothing real is shown). Only the reads the preview
 * needs answer; anything else is refused, which the widgets show as they would any refusal.
 */
const NOW = Date.now();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const threads = [
  {
    id: id(1),
    title: 'Managing fatigue in the second round of treatment',
    excerpt: 'The tiredness after the first cycle really caught me off guard. What helped you get through the worst days?',
    author: { id: id(11), displayName: 'María G.', badges: ['mentor'] },
    anonymous: false,
    isOwn: false,
    contentWarning: null,
    group: null,
    replyCount: 12,
    supportCount: 18,
    createdAt: ago(300),
    lastActivityAt: ago(20),
    status: 'published',
    moderationReason: null,
    moderationNote: null,
  },
  {
    id: id(2),
    title: 'Questions to ask at a first appointment',
    excerpt: 'I have my first appointment on Thursday and my mind goes blank in the room. What did you wish you had asked?',
    author: { id: id(12), displayName: 'Sam, oncology nurse', badges: ['clinician'] },
    anonymous: false,
    isOwn: false,
    contentWarning: null,
    group: null,
    replyCount: 7,
    supportCount: 9,
    createdAt: ago(1500),
    lastActivityAt: ago(180),
    status: 'published',
    moderationReason: null,
    moderationNote: null,
  },
  {
    id: id(3),
    title: 'Talking to my children about my diagnosis',
    excerpt: '',
    author: null,
    anonymous: true,
    isOwn: false,
    contentWarning: 'Discusses prognosis',
    group: null,
    replyCount: 0,
    supportCount: 4,
    createdAt: ago(90),
    lastActivityAt: ago(90),
    status: 'published',
    moderationReason: null,
    moderationNote: null,
  },
];

const product = { sku: 'BALM-50', name: 'Calendula skin balm', category: 'Skin care', url: null, imageUrl: null };
const attributes = [
  { key: 'during-chemotherapy', label: 'Used during chemotherapy' },
  { key: 'sensitive-skin', label: 'Sensitive skin' },
];

const reviews = [
  {
    id: id(21),
    rating: 5,
    title: 'Gentle through radiotherapy',
    bodyHtml: '<p>It did not sting, and it stopped the itching. My nurse was happy with it too.</p>',
    bodySource: null,
    attributes: [attributes[1]],
    authorName: 'Joan',
    signing: 'name',
    verifiedPurchase: true,
    helpfulCount: 6,
    votedHelpful: false,
    isOwn: false,
    status: null,
    merchantReplyHtml: null,
    publishedAt: ago(60 * 24 * 3),
    updatedAt: ago(60 * 24 * 3),
    createdAt: ago(60 * 24 * 3),
  },
];

function answer(path: string): unknown {
  switch (path) {
    case 'identity.me':
      return { member: null, tenant: { name: 'Your organisation' } };
    case 'forum.context':
      return {
        viewer: null,
        tenantName: 'Your organisation',
        medicalNotice: 'Posts here are from members, not medical advice.',
        group: null,
        canRead: true,
        canPost: true,
      };
    case 'forum.listThreads':
    case 'forum.search':
      return { items: path === 'forum.search' ? [] : threads, nextCursor: null };
    case 'reviews.summary':
      return { product, count: 24, average: 4.4, breakdown: { '1': 1, '2': 1, '3': 2, '4': 6, '5': 14 }, attributes };
    case 'reviews.list':
      return { items: reviews, nextCursor: null };
    case 'reviews.questions':
      return { items: [], nextCursor: null };
    case 'reviews.sharedAttributes':
      return [];
  }
  throw Object.assign(new Error('Not available in the preview.'), { kindredCode: 'NOT_FOUND', httpStatus: 404, issues: [] });
}

/** A KindredClient-shaped object for the preview widgets (typed by the caller through the widget's `client` property). */
export const previewClient = {
  async query(path: string): Promise<unknown> {
    return structuredClone(answer(path));
  },
  async mutate(): Promise<unknown> {
    throw Object.assign(new Error('The preview is read-only.'), { kindredCode: 'FORBIDDEN_ACTION', httpStatus: 403, issues: [] });
  },
  subscribe(_path: string, _input: unknown, handlers: { onState?: (s: 'open') => void; signal: AbortSignal }): void {
    queueMicrotask(() => handlers.signal.aborted || handlers.onState?.('open'));
  },
};

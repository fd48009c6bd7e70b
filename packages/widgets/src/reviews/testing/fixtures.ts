/**
 * A health shop's product with reviews for tests and stories: verified buyers, pseudonymous
 * reviewers, health attributes, a merchant reply, questions with a verified staff answer, and
 * recommendations. Everything the reviews widgets show, in one place.
 */
import type { Product, Question, Recommendation, Review, ReviewAttribute } from '../types.ts';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
export const reviewId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const fixtureAttributes: ReviewAttribute[] = [
  { key: 'chemotherapy', label: 'During chemotherapy' },
  { key: 'radiotherapy', label: 'After radiotherapy' },
  { key: 'sensitive-skin', label: 'Sensitive skin' },
  { key: 'diabetes', label: 'Living with diabetes' },
  { key: 'over-65', label: 'Aged 65 or over' },
];
const attr = (...keys: string[]) => fixtureAttributes.filter((a) => keys.includes(a.key));

export const fixtureProduct: Product = {
  sku: 'SOOTHE-CREAM-50',
  name: 'Soothing Barrier Cream 50 ml',
  category: 'Skin care',
  url: 'https://shop.example.org/products/soothing-barrier-cream',
  imageUrl: 'https://shop.example.org/images/soothing-barrier-cream.jpg',
};

type Seed = Pick<Review, 'rating' | 'title' | 'bodyHtml' | 'authorName' | 'signing' | 'verifiedPurchase' | 'helpfulCount'> &
  Partial<Pick<Review, 'merchantReplyHtml' | 'votedHelpful'>> & { attributes: string[]; days: number };

const seeds: Seed[] = [
  {
    rating: 5,
    title: 'The only cream that helped during chemo',
    bodyHtml:
      '<p>My hands cracked badly from the second cycle on. This cream calmed them within a few days and it does not sting, even on broken skin.</p><p>I keep one by the bed and one in my bag.</p>',
    authorName: 'Maria Lopez',
    signing: 'name',
    verifiedPurchase: true,
    helpfulCount: 24,
    attributes: ['chemotherapy', 'sensitive-skin'],
    days: 12,
    merchantReplyHtml: '<p>Thank you, Maria. We are so glad it helped, and we wish you well with the rest of your treatment.</p>',
  },
  {
    rating: 4,
    title: 'Gentle on radiotherapy skin',
    bodyHtml: '<p>My radiographer said to keep the area moisturised. This has no perfume and absorbs quickly. Four stars only because the tube is small.</p>',
    authorName: 'HopefulHeron',
    signing: 'pseudonym',
    verifiedPurchase: true,
    helpfulCount: 15,
    attributes: ['radiotherapy'],
    days: 30,
  },
  {
    rating: 5,
    title: 'Finally something for my feet',
    bodyHtml: '<p>With diabetes I have to be careful with my feet. No irritation at all, and the dry patches on my heels are gone.</p>',
    authorName: 'George B.',
    signing: 'name',
    verifiedPurchase: false,
    helpfulCount: 9,
    attributes: ['diabetes', 'over-65'],
    days: 3,
  },
  {
    rating: 3,
    title: 'Fine, but a bit greasy',
    bodyHtml: '<p>It works, but it leaves a film on my hands for a while. I use it at night now.</p>',
    authorName: 'Priya',
    signing: 'name',
    verifiedPurchase: true,
    helpfulCount: 4,
    attributes: ['sensitive-skin'],
    days: 45,
  },
  {
    rating: 5,
    title: 'Recommended by my nurse',
    bodyHtml: '<p>The chemo nurse suggested it and she was right. <strong>No stinging</strong>, no smell.</p>',
    authorName: 'QuietOwl',
    signing: 'pseudonym',
    verifiedPurchase: true,
    helpfulCount: 11,
    attributes: ['chemotherapy'],
    days: 8,
  },
  {
    rating: 2,
    title: 'Did not suit me',
    bodyHtml: '<p>My skin is very reactive and this made it itch. Everyone is different, so it may still suit you.</p>',
    authorName: 'Anne K.',
    signing: 'name',
    verifiedPurchase: true,
    helpfulCount: 6,
    attributes: ['sensitive-skin', 'over-65'],
    days: 60,
    merchantReplyHtml: '<p>We are sorry it did not suit you, Anne. Our team has sent you details of our refund policy.</p>',
  },
  {
    rating: 4,
    title: 'Good value',
    bodyHtml: '<p>Lasts a long time as you need very little.</p>',
    authorName: 'Tom Reid',
    signing: 'name',
    verifiedPurchase: false,
    helpfulCount: 1,
    attributes: [],
    days: 20,
  },
  {
    rating: 5,
    title: 'Kind to cracked fingertips',
    bodyHtml: '<p>Capecitabine left my fingertips split. This and cotton gloves at night made a real difference.</p>',
    authorName: 'SunnyDays',
    signing: 'pseudonym',
    verifiedPurchase: true,
    helpfulCount: 18,
    attributes: ['chemotherapy', 'sensitive-skin'],
    days: 16,
  },
  {
    rating: 1,
    title: 'Arrived damaged',
    bodyHtml: '<p>The tube was split when it arrived. I cannot judge the cream yet.</p>',
    authorName: 'Leon',
    signing: 'name',
    verifiedPurchase: true,
    helpfulCount: 0,
    attributes: [],
    days: 5,
  },
];

export const fixtureReviews: Review[] = seeds.map(({ attributes, days, ...seed }, index) => ({
  id: reviewId(index + 1),
  ...seed,
  bodySource: null,
  attributes: attr(...attributes),
  votedHelpful: seed.votedHelpful ?? false,
  isOwn: false,
  status: null,
  moderationReason: null,
  moderationNote: null,
  merchantReplyHtml: seed.merchantReplyHtml ?? null,
  publishedAt: daysAgo(days),
  updatedAt: daysAgo(days),
}));

/** The signed-in member's own review (pending), for stories and tests that need one. */
export const fixtureOwnReview: Review = {
  id: reviewId(99),
  rating: 4,
  title: 'Helped with dry hands',
  bodyHtml: '<p>I use it every evening during treatment. It soaks in and does not sting.</p>',
  bodySource: 'I use it every evening during treatment. It soaks in and does not sting.',
  attributes: attr('chemotherapy'),
  authorName: 'Sam Patel',
  signing: 'name',
  verifiedPurchase: true,
  helpfulCount: 0,
  votedHelpful: false,
  isOwn: true,
  status: 'pending',
  moderationReason: 'premoderation',
  moderationNote: null,
  merchantReplyHtml: null,
  publishedAt: null,
  updatedAt: daysAgo(1),
};

export const fixtureQuestions: Question[] = [
  {
    id: reviewId(201),
    body: 'Can I use it on skin that is being treated with radiotherapy?',
    authorName: 'Jo',
    createdAt: daysAgo(9),
    answers: [
      {
        id: reviewId(301),
        bodyHtml: '<p>It is fragrance-free and suitable for sensitive skin, but please check with your radiotherapy team before using any product on the treated area.</p>',
        authorName: 'Kindred Pharmacy team',
        verified: true,
        createdAt: daysAgo(8),
      },
      {
        id: reviewId(302),
        bodyHtml: '<p>My team said yes, just not in the two hours before a session.</p>',
        authorName: 'HopefulHeron',
        verified: false,
        createdAt: daysAgo(7),
      },
    ],
    isOwn: false,
    status: null,
    moderationReason: null,
    moderationNote: null,
  },
  {
    id: reviewId(202),
    body: 'Does it contain lanolin?',
    authorName: 'Marek',
    createdAt: daysAgo(2),
    answers: [],
    isOwn: false,
    status: null,
    moderationReason: null,
    moderationNote: null,
  },
];

/** A small picture for stories and tests (a data: URL: no network). */
const picture = (colour: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#eef4f3"/><rect x="22" y="10" width="20" height="8" rx="2" fill="#9aa9a7"/><rect x="18" y="17" width="28" height="38" rx="7" fill="${colour}"/><rect x="23" y="30" width="18" height="10" rx="2" fill="#fff" opacity=".85"/></svg>`,
  )}`;

const product = (sku: string, name: string, extra: Partial<Product> = {}): Product => ({
  sku,
  name,
  category: 'Skin care',
  url: `https://shop.example.org/products/${sku.toLowerCase()}`,
  imageUrl: null,
  ...extra,
});

export const fixtureRecommendations: Recommendation[] = [
  { product: { ...fixtureProduct, imageUrl: picture('#6fb3ad') }, average: 4.6, reviewCount: 31, helpfulVotes: 112 },
  { product: product('MOUTH-RINSE', 'Gentle Mouth Rinse, alcohol free'), average: 4.5, reviewCount: 18, helpfulVotes: 64 },
  { product: product('COTTON-GLOVES', 'Cotton Moisturising Gloves (pair)', { url: null, imageUrl: picture('#c9b6e4') }), average: 4.3, reviewCount: 12, helpfulVotes: 30 },
  { product: product('LIP-BALM', 'Unscented Lip Balm', { imageUrl: picture('#e3a38f') }), average: 4.2, reviewCount: 9, helpfulVotes: 21 },
];

/**
 * <kindred-reviews> and <kindred-recommendations> in each of their states, fed by the in-memory
 * ReviewsMockClient (no server needed). The same client and fixtures drive the widgets' browser
 * tests. (Imported by path until the widgets package exports `./reviews`.)
 */
import '../../packages/widgets/src/reviews/define.ts';
import '../../packages/widgets/src/reviews/recommendations-define.ts';
import { ApiError, crisisOutcome, fixtureOwnReview, refusal, ReviewsMockClient } from '../../packages/widgets/src/reviews/testing/index.ts';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';

interface Args {
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  token: string;
  product: string;
}

type Story = StoryObj<Args>;
type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

const SKU = 'SOOTHE-CREAM-50';
const SIGNED_IN = 'demo-member-token';

const reviews = (args: Args, client: ReviewsMockClient): TemplateResult =>
  html`<kindred-reviews .client=${client} product=${args.product} lang=${args.lang} theme=${args.theme} token=${args.token}></kindred-reviews>`;

/** Each story renders with a fresh client, so one story's votes and reviews do not leak into the next. */
const withClient = (make: () => ReviewsMockClient) => (args: Args) => reviews(args, make());

/** Waits for something in the widget's shadow tree (`>>>` steps into a nested element's shadow root). */
async function find(canvas: HTMLElement, path: string): Promise<HTMLElement | null> {
  for (let i = 0; i < 150; i++) {
    let scope: ParentNode | null | undefined = canvas.querySelector('kindred-reviews')?.shadowRoot;
    let found: HTMLElement | null = null;
    for (const step of path.split(' >>> ')) {
      found = scope?.querySelector<HTMLElement>(step) ?? null;
      scope = found?.shadowRoot ?? found;
    }
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

const click =
  (...paths: string[]): Play =>
  async ({ canvasElement }) => {
    for (const path of paths) (await find(canvasElement, path))?.click();
  };

const choose =
  (select: string, value: string): Play =>
  async ({ canvasElement }) => {
    const element = (await find(canvasElement, select)) as HTMLSelectElement | null;
    if (!element) return;
    element.value = value;
    element.dispatchEvent(new Event('change'));
  };

const meta: Meta<Args> = {
  title: 'Widgets/Reviews',
  component: 'kindred-reviews',
  args: { lang: 'en', theme: 'light', token: SIGNED_IN, product: SKU },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    token: { control: 'text', description: 'A member token; empty: signed out.' },
    product: { control: 'text', description: 'The product’s SKU.' },
  },
  render: withClient(() => new ReviewsMockClient()),
  decorators: [(story) => html`<div class="story-frame">${story()}</div>`],
};
export default meta;

export const Reviews: Story = {};

export const SignedOut: Story = {
  name: 'Signed out',
  args: { token: '' },
};

export const Loading: Story = {
  render: withClient(() => new ReviewsMockClient().hang('reviews.summary')),
};

export const Empty: Story = {
  name: 'No reviews yet',
  render: withClient(() => new ReviewsMockClient({ reviews: [] })),
};

export const NotFound: Story = {
  name: 'Unknown product',
  args: { product: 'NO-SUCH-SKU' },
};

export const ErrorState: Story = {
  name: 'Error',
  render: withClient(() => new ReviewsMockClient().failNext('reviews.summary', new ApiError('DATABASE_UNAVAILABLE', 503, 'Unavailable'))),
};

export const Breakdown: Story = {
  name: 'Rating breakdown (popover)',
  play: click('[part~="breakdown-button"]'),
};

export const FilteredByRating: Story = {
  name: 'Filtered: 5 stars, newest',
  play: async (context) => {
    await choose('#rv-rating', '5')(context);
    await choose('#rv-sort', 'newest')(context);
  },
};

export const FilteredByAttribute: Story = {
  name: 'Filtered: during chemotherapy',
  play: choose('#rv-attribute', 'chemotherapy'),
};

export const NoMatch: Story = {
  name: 'Filters match nothing',
  play: async (context) => {
    await choose('#rv-attribute', 'diabetes')(context);
    await choose('#rv-rating', '1')(context);
  },
};

export const PeopleLikeMe: Story = {
  name: 'People like me (on)',
  render: withClient(() => new ReviewsMockClient({ shared: ['chemotherapy', 'sensitive-skin'] })),
  play: click('[part~="people-like-me"]'),
};

export const ChooseAttributes: Story = {
  name: 'People like me: choose attributes (dialog)',
  play: click('[part~="people-like-me"]'),
};

export const MorePages: Story = {
  name: 'With more pages',
  render: withClient(() => new ReviewsMockClient({ pageSize: 3 })),
};

export const Write: Story = {
  name: 'Write a review',
  play: click('[part~="write-review"]'),
};

export const WriteErrors: Story = {
  name: 'Write a review: missing fields',
  play: click('[part~="write-review"]', 'kindred-review-form >>> [part~="submit"]'),
};

export const OwnPending: Story = {
  name: 'Your review: awaiting review',
  render: withClient(() => new ReviewsMockClient({ mine: fixtureOwnReview })),
};

export const OwnRejected: Story = {
  name: 'Your review: not published',
  render: withClient(() => new ReviewsMockClient({ mine: { ...fixtureOwnReview, status: 'rejected' } })),
};

export const OwnRejectedWithNote: Story = {
  name: 'Your review: not published (with a note)',
  render: withClient(
    () =>
      new ReviewsMockClient({
        mine: { ...fixtureOwnReview, status: 'rejected', moderationReason: 'moderator', moderationNote: 'Please keep to your own experience of the product.' },
      }),
  ),
};

export const OwnHidden: Story = {
  name: 'Your review: hidden after reports',
  render: withClient(() => new ReviewsMockClient({ mine: { ...fixtureOwnReview, status: 'hidden', moderationReason: 'reported' } })),
};

/** Fills the review form and sends it. */
const sendReview =
  (body: string): Play =>
  async ({ canvasElement }) => {
    (await find(canvasElement, '[part~="write-review"]'))?.click();
    (await find(canvasElement, 'kindred-review-form >>> #rf-rating-4'))?.click();
    const title = (await find(canvasElement, 'kindred-review-form >>> #rf-title')) as HTMLInputElement | null;
    const text = (await find(canvasElement, 'kindred-review-form >>> #rf-body')) as HTMLTextAreaElement | null;
    if (!title || !text) return;
    title.value = 'Gentle on sore skin';
    title.dispatchEvent(new Event('input'));
    text.value = body;
    text.dispatchEvent(new Event('input'));
    (await find(canvasElement, 'kindred-review-form >>> [part~="submit"]'))?.click();
  };

export const WritePersonalDetails: Story = {
  name: 'Write a review: personal details',
  render: withClient(() =>
    new ReviewsMockClient().failNext('reviews.write', refusal('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'phone', match: '07700 900321' }] })),
  ),
  play: sendReview('Ask for me at the pharmacy counter, or call 07700 900321.'),
};

export const WriteCrisisResources: Story = {
  name: 'Write a review: crisis resources',
  render: withClient(() => new ReviewsMockClient().moderateNext('reviews.write', crisisOutcome())),
  play: sendReview('Nothing helps any more, not even this.'),
};

export const WriteRefused: Story = {
  name: 'Write a review: too many links',
  render: withClient(() => new ReviewsMockClient().failNext('reviews.write', refusal('CONTENT_REJECTED', { reason: 'too_many_links' }))),
  play: sendReview('See https://a.example https://b.example https://c.example https://d.example'),
};

export const Edit: Story = {
  name: 'Your review: editing',
  render: withClient(() => new ReviewsMockClient({ mine: fixtureOwnReview })),
  play: click('[part~="edit-review"]'),
};

export const ConfirmDelete: Story = {
  name: 'Your review: confirm delete',
  render: withClient(() => new ReviewsMockClient({ mine: fixtureOwnReview })),
  play: click('[part~="delete-review"]'),
};

export const Thanks: Story = {
  name: 'Thank you (awaiting review)',
  play: async ({ canvasElement }) => {
    (await find(canvasElement, '[part~="write-review"]'))?.click();
    (await find(canvasElement, 'kindred-review-form >>> #rf-rating-5'))?.click();
    const title = (await find(canvasElement, 'kindred-review-form >>> #rf-title')) as HTMLInputElement | null;
    const body = (await find(canvasElement, 'kindred-review-form >>> #rf-body')) as HTMLTextAreaElement | null;
    if (!title || !body) return;
    title.value = 'Calmed my hands in days';
    title.dispatchEvent(new Event('input'));
    body.value = 'Gentle and no stinging.';
    body.dispatchEvent(new Event('input'));
    (await find(canvasElement, 'kindred-review-form >>> [part~="submit"]'))?.click();
  },
};

export const QuestionSlowDown: Story = {
  name: 'Questions: slow down',
  render: withClient(() => new ReviewsMockClient().failNext('reviews.ask', refusal('RATE_LIMITED', { retryAfterSeconds: 90 }))),
  play: async ({ canvasElement }) => {
    (await find(canvasElement, '[part~="questions"]'))?.scrollIntoView();
    const question = (await find(canvasElement, 'kindred-review-questions >>> #qa-ask')) as HTMLTextAreaElement | null;
    if (!question) return;
    question.value = 'Can I use it on my face as well?';
    question.dispatchEvent(new Event('input'));
    (await find(canvasElement, 'kindred-review-questions >>> [part~="ask-form"] [part~="submit"]'))?.click();
  },
};

export const Questions: Story = {
  name: 'Questions: answering',
  play: async ({ canvasElement }) => {
    const section = await find(canvasElement, '[part~="questions"]');
    section?.scrollIntoView();
    (await find(canvasElement, 'kindred-review-questions >>> [part~="answer-button"]'))?.click();
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  render: withClient(() => new ReviewsMockClient({ mine: fixtureOwnReview })),
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
};

export const DarkBreakdown: Story = {
  name: 'Dark (rating breakdown)',
  args: { theme: 'dark' },
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
  play: click('[part~="breakdown-button"]'),
};

export const Spanish: Story = {
  args: { lang: 'es' },
};

export const SpanishWrite: Story = {
  name: 'Spanish (write a review)',
  args: { lang: 'es' },
  play: click('[part~="write-review"]'),
};

// <kindred-recommendations>

interface RecArgs {
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  heading: string;
  attribute: string;
  minReviews: number;
}

const recommendations = (args: RecArgs, client = new ReviewsMockClient()): TemplateResult =>
  html`<kindred-recommendations
    .client=${client}
    lang=${args.lang}
    theme=${args.theme}
    heading=${args.heading}
    attribute=${args.attribute}
    min-reviews=${args.minReviews}
  ></kindred-recommendations>`;

const recArgs: RecArgs = { lang: 'en', theme: 'light', heading: '', attribute: '', minReviews: 3 };

export const Recommendations: StoryObj<RecArgs> = {
  args: recArgs,
  render: (args) => recommendations(args),
};

export const RecommendationsChemo: StoryObj<RecArgs> = {
  name: 'Recommendations: during chemotherapy',
  args: { ...recArgs, heading: 'Recommended by people during chemotherapy', attribute: 'chemotherapy' },
  render: (args) => recommendations(args),
};

export const RecommendationsEmpty: StoryObj<RecArgs> = {
  name: 'Recommendations: none meet the minimum',
  args: { ...recArgs, minReviews: 50 },
  render: (args) => recommendations(args),
};

export const RecommendationsLoading: StoryObj<RecArgs> = {
  name: 'Recommendations: loading',
  args: recArgs,
  render: (args) => recommendations(args, new ReviewsMockClient().hang('reviews.recommendations')),
};

export const RecommendationsError: StoryObj<RecArgs> = {
  name: 'Recommendations: error',
  args: recArgs,
  render: (args) => recommendations(args, new ReviewsMockClient().failNext('reviews.recommendations', new ApiError('NETWORK', 0, 'offline'))),
};

export const RecommendationsDark: StoryObj<RecArgs> = {
  name: 'Recommendations: dark',
  args: { ...recArgs, theme: 'dark' },
  render: (args) => recommendations(args),
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
};

export const RecommendationsSpanish: StoryObj<RecArgs> = {
  name: 'Recommendations: Spanish',
  args: { ...recArgs, lang: 'es' },
  render: (args) => recommendations(args),
};

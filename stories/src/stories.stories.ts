/**
 * <kindred-stories> in each of its states, fed by the in-memory StoriesMockClient (no server
 * needed). The same client and fixtures drive the widget's browser tests. Stories that need a
 * member's action (open a story, open the composer, choose a privacy option) do it in `play`.
 */
import '@kindred/widgets/stories';
import { ApiError, crisisOutcome, refusal, StoriesMockClient } from '@kindred/widgets/stories/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';

interface Args {
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  token: string;
  group: string;
  tag: string;
}

type Story = StoryObj<Args>;
type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

const stories = (args: Args, client: StoriesMockClient): TemplateResult =>
  html`<kindred-stories
    .client=${client}
    lang=${args.lang}
    theme=${args.theme}
    token=${args.token}
    group=${args.group}
    tag=${args.tag}
  ></kindred-stories>`;

/** Each story renders with a fresh client, so one story's changes do not leak into the next. */
const withClient = (make: () => StoriesMockClient) => (args: Args) => stories(args, make());

async function waitFor<T>(check: () => T | undefined | null | false): Promise<T | undefined> {
  for (let i = 0; i < 150; i++) {
    const value = check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

const widget = (canvas: HTMLElement) => canvas.querySelector('kindred-stories')!;
const inWidget = <E extends Element = HTMLElement>(canvas: HTMLElement, selector: string) =>
  widget(canvas).shadowRoot?.querySelector<E>(selector) ?? null;
const inView = <E extends Element = HTMLElement>(canvas: HTMLElement, view: string, selector: string) =>
  inWidget(canvas, view)?.shadowRoot?.querySelector<E>(selector) ?? null;

/** Opens the story at `index` in the gallery, as a reader would. */
const openStory =
  (index: number): Play =>
  async ({ canvasElement }) => {
    const cards = await waitFor(() => {
      const all = widget(canvasElement).shadowRoot?.querySelectorAll<HTMLElement>('[part~="story-card"]');
      return all && all.length > index && all;
    });
    const card = cards?.[index];
    card?.querySelector<HTMLButtonElement>('[part~="show-story"]')?.click();
    await new Promise((r) => setTimeout(r, 20));
    card?.querySelector<HTMLButtonElement>('[part~="story-link"]')?.click();
    await waitFor(() => inView(canvasElement, 'kindred-story-reader', '[part~="comment"]'));
  };

/** Opens the composer and, optionally, picks an audience and a signing. */
const compose =
  (audience?: string, signing?: string, fill = false): Play =>
  async ({ canvasElement }) => {
    const share = await waitFor(() => inWidget<HTMLButtonElement>(canvasElement, '[part~="share-button"]'));
    share?.click();
    await waitFor(() => inView(canvasElement, 'kindred-story-composer', '[part~="consent-text"]'));
    const field = <E extends Element = HTMLElement>(selector: string) => inView<E>(canvasElement, 'kindred-story-composer', selector);
    if (fill) {
      const type = (selector: string, value: string) => {
        const input = field<HTMLInputElement>(selector);
        if (!input) return;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      };
      type('#title', 'Walking again after my hip operation');
      type('#body', 'It took six weeks before I could walk to the corner shop.\n\nThe physio was kind, and patient with me.');
      type('#tags-condition', 'Arthritis');
      type('#tags-topic', 'Recovery, Physiotherapy');
    }
    if (audience) field<HTMLInputElement>(`#audience-${audience}`)?.click();
    if (signing) field<HTMLInputElement>(`#signing-${signing}`)?.click();
    if (fill) {
      await new Promise((r) => setTimeout(r, 20));
      field<HTMLButtonElement>('[part~="submit"]')?.click();
    }
  };

const openMine: Play = async ({ canvasElement }) => {
  const button = await waitFor(() => inWidget<HTMLButtonElement>(canvasElement, '[part~="my-stories-button"]'));
  button?.click();
  await waitFor(() => inView(canvasElement, 'kindred-my-stories', '[part~="my-story"]'));
};

/** Types `query` in the gallery's search box and presses Search. */
const search =
  (query: string): Play =>
  async ({ canvasElement }) => {
    const input = await waitFor(() => inWidget<HTMLInputElement>(canvasElement, '#story-search'));
    if (!input) return;
    input.value = query;
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 20));
    inWidget<HTMLButtonElement>(canvasElement, '[part~="search-button"]')?.click();
  };

const SIGNED_IN = 'demo-member-token';

const meta: Meta<Args> = {
  title: 'Widgets/Stories',
  component: 'kindred-stories',
  args: { lang: 'en', theme: 'light', token: '', group: '', tag: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    token: { control: 'text', description: 'A member token; empty: signed out (reading works, sharing asks to sign in).' },
    group: { control: 'text', description: 'A group slug: that group’s stories, and preselected for “Only members of one group” in the composer.' },
    tag: { control: 'text', description: 'Start filtered by this tag.' },
  },
  render: withClient(() => new StoriesMockClient()),
  decorators: [(story) => html`<div class="story-frame">${story()}</div>`],
};
export default meta;

export const Gallery: Story = {};

export const FilteredByTag: Story = {
  name: 'Gallery filtered by tag',
  args: { tag: 'Breast cancer' },
};

export const MorePages: Story = {
  name: 'Gallery with more pages',
  render: withClient(() => new StoriesMockClient({ pageSize: 2 })),
};

export const Empty: Story = {
  render: withClient(() => new StoriesMockClient({ stories: [] })),
};

export const Loading: Story = {
  render: withClient(() => new StoriesMockClient().hang('stories.list')),
};

export const LoadError: Story = {
  name: 'Error',
  render: withClient(() => new StoriesMockClient().failNext('stories.list', new ApiError('NETWORK', 0, 'offline'))),
};

export const BannedReader: Story = {
  name: 'Error: account closed (banned member reading)',
  args: { token: SIGNED_IN },
  render: withClient(() => new StoriesMockClient().failNext('stories.list', refusal('MEMBER_BANNED', {}))),
};

export const SearchResults: Story = {
  name: 'Search: results',
  play: search('pacing'),
};

export const SearchMoreResults: Story = {
  name: 'Search: results with more pages',
  render: withClient(() => new StoriesMockClient({ pageSize: 2 })),
  play: search('diagnos'),
};

export const SearchNoMatch: Story = {
  name: 'Search: no stories match',
  play: search('skydiving'),
};

export const SearchTooShort: Story = {
  name: 'Search: too short',
  play: search('a'),
};

export const SearchSpanish: Story = {
  name: 'Search: Spanish, results',
  args: { lang: 'es' },
  play: search('pacing'),
};

export const Reader: Story = {
  name: 'Reader (signed in)',
  args: { token: SIGNED_IN },
  play: openStory(0),
};

export const ReaderCommentsOff: Story = {
  name: 'Reader: comments turned off (earlier comments stay readable)',
  args: { token: SIGNED_IN },
  render: withClient(() => new StoriesMockClient({ commentsEnabled: false })),
  play: openStory(0),
};

export const ReaderCommentsOffNone: Story = {
  name: 'Reader: comments turned off, none written',
  args: { token: SIGNED_IN },
  render: withClient(() => new StoriesMockClient({ commentsEnabled: false, comments: {} })),
  play: async (context) => {
    await openStory(1)(context);
    await waitFor(() => inView(context.canvasElement, 'kindred-story-reader', '[part~="thanks"]'));
  },
};

export const ContentWarning: Story = {
  name: 'Reader: content warning',
  play: openStory(2),
};

export const ComposerPublic: Story = {
  name: 'Composer: everyone, my name',
  args: { token: SIGNED_IN },
  play: compose('public', 'name'),
};

export const ComposerMembersPseudonym: Story = {
  name: 'Composer: members, a pseudonym',
  args: { token: SIGNED_IN },
  play: compose('members', 'pseudonym'),
};

export const ComposerGroup: Story = {
  name: 'Composer: one group, anonymous',
  args: { token: SIGNED_IN, group: 'breast-cancer' },
  play: compose('group', 'anonymous'),
};

export const ComposerChooseGroup: Story = {
  name: 'Composer: one of my groups (choose which)',
  args: { token: SIGNED_IN },
  play: compose('group', 'name'),
};

export const ComposerNoReview: Story = {
  name: 'Composer: members, not reviewed here',
  args: { token: SIGNED_IN },
  render: withClient(() => new StoriesMockClient({ premoderated: ['public'] })),
  play: compose('members', 'name'),
};

export const ComposerCareTeam: Story = {
  name: 'Composer: care team only',
  args: { token: SIGNED_IN },
  play: compose('care_team', 'name'),
};

export const ComposerJournal: Story = {
  name: 'Composer: only me (private journal)',
  args: { token: SIGNED_IN },
  play: compose('only_me', 'anonymous'),
};

export const AwaitingReview: Story = {
  name: 'Shared: awaiting review',
  args: { token: SIGNED_IN },
  play: compose('public', 'name', true),
};

export const SharedAtOnce: Story = {
  name: 'Shared at once (no review)',
  args: { token: SIGNED_IN },
  render: withClient(() => new StoriesMockClient({ premoderated: [] })),
  play: compose('members', 'name', true),
};

export const MyStories: Story = {
  name: 'My stories',
  args: { token: SIGNED_IN },
  play: openMine,
};

export const MyStoriesModeration: Story = {
  name: 'My stories: why waiting, not published, hidden',
  args: { token: SIGNED_IN },
  render: withClient(() => {
    const client = new StoriesMockClient();
    client.mine[0]!.own = { ...client.mine[0]!.own!, moderationReason: 'new_member' };
    client.mine[1]!.own = { ...client.mine[1]!.own!, status: 'hidden', moderationReason: 'reported' };
    return client;
  }),
  play: openMine,
};

export const CommentPersonalDetails: Story = {
  name: 'Comment: personal details',
  args: { token: SIGNED_IN },
  render: withClient(() =>
    new StoriesMockClient().failNext('stories.addComment', refusal('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'email', match: 'jo.m@example.org' }] })),
  ),
  play: async (context) => {
    await openStory(0)(context);
    const box = inView<HTMLTextAreaElement>(context.canvasElement, 'kindred-story-reader', '#comment');
    if (!box) return;
    box.value = 'Thank you. Write to me any time: jo.m@example.org';
    box.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 20));
    inView<HTMLButtonElement>(context.canvasElement, 'kindred-story-reader', '[part~="comment-form"] [part~="submit"]')?.click();
  },
};

export const ComposerCrisisResources: Story = {
  name: 'Composer: crisis resources after sharing',
  args: { token: SIGNED_IN },
  render: withClient(() => new StoriesMockClient().moderateNext('stories.create', crisisOutcome())),
  play: compose('members', 'name', true),
};

export const ComposerPersonalDetails: Story = {
  name: 'Composer: personal details',
  args: { token: SIGNED_IN },
  render: withClient(() =>
    new StoriesMockClient().failNext('stories.create', refusal('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'address', match: '14 Mill Lane, Riverside' }] })),
  ),
  play: compose('public', 'name', true),
};

export const ComposerSlowDown: Story = {
  name: 'Composer: slow down',
  args: { token: SIGNED_IN },
  render: withClient(() => new StoriesMockClient().failNext('stories.create', refusal('RATE_LIMITED', { retryAfterSeconds: 90 }))),
  play: compose('members', 'name', true),
};

export const Dark: Story = {
  args: { theme: 'dark' },
};

export const DarkReader: Story = {
  name: 'Dark: reader',
  args: { theme: 'dark', token: SIGNED_IN },
  play: openStory(0),
};

export const Spanish: Story = {
  name: 'Spanish',
  args: { lang: 'es' },
};

export const SpanishComposer: Story = {
  name: 'Spanish: composer',
  args: { lang: 'es', token: SIGNED_IN },
  play: compose('members', 'pseudonym'),
};

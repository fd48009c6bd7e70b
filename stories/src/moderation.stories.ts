/**
 * Moderation as a member meets it (issue 5), shown in <kindred-forum> with the in-memory
 * MockClient: every composer (forum, stories, reviews, questions) shares this UI through the
 * widgets' WriteGuard. Each story writes a reply in `play`, as a member would, and the mock
 * answers with a moderation outcome or refusal. The same helpers drive the browser tests.
 */
import '@kindred/widgets/forum';
import { awaitingReview, crisisOutcome, MockClient, refusal } from '@kindred/widgets/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';

interface Args {
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  token: string;
}

type Story = StoryObj<Args>;
type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

const SIGNED_IN = 'demo-member-token';
const FATIGUE = 0;
const OWN = 2;

const forum = (args: Args, client: MockClient): TemplateResult =>
  html`<kindred-forum .client=${client} lang=${args.lang} theme=${args.theme} token=${args.token}></kindred-forum>`;

/** Each story renders with a fresh client, so one story's refusals do not leak into the next. */
const withClient = (make: () => MockClient) => (args: Args) => forum(args, make());

/** The first element matching `selector` anywhere below `root`, through shadow roots. */
function deepQuery<E extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): E | undefined {
  if (root instanceof Element && root.shadowRoot) return deepQuery<E>(root.shadowRoot, selector);
  const found = root.querySelector<E>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot && deepQuery<E>(element.shadowRoot, selector);
    if (inner) return inner;
  }
  return undefined;
}

async function waitFor<T>(check: () => T | undefined | null | false): Promise<T | undefined> {
  for (let i = 0; i < 150; i++) {
    const value = check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

/** Opens the thread at `index`, as a member would by clicking its title. */
async function openThread(canvas: HTMLElement, index: number): Promise<Element | undefined> {
  const element = canvas.querySelector('kindred-forum')!;
  const list = await waitFor(() => element.shadowRoot?.querySelector('kindred-forum-thread-list'));
  const buttons = await waitFor(() => {
    const all = list?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="thread-link"]');
    return all && all.length > index && all;
  });
  buttons?.[index]?.click();
  const view = await waitFor(() => element.shadowRoot?.querySelector('kindred-forum-thread-view'));
  await waitFor(() => view && deepQuery(view, '[part~="opening-post"]'));
  return view ?? undefined;
}

/** Opens a thread, writes a reply and sends it. */
const reply =
  (text: string): Play =>
  async ({ canvasElement }) => {
    const view = await openThread(canvasElement, FATIGUE);
    const composer = view && (await waitFor(() => view.shadowRoot!.querySelector('kindred-forum-composer')));
    const textarea = composer && (await waitFor(() => deepQuery<HTMLTextAreaElement>(composer, 'textarea')));
    if (!composer || !textarea) return;
    textarea.value = text;
    textarea.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 20));
    deepQuery<HTMLButtonElement>(composer, '[part~="submit"]')?.click();
  };

/** The member's own thread, its opening post in the given moderation state. */
const ownThreadIn = (state: { status: 'pending' | 'rejected' | 'hidden'; moderationReason: Parameters<typeof awaitingReview>[0]; moderationNote?: string }) =>
  withClient(() => {
    const client = new MockClient();
    const threadId = client.threads[OWN]!.id;
    const [opening, ...replies] = client.posts[threadId]!;
    client.posts[threadId] = [{ ...opening!, moderationNote: null, ...state }, ...replies];
    return client;
  });

const meta: Meta<Args> = {
  title: 'Widgets/Moderation',
  component: 'kindred-forum',
  args: { lang: 'en', theme: 'light', token: SIGNED_IN },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: withClient(() => new MockClient()),
  decorators: [(story) => html`<div class="story-frame">${story()}</div>`],
};
export default meta;

export const CrisisResources: Story = {
  name: 'Crisis resources (after a reply)',
  render: withClient(() => new MockClient().moderateNext('forum.reply', crisisOutcome())),
  play: reply('I can’t keep going like this. I don’t know who to talk to.'),
};

export const CrisisResourcesDark: Story = {
  name: 'Crisis resources (dark)',
  args: { theme: 'dark' },
  render: withClient(() => new MockClient().moderateNext('forum.reply', crisisOutcome())),
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
  play: reply('I can’t keep going like this.'),
};

export const CrisisResourcesSpanish: Story = {
  name: 'Crisis resources (Spanish)',
  args: { lang: 'es' },
  render: withClient(() => new MockClient().moderateNext('forum.reply', crisisOutcome())),
  play: reply('Ya no puedo más.'),
};

export const PersonalDetails: Story = {
  name: 'Personal details: confirm or edit',
  render: withClient(() =>
    new MockClient().failNext(
      'forum.reply',
      refusal('PERSONAL_DETAILS_FOUND', {
        personalDetails: [
          { kind: 'phone', match: '07700 900123' },
          { kind: 'email', match: 'sam.patel@example.org' },
        ],
      }),
    ),
  ),
  play: reply('Happy to talk more: text me on 07700 900123 or write to sam.patel@example.org.'),
};

export const AwaitingReview: Story = {
  name: 'Your post: awaiting review',
  render: ownThreadIn({ status: 'pending', moderationReason: 'new_member' }),
  play: async ({ canvasElement }) => void (await openThread(canvasElement, OWN)),
};

export const AwaitingReviewAfterReply: Story = {
  name: 'Your reply: awaiting review (just sent)',
  render: withClient(() => new MockClient().moderateNext('forum.reply', awaitingReview('link_from_new_member'))),
  play: reply('This leaflet helped me: https://example.org/fatigue'),
};

export const Rejected: Story = {
  name: 'Your post: not published (with a note)',
  render: ownThreadIn({ status: 'rejected', moderationReason: 'moderator', moderationNote: 'Please leave out the name of the ward and the nurse.' }),
  play: async ({ canvasElement }) => void (await openThread(canvasElement, OWN)),
};

export const HiddenAfterReports: Story = {
  name: 'Your post: hidden after reports',
  render: ownThreadIn({ status: 'hidden', moderationReason: 'reported' }),
  play: async ({ canvasElement }) => void (await openThread(canvasElement, OWN)),
};

export const HiddenByModerator: Story = {
  name: 'Your post: hidden by a moderator',
  render: ownThreadIn({ status: 'hidden', moderationReason: 'moderator', moderationNote: 'It named another member’s diagnosis.' }),
  play: async ({ canvasElement }) => void (await openThread(canvasElement, OWN)),
};

export const RefusedText: Story = {
  name: 'Refused: words this community does not allow',
  render: withClient(() => new MockClient().failNext('forum.reply', refusal('CONTENT_REJECTED', { reason: 'banned_word' }))),
  play: reply('Some words that this community does not allow.'),
};

export const Duplicate: Story = {
  name: 'Refused: already posted',
  render: withClient(() => new MockClient().failNext('forum.reply', refusal('CONTENT_REJECTED', { reason: 'duplicate' }))),
  play: reply('Thinking of you this week.'),
};

export const SlowDown: Story = {
  name: 'Slow down (sending)',
  render: withClient(() => new MockClient().failNext('forum.reply', refusal('RATE_LIMITED', { retryAfterSeconds: 90 }))),
  play: reply('One more thought before I go.'),
};

export const SlowDownList: Story = {
  name: 'Slow down (loading the list)',
  args: { token: '' },
  render: withClient(() => new MockClient().failNext('forum.listThreads', refusal('RATE_LIMITED', { retryAfterSeconds: 20 }))),
};

export const Muted: Story = {
  name: 'Posting paused until a date',
  render: withClient(() =>
    new MockClient().failNext('forum.reply', refusal('MEMBER_MUTED', { until: new Date(Date.now() + 3 * 86_400_000).toISOString() })),
  ),
  play: reply('Hello again, everyone.'),
};

export const MutedNoEnd: Story = {
  name: 'Posting paused (no end date)',
  render: withClient(() => new MockClient().failNext('forum.reply', refusal('MEMBER_MUTED', { until: null }))),
  play: reply('Hello again, everyone.'),
};

export const Banned: Story = {
  name: 'Account closed to posting',
  render: withClient(() => new MockClient().failNext('forum.reply', refusal('MEMBER_BANNED', {}))),
  play: reply('Hello again, everyone.'),
};

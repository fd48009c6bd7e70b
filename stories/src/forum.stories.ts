/**
 * <kindred-forum> in each of its states, fed by the in-memory MockClient (no server needed).
 * The same client and fixtures drive the widget's browser tests. Stories that need a member's
 * action (open a thread, open a popover, search) do it in `play`, as a member would.
 */
import '@kindred/widgets/forum';
import { ApiError, awaitingReview, fixtureGroup, fixtureGuestContext, fixtureTheme, MockClient, refusal } from '@kindred/widgets/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';

interface Args {
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  token: string;
  group: string;
}

type Story = StoryObj<Args>;
type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

const forum = (args: Args, client: MockClient): TemplateResult =>
  html`<kindred-forum
    .client=${client}
    lang=${args.lang}
    theme=${args.theme}
    token=${args.token}
    group=${args.group}
  ></kindred-forum>`;

/** Each story renders with a fresh client, so a story's failures do not leak into the next. */
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

/** Opens the thread at `index` in the list, as a member would by clicking its title. */
const openThread =
  (index: number, then?: (forum: Element) => Promise<void>): Play =>
  async ({ canvasElement }) => {
    const element = canvasElement.querySelector('kindred-forum')!;
    const list = await waitFor(() => element.shadowRoot?.querySelector('kindred-forum-thread-list'));
    const buttons = await waitFor(() => {
      const all = list?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="thread-link"]');
      return all && all.length > index && all;
    });
    buttons?.[index]?.click();
    const view = await waitFor(() => element.shadowRoot?.querySelector('kindred-forum-thread-view'));
    await waitFor(() => view && deepQuery(view, '[part~="opening-post"]'));
    await then?.(element);
  };

/** Clicks, inside the post whose text includes `who`, the button matching `selector`. */
const inPost =
  (who: string, selector: string, after?: (post: Element) => Promise<void>) =>
  async (element: Element): Promise<void> => {
    const view = element.shadowRoot!.querySelector('kindred-forum-thread-view')!;
    const post = await waitFor(() =>
      [...view.shadowRoot!.querySelectorAll('kindred-forum-post')].find((p) => p.shadowRoot?.textContent?.includes(who) && p.shadowRoot.querySelector(selector)),
    );
    if (!post) return;
    // Opening a thread moves focus to its title; act once it has, so that move cannot close the popover.
    await waitFor(() => view.shadowRoot!.activeElement?.matches('[part~="thread-heading"]'));
    post.shadowRoot!.querySelector<HTMLButtonElement>(selector)?.click();
    await after?.(post);
  };

const FATIGUE = 0;
const QUESTIONS = 1;
const OWN = 2;
const WARNED = 3;
const SCANS = 4;

const meta: Meta<Args> = {
  title: 'Widgets/Forum',
  component: 'kindred-forum',
  args: { lang: 'en', theme: 'light', token: '', group: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    token: { control: 'text', description: 'A member token: set it to see the signed-in composers.' },
  },
  render: withClient(() => new MockClient()),
  decorators: [(story) => html`<div class="story-frame">${story()}</div>`],
};
export default meta;

export const List: Story = {};

export const Loading: Story = {
  render: withClient(() => new MockClient().hang('forum.listThreads')),
};

export const Empty: Story = {
  render: withClient(() => new MockClient({ threads: [] })),
};

export const LoadMore: Story = {
  name: 'List with more pages',
  render: withClient(() => new MockClient({ pageSize: 3 })),
};

export const SortedMostSupported: Story = {
  name: 'List sorted by most supported',
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('kindred-forum')!;
    const select = await waitFor(() => deepQuery<HTMLSelectElement>(element.shadowRoot!, '#sort'));
    if (!select) return;
    select.value = 'supported';
    select.dispatchEvent(new Event('change'));
  },
};

export const SearchResults: Story = {
  name: 'Search results',
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('kindred-forum')!;
    const input = await waitFor(() => deepQuery<HTMLInputElement>(element.shadowRoot!, 'input[type="search"]'));
    if (!input) return;
    input.value = 'chemo';
    input.dispatchEvent(new Event('input'));
    deepQuery<HTMLButtonElement>(element.shadowRoot!, '[part~="search-button"]')?.click();
  },
};

export const Thread: Story = {
  args: { token: 'demo-member-token' },
  play: openThread(FATIGUE),
};

export const ContentWarning: Story = {
  name: 'Content warning (thread)',
  play: openThread(WARNED),
};

export const AnonymousAndBadges: Story = {
  name: 'Badges, helpful, anonymous, edited',
  args: { token: 'demo-member-token' },
  play: openThread(FATIGUE),
};

export const OwnAnonymousReply: Story = {
  name: 'Your own anonymous reply',
  args: { token: 'demo-member-token' },
  play: openThread(QUESTIONS),
};

export const Deleted: Story = {
  name: 'Deleted post (tombstone)',
  play: openThread(SCANS),
};

export const UserCard: Story = {
  name: 'Popover: user card',
  args: { group: 'breast-cancer' },
  render: withClient(
    () => new MockClient({ threads: new MockClient().threads.map((t) => ({ ...t, group: 'breast-cancer' })), context: { group: fixtureGroup } }),
  ),
  play: openThread(FATIGUE, inPost('María G.', 'button[part~="post-author"]')),
};

export const ReactionPicker: Story = {
  name: 'Popover: reaction picker',
  args: { token: 'demo-member-token' },
  play: openThread(FATIGUE, inPost('Priya', '[part~="reaction-picker"]')),
};

export const ActionMenu: Story = {
  name: 'Popover: action menu (thread author)',
  args: { token: 'demo-member-token' },
  render: withClient(() => {
    const client = new MockClient();
    const own = client.threads[OWN]!;
    client.posts[own.id]!.push(
      client.replyFrom(own.id, 'Dan Whitfield', 'You are allowed to be tired. Is there anyone who could take one evening a week?'),
    );
    own.replyCount = 1;
    return client;
  }),
  play: openThread(OWN, inPost('Dan Whitfield', '[part~="actions-button"]')),
};

export const ReportDialog: Story = {
  name: 'Report dialog',
  args: { token: 'demo-member-token' },
  play: openThread(
    FATIGUE,
    inPost('Priya', '[part~="actions-button"]', async (post) => {
      const report = await waitFor(() =>
        [...post.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((i) => i.textContent?.includes('Report') && !i.closest('[hidden]')),
      );
      report?.click();
    }),
  ),
};

export const Editing: Story = {
  name: 'Editing your post',
  args: { token: 'demo-member-token' },
  play: openThread(
    OWN,
    inPost('Caring for my mum', '[part~="actions-button"]', async (post) => {
      const edit = await waitFor(() =>
        [...post.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((i) => i.textContent?.includes('Edit') && !i.closest('[hidden]')),
      );
      edit?.click();
    }),
  ),
};

/** A live thread: a new reply arrives every few seconds, and reaction counts change. */
export const LiveUpdates: Story = {
  name: 'Live updates (thread)',
  args: { token: 'demo-member-token' },
  render: (args) => {
    const client = new MockClient();
    const threadId = client.threads[FATIGUE]!.id;
    const voices: [string, string][] = [
      ['Ruth', 'Thinking of you this week. The second cycle was easier for me than I feared.'],
      ['Marcus (caregiver)', 'We kept a simple **energy diary**: it helped us plan the good hours.'],
      ['Ana', 'Ginger tea and a short nap after lunch. Sending strength.'],
    ];
    let next = 0;
    const timer = setInterval(() => {
      if (!client.openSubscriptions('forum.onThread').length) return;
      const voice = voices[next++ % voices.length]!;
      client.push('forum.onThread', { type: 'post.created', post: client.replyFrom(threadId, voice[0], voice[1]) });
      const first = client.posts[threadId]![0]!;
      client.push('forum.onThread', { type: 'reactions.changed', postId: first.id, reactions: { ...first.reactions, support: first.reactions.support + 1 } });
      if (next >= 6) clearInterval(timer);
    }, 3000);
    return forum(args, client);
  },
  play: openThread(FATIGUE),
};

/** The list while others start conversations: a button offers them, the list does not move. */
export const LiveNewConversations: Story = {
  name: 'Live updates (new conversations)',
  render: (args) => {
    const client = new MockClient();
    let n = 0;
    const timer = setInterval(() => {
      if (!client.openSubscriptions('forum.onForum').length) return;
      const id = `60000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
      const now = new Date().toISOString();
      client.threads.unshift({ ...client.threads[5]!, id, title: `Just diagnosed and looking for people to talk to (${n})`, replyCount: 0, createdAt: now, lastActivityAt: now });
      client.push('forum.onForum', { type: 'thread.created', threadId: id });
      if (n >= 3) clearInterval(timer);
    }, 1500);
    return forum(args, client);
  },
};

export const GroupNotReadable: Story = {
  name: 'Group forum: members only',
  args: { token: 'demo-member-token', group: 'breast-cancer' },
  render: withClient(
    () => new MockClient({ context: { group: { ...fixtureGroup, canRead: false, canPost: false }, canRead: false, canPost: false } }),
  ),
};

export const GroupJoinToPost: Story = {
  name: 'Group forum: join to post',
  args: { token: 'demo-member-token', group: 'breast-cancer' },
  render: withClient(
    () =>
      new MockClient({
        threads: new MockClient().threads.map((t) => ({ ...t, group: 'breast-cancer' })),
        context: { group: fixtureGroup, canRead: true, canPost: false },
      }),
  ),
};

export const ErrorState: Story = {
  name: 'Error',
  render: withClient(() =>
    new MockClient().failNext('forum.listThreads', new ApiError('DATABASE_UNAVAILABLE', 503, 'Unavailable')),
  ),
};

export const SignedOut: Story = {
  name: 'Signed out (thread)',
  play: openThread(FATIGUE),
};

export const SignedIn: Story = {
  name: 'Signed in (list)',
  args: { token: 'demo-member-token' },
};

export const Dark: Story = {
  args: { theme: 'dark', token: 'demo-member-token' },
  parameters: { backgrounds: { disable: true } },
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
};

export const DarkThread: Story = {
  name: 'Dark (thread)',
  args: { theme: 'dark', token: 'demo-member-token' },
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
  play: openThread(FATIGUE),
};

export const Spanish: Story = {
  name: 'Spanish',
  args: { lang: 'es' },
};

export const SpanishThread: Story = {
  name: 'Spanish (thread, signed in)',
  args: { lang: 'es', token: 'demo-member-token' },
  play: openThread(FATIGUE),
};

/*
 * Guest posting: an organisation that turned on `moderation.guestPosting`, seen signed out in its
 * general forum. "Sign in to start a conversation" (and "Sign in to reply") open the composer,
 * which offers "Sign in" or "Post as a guest"; a guest's name shows as "<name> (guest)" and all
 * they write waits for review, which the composer says once, in place of the form.
 */

/** The API's answer to a guest: held for review before others see it. */
const guestClient = () =>
  new MockClient({ context: fixtureGuestContext })
    .moderateNext('forum.createThread', awaitingReview('premoderation'))
    .moderateNext('forum.reply', awaitingReview('premoderation'));

const settle = () => new Promise((r) => setTimeout(r, 20));

function typeInto(root: Element, selector: string, text: string): void {
  const field = deepQuery<HTMLInputElement | HTMLTextAreaElement>(root, selector);
  if (!field) return;
  field.value = text;
  field.dispatchEvent(new Event('input'));
}

/** What a guest does in a composer, step by step: `choose` the guest route, add a `name`, write, `send`. */
interface GuestSteps {
  guest?: boolean;
  name?: string;
  title?: string;
  body?: string;
  send?: boolean;
}

async function asGuest(composer: Element, steps: GuestSteps): Promise<void> {
  if (!steps.guest) return;
  (await waitFor(() => deepQuery<HTMLButtonElement>(composer, '[part~="guest-button"]')))?.click();
  await waitFor(() => deepQuery(composer, '#name'));
  if (steps.name) typeInto(composer, '#name', steps.name);
  if (steps.title) typeInto(composer, '#title', steps.title);
  if (steps.body) typeInto(composer, 'textarea', steps.body);
  await settle();
  if (steps.send) deepQuery<HTMLButtonElement>(composer, '[part~="submit"]')?.click();
}

/** Signed out, where guests may post: press "Sign in to start a conversation", then the steps. */
const guestNewThread =
  (steps: GuestSteps = {}): Play =>
  async ({ canvasElement }) => {
    const element = canvasElement.querySelector('kindred-forum')!;
    await waitFor(() => element.shadowRoot?.querySelector('kindred-forum-thread-list'));
    const start = await waitFor(() => element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sign-in-button"]'));
    await settle(); // forum.context has answered: the button opens the composer
    start?.click();
    const composer = await waitFor(() => element.shadowRoot!.querySelector('kindred-forum-composer'));
    if (composer) await asGuest(composer, steps);
  };

/** Signed out, where guests may post: open a thread, then the steps in its reply composer. */
const guestReply = (steps: GuestSteps = {}): Play =>
  openThread(FATIGUE, async (element) => {
    const view = element.shadowRoot!.querySelector('kindred-forum-thread-view')!;
    const composer = await waitFor(() => view.shadowRoot!.querySelector('kindred-forum-composer'));
    if (composer) await asGuest(composer, steps);
  });

const newConversation = { title: 'Visiting hours on the ward?', body: 'My mum is on ward 7 after surgery. When can family visit, and can children come?' };

export const GuestChoice: Story = {
  name: 'Guest posting: sign in or post as a guest',
  render: withClient(guestClient),
  play: guestNewThread(),
};

export const GuestForm: Story = {
  name: 'Guest posting: new conversation as a guest',
  render: withClient(guestClient),
  play: guestNewThread({ guest: true, name: 'Pat' }),
};

export const GuestNameMissing: Story = {
  name: 'Guest posting: name missing',
  render: withClient(guestClient),
  play: guestNewThread({ guest: true, ...newConversation, send: true }),
};

export const GuestSent: Story = {
  name: 'Guest posting: sent, awaiting review',
  render: withClient(guestClient),
  play: guestNewThread({ guest: true, name: 'Pat', ...newConversation, send: true }),
};

export const GuestReplyChoice: Story = {
  name: 'Guest posting: reply (thread)',
  render: withClient(guestClient),
  play: guestReply(),
};

export const GuestReplySent: Story = {
  name: 'Guest posting: reply sent, awaiting review',
  render: withClient(guestClient),
  play: guestReply({ guest: true, name: 'Sam', body: 'Sundays too, I think. Ask at the nurses’ station.', send: true }),
};

export const GuestFormSpanish: Story = {
  name: 'Guest posting: Spanish',
  args: { lang: 'es' },
  render: withClient(guestClient),
  play: guestNewThread({ guest: true, name: 'Pilar' }),
};

export const GuestFormDark: Story = {
  name: 'Guest posting: dark',
  args: { theme: 'dark' },
  parameters: { backgrounds: { disable: true } },
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
  render: withClient(guestClient),
  play: guestNewThread({ guest: true, name: 'Pat' }),
};

export const BannedReader: Story = {
  name: 'Error: account closed (banned member reading)',
  args: { token: 'demo-member-token' },
  render: withClient(() => new MockClient().failNext('forum.listThreads', refusal('MEMBER_BANNED', {}))),
};

/**
 * The organisation's theme from its admin console (`appearance.theme`): the widget renders with
 * the built-in colours, then takes the tenant's colours, font and corners when they arrive.
 * No `theme` attribute here, as on a host page that set none.
 */
const themedForum = (theme: typeof fixtureTheme) => (args: Args) =>
  html`<kindred-forum .client=${new MockClient({ theme })} lang=${args.lang} token=${args.token} group=${args.group}></kindred-forum>`;

export const TenantTheme: Story = {
  name: 'Tenant theme',
  render: themedForum(fixtureTheme),
};

export const TenantThemeDark: Story = {
  name: 'Tenant theme: dark scheme',
  args: { token: 'demo-member-token' },
  parameters: { backgrounds: { disable: true } },
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
  render: themedForum({ ...fixtureTheme, colorScheme: 'dark' }),
};

export const TenantThemeHostWins: Story = {
  name: 'Tenant theme: the host page’s accent wins',
  decorators: [(story) => html`<style>.host-accent kindred-forum { --kindred-color-accent: #000000; }</style><div class="host-accent">${story()}</div>`],
  render: themedForum(fixtureTheme),
};

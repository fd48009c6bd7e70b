/**
 * <kindred-forum> in each of its states, fed by the in-memory MockClient (no server needed).
 * The same client and fixtures drive the widget's browser tests.
 */
import '@kindred/widgets/forum';
import { ApiError, MockClient } from '@kindred/widgets/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';

interface Args {
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  token: string;
  group: string;
}

type Story = StoryObj<Args> & { client?: () => MockClient };

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

/** Opens the first thread, as a member would by clicking its title. */
async function openFirstThread({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const element = canvasElement.querySelector('kindred-forum')!;
  for (let i = 0; i < 100; i++) {
    const list = element.shadowRoot?.querySelector('kindred-forum-thread-list');
    const button = list?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="thread-link"]');
    if (button) return button.click();
    await new Promise((r) => setTimeout(r, 20));
  }
}

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

export const Thread: Story = {
  args: { token: 'demo-member-token' },
  play: openFirstThread,
};

export const ErrorState: Story = {
  name: 'Error',
  render: withClient(() =>
    new MockClient().failNext('forum.listThreads', new ApiError('DATABASE_UNAVAILABLE', 503, 'Unavailable')),
  ),
};

export const SignedOut: Story = {
  name: 'Signed out (thread)',
  play: openFirstThread,
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
  play: openFirstThread,
};

export const Spanish: Story = {
  name: 'Spanish',
  args: { lang: 'es' },
};

export const SpanishThread: Story = {
  name: 'Spanish (thread, signed in)',
  args: { lang: 'es', token: 'demo-member-token' },
  play: openFirstThread,
};

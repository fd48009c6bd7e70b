/**
 * <kindred-groups> in each of its states, fed by the in-memory GroupsMockClient (no server needed).
 * The same client and fixtures drive the widget's browser tests. The group page hosts the group's
 * <kindred-forum>, served by the shared forum MockClient.
 */
import '@kindred/widgets/groups';
import { ApiError, GroupsMockClient } from '@kindred/widgets/groups/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';

interface Args {
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  token: string;
  group: string;
}

type Story = StoryObj<Args>;

const groups = (args: Args, client: GroupsMockClient): TemplateResult =>
  html`<kindred-groups
    .client=${client}
    lang=${args.lang}
    theme=${args.theme}
    token=${args.token}
    group=${args.group}
  ></kindred-groups>`;

/** Each story renders with a fresh client, so one story's joins do not leak into the next. */
const withClient = (make: () => GroupsMockClient) => (args: Args) => groups(args, make());

/** Chooses a condition in the filter, as a member would. */
const filterBy =
  (condition: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const element = canvasElement.querySelector('kindred-groups')!;
    for (let i = 0; i < 100; i++) {
      const select = element.shadowRoot?.querySelector<HTMLSelectElement>('#group-condition');
      if (select) {
        select.value = condition;
        select.dispatchEvent(new Event('change'));
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

const SIGNED_IN = 'demo-member-token';

const meta: Meta<Args> = {
  title: 'Widgets/Groups',
  component: 'kindred-groups',
  args: { lang: 'en', theme: 'light', token: SIGNED_IN, group: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    token: { control: 'text', description: 'A member token; empty: signed out.' },
    group: { control: 'text', description: 'A group slug: start on that group’s page.' },
  },
  render: withClient(() => new GroupsMockClient()),
  decorators: [(story) => html`<div class="story-frame">${story()}</div>`],
};
export default meta;

export const Directory: Story = {};

export const Filtered: Story = {
  name: 'Directory filtered by condition',
  play: filterBy('Caregiving'),
};

export const MorePages: Story = {
  name: 'Directory with more pages',
  render: withClient(() => new GroupsMockClient({ pageSize: 4 })),
};

export const Empty: Story = {
  render: withClient(() => new GroupsMockClient({ groups: [] })),
};

export const Loading: Story = {
  render: withClient(() => new GroupsMockClient().hang('groups.list')),
};

export const ErrorState: Story = {
  name: 'Error',
  render: withClient(() => new GroupsMockClient().failNext('groups.list', new ApiError('DATABASE_UNAVAILABLE', 503, 'Unavailable'))),
};

export const SignedOut: Story = {
  name: 'Directory, signed out',
  args: { token: '' },
};

export const PageNonMember: Story = {
  name: 'Group page: not a member (open group)',
  args: { group: 'type-2-diabetes' },
};

export const PageMembersOnly: Story = {
  name: 'Group page: not a member (ask to join, members-only forum)',
  args: { group: 'breast-cancer-after-treatment' },
};

export const PageRequested: Story = {
  name: 'Group page: request sent',
  args: { group: 'dementia-carers' },
};

export const PageMember: Story = {
  name: 'Group page: member',
  args: { group: 'long-covid' },
};

export const PageMentor: Story = {
  name: 'Group page: mentor',
  args: { group: 'type-1-parents' },
};

export const PageModerator: Story = {
  name: 'Group page: moderator with join requests',
  args: { group: 'heart-failure' },
};

export const PageInvited: Story = {
  name: 'Group page: invite only, invited',
  args: { group: 'young-adults-cancer' },
};

export const PageSignedOut: Story = {
  name: 'Group page: signed out',
  args: { group: 'type-2-diabetes', token: '' },
};

export const PageLoading: Story = {
  name: 'Group page: loading',
  args: { group: 'long-covid' },
  render: withClient(() => new GroupsMockClient().hang('groups.get')),
};

export const PageNotFound: Story = {
  name: 'Group page: not found',
  args: { group: 'no-such-group' },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
};

export const DarkPage: Story = {
  name: 'Dark (group page, moderator)',
  args: { theme: 'dark', group: 'heart-failure' },
  decorators: [(story) => html`<div class="story-dark">${story()}</div>`],
};

export const Spanish: Story = {
  args: { lang: 'es' },
};

export const SpanishPage: Story = {
  name: 'Spanish (group page, member)',
  args: { lang: 'es', group: 'long-covid' },
};

/**
 * The admin console, screen by screen, over the same fake staff API its browser tests use
 * (`@kindred/admin/testing`: a fetch at the network boundary, so the real client, session and
 * CSRF handling run). Each story opens the console at one route as one role.
 */
import { StaffApi, type Role } from '@kindred/admin/console';
import { FakeServer, type FakeServerOptions } from '@kindred/admin/testing';
import { deepQuery, waitFor } from '@kindred/widgets/testing/dom';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';

type Story = StoryObj;
type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

function consoleAt(hash: string, role: Role | null = 'owner', options: FakeServerOptions = {}, prepare?: (server: FakeServer) => void): () => TemplateResult {
  return () => {
    const server = new FakeServer({ signedInAs: role, ...options });
    prepare?.(server);
    history.replaceState(null, '', hash);
    return html`<kindred-console .api=${new StaffApi({ fetch: server.fetch })}></kindred-console>`;
  };
}

const fill = (input: HTMLInputElement | undefined, value: string) => {
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

/** Signs in with the demo details (and a code when asked). */
const signIn =
  (password = 'correct horse battery staple'): Play =>
  async ({ canvasElement }) => {
    await waitFor(() => deepQuery<HTMLInputElement>(canvasElement, '#organisation'), 'the sign-in form');
    fill(deepQuery(canvasElement, '#organisation'), 'riverside-clinic');
    fill(deepQuery(canvasElement, '#email'), 'olivia.bennett@riverside.example');
    fill(deepQuery(canvasElement, '#password'), password);
    await new Promise((r) => setTimeout(r, 30));
    deepQuery<HTMLButtonElement>(canvasElement, 'button[type="submit"]')?.click();
  };

const meta: Meta = {
  title: 'Admin console',
  parameters: { layout: 'fullscreen' },
};
export default meta;

export const SignIn: Story = { render: consoleAt('#/sign-in', null) };
export const SignInAsksForCode: Story = { render: consoleAt('#/sign-in', null, { totp: true }), play: signIn() };
export const SignInLockedOut: Story = {
  render: consoleAt('#/sign-in', null, {}, (server) =>
    server.failNext('staff.auth.signIn', { code: 'STAFF_LOCKED', status: 429, details: { retryAfterSeconds: 900 } }),
  ),
  play: signIn('wrong'),
};
export const SessionEnded: Story = {
  render: consoleAt('#/queue', 'owner', {}, (server) => server.failNext('staff.queue.list', { code: 'STAFF_SIGN_IN_REQUIRED', status: 401 })),
};
export const AcceptInvite: Story = { render: consoleAt('#/invite/invite-token', null) };
export const InviteExpired: Story = { render: consoleAt('#/invite/used-token', null) };

export const ModerationQueue: Story = { render: consoleAt('#/queue', 'moderator') };
export const ModerationQueueEmpty: Story = { render: consoleAt('#/queue', 'moderator', { queue: [] }) };
export const ModerationQueueLoading: Story = { render: consoleAt('#/queue', 'moderator', {}, (server) => server.hang('staff.queue.list')) };
export const Reports: Story = { render: consoleAt('#/reports', 'moderator') };
export const Members: Story = { render: consoleAt('#/members', 'moderator') };
export const MemberPage: Story = { render: consoleAt('#/members/4e000000-0000-4000-8000-000000000002', 'moderator') };
export const Settings: Story = { render: consoleAt('#/settings') };
export const SettingsReadOnlyForModerators: Story = { render: consoleAt('#/settings', 'moderator') };
export const Theme: Story = { render: consoleAt('#/theme') };
export const EmbedCodes: Story = { render: consoleAt('#/embed') };
export const Analytics: Story = { render: consoleAt('#/analytics', 'analyst') };
export const AuditLog: Story = { render: consoleAt('#/audit') };
export const Team: Story = { render: consoleAt('#/team') };
export const Account: Story = { render: consoleAt('#/account', 'moderator') };

import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { StaffApi } from '../api/client.ts';
import { FakeServer } from '../testing/fake-server.ts';
import { deepQuery, deepText, expectAccessible, mount, shadow, type, unmountAll, waitFor } from '../testing/dom.ts';
import type { KindredConsole } from './console-app.ts';
import './console-app.ts';
import { canOpen, hashOf, parseHash } from './routes.ts';

async function start(hash: string, server: FakeServer) {
  history.replaceState(null, '', hash);
  const element = await mount<KindredConsole>(html`<kindred-console .api=${new StaffApi({ fetch: server.fetch })}></kindred-console>`);
  return element;
}

async function signIn(element: KindredConsole, password = 'correct horse battery staple') {
  const signInEl = await waitFor(() => shadow(element).querySelector('kc-sign-in'), 'sign-in screen');
  await signInEl.updateComplete;
  const root = shadow(signInEl);
  type(root.querySelector<HTMLInputElement>('#organisation')!, 'riverside-clinic');
  type(root.querySelector<HTMLInputElement>('#email')!, 'olivia.bennett@riverside.example');
  type(root.querySelector<HTMLInputElement>('#password')!, password);
  await signInEl.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return root;
}

const navLabels = (element: KindredConsole) => [...shadow(element).querySelectorAll('nav a')].map((a) => a.firstElementChild!.textContent!.trim());

describe('console shell', () => {
  afterEach(() => {
    unmountAll();
    history.replaceState(null, '', '#/');
  });

  it('routes: parses and formats hashes, and knows who may open what', () => {
    expect(parseHash('#/members/abc')).to.deep.equal({ name: 'members', id: 'abc' });
    expect(parseHash('#/invite/tok%2Fen')).to.deep.equal({ name: 'invite', token: 'tok/en' });
    expect(parseHash('#/nowhere')).to.equal(null);
    expect(hashOf({ name: 'invite', token: 'a/b' })).to.equal('#/invite/a%2Fb');
    expect(canOpen('analyst', 'queue')).to.equal(false);
    expect(canOpen('moderator', 'settings')).to.equal(true);
    expect(canOpen('moderator', 'team')).to.equal(false);
  });

  it('signs in with organisation, email and password, asking for the code when the account has one', async () => {
    const server = new FakeServer({ signedInAs: null, totp: true });
    const element = await start('#/queue', server);
    const root = await signIn(element);
    const code = await waitFor(() => root.querySelector<HTMLInputElement>('#totp'), 'code field');
    expect(server.callsTo('staff.auth.signIn')[0]!.headers['x-kindred-csrf'], 'no CSRF header on sign-in').to.equal(undefined);
    type(code, '123 456');
    await (root.host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => shadow(element).querySelector('nav'), 'the shell');
    expect(server.callsTo('staff.auth.signIn')[1]!.input).to.deep.include({ organisation: 'riverside-clinic', totpCode: '123456' });
    expect(deepText(shadow(element).querySelector('.topbar')!)).to.include('Riverside Family Clinic');
    expect(location.hash).to.equal('#/queue');
    await waitFor(() => deepQuery(element, 'article.item'), 'queue items');
    await expectAccessible(element);
  });

  it('says how long an account is locked', async () => {
    const server = new FakeServer({ signedInAs: null });
    server.failNext('staff.auth.signIn', { code: 'STAFF_LOCKED', status: 429, details: { retryAfterSeconds: 600 } });
    const element = await start('#/sign-in', server);
    const root = await signIn(element, 'wrong');
    const alert = await waitFor(() => root.querySelector('[role="alert"]'), 'lock-out message');
    expect(alert.textContent).to.include('try again in 10 minutes');
    await expectAccessible(element);
  });

  it('says when the sign-in details are wrong, without saying which', async () => {
    const server = new FakeServer({ signedInAs: null });
    const element = await start('#/sign-in', server);
    const root = await signIn(element, 'wrong password');
    const alert = await waitFor(() => root.querySelector('[role="alert"]'), 'error');
    expect(alert.textContent).to.include('Those sign-in details are not right');
    expect(root.querySelector('#password')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows each role only what it may use', async () => {
    const analyst = await start('#/queue', new FakeServer({ signedInAs: 'analyst' }));
    await waitFor(() => shadow(analyst).querySelector('nav'));
    expect(navLabels(analyst)).to.deep.equal(['Analytics', 'Your account']);
    expect(location.hash, 'an analyst asking for the queue lands on analytics').to.equal('#/analytics');
    unmountAll();
    const moderator = await start('#/queue', new FakeServer({ signedInAs: 'moderator' }));
    await waitFor(() => shadow(moderator).querySelector('nav'));
    expect(navLabels(moderator)).to.deep.equal(['Moderation queue', 'Reports', 'Members', 'Analytics', 'Settings', 'Your account']);
    unmountAll();
    const owner = await start('#/queue', new FakeServer({ signedInAs: 'owner' }));
    await waitFor(() => shadow(owner).querySelector('nav'));
    expect(navLabels(owner)).to.include.members(['Audit log', 'Theme', 'Embed codes', 'Team']);
  });

  it('returns to sign-in with a message when a call answers STAFF_SIGN_IN_REQUIRED, then back to the same screen', async () => {
    const server = new FakeServer({ signedInAs: 'owner' });
    const element = await start('#/members', server);
    await waitFor(() => deepQuery(element, 'kc-members-screen') && deepQuery(element, 'table'), 'members');
    server.expireSession();
    history.pushState(null, '', '#/audit');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const signInEl = await waitFor(() => shadow(element).querySelector('kc-sign-in'), 'back to sign-in');
    await signInEl.updateComplete;
    expect(shadow(signInEl).textContent).to.include('Your session has ended');
    await signIn(element);
    await waitFor(() => deepQuery(element, 'kc-audit-screen'), 'back on the audit log');
    expect(location.hash).to.equal('#/audit');
  });

  it('signs out everywhere from the account menu', async () => {
    const server = new FakeServer({ signedInAs: 'moderator' });
    const element = await start('#/queue', server);
    await waitFor(() => shadow(element).querySelector('nav'));
    const button = shadow(element).querySelector<HTMLButtonElement>('#account-button')!;
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    [...shadow(element).querySelectorAll<HTMLButtonElement>('#account-menu button')].find((b) => b.textContent!.includes('everywhere'))!.click();
    const signInEl = await waitFor(() => shadow(element).querySelector('kc-sign-in'));
    expect(server.callsTo('staff.auth.signOut')[0]!.input).to.deep.equal({ everywhere: true });
    expect(server.callsTo('staff.auth.signOut')[0]!.headers['x-kindred-csrf']).to.equal('csrf-fixture-token');
    await signInEl.updateComplete;
    expect(shadow(signInEl).textContent).to.include('signed out on every device');
  });

  it('accepts an invite: shows where and as what, then signs the new member of staff in', async () => {
    const server = new FakeServer({ signedInAs: null });
    const element = await start('#/invite/invite-token', server);
    const invite = await waitFor(() => shadow(element).querySelector('kc-accept-invite'));
    await waitFor(() => shadow(invite).querySelector('form'), 'invite form');
    const root = shadow(invite);
    expect(root.textContent).to.include('Join Riverside Family Clinic').and.include('sam.patel@riverside.example').and.include('Moderator');
    await expectAccessible(invite);
    type(root.querySelector<HTMLInputElement>('#displayName')!, 'Sam Patel');
    type(root.querySelector<HTMLInputElement>('#password')!, 'short');
    await invite.updateComplete;
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => root.querySelector('#password-error'), 'password too short');
    expect(server.callsTo('staff.auth.acceptInvite')).to.have.length(0);
    type(root.querySelector<HTMLInputElement>('#password')!, 'a long enough passphrase');
    type(root.querySelector<HTMLInputElement>('#confirm')!, 'a long enough passphrase');
    await invite.updateComplete;
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => shadow(element).querySelector('nav'), 'signed in');
    expect(server.callsTo('staff.auth.acceptInvite')[0]!.input).to.deep.equal({ token: 'invite-token', displayName: 'Sam Patel', password: 'a long enough passphrase' });
    expect(location.hash).to.equal('#/queue');
  });

  it('says when an invite cannot be used', async () => {
    const element = await start('#/invite/old-token', new FakeServer({ signedInAs: null }));
    const invite = await waitFor(() => shadow(element).querySelector('kc-accept-invite'));
    await waitFor(() => shadow(invite).querySelector('[role="alert"]'));
    expect(shadow(invite).textContent).to.include('not valid any more');
    await expectAccessible(invite);
  });
});

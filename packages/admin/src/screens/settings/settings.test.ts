import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { expectAccessible, mount, setup, shadow, type, unmountAll, waitFor } from '../../testing/dom.ts';
import type { SettingsScreen } from './settings-screen.ts';
import './settings-screen.ts';

async function mountSettings(role: 'owner' | 'moderator' = 'owner', prepare?: (server: ReturnType<typeof setup>['server']) => void) {
  const ctx = setup(role);
  prepare?.(ctx.server);
  const element = await mount<SettingsScreen>(html`<kc-settings-screen .api=${ctx.api} .session=${ctx.session}></kc-settings-screen>`);
  const root = shadow(element);
  await waitFor(() => root.querySelector('#origins'), 'settings');
  return { ...ctx, element, root };
}

const button = (root: ParentNode, text: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(text))!;

describe('settings', () => {
  afterEach(unmountAll);

  it('is accessible for owners and moderators', async () => {
    const owner = await mountSettings('owner');
    await expectAccessible(owner.element);
    unmountAll();
    const moderator = await mountSettings('moderator');
    await expectAccessible(moderator.element);
  });

  it('adds and removes allowed origins, showing the API’s field message', async () => {
    const { root, server, element } = await mountSettings();
    type(root.querySelector<HTMLInputElement>('#new-origin')!, 'www.example.org/path');
    await element.updateComplete;
    button(root, 'Add site').click();
    await waitFor(() => root.querySelector('#origin-error'), 'field error');
    expect(root.querySelector('#new-origin')!.getAttribute('aria-invalid')).to.equal('true');
    type(root.querySelector<HTMLInputElement>('#new-origin')!, 'https://clinic.example.org/');
    await element.updateComplete;
    button(root, 'Add site').click();
    await waitFor(() => root.querySelector('.origins')!.textContent!.includes('https://clinic.example.org'));
    expect(server.callsTo('staff.settings.addOrigin').at(-1)!.input).to.deep.equal({ origin: 'https://clinic.example.org' });
    root.querySelector<HTMLButtonElement>('button[aria-label="Remove https://www.riverside.example"]')!.click();
    await waitFor(() => server.callsTo('staff.settings.removeOrigin').length === 1);
  });

  it('rotates the secret key after confirming, and shows it once', async () => {
    const { root, server, element } = await mountSettings();
    button(root, 'Rotate secret key').click();
    const confirm = await waitFor(() => root.querySelector<HTMLDialogElement>('#rotate-dialog[open]'));
    expect(confirm.textContent).to.include('24 hours');
    button(confirm, 'Rotate').click();
    const shown = await waitFor(() => root.querySelector<HTMLDialogElement>('#secret-dialog[open]'), 'secret shown');
    expect(shown.textContent).to.include('sk_live_7Hq2vN9xPz4KcR8mWb3tYd6L').and.include('shown only once');
    await expectAccessible(element);
    button(shown, 'I have stored it safely').click();
    await waitFor(() => !root.textContent!.includes('sk_live_7Hq2vN9xPz4KcR8mWb3tYd6L'), 'the secret gone once closed');
    expect(server.callsTo('staff.settings.rotateSecretKey')).to.have.length(1);
  });

  it('rotates the SSO secret and lists the new key as active', async () => {
    const { root } = await mountSettings();
    button(root, 'Rotate sign-in secret').click();
    const confirm = await waitFor(() => root.querySelector<HTMLDialogElement>('#rotate-dialog[open]'));
    button(confirm, 'Rotate').click();
    const shown = await waitFor(() => root.querySelector<HTMLDialogElement>('#secret-dialog[open]'));
    expect(shown.textContent).to.include('whsec_Xk29dLq8ZpV3nR7tB5mC1yW6').and.include('Key id');
    await waitFor(() => root.querySelectorAll('#keys tbody tr').length === 3);
  });

  it('saves the moderation policy', async () => {
    const { root, server, element } = await mountSettings();
    const form = root.querySelector('#moderation form')!;
    [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')][0]!.click();
    type(root.querySelector<HTMLTextAreaElement>('#watchedWords')!, 'detox\n  cure \n\n');
    type(root.querySelector<HTMLInputElement>('#report-threshold')!, '5');
    root.querySelector<HTMLInputElement>('input[name="link-policy"][value="hold_all"]')!.click();
    await element.updateComplete;
    button(form, 'Save changes').click();
    await waitFor(() => server.callsTo('staff.settings.update').length === 1);
    const moderation = (server.callsTo('staff.settings.update')[0]!.input as { moderation: Record<string, unknown> }).moderation;
    expect(moderation).to.deep.include({ watchedWords: ['detox', 'cure'], reportThreshold: 5, linkPolicy: 'hold_all' });
    expect((moderation.premoderation as Record<string, boolean>).thread).to.equal(true);
  });

  it('turns guest posting on, explained in one line, and sends moderation.guestPosting', async () => {
    const { root, server, element } = await mountSettings();
    const checkbox = root.querySelector<HTMLInputElement>('#moderation #guest-posting')!;
    expect(checkbox.checked).to.equal(false);
    expect(checkbox.closest('label')!.textContent!.trim()).to.equal('Guest posting');
    const hint = root.querySelector(`#${checkbox.getAttribute('aria-describedby')}`)!;
    expect(hint.textContent).to.equal(
      'Visitors who are not signed in may post in the general forum under a name they choose. Everything they post waits for review.',
    );
    checkbox.click();
    await element.updateComplete;
    button(root.querySelector('#moderation form')!, 'Save changes').click();
    await waitFor(() => server.callsTo('staff.settings.update').length === 1);
    const moderation = (server.callsTo('staff.settings.update')[0]!.input as { moderation: Record<string, unknown> }).moderation;
    // The whole policy goes, as the API expects; only guest posting changed.
    expect(moderation).to.deep.include({ guestPosting: true, linkPolicy: 'hold_new_members', reportThreshold: 3 });
    await waitFor(() => server.settings.moderation.guestPosting, 'the fake server to store it');
    await waitFor(() => !button(root.querySelector('#moderation form')!, 'Saving'), 'the save to finish');
    expect(root.querySelector<HTMLInputElement>('#guest-posting')!.checked).to.equal(true);
    await expectAccessible(element);
  });

  it('shows guest posting to moderators as it is, without letting them change it', async () => {
    const { root, element } = await mountSettings('moderator', (server) => (server.settings.moderation.guestPosting = true));
    const checkbox = root.querySelector<HTMLInputElement>('#moderation #guest-posting')!;
    expect(checkbox.checked).to.equal(true);
    expect(checkbox.matches(':disabled'), 'inside the read-only fieldset').to.equal(true);
    await expectAccessible(element);
  });

  it('edits crisis resources', async () => {
    const { root, server, element } = await mountSettings();
    button(root, 'Add a resource').click();
    await element.updateComplete;
    type(root.querySelector<HTMLInputElement>('#resource-2-name')!, 'NHS 111');
    type(root.querySelector<HTMLInputElement>('#resource-2-description')!, 'Urgent medical help, 24/7.');
    type(root.querySelector<HTMLInputElement>('#resource-2-phone')!, '111');
    await element.updateComplete;
    button(root.querySelector('#crisis')!, 'Save changes').click();
    await waitFor(() => server.callsTo('staff.settings.update').length === 1);
    const saved = (server.callsTo('staff.settings.update')[0]!.input as { crisisResources: unknown[] }).crisisResources;
    expect(saved).to.have.length(3);
    expect(saved[2]).to.deep.equal({ name: 'NHS 111', description: 'Urgent medical help, 24/7.', phone: '111', text: null, url: null });
  });

  it('publishes a new consent text version', async () => {
    const { root, server, element } = await mountSettings();
    type(root.querySelector<HTMLTextAreaElement>('#consent-draft')!, 'New consent wording.');
    await element.updateComplete;
    button(root, 'Publish as version 4').click();
    await waitFor(() => root.querySelector('#consent')!.textContent!.includes('Version 4'));
    expect(server.callsTo('staff.settings.publishConsentText')[0]!.input).to.deep.equal({ text: 'New consent wording.' });
  });

  it('saves review attributes and the medical notice', async () => {
    const { root, server, element } = await mountSettings();
    button(root, 'Add an attribute').click();
    await element.updateComplete;
    type(root.querySelector<HTMLInputElement>('#attr-key-2')!, 'after-surgery');
    type(root.querySelector<HTMLInputElement>('#attr-label-2')!, 'After surgery');
    await element.updateComplete;
    button(root.querySelector('#reviews')!, 'Save changes').click();
    await waitFor(() => server.callsTo('staff.settings.update').length === 1);
    expect((server.callsTo('staff.settings.update')[0]!.input as { reviewAttributes: unknown[] }).reviewAttributes).to.have.length(3);
    type(root.querySelector<HTMLTextAreaElement>('#medical-notice')!, '  ');
    await element.updateComplete;
    button(root.querySelector('#notice')!, 'Save changes').click();
    await waitFor(() => server.callsTo('staff.settings.update').length === 2);
    expect(server.callsTo('staff.settings.update')[1]!.input).to.deep.include({ medicalNotice: null });
  });

  it('is read-only for moderators', async () => {
    const { root } = await mountSettings('moderator');
    expect(root.textContent).to.include('an owner can change them');
    expect(root.querySelector('#new-origin') === null, 'no origin field').to.equal(true);
    expect(button(root, 'Save changes') === undefined, 'no save button').to.equal(true);
    expect(button(root, 'Rotate secret') === undefined, 'no rotate button').to.equal(true);
    expect(root.querySelector<HTMLFieldSetElement>('#moderation fieldset')!.disabled).to.equal(true);
  });
});

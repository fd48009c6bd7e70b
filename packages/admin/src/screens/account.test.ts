import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { expectAccessible, mount, setup, shadow, type, unmountAll, waitFor } from '../testing/dom.ts';
import type { AccountScreen } from './account-screen.ts';
import './account-screen.ts';

describe('your account', () => {
  afterEach(unmountAll);

  it('sets up two-step sign-in: shows the key, refuses a wrong code, accepts the right one', async () => {
    const ctx = setup('moderator');
    const element = await mount<AccountScreen>(html`<kc-account-screen .api=${ctx.api} .session=${ctx.session}></kc-account-screen>`);
    const root = shadow(element);
    await expectAccessible(element);
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Set up'))!.click();
    const secret = await waitFor(() => root.querySelector('.secret'));
    expect(secret.textContent).to.equal('JBSW Y3DP EHPK 3PXP');
    type(root.querySelector<HTMLInputElement>('#totp-code')!, '000000');
    await element.updateComplete;
    root.querySelector<HTMLButtonElement>('ol form button')!.click();
    await waitFor(() => root.querySelector('#totp-code-error'), 'wrong code');
    await expectAccessible(element);
    type(root.querySelector<HTMLInputElement>('#totp-code')!, '123456');
    await element.updateComplete;
    root.querySelector<HTMLButtonElement>('ol form button')!.click();
    await waitFor(() => root.querySelector('#totp-password'), 'now on');
    expect(ctx.server.callsTo('staff.auth.totpEnable').at(-1)!.input).to.deep.equal({ code: '123456' });
  });

  it('asks the shell to sign out everywhere', async () => {
    const ctx = setup('analyst');
    const element = await mount<AccountScreen>(html`<kc-account-screen .api=${ctx.api} .session=${ctx.session}></kc-account-screen>`);
    let asked: { everywhere: boolean } | null = null;
    element.addEventListener('kc-sign-out', (e) => (asked = e.detail));
    [...shadow(element).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Sign out everywhere'))!.click();
    expect(asked).to.deep.equal({ everywhere: true });
  });
});

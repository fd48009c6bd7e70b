import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { expectAccessible, mount, unmountAll } from './dom.ts';

afterEach(unmountAll);

describe('expectAccessible', () => {
  it('fails on a violation (so the widget tests can fail)', async () => {
    const element = await mount<HTMLElement>(html`<div><img src="data:," /><button></button></div>`);
    const error = await expectAccessible(element).catch((e: unknown) => e);
    expect(String(error)).to.match(/image-alt/).and.to.match(/button-name/);
  });
});

/** Test helpers for lazily loaded translations. */
import { expect } from '@esm-bundle/chai';
import { registerMessages } from '../core/i18n.ts';
import { deepText } from './dom.ts';

let pendingCount = 0;

/**
 * Registers a Spanish catalogue that is still on its way, as on a first Spanish page before its
 * chunk arrives. Call the function returned to let it arrive.
 */
export function spanishOnItsWay(): () => void {
  const key = `testPending${++pendingCount}`;
  let arrive!: () => void;
  const catalogue = new Promise<Record<string, string>>((resolve) => (arrive = () => resolve({ [key]: 'Ya' })));
  registerMessages({ en: { [key]: 'Here' }, es: () => catalogue });
  return arrive;
}

/** A widget waiting for its strings: busy, no text at all (no English flash), its height kept. */
export async function expectWaitingForStrings(widget: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await widget.updateComplete;
  expect(widget.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
  expect(deepText(widget).trim()).to.equal('');
  expect(widget.getBoundingClientRect().height).to.be.at.least(28 * 16);
}

/**
 * Helpers for the console's browser tests (not exported to stories). The DOM helpers are the
 * widgets' own (mount, waitFor, shadow-piercing queries, axe); the console adds its fake API,
 * key presses and form typing.
 */
import { deepActiveElement } from '@kindred/widgets/testing/dom';
import { StaffApi } from '../api/client.ts';
import type { Role } from '../api/contract.ts';
import { FakeServer, type FakeServerOptions } from './fake-server.ts';
import { fixtureSession } from './fixtures.ts';

export {
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  deepText,
  expectAccessible,
  mount,
  unmountAll,
  waitFor,
} from '@kindred/widgets/testing/dom';

/** Presses a key on the focused element (through shadow roots), as a keyboard would dispatch it. */
export function press(key: string, target: Element | null = deepActiveElement()): void {
  (target ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** A fake API server, the real client over it, and a session of `role` (signed in on both sides). */
export function setup(role: Role = 'owner', options: FakeServerOptions = {}) {
  const server = new FakeServer({ signedInAs: role, ...options });
  const api = new StaffApi({ fetch: server.fetch });
  const session = fixtureSession(role);
  api.useSession(session);
  return { server, api, session };
}

/** The shadow root of an element, asserted. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.tagName} has no shadow root`);
  return element.shadowRoot;
}

/** Sets a form control's value and fires the events a person's typing would. */
export function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Helpers for the console's browser tests (not exported to stories). */
import { render, type TemplateResult } from 'lit';
import { StaffApi } from '../api/client.ts';
import type { Role } from '../api/contract.ts';
import { FakeServer, type FakeServerOptions } from './fake-server.ts';
import { fixtureSession } from './fixtures.ts';

declare global {
  interface Window {
    axe: {
      run(
        context: Element | { include: Element[]; exclude: unknown[] },
        options: object,
      ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
    };
  }
}

const mounted: HTMLElement[] = [];

/** Renders a template into a fresh container on the page; returns its first element. */
export async function mount<E extends Element>(template: TemplateResult): Promise<E> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  const element = container.firstElementChild as E;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Removes everything `mount` added (call in afterEach). */
export function unmountAll(): void {
  for (const container of mounted.splice(0)) container.remove();
}

export async function waitFor<T>(check: () => T | undefined | null | false, what = 'condition', timeout = 4000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every element matching `selector` in `root` and in all shadow roots below it. */
export function deepQueryAll<E extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll<E>(element.shadowRoot, selector));
  }
  if (root instanceof Element && root.shadowRoot) found.push(...deepQueryAll<E>(root.shadowRoot, selector));
  return [...new Set(found)];
}

export function deepQuery<E extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): E | undefined {
  return deepQueryAll<E>(root, selector)[0];
}

/** Visible text of an element and its shadow trees, whitespace collapsed. */
export function deepText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element && (node.hasAttribute('hidden') || node.closest('[hidden]'))) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses a key on the focused element (through shadow roots), as a keyboard would dispatch it. */
export function press(key: string, target: Element | null = deepActiveElement()): void {
  (target ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** Runs axe-core (WCAG 2.x A/AA and best practices) and fails on any violation. */
export async function expectAccessible(element: Element, exclude: Element[] = []): Promise<void> {
  const result = await window.axe.run(exclude.length ? { include: [element], exclude } : element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
  });
  if (result.violations.length) {
    const lines = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
    throw new Error(`axe found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
  }
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

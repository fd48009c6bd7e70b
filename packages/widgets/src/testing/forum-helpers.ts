/** Helpers for the forum's browser tests: mount it on a MockClient, find its parts, act like a member. */
import { html } from 'lit';
import '../forum/define.ts';
import type { KindredForum } from '../forum/define.ts';
import { deepQuery, deepQueryAll, mount, waitFor } from './dom.ts';
import type { MockClient } from './mock-client.ts';

export const list = (forum: Element) => forum.shadowRoot!.querySelector('kindred-forum-thread-list')!;
export const threadView = (forum: Element) => forum.shadowRoot!.querySelector('kindred-forum-thread-view');
export const threadButtons = (forum: Element) => {
  const element = forum.shadowRoot!.querySelector('kindred-forum-thread-list');
  return element ? deepQueryAll<HTMLButtonElement>(element, '[part~="thread-link"]') : [];
};
export const liveRegion = (forum: Element) => forum.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
export const replyComposer = (forum: Element) => threadView(forum)!.shadowRoot!.querySelector('kindred-forum-composer')!;
export const newThreadComposer = (forum: Element) => forum.shadowRoot!.querySelector('kindred-forum-composer')!;
export const frame = (forum: Element) => forum.shadowRoot!;
export const replies = (view: Element) => deepQueryAll(view, '[part~="post"]:not([part~="opening-post"])');

export async function forumWith(client: MockClient, attrs: { token?: string; lang?: string; theme?: string; group?: string } = {}): Promise<KindredForum> {
  return mount<KindredForum>(
    html`<kindred-forum .client=${client} token=${attrs.token ?? ''} lang=${attrs.lang ?? ''} theme=${attrs.theme ?? 'light'} group=${attrs.group ?? ''}></kindred-forum>`,
  );
}

export async function listed(forum: KindredForum): Promise<HTMLButtonElement[]> {
  return waitFor(() => threadButtons(forum).length > 0 && threadButtons(forum), 'the thread list');
}

/** Opens the thread at `index` in the list (skipping none), as a click on its title would. */
export async function openThread(forum: KindredForum, index: number): Promise<Element> {
  const buttons = await listed(forum);
  buttons[index]!.click();
  return waitFor(() => {
    const view = threadView(forum);
    return view && deepQuery(view, '[part~="opening-post"]') && view;
  }, 'the thread view');
}

export const openFirstThread = (forum: KindredForum): Promise<Element> => openThread(forum, 0);

export function type(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input'));
}

export async function writeReply(forum: KindredForum, text: string): Promise<HTMLButtonElement> {
  const composer = replyComposer(forum);
  const textarea = await waitFor(() => deepQuery<HTMLTextAreaElement>(composer, 'textarea'), 'the reply box');
  type(textarea, text);
  await composer.updateComplete;
  return deepQuery<HTMLButtonElement>(composer, '[part~="submit"]')!;
}

export function events<K extends keyof GlobalEventHandlersEventMap>(name: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  const listener = (e: GlobalEventHandlersEventMap[K]) => seen.push(e);
  document.addEventListener(name, listener);
  cleanups.push(() => document.removeEventListener(name, listener));
  return seen;
}

const cleanups: (() => void)[] = [];

/** Call in afterEach: removes listeners `events()` added. */
export const runCleanups = (): void => cleanups.splice(0).forEach((c) => c());

/**
 * The stories widget's second chunk: the reader, the composer and "My stories", with their
 * strings. `<kindred-stories>` imports it the first time a member leaves the gallery, so the
 * first render stays small.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../core/i18n.ts';
import { define } from '../core/kindred-element.ts';
import { StoryComposer } from './composer.component.ts';
import { MyStories } from './my-stories.component.ts';
import { StoryReader } from './reader.component.ts';
import type { StoryDto } from './types.ts';
import './views-messages.ts';

define('kindred-story-reader', StoryReader);
define('kindred-story-composer', StoryComposer);
define('kindred-my-stories', MyStories);

/** Every part of the three views, re-exported by `<kindred-stories>`. */
export const VIEW_EXPORTPARTS = [...new Set([...StoryReader.parts, ...StoryComposer.parts, ...MyStories.parts])].join(', ');

/** "Thank you. Your story is awaiting review" (or shared at once, or saved to the journal). */
export function renderDone(
  t: Localizer,
  { story, created, organisation: name }: { story: StoryDto; created: boolean; organisation: string },
  on: { read: () => void; mine: () => void; back: () => void },
): TemplateResult {
  const own = story.own;
  const organisation = name || t.msg('thisOrganisation');
  const [title, text] =
    !created ? (['savedTitle', null] as const)
    : own?.audience === 'only_me' ? (['savedJournalTitle', t.msg('savedJournalText')] as const)
    : own?.status === 'pending' ? (['sharedPendingTitle', t.msg('sharedPendingText', { organisation })] as const)
    : (['sharedTitle', t.msg('sharedText')] as const);
  return html`<div class="done panel" part="shared-confirmation" data-view="done">
    <h2 id="done-heading" part="shared-heading" tabindex="-1">${t.msg(title)}</h2>
    ${text ? html`<p>${text}</p>` : nothing}
    <div class="actions">
      ${own?.status === 'published' ? html`<button class="button primary" part="button read-button" @click=${on.read}>${t.msg('readYourStory')}</button>` : nothing}
      <button class="button" part="button my-stories-button" @click=${on.mine}>${t.msg('myStoriesButton')}</button>
      <button class="button quiet" part="button back" @click=${on.back}>${t.msg('backToStories')}</button>
    </div>
  </div>`;
}

export { MyStories, StoryComposer, StoryReader };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-story-reader': StoryReader;
    'kindred-story-composer': StoryComposer;
    'kindred-my-stories': MyStories;
  }
}

/** Small templates the stories elements share: author, date, tag chips, the content-warning line. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Localizer } from '../core/i18n.ts';
import { TAG_KINDS, type StoryDto } from './types.ts';

/** Who wrote it, as readers see it: a name, a pseudonym, "Anonymous", or "You (shared anonymously)". */
export const storyAuthor = (t: Localizer, story: StoryDto): string =>
  story.signing === 'anonymous' ? (story.isOwn ? t.msg('storyByYouAnonymous') : t.msg('storyAnonymous')) : (story.author?.displayName ?? t.msg('storyAnonymous'));

/** Every tag of a story, condition first, without repeats. */
export const allTags = (story: StoryDto): string[] => [...new Set(TAG_KINDS.flatMap((kind) => story.tags[kind]))];

/** "12 March 2026": stories are dated, not "3 days ago". */
export const storyDate = (t: Localizer, iso: string): string => new Intl.DateTimeFormat(t.locale, { dateStyle: 'long' }).format(new Date(iso));

export const dateTemplate = (t: Localizer, iso: string | null): TemplateResult | typeof nothing =>
  iso ? html`<time part="time" datetime=${iso}>${storyDate(t, iso)}</time>` : nothing;

export const tagChips = (t: Localizer, story: StoryDto): TemplateResult | typeof nothing => {
  const tags = allTags(story);
  return tags.length
    ? html`<ul class="tags" part="tags" role="list" aria-label=${t.msg('storyTags')}>
        ${tags.map((tag) => html`<li class="tag" part="tag">${tag}</li>`)}
      </ul>`
    : nothing;
};

export const heartIcon = html`<svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
  ${svg`<path d="M10 16.5s-6.5-3.9-6.5-8.4A3.6 3.6 0 0 1 10 6a3.6 3.6 0 0 1 6.5 2.1c0 4.5-6.5 8.4-6.5 8.4z" fill="currentColor" />`}
</svg>`;

/** The line a content warning shows instead of the story, with "Show story" (aria-expanded). */
export const warningToggle = (t: Localizer, warning: string, revealed: boolean, controls: string, toggle: () => void): TemplateResult =>
  html`<div class="content-warning" part="content-warning">
    <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">${svg`<path d="M10 2.5l8 14.5H2z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" /><path d="M10 8v4M10 14.5v.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />`}</svg>
    <p>${t.msg('storyWarning', { warning })}</p>
    <button class="button" part="button show-story" aria-expanded=${revealed ? 'true' : 'false'} aria-controls=${controls} @click=${toggle}>
      ${t.msg(revealed ? 'hideStory' : 'showStory')}
    </button>
  </div>`;

/** Small templates the groups elements share (lists' error and "Load more" come from core/parts.ts). */
import { html, nothing, type TemplateResult } from 'lit';
import type { GroupDto } from '../core/api-types.ts';

/** A group's condition tags, as small labels. */
export function tags(group: GroupDto): TemplateResult | typeof nothing {
  if (!group.conditionTags.length) return nothing;
  return html`<ul class="tags" part="condition-tags" role="list">
    ${group.conditionTags.map((tag) => html`<li class="tag" part="condition-tag">${tag}</li>`)}
  </ul>`;
}

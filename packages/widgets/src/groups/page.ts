/**
 * Defines `<kindred-group-page>` and the `<kindred-forum>` it hosts. `<kindred-groups>` imports
 * this chunk only when a group is opened, so the directory's first render stays small.
 */
import { define } from '../core/kindred-element.ts';
import '../forum/define.ts';
import { FORUM_PARTS, GroupPage } from './group-page.component.ts';

/** Everything `<kindred-groups>` re-exports from the page: its parts and its forum's (`forum-*`). */
export const PAGE_EXPORTPARTS = [...GroupPage.parts, ...FORUM_PARTS].join(', ');

define('kindred-group-page', GroupPage);

export { GroupPage };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-group-page': GroupPage;
  }
}

/** Defines `<kindred-forum>` and its list. The loader imports this chunk on demand; the rest loads when needed. */
import { define } from '../core/kindred-element.ts';
import { KindredForum } from './forum.component.ts';
import { ForumThreadList } from './thread-list.component.ts';

define('kindred-forum', KindredForum);
define('kindred-forum-thread-list', ForumThreadList);

export { ForumThreadList, KindredForum };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-forum': KindredForum;
    'kindred-forum-thread-list': ForumThreadList;
  }
}

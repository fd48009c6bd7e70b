/** Defines `<kindred-forum>` and its nested elements. The loader imports this chunk on demand. */
import { define } from '../core/kindred-element.ts';
import { ForumComposer } from './composer.component.ts';
import { KindredForum } from './forum.component.ts';
import { ForumThreadList } from './thread-list.component.ts';
import { ForumThreadView } from './thread-view.component.ts';

define('kindred-forum', KindredForum);
define('kindred-forum-thread-list', ForumThreadList);
define('kindred-forum-thread-view', ForumThreadView);
define('kindred-forum-composer', ForumComposer);

export { ForumComposer, ForumThreadList, ForumThreadView, KindredForum };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-forum': KindredForum;
    'kindred-forum-thread-list': ForumThreadList;
    'kindred-forum-thread-view': ForumThreadView;
    'kindred-forum-composer': ForumComposer;
  }
}

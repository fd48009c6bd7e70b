/**
 * The forum's second chunk: the thread view, posts and composers. The forum imports it when a
 * member opens a thread or starts one, so the first render (the list) stays small.
 */
import { define } from '../core/kindred-element.ts';
import { ForumComposer } from './composer.component.ts';
import { ForumPost } from './post.component.ts';
import { ForumThreadView } from './thread-view.component.ts';

define('kindred-forum-thread-view', ForumThreadView);
define('kindred-forum-post', ForumPost);
define('kindred-forum-composer', ForumComposer);

export { ForumComposer, ForumPost, ForumThreadView };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-forum-thread-view': ForumThreadView;
    'kindred-forum-post': ForumPost;
    'kindred-forum-composer': ForumComposer;
  }
}

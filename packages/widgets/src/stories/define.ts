/** Defines `<kindred-stories>`. The loader imports this chunk on demand; the other views load later. */
import { define } from '../core/kindred-element.ts';
import { KindredStories } from './stories.component.ts';

define('kindred-stories', KindredStories);

export { KindredStories };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-stories': KindredStories;
  }
}

/**
 * Defines `<kindred-reviews>`: its summary and list are this chunk; the breakdown popover, the
 * review form, the "people like me" dialog and questions and answers are loaded when needed.
 */
import { define } from '../core/kindred-element.ts';
import { KindredReviews } from './reviews.component.ts';

define('kindred-reviews', KindredReviews);

export { KindredReviews };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-reviews': KindredReviews;
  }
}

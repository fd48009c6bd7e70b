/** Defines `<kindred-recommendations>`: a chunk of its own, so a page with only the panel loads only it. */
import { define } from '../core/kindred-element.ts';
import { KindredRecommendations } from './recommendations.component.ts';

define('kindred-recommendations', KindredRecommendations);

export { KindredRecommendations };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-recommendations': KindredRecommendations;
  }
}

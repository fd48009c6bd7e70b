/** Defines `<kindred-groups>`. The loader imports this chunk on demand; the group forum loads later. */
import { define } from '../core/kindred-element.ts';
import { KindredGroups } from './groups.component.ts';

define('kindred-groups', KindredGroups);

export { KindredGroups };

declare global {
  interface HTMLElementTagNameMap {
    'kindred-groups': KindredGroups;
  }
}

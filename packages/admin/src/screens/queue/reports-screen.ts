/** Reports: items members reported, one card per item with its reports grouped by reason. */
import { define } from '../../ui/console-element.ts';
import { QueueScreen } from './queue-screen.ts';

export class ReportsScreen extends QueueScreen {
  protected override readonly reportsView = true;

  protected override heading(): string {
    return 'Reports';
  }

  protected override lead(): string {
    return 'Content members reported, with their reasons. Keep it, hide it, or act on its author.';
  }
}

define('kc-reports-screen', ReportsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-reports-screen': ReportsScreen;
  }
}

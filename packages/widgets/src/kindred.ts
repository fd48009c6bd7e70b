/**
 * kindred.js, the embed loader: `<script type="module" src="https://HOST/kindred.js"></script>`.
 * It exposes `Kindred.setToken()` and loads each widget's chunk only when its element is on the
 * page and near the viewport. A new widget is one line in WIDGETS.
 */
import { reserveHeight, watchWidgets, type WidgetChunks } from './core/loader.ts';
import { installGlobal } from './core/session.ts';

const WIDGETS: WidgetChunks = {
  'kindred-forum': () => import('./forum/define.ts'),
  'kindred-groups': () => import('./groups/define.ts'),
  'kindred-stories': () => import('./stories/define.ts'),
  'kindred-reviews': () => import('./reviews/define.ts'),
  'kindred-recommendations': () => import('./reviews/recommendations-define.ts'),
};

installGlobal();
reserveHeight(Object.keys(WIDGETS));
watchWidgets(WIDGETS);

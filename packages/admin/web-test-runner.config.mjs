// Browser tests of the console: the setup the widgets use too (the console imports real widgets
// in its theme preview). See scripts/web-test-runner.base.mjs.
import { browserTestConfig } from '../../scripts/web-test-runner.base.mjs';

export default browserTestConfig(import.meta.url);

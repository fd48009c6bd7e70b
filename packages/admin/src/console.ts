/** The admin console: `<kindred-console>` and everything it opens. */
export { KindredConsole } from './app/console-app.ts';
export { StaffApi, ConsoleError, type StaffApiOptions } from './api/client.ts';
export type * from './api/contract.ts';

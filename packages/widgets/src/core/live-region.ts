/**
 * A widget's one polite live region: provides `announceContext` to nested elements. The region is
 * cleared first so repeated words are said again; messages arriving together are said together.
 * The host renders `text` in its `role="status"` element.
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { announceContext } from './context.ts';

export class LiveRegion implements ReactiveController {
  /** What the live region says now. */
  text = '';
  private readonly queued: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    new ContextProvider(host, { context: announceContext, initialValue: (message: string) => this.say(message) });
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  say = (message: string): void => {
    this.text = '';
    this.queued.push(message);
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.text = this.queued.splice(0).join(' ');
      this.host.requestUpdate();
    }, 80);
  };
}

/**
 * Runs something only while its element is on screen and the page is visible: a live stream
 * opens when both hold and closes (its AbortSignal aborts) as soon as either stops or the
 * element leaves the page. Used for every live subscription, so hidden widgets hold no stream.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export class WhileVisible implements ReactiveController {
  private inView = false;
  private observer: IntersectionObserver | undefined;
  private abort: AbortController | undefined;
  private enabled = true;

  constructor(
    private readonly host: Host,
    private readonly run: (signal: AbortSignal) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new IntersectionObserver((entries) => {
      this.inView = entries.some((e) => e.isIntersecting);
      this.sync();
    });
    this.observer.observe(this.host);
    document.addEventListener('visibilitychange', this.sync);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.inView = false;
    document.removeEventListener('visibilitychange', this.sync);
    this.sync();
  }

  /** True while the stream is open. */
  get active(): boolean {
    return this.abort !== undefined;
  }

  /** Closes and reopens (e.g. the thread changed). `enabled: false` keeps it closed. */
  restart(enabled = this.enabled): void {
    this.enabled = enabled;
    this.abort?.abort();
    this.abort = undefined;
    this.sync();
  }

  private sync = (): void => {
    const want = this.enabled && this.inView && this.host.isConnected && document.visibilityState === 'visible';
    if (want && !this.abort) {
      this.abort = new AbortController();
      this.run(this.abort.signal);
    } else if (!want && this.abort) {
      this.abort.abort();
      this.abort = undefined;
    }
  };
}

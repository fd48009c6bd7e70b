import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { KindredEventDetails, KindredEventName } from './events.ts';
import { Localizer } from './i18n.ts';

export interface EmitOptions {
  /** Default true. */
  bubbles?: boolean;
  /** Default true: the event leaves the shadow root and reaches the host page. */
  composed?: boolean;
  cancelable?: boolean;
}

/** The base of every Kindred element: typed events and localisation. */
export class KindredElement extends LitElement {
  /** Locale override; otherwise the nearest ancestor's `lang`, then `<html lang>`, then English. */
  @property({ reflect: true }) override lang!: string;

  protected readonly i18n = new Localizer(this);

  /** Dispatches a typed `kindred-*` event and returns it, so callers can check `defaultPrevented`. */
  emit<K extends KindredEventName>(name: K, detail: KindredEventDetails[K], options: EmitOptions = {}): CustomEvent<KindredEventDetails[K]> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, ...options, detail });
    this.dispatchEvent(event);
    return event;
  }
}

/** Defines a tag once (a page may load a widget chunk twice through different URLs). */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

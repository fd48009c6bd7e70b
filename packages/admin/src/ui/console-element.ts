/**
 * The base of every console element: the API, the session, and a typed way to raise a toast
 * (`kc-toast`, caught by the console's toast region).
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { StaffApi } from '../api/client.ts';
import type { Role, SessionDto } from '../api/contract.ts';

export interface ToastAction {
  label: string;
  /** Keyboard shortcut shown on the toast, e.g. "u". */
  key?: string;
  run: () => void | Promise<void>;
}

export interface ToastDetail {
  message: string;
  tone?: 'success' | 'error' | 'info';
  action?: ToastAction;
  /** Milliseconds on screen; default 6000 (paused while hovered or focused). */
  duration?: number;
  /** Aborting it takes the toast down (its action was done another way, e.g. by a key). */
  signal?: AbortSignal;
}

declare global {
  interface HTMLElementEventMap {
    'kc-toast': CustomEvent<ToastDetail>;
    'kc-navigate': CustomEvent<{ hash: string }>;
  }
}

export class ConsoleElement extends LitElement {
  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) session!: SessionDto;

  get staffRole(): Role {
    return this.session?.staff.role ?? 'analyst';
  }

  get isOwner(): boolean {
    return this.staffRole === 'owner';
  }

  toast(detail: ToastDetail): void {
    this.dispatchEvent(new CustomEvent('kc-toast', { detail, bubbles: true, composed: true }));
  }
}

/** Defines a tag once. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

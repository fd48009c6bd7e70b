/**
 * The page-wide member token, set by the host with `Kindred.setToken()`. In memory only: never
 * written to localStorage or cookies. An element's own `token` attribute wins over it.
 */
type Listener = () => void;

let current: string | null = null;
const listeners = new Set<Listener>();

export const session = {
  get token(): string | null {
    return current;
  },
  setToken(token: string | null): void {
    const next = token || null;
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener();
  },
  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export interface KindredGlobal {
  setToken(token: string | null): void;
}

declare global {
  interface Window {
    Kindred?: KindredGlobal;
  }
}

/** Called by the loader: exposes `window.Kindred.setToken`. */
export function installGlobal(): void {
  window.Kindred = { ...window.Kindred, setToken: (token) => session.setToken(token) };
}

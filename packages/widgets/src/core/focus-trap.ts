/**
 * Keeps Tab inside a modal (a native modal <dialog> makes the page inert, but Tab can still leave
 * for the browser's own UI). Call from the dialog's keydown handler.
 */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function trapTab(container: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]') && el.getClientRects().length);
  // Radio groups take one tab stop: keep only the checked (or first) radio of each group.
  const stops = items.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    const group = items.filter((o) => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name) as HTMLInputElement[];
    return (group.find((r) => r.checked) ?? group[0]) === el;
  });
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const active = (container.getRootNode() as Document | ShadowRoot).activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

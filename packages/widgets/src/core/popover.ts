/**
 * Popovers for every widget (user cards, reaction pickers, action menus), positioned by Floating
 * UI. Loaded lazily, on the first open. The component renders the trigger (with aria-expanded,
 * aria-haspopup, aria-controls) and the panel (role menu or dialog, labelled, `hidden` until
 * open); `openPopover` does the rest:
 * - places the panel next to the trigger (flip and shift to stay on screen; follows scrolling);
 * - moves focus in: the first menu item, else the element marked `data-autofocus`, else the panel;
 * - in a menu: ArrowUp/ArrowDown/Home/End move between items, Tab closes;
 * - Escape closes and returns focus to the trigger; a click outside closes;
 * - one popover at a time: opening one closes the previous.
 * Positions are set through CSSOM (element.style), which strict CSP allows.
 */
import { autoUpdate, computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom';

export interface PopoverOptions {
  placement?: Placement;
  /** Called once when it closes, however it closes (to update aria-expanded and hide the panel). */
  onClose(): void;
}

export interface Popover {
  close(returnFocus?: boolean): void;
}

let current: Popover | undefined;

const ITEMS = '[role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"]';

export function openPopover(trigger: HTMLElement, panel: HTMLElement, options: PopoverOptions): Popover {
  current?.close(false);
  panel.hidden = false;
  Object.assign(panel.style, { position: 'fixed', top: '0', left: '0' });
  const place = () =>
    computePosition(trigger, panel, {
      strategy: 'fixed',
      placement: options.placement ?? 'bottom-start',
      middleware: [offset(6), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => Object.assign(panel.style, { left: `${x}px`, top: `${y}px` }));
  const stopFollowing = autoUpdate(trigger, panel, () => void place());

  const items = () => [...panel.querySelectorAll<HTMLElement>(ITEMS)].filter((i) => !i.hidden);
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      popover.close(true);
      return;
    }
    const list = items();
    if (!list.length) return;
    if (event.key === 'Tab') return popover.close(false);
    const at = list.indexOf((panel.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement);
    const next =
      event.key === 'ArrowDown' ? (at + 1) % list.length
      : event.key === 'ArrowUp' ? (at - 1 + list.length) % list.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? list.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    list[next]!.focus();
  };
  const onPointer = (event: Event) => {
    const path = event.composedPath();
    if (!path.includes(panel) && !path.includes(trigger)) popover.close(false);
  };
  panel.addEventListener('keydown', onKey);
  document.addEventListener('pointerdown', onPointer, true);

  let open = true;
  const popover: Popover = {
    close(returnFocus = true) {
      if (!open) return;
      open = false;
      if (current === popover) current = undefined;
      stopFollowing();
      panel.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer, true);
      panel.hidden = true;
      options.onClose();
      if (returnFocus) trigger.focus();
    },
  };
  current = popover;
  void place().then(() => {
    if (!open) return;
    const target = items()[0] ?? panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel;
    target.focus();
  });
  return popover;
}

/** Closes whichever popover is open (e.g. when its element leaves the page). */
export function closePopover(): void {
  current?.close(false);
}

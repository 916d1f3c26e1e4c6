import { useEffect, type RefObject } from 'react';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Where Tab (or Shift+Tab) goes from `index` among `count` stops: round the
 * dialog, never out of it. From outside (-1), Tab goes to the first, Shift+Tab to the last.
 */
export function nextTabStop(count: number, index: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (index < 0) return backwards ? count - 1 : 0;
  return (index + (backwards ? count - 1 : 1)) % count;
}

/**
 * Keeps the keyboard inside a modal dialog while it is open, and gives the
 * focus back to whatever had it (the button that opened the dialog) when it
 * closes. Call it before the dialog's own "focus this first" effect, so the
 * opener is remembered before the focus moves.
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (event: KeyboardEvent) => {
      const root = container.current;
      if (event.key !== 'Tab' || !root) return;
      const stops = [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.getClientRects().length > 0);
      event.preventDefault();
      const next = nextTabStop(stops.length, stops.indexOf(document.activeElement as HTMLElement), event.shiftKey);
      (stops[next] ?? root).focus();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      // Only if the opener is still on the screen: focusing a removed element would drop focus to the page.
      if (opener?.isConnected) opener.focus();
    };
  }, [container]);
}

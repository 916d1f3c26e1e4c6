import { useCallback, useState } from 'react';

/**
 * The rendered height of an element, kept current. The call screen is laid out
 * absolutely, so the observer banner and the controls report their height and
 * the rest moves out of their way, however many observers the banner lists
 * or however the text wraps.
 */
export function useElementHeight<T extends HTMLElement>(): [(element: T | null) => (() => void) | undefined, number] {
  const [height, setHeight] = useState(0);
  const ref = useCallback((element: T | null) => {
    if (!element) return undefined;
    const measure = () => setHeight(Math.ceil(element.getBoundingClientRect().height));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      setHeight(0);
    };
  }, []);
  return [ref, height];
}

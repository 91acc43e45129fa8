// When what had the keyboard focus disappears (a screen replaced by the next one, a step that
// passed and folded away), the browser drops focus on <body> and keyboard and screen-reader
// users lose their place. This puts it on a heading of what took its place instead – only
// then, never taking focus from where the user is.
import { useEffect, type RefObject } from 'react';

export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

/** Focuses `ref` (give it tabIndex={-1}) when `when` becomes true while nothing has the focus. */
export function useFocusWhenLost(ref: RefObject<HTMLElement | null>, when = true): void {
  useEffect(() => {
    if (when && focusIsLost()) ref.current?.focus({ preventScroll: false });
  }, [ref, when]);
}

// Page-wide keyboard shortcuts: Ctrl/Cmd+Enter invokes, Ctrl/Cmd+S saves. Keys a focused widget
// already handled (Monaco binds the same keys itself) are left alone.
import { useEffect, useRef } from 'react';

export interface Shortcuts {
  invoke(): void;
  save(): void;
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        if (!event.repeat) latest.current.invoke();
      } else if (event.key.toLowerCase() === 's' && !event.shiftKey) {
        event.preventDefault(); // never the browser's "Save page as"
        if (!event.repeat) latest.current.save();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** How the invoke shortcut is written on this platform. */
export function invokeShortcutLabel(): string {
  const platform = window.lambdaLabDesktop?.platform ?? navigator.platform;
  return /^(darwin|mac)/i.test(platform) ? '⌘ Enter' : 'Ctrl+Enter';
}

// Page-wide keyboard shortcuts. Keys a focused widget already handled (Monaco binds the same
// keys itself) are left alone, and so is everything while a dialog is open.
import { useEffect, useRef } from 'react';

export interface Shortcuts {
  invoke(): void;
  save(): void;
  openPalette(): void;
  openFileSwitcher(): void;
  openSettings(): void;
  newFunction(): void;
}

/** The shortcuts, for the palette and the help: [command, Windows/Linux keys, macOS keys]. */
export const SHORTCUTS = {
  invoke: ['Ctrl+Enter', '⌘ Enter'],
  save: ['Ctrl+S', '⌘ S'],
  openPalette: ['Ctrl+Shift+P', '⇧⌘ P'],
  openFileSwitcher: ['Ctrl+P', '⌘ P'],
  openSettings: ['Ctrl+,', '⌘ ,'],
  newFunction: ['Alt+N', '⌥ N'],
} as const satisfies Record<keyof Shortcuts, readonly [string, string]>;

export function isMac(): boolean {
  const platform = window.lambdaLabDesktop?.platform ?? navigator.platform;
  return /^(darwin|mac)/i.test(platform);
}

/** How a shortcut is written on this platform. */
export function shortcutLabel(name: keyof Shortcuts): string {
  const [other, mac] = SHORTCUTS[name];
  return isMac() ? mac : other;
}

function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || dialogOpen()) return;
      const s = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let action: (() => void) | undefined;
      if (mod && !event.altKey && event.key === 'Enter' && !event.shiftKey) action = s.invoke;
      else if (mod && !event.altKey && key === 's' && !event.shiftKey) action = s.save; // never the browser's "Save page as"
      else if (mod && !event.altKey && key === 'p') action = event.shiftKey ? s.openPalette : s.openFileSwitcher; // never "Print"
      else if (mod && !event.altKey && event.key === ',') action = s.openSettings;
      else if (event.altKey && !mod && (event.code === 'KeyN' || key === 'n')) action = s.newFunction;
      if (action === undefined) return;
      event.preventDefault();
      if (!event.repeat) action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

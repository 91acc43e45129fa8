// The desktop app's menu (File > New Function…, Lab > Invoke) reaches the page through the
// preload; in browser mode there is no menu and this does nothing.
import { useEffect, useRef } from 'react';

export function useDesktopMenu(handlers: Readonly<Record<string, () => void>>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const subscribe = window.lambdaLabDesktop?.onMenuCommand;
    if (typeof subscribe !== 'function') return;
    return subscribe((command) => latest.current[command]?.());
  }, []);
}

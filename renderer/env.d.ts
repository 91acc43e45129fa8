// Globals the page may find at run time.

/** What the Electron preload exposes (electron/preload.ts). Absent in browser mode. */
interface LambdaLabDesktop {
  readonly engineToken: string | undefined;
  readonly platform: string;
  /** Opens an https link in the system browser; false (and nothing opened) for anything else. Optional: older shells lack it. */
  readonly openExternal?: (url: string) => Promise<boolean>;
  /** Menu commands (`menu:new-function`, `menu:invoke`, `menu:open-lessons`, ...); returns an unsubscribe function. Optional: older shells lack it. */
  readonly onMenuCommand?: (callback: (command: string) => void) => () => void;
}

interface Window {
  readonly lambdaLabDesktop?: LambdaLabDesktop | undefined;
}

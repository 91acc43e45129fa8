// Globals the page may find at run time.

/** What the Electron preload exposes (electron/preload.ts). Absent in browser mode. */
interface LambdaLabDesktop {
  readonly engineToken: string | undefined;
  readonly platform: string;
}

interface Window {
  readonly lambdaLabDesktop?: LambdaLabDesktop | undefined;
}

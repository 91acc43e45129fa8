// The object the preload puts on `window.lambdaLabDesktop`: a few named, validated calls and
// values, never ipcRenderer itself or a way to name a channel. Built from an injected
// ipcRenderer so tests can check it without Electron.
import { type EngineInfo, IPC, type MenuCommand, isEngineInfo, isMenuCommand, isSafeExternalUrl, versionFromArgv } from './ipc.ts';

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  sendSync(channel: string): unknown;
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface LambdaLabDesktop {
  /** The engine token for this page load; the UI reads it synchronously at start-up. */
  readonly engineToken: string | undefined;
  /** The engine's origin for this page load (`http://127.0.0.1:<port>`). */
  readonly engineOrigin: string | undefined;
  readonly platform: string;
  readonly appVersion: string;
  /** Asks main again (the engine may have restarted since the page loaded). */
  getEngine(): Promise<EngineInfo | undefined>;
  openDataFolder(): Promise<void>;
  /** Opens an https link in the system browser; false (and nothing opened) for anything else. */
  openExternal(url: string): Promise<boolean>;
  showAbout(): Promise<void>;
  /** Menu commands for the UI (`menu:new-function`, `menu:invoke`, `menu:open-lessons`); returns an unsubscribe function. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}

/** The names the page sees, in order; the tests hold the preload to exactly this list. */
export const DESKTOP_API_KEYS = [
  'engineToken', 'engineOrigin', 'platform', 'appVersion',
  'getEngine', 'openDataFolder', 'openExternal', 'showAbout', 'onMenuCommand',
] as const satisfies readonly (keyof LambdaLabDesktop)[];

export interface PreloadContext {
  platform: string;
  argv: readonly string[];
}

export function createDesktopApi(ipc: IpcRendererLike, context: PreloadContext): LambdaLabDesktop {
  // Synchronous on purpose, once per page load: the UI reads `engineToken` before its first
  // render (renderer/api/token.ts). Main answers from memory, so the page waits microseconds.
  let engine: EngineInfo | undefined;
  try {
    const answer = ipc.sendSync(IPC.getEngine);
    engine = isEngineInfo(answer) ? answer : undefined;
  } catch {
    engine = undefined;
  }
  const api: LambdaLabDesktop = {
    engineToken: engine?.token,
    engineOrigin: engine?.origin,
    platform: context.platform,
    appVersion: versionFromArgv(context.argv),
    async getEngine() {
      const answer = await ipc.invoke(IPC.getEngine);
      return isEngineInfo(answer) ? { origin: answer.origin, token: answer.token } : undefined;
    },
    async openDataFolder() {
      await ipc.invoke(IPC.openDataFolder);
    },
    async openExternal(url: string) {
      if (!isSafeExternalUrl(url)) return false;
      return (await ipc.invoke(IPC.openExternal, url)) === true;
    },
    async showAbout() {
      await ipc.invoke(IPC.showAbout);
    },
    onMenuCommand(callback) {
      if (typeof callback !== 'function') throw new TypeError('onMenuCommand needs a function');
      // The IPC event never reaches the page (its `sender` is ipcRenderer): only the command name.
      const listener = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) callback(command);
      };
      ipc.on(IPC.menuCommand, listener);
      return () => {
        ipc.removeListener(IPC.menuCommand, listener);
      };
    },
  };
  return Object.freeze(api);
}

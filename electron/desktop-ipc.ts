// Main's side of the desktop bridge: one handler per named call, each answering only frames
// that show the engine's pages and validating its arguments. ipcMain is injected (type-only
// electron import), so tests register against a fake.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { type EngineInfo, IPC, isSafeExternalUrl } from './ipc.ts';
import { isTrustedSender } from './security.ts';

export interface DesktopHandlers {
  engine(): EngineInfo | undefined;
  openDataFolder(): Promise<void>;
  /** Opens a link in the system browser (main's one call to shell.openExternal). */
  openInBrowser(url: string): Promise<void>;
  showAbout(): Promise<void>;
}

export type IpcMainLike = Pick<IpcMain, 'on' | 'handle'>;

type SenderEvent = Pick<IpcMainEvent | IpcMainInvokeEvent, 'senderFrame'>;

function frameUrl(event: SenderEvent): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined; // the frame is gone
  }
}

export function registerDesktopIpc(ipcMain: IpcMainLike, handlers: DesktopHandlers): void {
  const trusted = (event: SenderEvent): boolean => isTrustedSender(frameUrl(event), handlers.engine()?.origin);
  const engineAnswer = (event: SenderEvent): EngineInfo | null => {
    const engine = handlers.engine();
    return engine !== undefined && trusted(event) ? { origin: engine.origin, token: engine.token } : null;
  };

  // The preload's one synchronous call per page load (see desktop-api.ts); answered from memory.
  ipcMain.on(IPC.getEngine, (event) => {
    try {
      event.returnValue = engineAnswer(event);
    } catch {
      event.returnValue = null;
    }
  });
  ipcMain.handle(IPC.getEngine, (event) => engineAnswer(event));
  ipcMain.handle(IPC.openDataFolder, async (event) => {
    if (!trusted(event)) return false;
    await handlers.openDataFolder();
    return true;
  });
  ipcMain.handle(IPC.openExternal, async (event, url: unknown) => {
    if (!trusted(event) || !isSafeExternalUrl(url)) return false;
    await handlers.openInBrowser(url);
    return true;
  });
  ipcMain.handle(IPC.showAbout, async (event) => {
    if (!trusted(event)) return false;
    await handlers.showAbout();
    return true;
  });
}

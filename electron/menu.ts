// The application menu: the usual roles plus the lab's commands. A pure template builder
// (type-only electron import); main turns it into a Menu and supplies the actions.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './ipc.ts';

export interface MenuActions {
  /** A command for the UI (sent to the page, which may subscribe through the preload). */
  sendToPage(command: MenuCommand): void;
  openDataFolder(): void;
  resetLabData(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development builds add Reload and the developer tools. */
  isDevelopment: boolean;
  actions: MenuActions;
}

/** Stable ids, so tests (and the Electron end-to-end suite) can find the lab's items. */
export const MENU_IDS = {
  newFunction: 'new-function',
  invoke: 'invoke',
  openLessons: 'open-lessons',
  openDataFolder: 'open-data-folder',
  resetLabData: 'reset-lab-data',
  about: 'about',
} as const;

export function buildMenuTemplate({ platform, appName, isDevelopment, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { id: MENU_IDS.about, label: `About ${appName}`, click: () => actions.showAbout() };
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{
        label: appName,
        submenu: [about, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
      }]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { id: MENU_IDS.newFunction, label: 'New Function…', accelerator: 'CmdOrCtrl+N', click: () => actions.sendToPage('menu:new-function') },
      sep,
      { id: MENU_IDS.openDataFolder, label: 'Open Data Folder', click: () => actions.openDataFolder() },
      { id: MENU_IDS.resetLabData, label: 'Reset Lab Data…', click: () => actions.resetLabData() },
      sep,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' }, { role: 'redo' }, sep,
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' }, sep, { role: 'selectAll' },
    ],
  };

  const lab: MenuItemConstructorOptions = {
    label: 'Lab',
    submenu: [
      // The page already binds Ctrl/Cmd+Enter (renderer/app/useShortcuts.ts): the menu only shows
      // the shortcut, so the key keeps reaching the page and the editor.
      { id: MENU_IDS.invoke, label: 'Invoke', accelerator: 'CmdOrCtrl+Enter', registerAccelerator: false, click: () => actions.sendToPage('menu:invoke') },
      { id: MENU_IDS.openLessons, label: 'Open Lessons', click: () => actions.sendToPage('menu:open-lessons') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // Reload drops unsaved editor text, so only developers get it.
      ...(isDevelopment ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, sep] : []),
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: mac ? [{ id: `${MENU_IDS.openLessons}-help`, label: 'Lessons', click: () => actions.sendToPage('menu:open-lessons') }] : [about],
  };

  return [...appMenu, file, edit, lab, view, window, help];
}

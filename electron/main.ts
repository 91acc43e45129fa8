// The desktop shell's main process: wiring only (architecture: a thin shell). The engine runs
// as a supervised child process on a real Node 24 (engine-supervisor.ts); the window shows the
// UI that the engine serves; the policies live in security.ts, the menu in menu.ts, the dialog
// texts in dialogs.ts, the bridge in desktop-ipc.ts / desktop-api.ts. See docs/desktop.md.
import { BrowserWindow, Menu, type MessageBoxOptions, app, dialog, ipcMain, nativeTheme, screen, session, shell } from 'electron';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ID, PRODUCT_NAME } from './app-identity.ts';
import { registerDesktopIpc } from './desktop-ipc.ts';
import {
  ABOUT_BUTTONS, GAVE_UP_BUTTONS, RESET_BUTTONS, aboutBox, engineGaveUpNotice, engineRestartedNotice, noticesPath,
  readOptionalText, resetConfirmation, resetDone, samNoticePath, startFailure,
} from './dialogs.ts';
import { engineArgs, engineCliPath, engineEnv, engineNodePath, engineRoot } from './engine-process.ts';
import { EngineStartError, EngineSupervisor, type SupervisorEvent } from './engine-supervisor.ts';
import { IPC, type MenuCommand, isSafeExternalUrl } from './ipc.ts';
import { moveLabDataAside, resetStamp } from './lab-data.ts';
import { createShellLog } from './log.ts';
import { buildMenuTemplate } from './menu.ts';
import { type PolicyContext, applySessionPolicy, applyWebContentsPolicy, createLabWindow } from './security.ts';
import { fitWindowState, readWindowState, windowStateFrom, writeWindowState } from './window-state.ts';

const log = createShellLog();
const isDevelopment = !app.isPackaged;

app.setName(PRODUCT_NAME);
// The same data folder in development and packaged builds, `<appData>/Lambda Lab` (README),
// unless the caller chose one with --user-data-dir (the end-to-end tests do).
const chosenDataDir = app.commandLine.getSwitchValue('user-data-dir');
app.setPath('userData', chosenDataDir !== '' ? chosenDataDir : join(app.getPath('appData'), PRODUCT_NAME));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

let win: BrowserWindow | undefined;
let supervisor: EngineSupervisor | undefined;
let engineStoppedForQuit = false;
let stoppingForQuit = false;
let resetting = false;
let lastCrash: { code: number | null; signal: string | null } = { code: null, signal: null };

const dataDir = (): string => app.getPath('userData');
const nodePath = engineNodePath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, platform: process.platform, env: process.env });

/** The one place that hands a link to the system browser. */
function openInBrowser(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return Promise.resolve();
  // The URL has just passed isSafeExternalUrl (https, a host, no credentials), so the
  // scanner's warning about non-constant URLs is answered here.
  return shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

const policy: PolicyContext = {
  engineOrigin: () => supervisor?.endpoint?.origin,
  openInBrowser: (url) => {
    void openInBrowser(url).catch((e: unknown) => log.warn(`could not open a link: ${String(e)}`));
  },
};

function showBox(options: MessageBoxOptions): Promise<{ response: number }> {
  return win !== undefined && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
}

function createMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = fitWindowState(readWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
  const w = createLabWindow(BrowserWindow, {
    preload: join(app.getAppPath(), 'out', 'preload', 'preload.cjs'),
    bounds: { ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}), width: state.width, height: state.height },
    devTools: isDevelopment,
    appVersion: app.getVersion(),
    dark: nativeTheme.shouldUseDarkColors,
  });
  w.once('ready-to-show', () => {
    if (state.maximized) w.maximize();
    w.show();
  });
  let saveTimer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(saveTimer);
    if (w.isDestroyed()) return;
    try {
      writeWindowState(stateFile, windowStateFrom(w.getNormalBounds(), w.isMaximized()));
    } catch (e) {
      log.warn(`could not save the window's size and position: ${String(e)}`);
    }
  };
  const saveSoon = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 500);
  };
  w.on('resize', saveSoon);
  w.on('move', saveSoon);
  w.on('maximize', saveSoon);
  w.on('unmaximize', saveSoon);
  w.on('close', save);
  w.on('closed', () => {
    if (win === w) win = undefined;
  });
  w.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) log.warn(`the lab page did not load (${code} ${description}) from ${url}`);
  });
  let lastRendererReload = 0;
  w.webContents.on('render-process-gone', (_event, details) => {
    log.error(`the lab page's renderer stopped (${details.reason})`);
    const origin = supervisor?.endpoint?.origin;
    // Reload once; a page that keeps crashing is left alone (no reload loop).
    if (details.reason === 'clean-exit' || origin === undefined || w.isDestroyed() || Date.now() - lastRendererReload < 30_000) return;
    lastRendererReload = Date.now();
    void w.loadURL(`${origin}/`);
  });
  return w;
}

/** Shows the engine's UI, in a new window or, after a restart, by reloading from the new origin. */
function showLab(origin: string): void {
  if (win === undefined || win.isDestroyed()) win = createMainWindow();
  void win.loadURL(`${origin}/`).catch((e: unknown) => log.warn(`the lab page did not load: ${String(e)}`));
}

function sendToPage(command: MenuCommand): void {
  if (win !== undefined && !win.isDestroyed()) win.webContents.send(IPC.menuCommand, command);
}

async function openDataFolder(): Promise<void> {
  const error = await shell.openPath(dataDir());
  if (error !== '') log.warn(`could not open the data folder: ${error}`);
}

let engineNodeVersion: Promise<string | undefined> | undefined;
function getEngineNodeVersion(): Promise<string | undefined> {
  engineNodeVersion ??= new Promise((resolve) => {
    execFile(nodePath, ['--version'], { timeout: 5_000, windowsHide: true }, (error, stdout) => resolve(error === null ? stdout.trim() : undefined));
  });
  return engineNodeVersion;
}

async function showAbout(): Promise<void> {
  const notices = noticesPath(app.isPackaged, process.resourcesPath, app.getAppPath());
  const hasNotices = existsSync(notices);
  const { response } = await showBox(aboutBox({
    appName: PRODUCT_NAME,
    version: app.getVersion(),
    electron: process.versions.electron ?? 'unknown',
    chrome: process.versions.chrome ?? 'unknown',
    engineNode: await getEngineNodeVersion(),
    samNotice: readOptionalText(samNoticePath(engineRoot(app.getAppPath()))),
    hasNotices,
  }));
  if (hasNotices && response === ABOUT_BUTTONS.notices) {
    const error = await shell.openPath(notices);
    if (error !== '') log.warn(`could not open the notices: ${error}`);
  }
}

async function resetLabData(): Promise<void> {
  if (resetting || supervisor === undefined) return;
  const { response } = await showBox(resetConfirmation(dataDir()));
  if (response !== RESET_BUTTONS.reset) return;
  resetting = true;
  try {
    await supervisor.stop();
    let moved: string[] = [];
    let moveError: unknown;
    try {
      moved = moveLabDataAside(dataDir(), resetStamp(new Date()));
      log.info(moved.length === 0 ? 'reset: no lab database to move aside' : `reset: lab data moved aside as ${moved.join(', ')}`);
    } catch (e) {
      moveError = e;
      log.error(`reset: could not move the lab data aside: ${String(e)}`);
    }
    showLab((await supervisor.start()).origin);
    void showBox(moveError === undefined
      ? resetDone(dataDir(), moved)
      : { type: 'error', title: 'Reset Lab Data', message: 'The lab data could not be moved aside; nothing was changed.', detail: String(moveError), buttons: ['OK'] });
  } catch (e) {
    await engineFailed(e);
  } finally {
    resetting = false;
  }
}

/** The engine would not start (again): say why, offer to try again or quit. */
async function engineFailed(error: unknown, crashes?: number): Promise<void> {
  if (stoppingForQuit) return;
  const output = error instanceof EngineStartError ? error.output : typeof error === 'string' ? error : '';
  const { response } = await showBox(engineGaveUpNotice(crashes ?? 1, log.scrub(output)));
  if (response !== GAVE_UP_BUTTONS.retry) {
    app.quit();
    return;
  }
  try {
    showLab((await (supervisor as EngineSupervisor).start()).origin);
  } catch (e) {
    await engineFailed(e);
  }
}

function onEngineEvent(event: SupervisorEvent): void {
  switch (event.type) {
    case 'crashed':
      lastCrash = { code: event.code, signal: event.signal };
      break;
    case 'ready':
      if (event.restarted) {
        showLab(event.endpoint.origin);
        void showBox(engineRestartedNotice(lastCrash.code, lastCrash.signal));
      }
      break;
    case 'gave-up':
      void engineFailed(event.output, event.crashes);
      break;
    default:
      break;
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win === undefined || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // Every web contents (windows, and anything a page might try to create) gets the policy.
  app.on('web-contents-created', (_event, contents) => applyWebContentsPolicy(contents, policy));

  app.whenReady().then(async () => {
    applySessionPolicy(session.defaultSession, policy);
    registerDesktopIpc(ipcMain, {
      engine: () => supervisor?.endpoint,
      openDataFolder,
      openInBrowser,
      showAbout,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({
      platform: process.platform,
      appName: PRODUCT_NAME,
      isDevelopment,
      actions: {
        sendToPage,
        openDataFolder: () => void openDataFolder(),
        resetLabData: () => void resetLabData(),
        showAbout: () => void showAbout(),
      },
    })));
    const root = engineRoot(app.getAppPath());
    supervisor = new EngineSupervisor({
      command: nodePath,
      args: engineArgs(engineCliPath(app.getAppPath()), dataDir()),
      env: engineEnv(process.env, app.isPackaged),
      cwd: root,
      log,
    });
    supervisor.subscribe(onEngineEvent);
    showLab((await supervisor.start()).origin);
  }).catch((e: unknown) => {
    if (stoppingForQuit) return; // quit while the engine was starting: nothing to report
    const { title, content } = startFailure(e instanceof Error ? e.message : String(e), e instanceof EngineStartError ? e.output : '');
    log.error(content);
    dialog.showErrorBox(title, log.scrub(content));
    app.exit(1);
  });

  app.on('window-all-closed', () => app.quit());
  // Quit waits for the engine to stop cleanly (SIGTERM; SIGKILL after a grace period).
  app.on('before-quit', (event) => {
    if (engineStoppedForQuit || supervisor === undefined) return;
    event.preventDefault();
    if (stoppingForQuit) return;
    stoppingForQuit = true;
    void supervisor.stop().finally(() => {
      engineStoppedForQuit = true;
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

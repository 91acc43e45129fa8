// The desktop shell: one secure window showing the UI that the engine host serves.
// No business logic lives here (architecture: a thin shell).
import { BrowserWindow, app, session, shell } from 'electron';
import { join } from 'node:path';
import { type EngineEndpoint, engineNodePath, startEngine } from './engine-process.ts';

let engine: EngineEndpoint | undefined;

function isSafeExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

function createWindow(endpoint: EngineEndpoint): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Lambda Lab',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The preload reads the engine token from here; it never reaches page scripts except
      // through the one value the preload exposes.
      additionalArguments: [`--lambda-lab-token=${endpoint.token}`],
    },
  });
  win.once('ready-to-show', () => win.show());
  // Only the engine's own pages may load; everything else is refused or sent to the browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${endpoint.origin}/`)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(`${endpoint.origin}/`);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win !== undefined) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    const cliPath = join(app.getAppPath(), 'dist', 'engine', 'cli.js');
    engine = await startEngine(engineNodePath(app.isPackaged, process.resourcesPath), cliPath, app.getPath('userData'));
    createWindow(engine);
  }).catch((e: unknown) => {
    process.stderr.write(`Lambda Lab could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    engine?.child.kill('SIGTERM');
  });
}

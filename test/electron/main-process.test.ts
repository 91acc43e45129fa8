// electron/main.ts wired end to end, without an Electron binary: the `electron` module is
// replaced by a small fake that records what main asks of it, while the engine is the real one
// (`lambda-lab serve` on this Node). Checks that main really uses the tested policies, passes
// the token only to the engine's pages, reloads from the new origin after a crash, resets the
// lab data without deleting it, stops the engine on quit, and never prints the token.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../electron/ipc.ts';
import { MENU_IDS } from '../../electron/menu.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { isAlive, waitFor } from './helpers.ts';

const fake = vi.hoisted(() => {
  // Plain objects and classes standing in for Electron's main-process API.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const paths = new Map<string, string>();
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyResolve = r));

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    quitted: false,
    appPath: '',
    setName: (): void => undefined,
    commandLine: { getSwitchValue: (): string => '' },
    getPath: (name: string): string => paths.get(name) ?? '',
    setPath: (name: string, value: string): void => void paths.set(name, value),
    enableSandbox: (): void => undefined,
    setAppUserModelId: (): void => undefined,
    requestSingleInstanceLock: (): boolean => true,
    whenReady: (): Promise<void> => ready,
    getAppPath: (): string => app.appPath,
    getVersion: (): string => '0.1.0',
    exit: (): void => undefined,
    // Like Electron: 'before-quit' may be prevented; otherwise the app quits.
    quit(): void {
      const event = { defaultPrevented: false, preventDefault(): void { this.defaultPrevented = true; } };
      app.emit('before-quit', event);
      if (!event.defaultPrevented) app.quitted = true;
    },
  });

  class WebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    sent: unknown[][] = [];
    setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
      this.windowOpenHandler = handler;
    }
    send(...args: unknown[]): void {
      this.sent.push(args);
    }
  }
  const windows: BrowserWindow[] = [];
  class BrowserWindow extends Emitter {
    readonly webContents = new WebContents();
    readonly loaded: string[] = [];
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
    }
    show(): void {}
    maximize(): void {}
    isMaximized(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return false;
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: this.options.width ?? 0, height: this.options.height ?? 0 };
    }
    focus(): void {}
    restore(): void {}
  }

  const session = Object.assign(new Emitter(), {
    handlers: {} as Record<string, unknown>,
    setPermissionRequestHandler(h: unknown) { session.handlers['request'] = h; },
    setPermissionCheckHandler(h: unknown) { session.handlers['check'] = h; },
    setDevicePermissionHandler(h: unknown) { session.handlers['device'] = h; },
    webRequest: {
      onBeforeRequest(h: unknown) { session.handlers['beforeRequest'] = h; },
      onHeadersReceived(h: unknown) { session.handlers['headers'] = h; },
    },
  });
  const ipc = { on: new Map<string, (...a: unknown[]) => void>(), handle: new Map<string, (...a: unknown[]) => unknown>() };
  const menu = { template: [] as MenuItemConstructorOptions[] };
  const boxes: { options: { message?: string; detail?: string; buttons?: string[] } }[] = [];
  const answers: number[] = [];

  const module = {
    app,
    BrowserWindow,
    session: { defaultSession: session },
    ipcMain: {
      on: (channel: string, listener: (...a: unknown[]) => void) => ipc.on.set(channel, listener),
      handle: (channel: string, listener: (...a: unknown[]) => unknown) => ipc.handle.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (m: { template: MenuItemConstructorOptions[] }) => void (menu.template = m.template),
    },
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        boxes.push({ options: args[args.length - 1] as never });
        return { response: answers.shift() ?? 0 };
      },
      showErrorBox: (title: string, content: string) => void boxes.push({ options: { message: title, detail: content } }),
    },
    shell: { openExternal: async () => undefined, openPath: async () => '' },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    nativeTheme: { shouldUseDarkColors: false },
  };
  return { module, app, windows, session, ipc, menu, boxes, answers, paths, start: () => readyResolve() };
});

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const printed: string[] = [];
let appData: string;
let signalListeners: { SIGINT: NodeJS.SignalsListener[]; SIGTERM: NodeJS.SignalsListener[] };

const win = () => {
  const w = fake.windows[fake.windows.length - 1];
  if (w === undefined) throw new Error('no window yet');
  return w;
};
const engineFor = (url: string | null): { origin: string; token: string } | null => {
  const event: { senderFrame: { url: string } | null; returnValue?: unknown } = { senderFrame: url === null ? null : { url } };
  fake.ipc.on.get(IPC.getEngine)?.(event);
  return event.returnValue as { origin: string; token: string } | null;
};
const currentOrigin = () => new URL(win().loaded[win().loaded.length - 1] ?? 'http://x').origin;
const findItem = (items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined => {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = Array.isArray(item.submenu) ? findItem(item.submenu, id) : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
};
const clickMenu = (id: string) => (findItem(fake.menu.template, id)?.click as (() => void) | undefined)?.();
const enginePid = (): number => {
  const lines = printed.filter((l) => l.includes('engine ready at'));
  return Number(/\(pid (\d+)\)/.exec(lines[lines.length - 1] ?? '')?.[1]);
};

beforeAll(async () => {
  appData = tempDir('lambda-lab-main-');
  fake.paths.set('appData', appData);
  fake.app.appPath = (await import('./helpers.ts')).REPO_ROOT;
  process.env['LAMBDA_LAB_NODE'] = process.execPath;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (String(chunk).includes('[lambda-lab]')) printed.push(String(chunk));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    });
  }
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  await import('../../electron/main.ts');
  signalListeners = {
    SIGINT: process.listeners('SIGINT').filter((l) => !before.SIGINT.includes(l)),
    SIGTERM: process.listeners('SIGTERM').filter((l) => !before.SIGTERM.includes(l)),
  };
  fake.start();
  await waitFor(() => fake.windows.length === 1 && win().loaded.length === 1, 'the window to load the lab', 30_000);
}, 60_000);

afterAll(async () => {
  // main's own signal handlers would keep this test worker from being stopped.
  for (const l of signalListeners.SIGINT) process.off('SIGINT', l);
  for (const l of signalListeners.SIGTERM) process.off('SIGTERM', l);
  const pid = enginePid();
  if (Number.isInteger(pid) && isAlive(pid)) process.kill(pid, 'SIGKILL');
  vi.restoreAllMocks();
  delete process.env['LAMBDA_LAB_NODE'];
  removeTempDirs();
});

describe('electron/main.ts with a fake Electron and the real engine', () => {
  it('takes the single-instance lock, sandboxes every renderer and uses the data folder <appData>/Lambda Lab', () => {
    expect(fake.paths.get('userData')).toBe(join(appData, 'Lambda Lab'));
    expect(existsSync(join(appData, 'Lambda Lab', 'lab.db'))).toBe(true);
    expect(fake.app.listenerCount('second-instance')).toBe(1);
  });

  it('opens one window with the secure preferences and loads the engine’s page, without the token in the URL', () => {
    const prefs = win().options.webPreferences ?? {};
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toBe(join(fake.app.appPath, 'out', 'preload', 'preload.cjs'));
    expect(win().loaded[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('installs the session and web-contents policies', () => {
    expect(Object.keys(fake.session.handlers).sort()).toEqual(['beforeRequest', 'check', 'device', 'headers', 'request']);
    const granted = vi.fn();
    (fake.session.handlers['request'] as (...a: unknown[]) => void)({}, 'media', granted, { requestingUrl: `${currentOrigin()}/` });
    expect(granted).toHaveBeenCalledWith(false);
    expect(win().webContents.listenerCount('will-navigate')).toBe(1);
    expect(win().webContents.windowOpenHandler?.({ url: 'https://aws.amazon.com/' })).toEqual({ action: 'deny' });
  });

  it('gives the token only to the engine’s page, and the token works', async () => {
    const origin = currentOrigin();
    const engine = engineFor(`${origin}/`);
    expect(engine?.origin).toBe(origin);
    expect(engineFor('https://evil.example/')).toBeNull();
    expect(engineFor(null)).toBeNull();
    const res = await fetch(`${origin}/api/functions:list`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lab-token': engine?.token ?? '' }, body: '{}' });
    expect(res.status).toBe(200);
    expect([...fake.ipc.handle.keys()].sort()).toEqual([IPC.getEngine, IPC.openDataFolder, IPC.openExternal, IPC.showAbout].sort());
  });

  it('sends the menu’s UI commands to the page by name', () => {
    clickMenu(MENU_IDS.newFunction);
    clickMenu(MENU_IDS.openLessons);
    expect(win().webContents.sent).toEqual([[IPC.menuCommand, 'menu:new-function'], [IPC.menuCommand, 'menu:open-lessons']]);
  });

  it('shows an About box with the version, the licenses and the SAM templates’ notice', async () => {
    clickMenu(MENU_IDS.about);
    await waitFor(() => fake.boxes.some((b) => b.options.message === 'Lambda Lab 0.1.0'), 'the About box');
    const about = fake.boxes.find((b) => b.options.message === 'Lambda Lab 0.1.0');
    expect(about?.options.detail).toContain('MIT License');
    expect(about?.options.detail).toMatch(/AWS SAM CLI event templates/);
    expect(about?.options.detail).toContain(`engine on Node.js ${process.version}`);
  });

  it('restarts a killed engine, reloads from the new origin with a new token, and says so', async () => {
    const oldOrigin = currentOrigin();
    const oldToken = engineFor(`${oldOrigin}/`)?.token;
    const pid = enginePid();
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    await waitFor(() => win().loaded.length === 2, 'the reload from the restarted engine', 30_000);
    const restartMs = Date.now() - killedAt;
    const newOrigin = currentOrigin();
    expect(newOrigin).not.toBe(oldOrigin);
    expect(engineFor(`${oldOrigin}/`)).toBeNull();
    const fresh = engineFor(`${newOrigin}/`);
    expect(fresh?.token).not.toBe(oldToken);
    await waitFor(() => fake.boxes.some((b) => b.options.message === 'The lab engine stopped unexpectedly and was restarted.'), 'the restart notice');
    expect(fake.boxes.find((b) => b.options.message?.includes('restarted'))?.options.detail).toContain('signal SIGKILL');
    expect(restartMs).toBeLessThan(10_000);
    console.log(`engine killed → page reloaded from the new engine in ${restartMs} ms`);
  });

  it('resets the lab data after confirmation: moves lab.db aside, keeps it, restarts the engine', async () => {
    const dataDir = join(appData, 'Lambda Lab');
    const loads = win().loaded.length;
    fake.answers.push(1); // "Reset Lab Data"
    clickMenu(MENU_IDS.resetLabData);
    await waitFor(() => win().loaded.length === loads + 1, 'the reload after the reset', 30_000);
    const kept = readdirSync(dataDir).filter((f) => f.startsWith('lab.db.reset-'));
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(dataDir, 'lab.db'))).toBe(true);
    await waitFor(() => fake.boxes.some((b) => b.options.message === 'The lab starts fresh.'), 'the reset report');
  });

  it('does nothing when the reset is cancelled', async () => {
    const loads = win().loaded.length;
    const boxes = fake.boxes.length;
    fake.answers.push(0); // "Cancel"
    clickMenu(MENU_IDS.resetLabData);
    await waitFor(() => fake.boxes.length === boxes + 1, 'the confirmation');
    await new Promise((r) => setTimeout(r, 200));
    expect(win().loaded.length).toBe(loads);
  });

  it('remembers the window state and stops the engine cleanly on quit', async () => {
    win().emit('close');
    expect(JSON.parse(readFileSync(join(appData, 'Lambda Lab', 'window-state.json'), 'utf8'))).toEqual({ x: 40, y: 30, width: 1280, height: 800, maximized: false });
    const pid = enginePid();
    fake.app.quit();
    expect(fake.app.quitted).toBe(false); // held until the engine has stopped
    await waitFor(() => fake.app.quitted, 'the quit to go through', 15_000);
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(appData, 'Lambda Lab', 'lab.db-wal'))).toBe(false); // closed cleanly
  });

  it('never printed a token', () => {
    expect(printed.length).toBeGreaterThan(0);
    const text = printed.join('');
    for (const token of text.match(/[0-9a-f]{48}/g) ?? []) throw new Error(`a token-like value was printed: ${token.slice(0, 6)}…`);
    expect(text).toContain('engine ready at http://127.0.0.1:');
  });
});

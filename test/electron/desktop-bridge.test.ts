// The desktop bridge: what the preload exposes to the page (exactly the named calls, validated,
// never ipcRenderer or a channel name) and how main answers (only the engine's pages).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_KEYS, type IpcRendererLike, createDesktopApi } from '../../electron/desktop-api.ts';
import { type IpcMainLike, registerDesktopIpc } from '../../electron/desktop-ipc.ts';
import { IPC, MENU_COMMANDS } from '../../electron/ipc.ts';

const ORIGIN = 'http://127.0.0.1:41234';
const TOKEN = 'ab'.repeat(24);

function fakeIpcRenderer(...given: unknown[]) {
  const answer = given.length === 0 ? { origin: ORIGIN, token: TOKEN } : given[0];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc = {
    sendSync: vi.fn(() => answer),
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => true),
    on: vi.fn((channel: string, l: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(l);
    }),
    removeListener: vi.fn((channel: string, l: (event: unknown, ...args: unknown[]) => void) => listeners.get(channel)?.delete(l)),
  };
  const emit = (channel: string, ...args: unknown[]): void => {
    for (const l of listeners.get(channel) ?? []) l({ sender: ipc, senderId: 0 }, ...args);
  };
  return { ipc: ipc as IpcRendererLike & typeof ipc, emit, listeners };
}

const context = { platform: 'linux', argv: ['electron', '--lambda-lab-version=0.1.0'] };

describe('the preload’s API (window.lambdaLabDesktop)', () => {
  it('exposes exactly the named desktop calls and values, frozen', () => {
    const api = createDesktopApi(fakeIpcRenderer().ipc, context);
    expect(Object.keys(api)).toEqual([...DESKTOP_API_KEYS]);
    expect(Object.isFrozen(api)).toBe(true);
    const values = Object.values(api);
    expect(values.every((v) => ['string', 'function', 'undefined'].includes(typeof v))).toBe(true);
  });

  it('never exposes ipcRenderer, a channel name or a generic send', () => {
    const { ipc } = fakeIpcRenderer();
    const api = createDesktopApi(ipc, context);
    expect(Object.values(api)).not.toContain(ipc);
    for (const key of Object.keys(api)) expect(key).not.toMatch(/ipc|send|invoke|channel|require|process/i);
    for (const fn of Object.values(api).filter((v) => typeof v === 'function') as ((...a: unknown[]) => unknown)[]) expect(fn.length).toBeLessThanOrEqual(1);
  });

  it('reads the engine once per page load, synchronously, from the one named call', () => {
    const { ipc } = fakeIpcRenderer();
    const api = createDesktopApi(ipc, context);
    expect(ipc.sendSync).toHaveBeenCalledTimes(1);
    expect(ipc.sendSync).toHaveBeenCalledWith(IPC.getEngine);
    expect(api.engineToken).toBe(TOKEN);
    expect(api.engineOrigin).toBe(ORIGIN);
    expect(api.platform).toBe('linux');
    expect(api.appVersion).toBe('0.1.0');
  });

  it('gives the page no token when main does not answer with a valid one', () => {
    for (const answer of [null, undefined, { origin: 'https://evil.example', token: TOKEN }, { origin: ORIGIN, token: 'not hex' }, 'x']) {
      const api = createDesktopApi(fakeIpcRenderer(answer).ipc, context);
      expect(api.engineToken).toBeUndefined();
    }
  });

  it('asks main again with getEngine (after a restart the token is new)', async () => {
    const { ipc } = fakeIpcRenderer();
    const api = createDesktopApi(ipc, context);
    ipc.invoke.mockResolvedValueOnce({ origin: 'http://127.0.0.1:5000', token: 'cd'.repeat(24) });
    expect(await api.getEngine()).toEqual({ origin: 'http://127.0.0.1:5000', token: 'cd'.repeat(24) });
    expect(ipc.invoke).toHaveBeenLastCalledWith(IPC.getEngine);
  });

  it('opens only https links, checked before anything is sent to main', async () => {
    const { ipc } = fakeIpcRenderer();
    const api = createDesktopApi(ipc, context);
    expect(await api.openExternal('file:///etc/passwd')).toBe(false);
    expect(await api.openExternal('javascript:alert(1)')).toBe(false);
    expect(ipc.invoke).not.toHaveBeenCalled();
    expect(await api.openExternal('https://docs.aws.amazon.com/lambda/')).toBe(true);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC.openExternal, 'https://docs.aws.amazon.com/lambda/');
  });

  it('forwards the data-folder and About calls under their own names, with no arguments', async () => {
    const { ipc } = fakeIpcRenderer();
    const api = createDesktopApi(ipc, context);
    await api.openDataFolder();
    await api.showAbout();
    expect(ipc.invoke.mock.calls).toEqual([[IPC.openDataFolder], [IPC.showAbout]]);
  });

  it('passes menu commands to the page, only the known ones, without the IPC event', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const api = createDesktopApi(ipc, context);
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args));
    for (const command of MENU_COMMANDS) emit(IPC.menuCommand, command);
    emit(IPC.menuCommand, 'menu:format-disk');
    emit(IPC.menuCommand, { command: 'menu:invoke' });
    expect(received).toEqual(MENU_COMMANDS.map((c) => [c]));
    unsubscribe();
    emit(IPC.menuCommand, 'menu:invoke');
    expect(received).toHaveLength(MENU_COMMANDS.length);
    expect(listeners.get(IPC.menuCommand)?.size).toBe(0);
    expect(() => api.onMenuCommand('not a function' as never)).toThrow(TypeError);
  });

  it('is built from sources that import nothing but electron and each other (the preload runs sandboxed)', () => {
    const imports = (file: string): string[] => [...readFileSync(new URL(`../../electron/${file}`, import.meta.url), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1] as string);
    expect(imports('preload.ts')).toEqual(['electron', './desktop-api.ts']);
    expect(imports('desktop-api.ts')).toEqual(['./ipc.ts']);
    expect(imports('ipc.ts')).toEqual([]);
  });
});

describe('main’s IPC handlers', () => {
  function registered(...given: ({ origin: string; token: string } | undefined)[]) {
    const engine = given.length === 0 ? { origin: ORIGIN, token: TOKEN } : given[0];
    const on = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const handle = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const ipcMain = { on: (c: string, l: never) => on.set(c, l), handle: (c: string, l: never) => handle.set(c, l) };
    const handlers = { engine: () => engine, openDataFolder: vi.fn(async () => undefined), openInBrowser: vi.fn(async () => undefined), showAbout: vi.fn(async () => undefined) };
    registerDesktopIpc(ipcMain as unknown as IpcMainLike, handlers);
    const from = (url: string | null) => ({ senderFrame: url === null ? null : { url } });
    return { on, handle, handlers, from };
  }

  it('registers exactly the named channels', () => {
    const { on, handle } = registered();
    expect([...on.keys()]).toEqual([IPC.getEngine]);
    expect([...handle.keys()].sort()).toEqual([IPC.getEngine, IPC.openDataFolder, IPC.openExternal, IPC.showAbout].sort());
  });

  it('tells the engine only to the engine’s own pages', async () => {
    const { on, handle, from } = registered();
    const sync = (url: string | null): unknown => {
      const event: { senderFrame: unknown; returnValue?: unknown } = from(url);
      on.get(IPC.getEngine)?.(event);
      return event.returnValue;
    };
    expect(sync(`${ORIGIN}/`)).toEqual({ origin: ORIGIN, token: TOKEN });
    expect(sync('https://evil.example/')).toBeNull();
    expect(sync('http://127.0.0.1:1/')).toBeNull();
    expect(sync(null)).toBeNull();
    expect(await handle.get(IPC.getEngine)?.(from(`${ORIGIN}/lessons`))).toEqual({ origin: ORIGIN, token: TOKEN });
    expect(await handle.get(IPC.getEngine)?.(from('https://evil.example/'))).toBeNull();
  });

  it('answers null while the engine is restarting', () => {
    const { on, from } = registered(undefined);
    const event: { senderFrame: unknown; returnValue?: unknown } = from(`${ORIGIN}/`);
    on.get(IPC.getEngine)?.(event);
    expect(event.returnValue).toBeNull();
  });

  it('opens links only for the engine’s pages and only https', async () => {
    const { handle, handlers, from } = registered();
    const open = handle.get(IPC.openExternal);
    expect(await open?.(from(`${ORIGIN}/`), 'https://aws.amazon.com/')).toBe(true);
    expect(await open?.(from(`${ORIGIN}/`), 'file:///etc/passwd')).toBe(false);
    expect(await open?.(from(`${ORIGIN}/`), { toString: () => 'https://x.example/' })).toBe(false);
    expect(await open?.(from('https://evil.example/'), 'https://aws.amazon.com/')).toBe(false);
    expect(handlers.openInBrowser.mock.calls).toEqual([['https://aws.amazon.com/']]);
  });

  it('opens the data folder and the About box only for the engine’s pages', async () => {
    const { handle, handlers, from } = registered();
    expect(await handle.get(IPC.openDataFolder)?.(from('https://evil.example/'))).toBe(false);
    expect(await handle.get(IPC.showAbout)?.(from('https://evil.example/'))).toBe(false);
    expect(handlers.openDataFolder).not.toHaveBeenCalled();
    expect(await handle.get(IPC.openDataFolder)?.(from(`${ORIGIN}/`))).toBe(true);
    expect(await handle.get(IPC.showAbout)?.(from(`${ORIGIN}/`))).toBe(true);
    expect(handlers.openDataFolder).toHaveBeenCalledTimes(1);
    expect(handlers.showAbout).toHaveBeenCalledTimes(1);
  });
});

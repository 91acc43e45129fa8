// Each security item of the desktop shell, checked without Electron: the window's preferences,
// the CSP, requests, navigation and new windows, permissions and device pickers, IPC senders.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl } from '../../electron/ipc.ts';
import {
  type BrowserWindowClass, type PolicyContext, type SessionLike, type WebContentsLike, applySessionPolicy, applyWebContentsPolicy,
  contentSecurityPolicy, createLabWindow, isAllowedRequest, isEngineUrl, isTrustedSender, withoutContentSecurityPolicy,
} from '../../electron/security.ts';

const ORIGIN = 'http://127.0.0.1:41234';

function windowOptions(devTools = false): BrowserWindowConstructorOptions {
  let captured: BrowserWindowConstructorOptions | undefined;
  const BrowserWindow = class {
    constructor(options: BrowserWindowConstructorOptions) {
      captured = options;
    }
  } as unknown as BrowserWindowClass;
  createLabWindow(BrowserWindow, { preload: '/app/out/preload/preload.cjs', bounds: { width: 1280, height: 800 }, devTools, appVersion: '0.1.0', dark: false });
  if (captured === undefined) throw new Error('no window was created');
  return captured;
}

describe('the lab window', () => {
  const prefs = windowOptions().webPreferences ?? {};

  it('isolates the page from the preload (context isolation)', () => {
    expect(prefs.contextIsolation).toBe(true);
  });
  it('sandboxes the renderer', () => {
    expect(prefs.sandbox).toBe(true);
  });
  it('gives the page no Node (page, workers, subframes)', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and refuses insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });
  it('allows no webview, no experimental features, no drag-and-drop navigation', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });
  it('makes no network request of its own (no spell-check dictionaries)', () => {
    expect(prefs.spellcheck).toBe(false);
  });
  it('loads the bundled preload and passes no secret on the command line', () => {
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
    expect(prefs.additionalArguments).toEqual(['--lambda-lab-version=0.1.0']);
  });
  it('has developer tools only when asked (development builds)', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions(true).webPreferences?.devTools).toBe(true);
  });
});

describe('the Content-Security-Policy', () => {
  const csp = contentSecurityPolicy(ORIGIN);
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it('allows nothing by default', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });
  it('connects only to the engine: its origin and its WebSocket', () => {
    expect(directives.get('connect-src')).toEqual([ORIGIN, 'ws://127.0.0.1:41234']);
  });
  it('runs only the engine’s own scripts: no inline script, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
  it('refuses plugins, frames, forms and base-URL changes', () => {
    for (const d of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(directives.get(d)).toEqual(["'none'"]);
  });
  it('names no other host anywhere', () => {
    const sources = [...directives.values()].flat().filter((v) => !v.startsWith("'"));
    expect(new Set(sources)).toEqual(new Set([ORIGIN, 'ws://127.0.0.1:41234', 'data:', 'blob:']));
  });
  it('replaces the engine’s own policy instead of adding to it', () => {
    const headers = withoutContentSecurityPolicy({ 'content-security-policy': ["default-src 'self'"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'] });
  });
});

describe('requests and navigation', () => {
  it('lets requests through only to the engine (http and its WebSocket) and local data', () => {
    expect(isAllowedRequest(`${ORIGIN}/api/functions:list`, ORIGIN)).toBe(true);
    expect(isAllowedRequest('ws://127.0.0.1:41234/api/events?token=abc', ORIGIN)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', ORIGIN)).toBe(true);
    expect(isAllowedRequest('blob:http://127.0.0.1:41234/1234', ORIGIN)).toBe(true);
    expect(isAllowedRequest('http://127.0.0.1:41235/', ORIGIN)).toBe(false); // another local port
    expect(isAllowedRequest('http://localhost:41234/', ORIGIN)).toBe(false);
    expect(isAllowedRequest('ws://127.0.0.1:9999/', ORIGIN)).toBe(false);
    expect(isAllowedRequest('https://example.com/', ORIGIN)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', ORIGIN)).toBe(false);
    expect(isAllowedRequest(`${ORIGIN}/`, undefined)).toBe(false); // engine restarting: nothing
    expect(isAllowedRequest('not a url', ORIGIN)).toBe(false);
  });

  it('recognises only the engine origin', () => {
    expect(isEngineUrl(`${ORIGIN}/`, ORIGIN)).toBe(true);
    expect(isEngineUrl(`${ORIGIN}/lessons?x=1#y`, ORIGIN)).toBe(true);
    expect(isEngineUrl('http://127.0.0.1:41234@evil.example/', ORIGIN)).toBe(false);
    expect(isEngineUrl('https://127.0.0.1:41234/', ORIGIN)).toBe(false);
    expect(isEngineUrl(`${ORIGIN}/`, undefined)).toBe(false);
  });

  it('hands only https links to the system browser', () => {
    expect(isSafeExternalUrl('https://docs.aws.amazon.com/lambda/')).toBe(true);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.com/', 'https://', 42, undefined, `https://example.com/${'a'.repeat(3000)}`]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  function contentsWithPolicy(origin: string | undefined) {
    const contents = new EventEmitter() as EventEmitter & { windowOpenHandler?: (d: { url: string }) => { action: string } };
    Object.assign(contents, { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (contents.windowOpenHandler = h) });
    const opened: string[] = [];
    const context: PolicyContext = { engineOrigin: () => origin, openInBrowser: (url) => opened.push(url) };
    applyWebContentsPolicy(contents as unknown as WebContentsLike, context);
    const navigate = (event: string, url: string): boolean => {
      const e = { preventDefault: vi.fn(), url };
      contents.emit(event, e, url);
      return e.preventDefault.mock.calls.length === 0;
    };
    return { contents, opened, navigate };
  }

  it('keeps navigation on the engine and sends https links to the browser', () => {
    const { navigate, opened } = contentsWithPolicy(ORIGIN);
    expect(navigate('will-navigate', `${ORIGIN}/other`)).toBe(true);
    expect(navigate('will-navigate', 'https://aws.amazon.com/lambda/')).toBe(false);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(navigate('will-navigate', 'http://127.0.0.1:1/')).toBe(false);
    expect(opened).toEqual(['https://aws.amazon.com/lambda/']);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(false);
    expect(navigate('will-frame-navigate', 'https://evil.example/')).toBe(false);
    expect(navigate('will-frame-navigate', `${ORIGIN}/frame`)).toBe(true);
  });

  it('never opens a new window; https links go to the system browser after the scheme check', () => {
    const { contents, opened } = contentsWithPolicy(ORIGIN);
    expect(contents.windowOpenHandler?.({ url: 'https://aws.amazon.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${ORIGIN}/popup` })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://aws.amazon.com/']);
  });

  it('refuses webviews and cancels Bluetooth device pickers', () => {
    const { contents } = contentsWithPolicy(ORIGIN);
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    const pick = { preventDefault: vi.fn() };
    const callback = vi.fn();
    contents.emit('select-bluetooth-device', pick, [{ deviceId: 'x' }], callback);
    expect(pick.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith('');
  });

  it('allows nothing while the engine is restarting', () => {
    const { navigate } = contentsWithPolicy(undefined);
    expect(navigate('will-navigate', `${ORIGIN}/`)).toBe(false);
  });
});

describe('the session policy', () => {
  function sessionWithPolicy(origin: string | undefined) {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (h: never) => (handlers['request'] = h),
      setPermissionCheckHandler: (h: never) => (handlers['check'] = h),
      setDevicePermissionHandler: (h: never) => (handlers['device'] = h),
      webRequest: {
        onBeforeRequest: (h: never) => (handlers['beforeRequest'] = h),
        onHeadersReceived: (h: never) => (handlers['headers'] = h),
      },
    });
    applySessionPolicy(session as unknown as SessionLike, { engineOrigin: () => origin, openInBrowser: () => undefined });
    const call = (name: string, ...args: unknown[]): unknown => (handlers[name] as (...a: unknown[]) => unknown)(...args);
    return { session, call };
  }

  it('denies every permission request and check', () => {
    const { call } = sessionWithPolicy(ORIGIN);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'midi', 'pointerLock', 'fullscreen', 'display-capture', 'idle-detection', 'window-management', 'unknown']) {
      const callback = vi.fn();
      call('request', {}, permission, callback, { requestingUrl: `${ORIGIN}/` });
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(call('check', {}, permission, ORIGIN, {}), permission).toBe(false);
    }
    expect(call('device', { deviceType: 'hid', origin: ORIGIN })).toBe(false);
  });

  it('lets only the engine’s pages write text to the clipboard (Copy buttons), never read it', () => {
    const { call } = sessionWithPolicy(ORIGIN);
    const request = (permission: string, requestingUrl: string): unknown => {
      const callback = vi.fn();
      call('request', {}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0];
    };
    expect(request('clipboard-sanitized-write', `${ORIGIN}/`)).toBe(true);
    expect(call('check', {}, 'clipboard-sanitized-write', ORIGIN, {})).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(call('check', {}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    expect(request('clipboard-read', `${ORIGIN}/`)).toBe(false);
    expect(sessionWithPolicy(undefined).call('check', {}, 'clipboard-sanitized-write', ORIGIN, {})).toBe(false);
  });

  it('cancels HID, serial and USB device pickers', () => {
    const { session } = sessionWithPolicy(ORIGIN);
    for (const [event, args, expected] of [
      ['select-hid-device', [{ deviceList: [] }], [null]],
      ['select-serial-port', [[], {}], ['']],
      ['select-usb-device', [{ deviceList: [] }], []],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      const callback = vi.fn();
      session.emit(event, e, ...args, callback);
      expect(e.preventDefault).toHaveBeenCalled();
      expect(callback).toHaveBeenCalledWith(...expected);
    }
  });

  it('cancels requests that do not go to the engine', () => {
    const { call } = sessionWithPolicy(ORIGIN);
    const decide = (url: string): unknown => {
      let answer: unknown;
      call('beforeRequest', { url }, (r: unknown) => (answer = r));
      return answer;
    };
    expect(decide(`${ORIGIN}/assets/app.js`)).toEqual({ cancel: false });
    expect(decide('https://cdn.example/monaco.js')).toEqual({ cancel: true });
  });

  it('puts the shell’s CSP on every engine response, replacing the engine’s', () => {
    const { call } = sessionWithPolicy(ORIGIN);
    let answer: { responseHeaders?: Record<string, string[]> } | undefined;
    call('headers', { url: `${ORIGIN}/`, responseHeaders: { 'content-security-policy': ["default-src 'self'"], 'content-type': ['text/html'] } }, (r: typeof answer) => (answer = r));
    expect(answer?.responseHeaders).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy(ORIGIN)] });
    call('headers', { url: 'devtools://devtools/bundled/x.html', responseHeaders: {} }, (r: typeof answer) => (answer = r));
    expect(answer).toEqual({});
  });
});

describe('IPC senders', () => {
  it('trusts only frames showing the engine’s pages', () => {
    expect(isTrustedSender(`${ORIGIN}/`, ORIGIN)).toBe(true);
    expect(isTrustedSender('https://evil.example/', ORIGIN)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:1/', ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, ORIGIN)).toBe(false);
    expect(isTrustedSender(`${ORIGIN}/`, undefined)).toBe(false);
  });
});

// The shell's security policy, in one place and testable without Electron: the window's
// webPreferences, the Content-Security-Policy, which requests and navigations are allowed,
// which IPC senders are trusted, and the session and web-contents handlers that enforce it.
// Only type imports from electron; main passes in the real objects.
import type {
  BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions, OnBeforeRequestListenerDetails,
  OnHeadersReceivedListenerDetails, Session, WebContents,
} from 'electron';
import { isSafeExternalUrl } from './ipc.ts';

/** Electron's BrowserWindow class, injected (named `BrowserWindow` so security scanners recognise it). */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export interface LabWindowSettings {
  preload: string;
  bounds: { x?: number; y?: number; width: number; height: number };
  /** Developer tools: development builds only. */
  devTools: boolean;
  appVersion: string;
  /** The system uses a dark theme (the UI follows it): paint the window to match before the page loads. */
  dark: boolean;
  icon?: string;
}

export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

/** The lab's window. Every security-relevant preference is spelled out, even where it is Electron's default. */
export function createLabWindow(BrowserWindow: BrowserWindowClass, settings: LabWindowSettings): ElectronBrowserWindow {
  return new BrowserWindow({
    ...settings.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Lambda Lab',
    show: false,
    // The UI's --bg (renderer/styles/app.css), so no white or black flash before it paints.
    backgroundColor: settings.dark ? '#1e1f22' : '#ffffff',
    ...(settings.icon !== undefined ? { icon: settings.icon } : {}),
    webPreferences: {
      // Reviewed: the preload runs sandboxed with context isolation and exposes only the named,
      // validated calls of desktop-api.ts (test/electron/desktop-api.test.ts holds it to that list).
      preload: settings.preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spell checker downloads dictionaries from the network; the lab is offline and its
      // text boxes hold code and JSON.
      spellcheck: false,
      // Middle-click would otherwise fire `auxclick` and open links in new windows (which the
      // window-open handler refuses anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: settings.devTools,
      // Not secret (the token is never passed on a command line: other local users can read those).
      additionalArguments: [`--lambda-lab-version=${settings.appVersion}`],
    },
  });
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True for a URL on the engine's origin (`http://127.0.0.1:<port>`), the only web content the lab shows. */
export function isEngineUrl(url: string, engineOrigin: string | undefined): boolean {
  if (engineOrigin === undefined) return false;
  const u = parse(url);
  return u !== undefined && u.protocol === 'http:' && u.origin === engineOrigin;
}

/**
 * The shell's CSP for the lab's pages, set on every response from the engine (replacing the
 * engine's own, which browser mode uses): nothing by default; scripts, styles, images, fonts
 * and workers from the engine; network connections to the engine's origin and its WebSocket only.
 */
export function contentSecurityPolicy(engineOrigin: string): string {
  const { host } = new URL(engineOrigin);
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Monaco injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${engineOrigin} ws://${host}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Response headers without any CSP the server sent (the shell sets its own). */
export function withoutContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  return out;
}

/**
 * Requests the session lets through: the engine's origin (http and its WebSocket), data: and
 * blob: URLs (local by nature) and the developer tools' own pages. Everything else is
 * cancelled, whatever asked for it.
 */
export function isAllowedRequest(url: string, engineOrigin: string | undefined): boolean {
  const u = parse(url);
  if (u === undefined) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
  if (engineOrigin === undefined) return false;
  const engine = new URL(engineOrigin);
  if (u.protocol === 'http:') return u.origin === engineOrigin;
  if (u.protocol === 'ws:') return u.host === engine.host;
  return false;
}

/** IPC is answered only for frames showing the engine's pages. */
export function isTrustedSender(frameUrl: string | undefined, engineOrigin: string | undefined): boolean {
  return frameUrl !== undefined && isEngineUrl(frameUrl, engineOrigin);
}

export interface PolicyContext {
  /** The running engine's origin; undefined while it is (re)starting. */
  engineOrigin(): string | undefined;
  /** Opens a link in the system browser (main's one call to shell.openExternal, which checks the scheme again). */
  openInBrowser(url: string): void;
}

/**
 * The one permission the lab's own pages get: writing text to the clipboard (the UI's Copy
 * buttons use navigator.clipboard.writeText), which browsers grant any focused page without
 * asking. Reading the clipboard, and every other permission (camera, microphone, notifications,
 * geolocation, devices, ...), is refused, and nothing is granted to any other origin.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, engineOrigin: string | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isEngineUrl(requestingUrl, engineOrigin);
}

/** The parts of Electron's Session the policy uses. */
export type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;
};

export function applySessionPolicy(session: SessionLike, context: PolicyContext): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, context.engineOrigin()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin, context.engineOrigin()));
  session.setDevicePermissionHandler(() => false);
  // Device pickers: cancel instead of letting a default pick a device.
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.webRequest.onBeforeRequest((details: OnBeforeRequestListenerDetails, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, context.engineOrigin()) });
  });
  session.webRequest.onHeadersReceived((details: OnHeadersReceivedListenerDetails, callback) => {
    const origin = context.engineOrigin();
    if (origin === undefined || !isEngineUrl(details.url, origin)) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...withoutContentSecurityPolicy(details.responseHeaders), 'Content-Security-Policy': [contentSecurityPolicy(origin)] } });
  });
}

/** The parts of Electron's WebContents the policy uses. */
export type WebContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Navigation stays on the engine's origin; new windows are never opened. A link to an https
 * page goes to the system browser instead (after the scheme check); anything else is dropped.
 */
export function applyWebContentsPolicy(contents: WebContentsLike, context: PolicyContext): void {
  const keepOnEngine = (event: { preventDefault(): void }, url: string): void => {
    if (isEngineUrl(url, context.engineOrigin())) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) context.openInBrowser(url);
  };
  contents.on('will-navigate', (event, url) => keepOnEngine(event, url));
  contents.on('will-frame-navigate', (event) => {
    if (!isEngineUrl(event.url, context.engineOrigin())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isEngineUrl(url, context.engineOrigin())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) context.openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

// The desktop bridge's vocabulary, shared by main and preload: channel names, menu commands and
// the validators both sides apply. Pure data and functions (no electron import), so tests can
// check them in plain Node.

/** Every IPC channel the shell uses. The preload never exposes a channel name to the page. */
export const IPC = {
  /** main ← page: the engine's origin and token (`sendSync` once per page load, or `invoke`). */
  getEngine: 'desktop:get-engine',
  /** main ← page: reveal the lab's data folder in the file manager. */
  openDataFolder: 'desktop:open-data-folder',
  /** main ← page: open an https link in the system browser. */
  openExternal: 'desktop:open-external',
  /** main ← page: show the About box. */
  showAbout: 'desktop:show-about',
  /** main → page: a menu command for the UI (payload: one of MENU_COMMANDS). */
  menuCommand: 'desktop:menu-command',
} as const;

/** Menu commands that act on the UI; the page subscribes through `onMenuCommand`. */
export const MENU_COMMANDS = ['menu:new-function', 'menu:invoke', 'menu:open-lessons'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What `desktop:get-engine` answers. */
export interface EngineInfo {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  token: string;
}

export function isEngineInfo(value: unknown): value is EngineInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['origin'] === 'string' && /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(v['origin'])
    && typeof v['token'] === 'string' && /^[0-9a-f]{16,128}$/.test(v['token']);
}

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Links the shell hands to the system browser: https only, with a host and no credentials.
 * Everything else (http, file, javascript, custom schemes that start other programs) is refused.
 */
export function isSafeExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

/** The app version travels to the preload as a command-line switch (not secret, unlike the token). */
export const VERSION_SWITCH = '--lambda-lab-version=';

export function versionFromArgv(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith(VERSION_SWITCH));
  const version = arg?.slice(VERSION_SWITCH.length) ?? '';
  return /^[0-9A-Za-z.+-]{1,64}$/.test(version) ? version : 'unknown';
}

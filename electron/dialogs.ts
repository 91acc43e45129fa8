// What the shell's dialogs say: the About box, the reset confirmation and the engine notices.
// Pure: main shows them with Electron's dialog module. Text that comes from the engine is
// scrubbed by the caller (ShellLog.scrub) before it gets here.
import type { MessageBoxOptions } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DialogSpec {
  options: MessageBoxOptions;
}

export interface AboutInfo {
  appName: string;
  version: string;
  electron: string;
  chrome: string;
  /** The engine's Node version (`v24.x`), when known. */
  engineNode?: string | undefined;
  /** The SAM CLI event templates' NOTICE text, when they are in this build. */
  samNotice?: string | undefined;
  /** Whether the third-party notices file exists (packaged builds; `npm run dist:notices` in development). */
  hasNotices: boolean;
}

export const ABOUT_BUTTONS = { ok: 0, notices: 1 } as const;

export function aboutBox(info: AboutInfo): MessageBoxOptions {
  const versions = [`Electron ${info.electron}`, `Chromium ${info.chrome}`, ...(info.engineNode !== undefined ? [`engine on Node.js ${info.engineNode}`] : [])];
  const sam = info.samNotice !== undefined
    ? `The AWS SAM CLI event templates are used under the Apache License 2.0. Their NOTICE reads:\n\n${indent(info.samNotice.trim())}`
    : 'The AWS SAM CLI event templates are not included in this build.';
  const notices = info.hasNotices
    ? 'Lambda Lab includes open-source software under its own licenses: “Third-Party Notices” lists each package with its license text.'
    : 'Lambda Lab includes open-source software under its own licenses (the notices file is created when the app is packaged: npm run dist:notices).';
  return {
    type: 'info',
    title: `About ${info.appName}`,
    message: `${info.appName} ${info.version}`,
    detail: [
      'An offline learning lab for AWS Lambda.',
      versions.join(' · '),
      `${info.appName} is released under the MIT License.`,
      sam,
      notices,
    ].join('\n\n'),
    buttons: info.hasNotices ? ['OK', 'Third-Party Notices'] : ['OK'],
    defaultId: ABOUT_BUTTONS.ok,
    cancelId: ABOUT_BUTTONS.ok,
    noLink: true,
  };
}

function indent(text: string): string {
  return text.split(/\r?\n/).map((l) => `    ${l}`).join('\n');
}

/** Where the SAM templates' NOTICE lives under the engine's folder (resources/sam-events, a later issue adds it). */
export function samNoticePath(engineRoot: string): string {
  return join(engineRoot, 'resources', 'sam-events', 'NOTICE');
}

/** Reads a small text file, or undefined when it is missing (the About box stays useful without it). */
export function readOptionalText(file: string, maxBytes = 64 * 1024): string | undefined {
  try {
    if (!existsSync(file)) return undefined;
    const text = readFileSync(file, 'utf8');
    return text.length > maxBytes ? `${text.slice(0, maxBytes)}\n…` : text;
  } catch {
    return undefined;
  }
}

/** The generated third-party notices: next to the app's resources when packaged, under build/ in development. */
export function noticesPath(isPackaged: boolean, resourcesPath: string, appPath: string): string {
  return isPackaged ? join(resourcesPath, 'notices', 'THIRD_PARTY_NOTICES.txt') : join(appPath, 'build', 'notices', 'THIRD_PARTY_NOTICES.txt');
}

export const RESET_BUTTONS = { cancel: 0, reset: 1 } as const;

export function resetConfirmation(dataDir: string): MessageBoxOptions {
  return {
    type: 'warning',
    title: 'Reset Lab Data',
    message: 'Start the lab again with fresh data?',
    detail: `Your functions and invocation history are set aside and the lab starts as on its first run. Nothing is deleted: the current database is kept in\n${dataDir}\nas lab.db.reset-<date and time>.`,
    buttons: ['Cancel', 'Reset Lab Data'],
    defaultId: RESET_BUTTONS.cancel,
    cancelId: RESET_BUTTONS.cancel,
    noLink: true,
  };
}

export function resetDone(dataDir: string, moved: readonly string[]): MessageBoxOptions {
  return {
    type: 'info',
    title: 'Reset Lab Data',
    message: 'The lab starts fresh.',
    detail: moved.length === 0
      ? 'There was no lab database to set aside.'
      : `The previous data was kept in ${dataDir}:\n${moved.map((m) => `  ${m}`).join('\n')}`,
    buttons: ['OK'],
    noLink: true,
  };
}

export function exitDescription(code: number | null, signal: string | null): string {
  return signal !== null ? `it was stopped by signal ${signal}` : `it exited with code ${code ?? 'unknown'}`;
}

export function engineRestartedNotice(code: number | null, signal: string | null): MessageBoxOptions {
  return {
    type: 'warning',
    title: 'Lambda Lab',
    message: 'The lab engine stopped unexpectedly and was restarted.',
    detail: `The engine is the part of Lambda Lab that runs your functions (${exitDescription(code, signal)}). `
      + 'Everything the lab had saved is kept: its database survives the engine stopping at any moment. '
      + 'An invocation that was running at that moment was not recorded; run it again.',
    buttons: ['OK'],
    noLink: true,
  };
}

export const GAVE_UP_BUTTONS = { retry: 0, quit: 1 } as const;

export function engineGaveUpNotice(crashes: number, output: string): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Lambda Lab',
    message: `The lab engine stopped ${crashes} times in a row.`,
    detail: `Lambda Lab stopped restarting it. Your saved data is kept.${output === '' ? '' : `\n\nIts last output:\n${output}`}`,
    buttons: ['Try Again', 'Quit'],
    defaultId: GAVE_UP_BUTTONS.retry,
    cancelId: GAVE_UP_BUTTONS.quit,
    noLink: true,
  };
}

export function startFailure(message: string, output: string): { title: string; content: string } {
  return {
    title: 'Lambda Lab could not start',
    content: `${message}.${output === '' ? '' : `\n\nThe engine's last output:\n${output}`}`,
  };
}

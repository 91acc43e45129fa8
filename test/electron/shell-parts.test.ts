// The shell's small parts: menu template, window state, dialogs, reset of the lab data, the
// scrubbing log, and where the engine and its Node are found.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { aboutBox, engineGaveUpNotice, engineRestartedNotice, noticesPath, readOptionalText, resetConfirmation, samNoticePath } from '../../electron/dialogs.ts';
import { engineArgs, engineCliPath, engineEnv, engineNodePath, engineRoot, parseReadyLine } from '../../electron/engine-process.ts';
import { moveLabDataAside, resetStamp } from '../../electron/lab-data.ts';
import { REDACTED, createShellLog, scrubSecrets } from '../../electron/log.ts';
import { MENU_IDS, type MenuActions, buildMenuTemplate } from '../../electron/menu.ts';
import { DEFAULT_WINDOW_STATE, fitWindowState, parseWindowState, readWindowState, windowStateFrom, writeWindowState } from '../../electron/window-state.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { REPO_ROOT } from './helpers.ts';

afterAll(() => removeTempDirs());

describe('the application menu', () => {
  const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
  const actions = () => ({ sendToPage: vi.fn(), openDataFolder: vi.fn(), resetLabData: vi.fn(), showAbout: vi.fn() }) satisfies MenuActions;
  const menu = (platform: NodeJS.Platform, isDevelopment = false, a = actions()) => ({ a, items: flatten(buildMenuTemplate({ platform, appName: 'Lambda Lab', isDevelopment, actions: a })) });
  const roles = (items: MenuItemConstructorOptions[]) => new Set(items.map((i) => i.role).filter((r) => r !== undefined));
  const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

  it('has the usual roles on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const r = roles(menu(platform).items);
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'help']) expect(r, `${platform}: ${role}`).toContain(role);
    }
    for (const role of ['services', 'hide', 'hideOthers', 'unhide', 'quit', 'pasteAndMatchStyle', 'zoom', 'front', 'close']) expect(roles(menu('darwin').items)).toContain(role);
    expect(roles(menu('linux').items)).toContain('quit');
  });

  it('offers developer tools and reload only in development', () => {
    expect(roles(menu('linux', false).items)).not.toContain('toggleDevTools');
    expect(roles(menu('linux', false).items)).not.toContain('reload');
    expect(roles(menu('linux', true).items)).toContain('toggleDevTools');
  });

  it('sends the UI commands to the page by name', () => {
    const { a, items } = menu('linux');
    click(byId(items, MENU_IDS.newFunction));
    click(byId(items, MENU_IDS.invoke));
    click(byId(items, MENU_IDS.openLessons));
    expect(a.sendToPage.mock.calls).toEqual([['menu:new-function'], ['menu:invoke'], ['menu:open-lessons']]);
  });

  it('runs the desktop commands in main', () => {
    const { a, items } = menu('linux');
    click(byId(items, MENU_IDS.openDataFolder));
    click(byId(items, MENU_IDS.resetLabData));
    click(byId(items, MENU_IDS.about));
    expect(a.openDataFolder).toHaveBeenCalledTimes(1);
    expect(a.resetLabData).toHaveBeenCalledTimes(1);
    expect(a.showAbout).toHaveBeenCalledTimes(1);
    expect(byId(items, MENU_IDS.resetLabData)?.label).toBe('Reset Lab Data…'); // asks before acting
    expect(byId(menu('darwin').items, MENU_IDS.about)?.label).toBe('About Lambda Lab');
  });

  it('shows the Invoke shortcut without taking it from the page', () => {
    const invoke = byId(menu('linux').items, MENU_IDS.invoke);
    expect(invoke?.accelerator).toBe('CmdOrCtrl+Enter');
    expect(invoke?.registerAccelerator).toBe(false);
  });
});

describe('the window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('reads only well-formed states', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 1000, height: 700, maximized: true })).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(parseWindowState({ width: 1000, height: 700 })).toEqual({ width: 1000, height: 700, maximized: false });
    for (const bad of [null, 'x', {}, { width: -1, height: 700 }, { width: 1.5, height: 700 }, { width: '1000', height: 700 }]) expect(parseWindowState(bad)).toBeUndefined();
  });

  it('remembers size, position and maximised across runs', () => {
    const file = join(tempDir(), 'nested', 'window-state.json');
    expect(readWindowState(file)).toBeUndefined();
    writeWindowState(file, windowStateFrom({ x: 100, y: 50, width: 1200, height: 750 }, true));
    expect(readWindowState(file)).toEqual({ x: 100, y: 50, width: 1200, height: 750, maximized: true });
    expect(fitWindowState(readWindowState(file), screen)).toEqual({ x: 100, y: 50, width: 1200, height: 750, maximized: true });
    writeFileSync(file, '{ damaged');
    expect(readWindowState(file)).toBeUndefined();
  });

  it('uses the defaults on first run', () => {
    expect(fitWindowState(undefined, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a position that is no longer on any display, and keeps sizes within the screens', () => {
    expect(fitWindowState({ x: 3000, y: 100, width: 1200, height: 750, maximized: false }, screen)).toEqual({ width: 1200, height: 750, maximized: false });
    expect(fitWindowState({ x: 1900, y: 100, width: 1200, height: 750, maximized: false }, screen)).not.toHaveProperty('x'); // only 20 px visible
    expect(fitWindowState({ x: 2000, y: 100, width: 1200, height: 750, maximized: false }, [...screen, { x: 1920, y: 0, width: 2560, height: 1440 }])).toHaveProperty('x', 2000);
    expect(fitWindowState({ width: 5000, height: 3000, maximized: false }, screen)).toEqual({ width: 1920, height: 1080, maximized: false });
    expect(fitWindowState({ width: 200, height: 100, maximized: false }, screen)).toEqual({ width: 960, height: 600, maximized: false });
  });
});

describe('the dialogs', () => {
  const samNotice = 'AWS SAM CLI\nCopyright 2018-2022 Amazon.com, Inc. or its affiliates. All Rights Reserved.\n';

  it('the About box shows the version, the licenses and the SAM templates’ NOTICE', () => {
    const box = aboutBox({ appName: 'Lambda Lab', version: '0.1.0', electron: '45.5.0', chrome: '140.0', engineNode: 'v24.21.0', samNotice, hasNotices: true });
    expect(box.message).toBe('Lambda Lab 0.1.0');
    expect(box.detail).toContain('Electron 45.5.0 · Chromium 140.0 · engine on Node.js v24.21.0');
    expect(box.detail).toContain('released under the MIT License');
    expect(box.detail).toContain('Apache License 2.0');
    expect(box.detail).toContain('    AWS SAM CLI\n    Copyright 2018-2022 Amazon.com, Inc. or its affiliates. All Rights Reserved.');
    expect(box.buttons).toEqual(['OK', 'Third-Party Notices']);
  });

  it('the About box stays useful when the templates or the notices file are missing', () => {
    const box = aboutBox({ appName: 'Lambda Lab', version: '0.1.0', electron: '45.5.0', chrome: '140.0', hasNotices: false });
    expect(box.detail).toContain('The AWS SAM CLI event templates are not included in this build.');
    expect(box.buttons).toEqual(['OK']);
    expect(readOptionalText(samNoticePath(join(tempDir(), 'nothing-here')))).toBeUndefined();
  });

  it('finds the SAM NOTICE and the notices file where the packaged app and development keep them', () => {
    expect(samNoticePath('/opt/Lambda Lab/resources/app.asar.unpacked')).toBe('/opt/Lambda Lab/resources/app.asar.unpacked/resources/sam-events/NOTICE');
    expect(noticesPath(true, '/opt/Lambda Lab/resources', '/x')).toBe('/opt/Lambda Lab/resources/notices/THIRD_PARTY_NOTICES.txt');
    expect(noticesPath(false, '/r', '/repo')).toBe('/repo/build/notices/THIRD_PARTY_NOTICES.txt');
  });

  it('asks before resetting, with Cancel as the default', () => {
    const box = resetConfirmation('/home/me/.config/Lambda Lab');
    expect(box.buttons).toEqual(['Cancel', 'Reset Lab Data']);
    expect(box.defaultId).toBe(0);
    expect(box.cancelId).toBe(0);
    expect(box.detail).toContain('Nothing is deleted');
    expect(box.detail).toContain('/home/me/.config/Lambda Lab');
  });

  it('tells the student when the engine was restarted, and offers Try Again when it keeps stopping', () => {
    expect(engineRestartedNotice(null, 'SIGKILL').detail).toContain('it was stopped by signal SIGKILL');
    expect(engineRestartedNotice(1, null).detail).toContain('it exited with code 1');
    expect(engineGaveUpNotice(3, 'boom').buttons).toEqual(['Try Again', 'Quit']);
  });
});

describe('resetting the lab data', () => {
  it('moves lab.db and its WAL files aside under one stamp, and deletes nothing', () => {
    const dir = tempDir();
    for (const f of ['lab.db', 'lab.db-wal', 'lab.db-shm', 'window-state.json']) writeFileSync(join(dir, f), f);
    const moved = moveLabDataAside(dir, '2026-11-26T16-04-05Z');
    expect(moved).toEqual(['lab.db.reset-2026-11-26T16-04-05Z', 'lab.db.reset-2026-11-26T16-04-05Z-wal', 'lab.db.reset-2026-11-26T16-04-05Z-shm']);
    expect(readdirSync(dir).sort()).toEqual([...moved, 'window-state.json'].sort());
    expect(readFileSync(join(dir, 'lab.db.reset-2026-11-26T16-04-05Z-wal'), 'utf8')).toBe('lab.db-wal');
  });

  it('never overwrites an earlier copy', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lab.db'), 'first');
    moveLabDataAside(dir, 'T');
    writeFileSync(join(dir, 'lab.db'), 'second');
    expect(moveLabDataAside(dir, 'T')).toEqual(['lab.db.reset-T-2']);
    expect(readFileSync(join(dir, 'lab.db.reset-T'), 'utf8')).toBe('first');
  });

  it('has nothing to move in a fresh data folder', () => {
    const dir = join(tempDir(), 'fresh');
    mkdirSync(dir);
    expect(moveLabDataAside(dir, 'T')).toEqual([]);
  });

  it('stamps with a sortable UTC time that is valid in file names', () => {
    expect(resetStamp(new Date('2026-11-26T16:04:05.123Z'))).toBe('2026-11-26T16-04-05Z');
  });
});

describe('the shell log', () => {
  const token = 'f0'.repeat(24);

  it('replaces known secrets and token-shaped values everywhere', () => {
    expect(scrubSecrets(`at http://127.0.0.1:1/?token=${token} and ${token}`, [token])).toBe(`at http://127.0.0.1:1/?token=${REDACTED} and ${REDACTED}`);
    expect(scrubSecrets('ws://127.0.0.1:5/api/events?token=0123abcd&x=1', [])).toBe(`ws://127.0.0.1:5/api/events?token=${REDACTED}&x=1`);
    expect(scrubSecrets('{"x-lab-token": "abc123"}', [])).toBe(`{"x-lab-token": "${REDACTED}"}`);
  });

  it('scrubs every line it writes, with the secrets registered so far', () => {
    const lines: string[] = [];
    const log = createShellLog((level, line) => lines.push(`${level} ${line}`));
    log.addSecret(token);
    log.info(`ready ${token}`);
    log.error(`failed\nwith ${token.toUpperCase()} ${token}`);
    expect(lines).toEqual([`info [lambda-lab] ready ${REDACTED}`, `error [lambda-lab] failed`, `error [lambda-lab] with ${token.toUpperCase()} ${REDACTED}`]);
    expect(log.scrub(`dialog ${token}`)).toBe(`dialog ${REDACTED}`);
  });
});

describe('where the engine runs', () => {
  it('runs the engine from the unpacked part of app.asar when packaged, from the app folder in development', () => {
    expect(engineRoot('/opt/Lambda Lab/resources/app.asar')).toBe('/opt/Lambda Lab/resources/app.asar.unpacked');
    expect(engineRoot(REPO_ROOT)).toBe(REPO_ROOT);
    expect(engineCliPath('/opt/app/resources/app.asar')).toBe('/opt/app/resources/app.asar.unpacked/dist/engine/cli.js');
    expect(existsSync(engineCliPath(REPO_ROOT))).toBe(true);
  });

  it('uses the shipped Node in the package’s own layout (bin/node, bin/node.exe)', () => {
    const where = { isPackaged: true, resourcesPath: '/opt/app/resources', env: {} };
    expect(engineNodePath({ ...where, platform: 'linux' })).toBe('/opt/app/resources/node/bin/node');
    expect(engineNodePath({ ...where, platform: 'darwin' })).toBe('/opt/app/resources/node/bin/node');
    expect(engineNodePath({ ...where, platform: 'win32' })).toMatch(/node[\\/]bin[\\/]node\.exe$/);
    expect(engineNodePath({ ...where, isPackaged: false, platform: 'linux' })).toBe('node');
    expect(engineNodePath({ ...where, platform: 'linux', env: { LAMBDA_LAB_NODE: '/toolchain/node' } })).toBe('/toolchain/node');
  });

  it('starts `serve` on a free port without a browser, in the data folder', () => {
    expect(engineArgs('/a/cli.js', '/data')).toEqual(['/a/cli.js', 'serve', '--port', '0', '--no-open', '--data-dir', '/data']);
  });

  it('keeps Electron’s variables (and, packaged, NODE_OPTIONS) away from the engine', () => {
    const env = { PATH: '/bin', ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '--require x' };
    expect(engineEnv(env, true)).toEqual({ PATH: '/bin' });
    expect(engineEnv(env, false)).toEqual({ PATH: '/bin', NODE_OPTIONS: '--require x' });
  });

  it('reads the ready line that `serve` prints, and nothing else', () => {
    expect(parseReadyLine('Lambda Lab running at http://127.0.0.1:4321/?token=abcdef0123456789abcdef0123456789')).toEqual({ origin: 'http://127.0.0.1:4321', token: 'abcdef0123456789abcdef0123456789' });
    expect(parseReadyLine('Lambda Lab running at http://evil.example:80/?token=abcdef0123456789')).toBeUndefined();
    expect(parseReadyLine('note: Lambda Lab running at http://127.0.0.1:4321/?token=abcdef0123456789')).toBeUndefined();
  });
});

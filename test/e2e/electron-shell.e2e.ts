// The desktop app, driven by Playwright's Electron driver with the same page object as the
// browser suite. It needs an Electron binary; `npm install electron` cannot download one on some
// machines (no network), and then that part is skipped with the reason printed.
// The shell's CSP is also applied to the real UI in Chromium (browser mode), which runs everywhere.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type ElectronApplication, type Page, _electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_API_KEYS } from '../../electron/desktop-api.ts';
import { MENU_IDS } from '../../electron/menu.ts';
import { contentSecurityPolicy } from '../../electron/security.ts';
import { launchChromium, newLabPage } from './support/browser.ts';
import { LabPage } from './support/lab-page.ts';
import { REPO_ROOT, type LabServer, startLabServer } from './support/lab-server.ts';

import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();
if (binary === undefined) {
  console.log('Electron end-to-end suite skipped: no Electron binary on this machine (the electron package downloads it on first use, which needs network access). The shell is covered without Electron by test/electron/ (main process with a fake Electron module, policies, supervisor with real processes).');
}

interface RecordedBox {
  message: string;
  detail: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Skipped (with the reason printed above) only where no Electron binary exists.
describe.skipIf(binary === undefined)('the desktop app (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let lab: LabPage;
  const output: string[] = [];
  let userData = '';

  /** The engine the shell last reported ready: its pid and origin (the shell logs no token). */
  const engine = (): { pid: number; origin: string } => {
    const ready = output.join('').match(/engine ready at (http:\/\/127\.0\.0\.1:\d+) \(pid (\d+)\)/g) ?? [];
    const m = /at (\S+) \(pid (\d+)\)/.exec(ready[ready.length - 1] ?? '');
    if (m === null) throw new Error('the shell has not reported a ready engine');
    return { origin: m[1] as string, pid: Number(m[2]) };
  };
  const clickMenu = (id: string): Promise<void> =>
    app.evaluate(({ Menu }, itemId) => Menu.getApplicationMenu()?.getMenuItemById(itemId)?.click(), id);
  const boxes = (): Promise<RecordedBox[]> => app.evaluate(() => (globalThis as unknown as { labBoxes: RecordedBox[] }).labBoxes);

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'lambda-lab-electron-')); // here, not at collection: a skipped suite leaves nothing behind
    app = await _electron.launch({
      executablePath: binary,
      args: [REPO_ROOT, `--user-data-dir=${userData}`],
      env: { ...process.env, LAMBDA_LAB_NODE: process.execPath },
    });
    app.process().stdout?.on('data', (c: Buffer) => output.push(c.toString()));
    app.process().stderr?.on('data', (c: Buffer) => output.push(c.toString()));
    // Native dialogs cannot be clicked by a test: record them and answer from a queue instead.
    // The system browser is not opened either: links are recorded.
    await app.evaluate(({ dialog, shell }) => {
      const g = globalThis as unknown as { labBoxes: unknown[]; labAnswers: number[]; labOpened: string[] };
      g.labBoxes = [];
      g.labAnswers = [];
      g.labOpened = [];
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = args[args.length - 1] as { message: string; detail?: string };
        g.labBoxes.push({ message: options.message, detail: options.detail ?? '' });
        return { response: g.labAnswers.shift() ?? 0, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
      shell.openExternal = async (url: string) => {
        g.labOpened.push(url);
      };
    });
    page = await app.firstWindow();
    lab = new LabPage(page);
    await lab.functionButton('hello').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    if (userData !== '') rmSync(userData, { recursive: true, force: true });
  });

  it('invokes hello and shows the REPORT line and the history entry', async () => {
    await lab.setEvent('{"key1": "value1"}');
    await lab.invoke();
    await lab.result.getByText('Succeeded').waitFor();
    await lab.logs.getByText(/REPORT RequestId/).waitFor();
    await expect.poll(() => lab.history.count()).toBe(1);
  });

  it('runs the page with context isolation, a sandbox and no Node', async () => {
    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      desktop: Object.keys((globalThis as { lambdaLabDesktop?: object }).lambdaLabDesktop ?? {}),
      token: typeof (globalThis as { lambdaLabDesktop?: { engineToken?: unknown } }).lambdaLabDesktop?.engineToken,
    }));
    // contextBridge refuses to work without context isolation, so the bridge being there with
    // exactly its names shows isolation is on; the window's options are checked in test/electron.
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', desktop: [...DESKTOP_API_KEYS], token: 'string' });
  });

  it('lets the page connect only to the engine (CSP and request filter)', async () => {
    const result = await page.evaluate(async () => {
      const offsite = await fetch('https://example.com/').then(() => 'loaded', () => 'blocked');
      const otherPort = await fetch('http://127.0.0.1:9/').then(() => 'loaded', () => 'blocked');
      return { offsite, otherPort };
    });
    expect(result).toEqual({ offsite: 'blocked', otherPort: 'blocked' });
  });

  it('denies navigation and new windows; https links go to the system browser only', async () => {
    const origin = new URL(page.url()).origin;
    await page.evaluate(() => {
      window.open('https://aws.amazon.com/lambda/');
      window.open('file:///etc/passwd');
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(300); // a refused navigation leaves no event to wait for
    expect(new URL(page.url()).origin).toBe(origin);
    expect(app.windows()).toHaveLength(1);
    const opened = await app.evaluate(() => (globalThis as unknown as { labOpened: string[] }).labOpened);
    expect(opened).toEqual(['https://aws.amazon.com/lambda/', 'https://example.com/']);
  });

  it('denies permission requests (the page may only write text to the clipboard)', async () => {
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    expect(await page.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }).then(() => 'granted', (e: Error) => e.name))).toBe('NotAllowedError');
    await page.bringToFront();
    expect(await page.evaluate(() => navigator.clipboard.writeText('copied').then(() => 'written', (e: Error) => e.name))).toBe('written');
    expect(await page.evaluate(() => navigator.clipboard.readText().then(() => 'read', (e: Error) => e.name))).toBe('NotAllowedError');
  });

  it('sends menu commands to the page through onMenuCommand', async () => {
    await page.evaluate(() => {
      const g = window as unknown as { labCommands: string[]; lambdaLabDesktop: { onMenuCommand(cb: (c: string) => void): () => void } };
      g.labCommands = [];
      g.lambdaLabDesktop.onMenuCommand((c) => g.labCommands.push(c));
    });
    await clickMenu(MENU_IDS.newFunction);
    await clickMenu(MENU_IDS.invoke);
    await clickMenu(MENU_IDS.openLessons);
    await expect.poll(() => page.evaluate(() => (window as unknown as { labCommands: string[] }).labCommands)).toEqual(['menu:new-function', 'menu:invoke', 'menu:open-lessons']);
  });

  it('restarts a killed engine, reloads the page from it, and tells the student', async () => {
    const before = engine();
    process.kill(before.pid, 'SIGKILL');
    await expect.poll(() => engine().pid, { timeout: 30_000 }).not.toBe(before.pid);
    await page.waitForURL((url) => url.origin === engine().origin);
    await lab.functionButton('hello').waitFor();
    await expect.poll(() => lab.history.count()).toBe(1); // the invocation before the kill is kept
    await expect.poll(async () => (await boxes()).map((b) => b.message)).toContain('The lab engine stopped unexpectedly and was restarted.');
  });

  it('resets the lab data after confirmation, keeping the old database', async () => {
    const before = engine();
    await app.evaluate(() => (globalThis as unknown as { labAnswers: number[] }).labAnswers.push(1));
    await clickMenu(MENU_IDS.resetLabData);
    await expect.poll(() => engine().pid, { timeout: 30_000 }).not.toBe(before.pid);
    await page.waitForURL((url) => url.origin === engine().origin);
    await lab.functionButton('hello').waitFor();
    await expect.poll(() => lab.history.count()).toBe(0);
    expect(readdirSync(userData).some((f) => f.startsWith('lab.db.reset-'))).toBe(true);
  });

  it('never prints the engine token, and stops the engine on quit', async () => {
    const token = await page.evaluate(() => (window as unknown as { lambdaLabDesktop: { engineToken: string } }).lambdaLabDesktop.engineToken);
    expect(output.join('')).not.toContain(token);
    const { pid } = engine();
    await app.close();
    await expect.poll(() => isAlive(pid), { timeout: 10_000 }).toBe(false);
  });
});

// The same CSP the shell sets, applied here by Playwright to every response of the engine, so a
// policy that would break the UI fails on machines without Electron too.
describe('the shell’s Content-Security-Policy on the real UI (Chromium)', () => {
  let server: LabServer;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startLabServer();
    browser = await launchChromium();
    page = await newLabPage(browser);
    const csp = contentSecurityPolicy(server.origin);
    await page.route(`${server.origin}/**`, async (route) => {
      const response = await route.fetch();
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name !== 'content-security-policy'));
      await route.fulfill({ response, headers: { ...headers, 'content-security-policy': csp } });
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs the lab (editor, engine calls, push events) with nothing refused', async () => {
    const lab = new LabPage(page);
    await lab.functionButton('hello').waitFor();
    await page.locator('.monaco-editor').first().waitFor(); // Monaco and its styles loaded
    await page.getByText('Hello from Lambda!').first().waitFor();
    await lab.setEvent('{"key1": "value1"}');
    await lab.invoke();
    await lab.result.getByText('Succeeded').waitFor();
    await lab.logs.getByText(/REPORT RequestId/).waitFor();
    const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(header).toBe(contentSecurityPolicy(server.origin));
    expect(violations).toEqual([]);
  });

  it('refuses a connection anywhere else', async () => {
    const outcome = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'));
    expect(outcome).toBe('blocked');
    await expect.poll(() => violations.some((v) => v.includes('connect-src'))).toBe(true);
  });
});

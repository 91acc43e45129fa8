// How the workspace feels (Chromium, browser mode): the command palette and shortcuts, panels
// resized with the keyboard and remembered after a reload, and the README screenshots of the
// main screen in the light and the dark theme (1280×720).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newLabPage } from './support/browser.ts';
import { LabPage } from './support/lab-page.ts';
import { type LabSession, openLabSession } from './support/lab-session.ts';
import { REPO_ROOT } from './support/lab-server.ts';

let session: LabSession;
let lab: LabPage;

beforeAll(async () => {
  session = await openLabSession();
  lab = session.lab;
});

afterAll(async () => {
  await session?.close();
});

describe('keyboard and layout', () => {
  it('opens the command palette with Ctrl+Shift+P and runs a command from it', async () => {
    await lab.page.getByRole('heading', { name: 'hello', exact: true }).waitFor();
    await lab.page.keyboard.press('ControlOrMeta+Shift+P');
    const palette = lab.dialog('Command palette');
    const input = palette.getByRole('combobox', { name: 'Command' });
    await input.waitFor();
    expect(await palette.getByRole('listbox', { name: 'Commands' }).getByRole('option').count()).toBeGreaterThan(10);
    await input.fill('invoke');
    await expect.poll(() => palette.getByRole('option', { selected: true }).textContent()).toMatch(/^Invoke/);
    await lab.page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await lab.result.getByText('Succeeded', { exact: true }).waitFor();
  });

  it('creates a file and switches files with Ctrl+P', async () => {
    await lab.page.keyboard.press('ControlOrMeta+Shift+P');
    await lab.dialog('Command palette').getByRole('combobox', { name: 'Command' }).fill('new file');
    await lab.page.keyboard.press('Enter');
    const newFile = lab.dialog('New file');
    await newFile.getByRole('textbox', { name: 'File path' }).fill('util.mjs');
    await lab.page.keyboard.press('Enter');
    await lab.fileTab('util.mjs').and(lab.page.locator('[aria-selected="true"]')).waitFor();
    await lab.page.keyboard.press('ControlOrMeta+P');
    const palette = lab.dialog('Command palette');
    await palette.getByRole('combobox', { name: 'File name' }).fill('index');
    await lab.page.keyboard.press('Enter');
    await lab.fileTab('index.mjs').and(lab.page.locator('[aria-selected="true"]')).waitFor();
    await expect.poll(() => lab.codeEditor.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('saves with Ctrl+S and invokes with Ctrl+Enter from inside the editor', async () => {
    await lab.replaceCode("export const handler = async () => 'from the keyboard';\n");
    await lab.page.keyboard.press('ControlOrMeta+S');
    await expect.poll(() => lab.saveStatus.textContent()).toBe('Saved');
    await lab.page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(async () => (await lab.response.textContent()) ?? '').toBe('"from the keyboard"');
  });

  it('resizes panels with the keyboard and remembers their sizes after a reload', async () => {
    const splitter = lab.page.getByRole('separator', { name: 'Resize the event editor' });
    expect(await splitter.getAttribute('aria-orientation')).toBe('horizontal');
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await lab.page.keyboard.press('ArrowUp');
    await lab.page.keyboard.press('ArrowUp');
    const after = Number(await splitter.getAttribute('aria-valuenow'));
    expect(after).toBe(before + 32); // the event editor grows as the divider moves up
    const sidebar = lab.page.getByRole('separator', { name: 'Resize the functions sidebar' });
    await sidebar.focus();
    await lab.page.keyboard.press('Shift+ArrowRight');
    const sidebarWidth = Number(await sidebar.getAttribute('aria-valuenow'));
    await lab.page.reload();
    await lab.functionButton('hello').waitFor();
    expect(Number(await lab.page.getByRole('separator', { name: 'Resize the event editor' }).getAttribute('aria-valuenow'))).toBe(after);
    expect(Number(await lab.page.getByRole('separator', { name: 'Resize the functions sidebar' }).getAttribute('aria-valuenow'))).toBe(sidebarWidth);
    // Back to the defaults, for the screenshots.
    await lab.page.evaluate(() => localStorage.removeItem('lambda-lab.layout'));
  });
});

describe('the README screenshots', () => {
  const dir = join(REPO_ROOT, 'docs', 'screenshots');

  it('shows the main screen in the light theme', async () => {
    mkdirSync(dir, { recursive: true });
    await lab.page.reload();
    await lab.createFunction('orders', 'SQS batch handler with partial failures');
    await lab.invokeAndWait();
    await lab.invokeAndWait();
    await lab.result.getByText('Warm start', { exact: true }).waitFor();
    await lab.page.locator('.monaco-editor .view-lines').getByText('batchItemFailures').first().waitFor();
    await lab.page.mouse.move(0, 0);
    await lab.page.screenshot({ path: join(dir, 'main-screen-light.png') });
  });

  it('shows the main screen in the dark theme', async () => {
    const page = await newLabPage(session.browser, { colorScheme: 'dark' });
    await page.goto(session.server.url);
    const dark = new LabPage(page);
    await dark.selectFunction('orders');
    await dark.history.first().getByRole('button').click();
    await dark.result.getByText('Warm start', { exact: true }).waitFor();
    await page.locator('.monaco-editor .view-lines').getByText('batchItemFailures').first().waitFor();
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await page.screenshot({ path: join(dir, 'main-screen-dark.png') });
    await page.context().close();
  });

  it('fetched nothing from outside the machine', () => {
    expect(session.offsiteRequests).toEqual([]);
  });
});

// Page object for the lab's main screen, shared by the browser and the Electron suites.
// Controls are found by role and accessible name, the way a screen reader finds them.
import type { Download, Locator, Page } from 'playwright-core';

export class LabPage {
  constructor(readonly page: Page) {}

  // ── functions ─────────────────────────────────────────────────────────────────────────
  get functions(): Locator {
    return this.page.getByRole('navigation', { name: 'Functions' });
  }
  functionButton(name: string): Locator {
    return this.functions.getByRole('button', { name, exact: true });
  }
  get functionSearch(): Locator {
    return this.functions.getByRole('searchbox', { name: 'Search functions' });
  }
  get importFunctionInput(): Locator {
    return this.functions.getByLabel('Import function…', { exact: true });
  }
  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }
  get notifications(): Locator {
    return this.page.getByRole('status', { name: 'Notifications' });
  }

  /** New function → name → a blueprint by its title (or 'Author from scratch') → Create; waits until it is selected. */
  async createFunction(name: string, start: string): Promise<void> {
    await this.functions.getByRole('button', { name: 'New function', exact: true }).click();
    const dialog = this.dialog('New function');
    await dialog.getByRole('radio', { name: start, exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Function name' }).fill(name);
    await dialog.getByRole('button', { name: 'Create function' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.functionButton(name).and(this.page.locator('[aria-current="true"]')).waitFor();
  }

  async selectFunction(name: string): Promise<void> {
    await this.functionButton(name).click();
    await this.functionButton(name).and(this.page.locator('[aria-current="true"]')).waitFor();
    await this.page.getByRole('heading', { name, exact: true, level: 2 }).waitFor();
  }

  /** The selected function's main settings as the header shows them ("nodejs24.x", "128 MB", …). */
  settingsChips(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Main settings' }).getByRole('listitem').allTextContents();
  }

  /** Actions ▾ → an item of the selected function's menu. */
  async functionAction(item: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Function actions' }).click();
    await this.page.getByRole('menu', { name: 'Function actions' }).getByRole('menuitem', { name: item }).click();
  }

  /** Starts a download and returns it (Playwright keeps the file until the browser closes). */
  async download(start: () => Promise<void>): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), start()]);
    return download;
  }

  // ── code ──────────────────────────────────────────────────────────────────────────────
  get codeEditor(): Locator {
    return this.page.getByRole('textbox', { name: 'Code editor' });
  }
  get fileTree(): Locator {
    return this.page.getByRole('tree', { name: 'Files' });
  }
  fileItem(name: string): Locator {
    return this.fileTree.getByRole('treeitem', { name });
  }
  fileTab(path: string): Locator {
    return this.page.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name: path });
  }
  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save', exact: true });
  }
  get saveStatus(): Locator {
    return this.page.locator('.save-status');
  }
  /** The status bar's problems summary ("1 error"), present while Monaco reports problems. */
  get problems(): Locator {
    return this.page.getByRole('button', { name: /^Problems: / });
  }

  /** New file → path → Create; the new file opens in a tab. */
  async newFile(path: string): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'New file' }).click();
    const dialog = this.dialog('New file');
    await dialog.getByRole('textbox', { name: 'File path' }).fill(path);
    await dialog.getByRole('button', { name: 'Create file' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.fileTab(path).and(this.page.locator('[aria-selected="true"]')).waitFor();
  }

  /**
   * Replaces the whole text of the open file in Monaco by pasting it, as a student pasting code
   * would (typing would trigger Monaco's auto-indent and auto-closing brackets). Browser
   * contexts need the clipboard permissions (see support/browser.ts).
   */
  async replaceCode(code: string): Promise<void> {
    await this.codeEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.evaluate((text) => navigator.clipboard.writeText(text), code);
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  // ── event ─────────────────────────────────────────────────────────────────────────────
  get eventEditor(): Locator {
    return this.page.getByRole('textbox', { name: 'Event JSON' });
  }
  get savedEvent(): Locator {
    return this.page.getByRole('combobox', { name: 'Saved event' });
  }
  get invokeButton(): Locator {
    return this.page.getByRole('button', { name: 'Invoke', exact: true });
  }
  get eventError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Invalid JSON' });
  }
  get importEventInput(): Locator {
    return this.page.getByLabel('Import event file', { exact: true });
  }

  /** More ▾ → an item of the event's menu. */
  async eventAction(item: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Event actions' }).click();
    await this.page.getByRole('menu', { name: 'Event actions' }).getByRole('menuitem', { name: item }).click();
  }

  async setEvent(json: string): Promise<void> {
    await this.eventEditor.fill(json);
  }

  async invoke(): Promise<void> {
    await this.invokeButton.click();
  }

  // ── result, log, history ──────────────────────────────────────────────────────────────
  get result(): Locator {
    return this.page.getByRole('region', { name: 'Result' });
  }
  get response(): Locator {
    return this.result.getByLabel('Response', { exact: true });
  }
  /** The learner's explanation of the result shown. */
  get explanation(): Locator {
    return this.result.getByRole('region', { name: 'What happened' });
  }
  get logs(): Locator {
    return this.page.getByRole('region', { name: 'Log output' });
  }
  get historyPanel(): Locator {
    return this.page.getByRole('region', { name: 'Invocation history' });
  }
  get history(): Locator {
    return this.historyPanel.getByRole('listitem');
  }
  historyFilter(name: 'Status filter' | 'Start filter' | 'Time range'): Locator {
    return this.historyPanel.getByRole('combobox', { name });
  }

  /** The Billed Duration on the last REPORT line of the log on screen, in milliseconds. */
  async reportedBilledDurationMs(): Promise<number> {
    const log = (await this.logs.textContent()) ?? '';
    const last = [...log.matchAll(/Billed Duration: (\d+) ms/g)].pop()?.[1];
    if (last === undefined) throw new Error('No REPORT line with a Billed Duration in the log on screen');
    return Number(last);
  }

  /** The text Monaco shows for the open file (visible lines only). */
  get editorLines(): Locator {
    return this.page.locator('.monaco-editor .view-lines');
  }

  /** Invokes and waits for this invocation's result (the request id on screen changes). */
  async invokeAndWait(): Promise<void> {
    const shownRequestId = (): string | null => document.querySelector('[aria-label="Result"] .request-id code')?.textContent ?? null;
    const before = await this.page.evaluate(shownRequestId);
    await this.invoke();
    await this.page.waitForFunction((previous) => {
      const shown = document.querySelector('[aria-label="Result"] .request-id code')?.textContent ?? null;
      return shown !== null && shown !== previous;
    }, before);
  }
}

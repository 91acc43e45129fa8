// Page object for the lab's main screen, shared by the browser and the Electron suites.
// Controls are found by role and accessible name, the way a screen reader finds them.
import type { Locator, Page } from 'playwright-core';

export class LabPage {
  constructor(readonly page: Page) {}

  get functions(): Locator {
    return this.page.getByRole('navigation', { name: 'Functions' });
  }
  functionButton(name: string): Locator {
    return this.functions.getByRole('button', { name, exact: true });
  }
  get codeEditor(): Locator {
    return this.page.getByRole('textbox', { name: 'Code editor' });
  }
  get eventEditor(): Locator {
    return this.page.getByRole('textbox', { name: 'Event JSON' });
  }
  get invokeButton(): Locator {
    return this.page.getByRole('button', { name: 'Invoke', exact: true });
  }
  get result(): Locator {
    return this.page.getByRole('region', { name: 'Result' });
  }
  get response(): Locator {
    return this.result.getByLabel('Response');
  }
  get logs(): Locator {
    return this.page.getByRole('region', { name: 'Log output' });
  }
  get history(): Locator {
    return this.page.getByRole('region', { name: 'Invocation history' }).getByRole('listitem');
  }
  get eventError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Invalid JSON' });
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

  async setEvent(json: string): Promise<void> {
    await this.eventEditor.fill(json);
  }

  async invoke(): Promise<void> {
    await this.invokeButton.click();
  }
}

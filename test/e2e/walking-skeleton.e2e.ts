// The first thing a student does: open the lab, edit hello, type an event, invoke, read the
// result, the REPORT line and the history — in Debian Chromium, browser mode.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newLabPage } from './support/browser.ts';
import { LabPage } from './support/lab-page.ts';
import { REPO_ROOT, type LabServer, startLabServer } from './support/lab-server.ts';

let server: LabServer;
let browser: Browser;
let page: Page;
let lab: LabPage;
const offsiteRequests: string[] = [];

beforeAll(async () => {
  server = await startLabServer();
  browser = await launchChromium();
  page = await newLabPage(browser);
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offsiteRequests.push(req.url());
  });
  lab = new LabPage(page);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function text(locator: ReturnType<LabPage['result']['locator']>): Promise<string> {
  return (await locator.textContent()) ?? '';
}

describe('walking skeleton in the browser', () => {
  it('opens on the function hello with its code in the editor', async () => {
    await lab.functionButton('hello').waitFor();
    expect(await lab.functionButton('hello').getAttribute('aria-current')).toBe('true');
    await page.getByText('Hello from Lambda!').first().waitFor();
  });

  it('refuses to invoke an event that is not JSON and says why', async () => {
    await lab.setEvent('{"name": ');
    await lab.eventError.waitFor();
    expect(await lab.eventError.textContent()).toMatch(/^Invalid JSON: /);
    expect(await lab.invokeButton.isDisabled()).toBe(true);
  });

  it('runs edited code with the typed event and shows the response and the REPORT line', async () => {
    await lab.replaceCode("export const handler = async (event) => { console.log('greeting', event.name); return { greeting: 'Hello, ' + event.name }; };");
    await lab.setEvent('{"name": "Ada"}');
    await lab.invoke();
    await lab.result.getByText('Succeeded').waitFor();
    expect(JSON.parse(await text(lab.response))).toEqual({ greeting: 'Hello, Ada' });
    expect(await text(lab.result)).toContain('Cold start');
    await lab.logs.getByText(/REPORT RequestId: [0-9a-f-]{36}/).waitFor();
    expect(await text(lab.logs)).toContain('greeting Ada');
    await expect.poll(() => lab.history.count()).toBe(1);
    expect(await text(lab.history.first())).toContain('Succeeded');
  });

  it('invokes again with Ctrl+Enter in a warm environment, and the history updates live', async () => {
    await lab.setEvent('{"name": "Grace"}');
    await lab.eventEditor.press('Control+Enter');
    await expect.poll(() => lab.history.count()).toBe(2);
    await lab.result.getByText('Warm start', { exact: true }).waitFor();
    expect(JSON.parse(await text(lab.response))).toEqual({ greeting: 'Hello, Grace' });
  });

  it('shows a function error the way Lambda returns it', async () => {
    await lab.replaceCode("export const handler = async () => { throw new RangeError('out of range'); };");
    await lab.invoke();
    await lab.result.getByText('Failed: RangeError').waitFor();
    expect(JSON.parse(await text(lab.response))).toMatchObject({ errorType: 'RangeError', errorMessage: 'out of range' });
    expect(await text(lab.logs)).toContain('Invoke Error');
  });

  it('takes the README screenshot, and nothing was fetched from outside the machine', async () => {
    await lab.replaceCode("export const handler = async (event) => {\n  console.log('Hello', event.name);\n  return { greeting: `Hello, ${event.name}` };\n};\n");
    await lab.setEvent('{\n  "name": "Ada"\n}');
    await lab.invoke();
    await expect.poll(() => lab.history.count()).toBe(4);
    await lab.result.getByText('Succeeded').waitFor();
    const dir = join(REPO_ROOT, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'main-screen.png') });
    expect(offsiteRequests).toEqual([]);
  });
});

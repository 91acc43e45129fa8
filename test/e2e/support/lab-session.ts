// One engine (its own data dir) + one Chromium page on it, recording any request that leaves the
// machine: what each browser-mode suite starts with.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newLabPage } from './browser.ts';
import { LabPage } from './lab-page.ts';
import { type LabServer, startLabServer } from './lab-server.ts';

export interface LabSession {
  server: LabServer;
  browser: Browser;
  page: Page;
  lab: LabPage;
  /** Requests to anywhere but 127.0.0.1/localhost (data: and blob: URLs aside). */
  offsiteRequests: string[];
  close(): Promise<void>;
}

export async function openLabSession(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<LabSession> {
  const server = await startLabServer();
  const browser = await launchChromium();
  const page = await newLabPage(browser, options);
  const offsiteRequests: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offsiteRequests.push(req.url());
  });
  await page.goto(server.url);
  const lab = new LabPage(page);
  await lab.functionButton('hello').waitFor();
  return {
    server,
    browser,
    page,
    lab,
    offsiteRequests,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

// The same walk through the desktop app, with Playwright's Electron driver and the same page
// object. It needs an Electron binary; `npm install electron` cannot download one on some
// machines (no network), and then this suite is skipped with the reason printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ElectronApplication, _electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabPage } from './support/lab-page.ts';
import { REPO_ROOT } from './support/lab-server.ts';

import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();
if (binary === undefined) {
  console.log('Electron end-to-end suite skipped: no Electron binary on this machine (the electron package downloads it on first use, which needs network access).');
}

// Skipped (with the reason printed above) only where no Electron binary exists.
describe.skipIf(binary === undefined)('walking skeleton in the desktop app', () => {
  let app: ElectronApplication;
  let lab: LabPage;
  const userData = mkdtempSync(join(tmpdir(), 'lambda-lab-electron-'));

  beforeAll(async () => {
    app = await _electron.launch({
      executablePath: binary,
      args: [REPO_ROOT, `--user-data-dir=${userData}`],
      env: { ...process.env, LAMBDA_LAB_NODE: process.execPath },
    });
    lab = new LabPage(await app.firstWindow());
  });
  afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  it('invokes hello and shows the REPORT line and the history entry', async () => {
    await lab.functionButton('hello').waitFor();
    await lab.setEvent('{"key1": "value1"}');
    await lab.invoke();
    await lab.result.getByText('Succeeded').waitFor();
    await lab.logs.getByText(/REPORT RequestId/).waitFor();
    await expect.poll(() => lab.history.count()).toBe(1);
  });

  it('runs the page with context isolation and no Node in the renderer', async () => {
    const exposed = await lab.page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      desktop: Object.keys((globalThis as { lambdaLabDesktop?: object }).lambdaLabDesktop ?? {}),
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', desktop: ['engineToken', 'platform'] });
  });
});

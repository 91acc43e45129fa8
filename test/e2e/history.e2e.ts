// Settings and the invocation history (Chromium, browser mode): Lambda's ranges checked in the
// settings, then successes, a function error and a timeout, filtered by status, cold/warm and
// time; any past invocation opens with its event, response and log, and re-runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabPage } from './support/lab-page.ts';
import { type LabSession, openLabSession } from './support/lab-session.ts';

let session: LabSession;
let lab: LabPage;

const HANDLER = `export const handler = async (event) => {
  if (event.fail) throw new TypeError('asked to fail');
  if (event.waitMs) await new Promise((resolve) => setTimeout(resolve, event.waitMs));
  return { ok: true, n: event.n, greeting: process.env.GREETING };
};
`;

beforeAll(async () => {
  session = await openLabSession();
  lab = session.lab;
  await lab.createFunction('steps', 'Author from scratch');
  await lab.replaceCode(HANDLER);
});

afterAll(async () => {
  await session?.close();
});

async function invokeWith(event: object): Promise<void> {
  await lab.setEvent(JSON.stringify(event));
  await lab.invokeAndWait();
}

describe('settings', () => {
  it('checks every setting against Lambda’s ranges as the user types', async () => {
    await lab.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = lab.dialog('Settings of steps');
    const memory = dialog.getByRole('spinbutton', { name: 'Memory (MB)' });
    await memory.fill('100');
    await dialog.getByText('Memory must be at least 128 MB').waitFor();
    await memory.fill('20000');
    await dialog.getByText('Memory must be at most 10240 MB').waitFor();
    await memory.fill('10240');
    await dialog.getByText(/^The sandbox gives this function at most \d+ MB of heap on this machine\.$/).waitFor();
    await memory.fill('256');
    await dialog.getByRole('spinbutton', { name: 'Timeout (seconds)' }).fill('901');
    await dialog.getByText('Timeout must be at most 900 seconds (15 minutes)').waitFor();
    await dialog.getByRole('spinbutton', { name: 'Timeout (seconds)' }).fill('1');
    await dialog.getByRole('textbox', { name: 'Handler' }).fill('index');
    await dialog.getByText('Write it as file.export, for example index.handler').waitFor();
    await dialog.getByRole('textbox', { name: 'Handler' }).fill('index.handler');
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    await dialog.getByRole('textbox', { name: 'Key of variable 1' }).fill('AWS_REGION');
    await dialog.getByRole('textbox', { name: 'Value of variable 1' }).fill('eu-west-1');
    await dialog.getByText('Lambda sets AWS_REGION itself: a function may not set it').waitFor();
    await dialog.getByRole('textbox', { name: 'Key of variable 1' }).fill('GREETING');
    await dialog.getByRole('textbox', { name: 'Value of variable 1' }).fill('hi');
    expect(await dialog.getByRole('combobox', { name: 'Application log level' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'arm64' }).check();
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.waitFor({ state: 'detached' });
    await lab.notifications.getByText('Saved the settings of steps.').waitFor();
    await expect.poll(() => lab.settingsChips()).toEqual(['nodejs24.x', '256 MB', '1 s', 'arm64']);
  });
});

describe('the invocation history', () => {
  it('records successes, a function error and a timeout', async () => {
    await invokeWith({ n: 1 });
    expect(JSON.parse((await lab.response.textContent()) ?? '')).toEqual({ ok: true, n: 1, greeting: 'hi' });
    expect(await lab.result.getByText('Cold start', { exact: true }).count()).toBe(1);
    await invokeWith({ n: 2 });
    await invokeWith({ fail: true });
    await lab.result.getByText('Failed: TypeError', { exact: true }).waitFor();
    await invokeWith({ waitMs: 2500 });
    await lab.result.getByText('Timed out', { exact: true }).waitFor();
    expect(await lab.explanation.textContent()).toContain("Timed out: the handler was still running after 1 s (the function's timeout); Lambda stopped it and discarded the environment");
    await invokeWith({ n: 5 });
    await lab.result.getByText('Cold start', { exact: true }).waitFor(); // the timeout discarded the environment
    await expect.poll(() => lab.history.count()).toBe(5);
    expect(await lab.historyPanel.getByText('5 invocations').count()).toBe(1);
  });

  it('filters by status', async () => {
    await lab.historyFilter('Status filter').selectOption('error');
    await expect.poll(() => lab.history.count()).toBe(1);
    expect(await lab.history.first().textContent()).toContain('Failed TypeError');
    await lab.historyFilter('Status filter').selectOption('timeout');
    await expect.poll(() => lab.history.allTextContents()).toEqual([expect.stringContaining('Timed out')]);
    await lab.historyFilter('Status filter').selectOption('success');
    await expect.poll(() => lab.history.count()).toBe(3);
    await lab.historyFilter('Status filter').selectOption('any');
  });

  it('filters by cold and warm start', async () => {
    await lab.historyFilter('Start filter').selectOption('cold');
    // The first, and the one after the timeout (a timeout discards the environment).
    await expect.poll(() => lab.history.count()).toBe(2);
    expect((await lab.history.allTextContents()).every((t) => t.includes('Cold'))).toBe(true);
    await lab.historyFilter('Start filter').selectOption('warm');
    await expect.poll(() => lab.history.count()).toBe(3);
    await lab.historyFilter('Start filter').selectOption('any');
  });

  it('filters by time range', async () => {
    await lab.historyFilter('Time range').selectOption('15m');
    await expect.poll(() => lab.history.count()).toBe(5);
    await lab.historyFilter('Time range').selectOption('custom');
    await lab.historyPanel.getByLabel('From', { exact: true }).fill('2020-01-01T00:00:00');
    await lab.historyPanel.getByLabel('To', { exact: true }).fill('2020-01-02T00:00:00');
    await lab.historyPanel.getByText('No invocation matches these filters.').waitFor();
    expect(await lab.history.count()).toBe(0);
    await lab.historyPanel.getByLabel('To', { exact: true }).fill('2099-01-01T00:00:00');
    await expect.poll(() => lab.history.count()).toBe(5);
    await lab.historyPanel.getByLabel('To', { exact: true }).fill('2019-01-01T00:00:00');
    await lab.historyPanel.getByRole('alert').getByText('From is after To').waitFor();
    await lab.historyPanel.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => lab.history.count()).toBe(5);
  });

  it('opens a past invocation with its event, response and log, and re-runs it', async () => {
    await lab.history.filter({ hasText: 'Failed' }).getByRole('button').click();
    await lab.result.getByText('Failed: TypeError', { exact: true }).waitFor();
    expect(JSON.parse((await lab.result.getByLabel('Invocation event').textContent()) ?? '')).toEqual({ fail: true });
    expect(JSON.parse((await lab.response.textContent()) ?? '')).toMatchObject({ errorType: 'TypeError', errorMessage: 'asked to fail' });
    expect(await lab.explanation.textContent()).toMatch(/Function error: your handler threw TypeError \("asked to fail"\).*The trace points to index\.mjs, line 2, column \d+\./);
    expect(await lab.logs.textContent()).toContain('Invoke Error');
    await lab.result.getByRole('button', { name: 'Re-run', exact: true }).click();
    await expect.poll(() => lab.history.count()).toBe(6);
    expect(await lab.history.first().textContent()).toContain('Failed TypeError');
  });

  it('fetched nothing from outside the machine', () => {
    expect(session.offsiteRequests).toEqual([]);
  });
});

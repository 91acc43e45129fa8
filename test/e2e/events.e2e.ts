// Test events in the workspace (Chromium, browser mode): an event from a SAM template with its
// parameters, JSON checked with the error's line, and an event saved, exported as a file,
// deleted and imported back (and imported again over itself).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabPage } from './support/lab-page.ts';
import { type LabSession, openLabSession } from './support/lab-session.ts';

let session: LabSession;
let lab: LabPage;
const downloads = mkdtempSync(join(tmpdir(), 'lambda-lab-e2e-downloads-'));

beforeAll(async () => {
  session = await openLabSession();
  lab = session.lab;
  await lab.createFunction('echo', 'Author from scratch');
  await lab.replaceCode('export const handler = async (event) => event;\n');
});

afterAll(async () => {
  await session?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function responseJson(): Promise<unknown> {
  return JSON.parse((await lab.response.textContent()) ?? '');
}

describe('test events', () => {
  it('starts a new function with the console’s event and no saved events', async () => {
    expect(await lab.savedEvent.inputValue()).toBe('');
    expect(JSON.parse(await lab.eventEditor.inputValue())).toEqual({ key1: 'value1', key2: 'value2', key3: 'value3' });
  });

  it('says on which line the JSON is wrong', async () => {
    await lab.setEvent('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}');
    await lab.eventError.waitFor();
    expect(await lab.eventError.textContent()).toMatch(/^Invalid JSON: .*\(line 4, column 3\)$/);
    expect(await lab.invokeButton.isDisabled()).toBe(true);
    await lab.page.getByRole('button', { name: 'Go to line 4' }).click();
    expect(await lab.eventEditor.evaluate((el) => (el as HTMLTextAreaElement).selectionStart)).toBe('{\n  "a": 1,\n  "b": 2\n  '.length);
  });

  it('uses an SQS event from the SAM templates, with its parameters and fresh ids', async () => {
    await lab.page.getByRole('button', { name: 'Templates…' }).click();
    const dialog = lab.dialog('Event templates');
    await dialog.getByRole('combobox', { name: 'Search templates' }).fill('sqs receive');
    await dialog.getByRole('option', { name: /^sqs receive-message/ }).click();
    await dialog.getByRole('textbox', { name: 'body', exact: true }).fill('hello from the template');
    await dialog.getByRole('textbox', { name: 'queue-name', exact: true }).fill('orders');
    const preview = dialog.getByLabel('Event preview');
    await expect.poll(async () => (await preview.textContent()) ?? '').toContain('hello from the template');
    await expect.poll(async () => (await preview.textContent()) ?? '').toContain('arn:aws:sqs:us-east-1:123456789012:orders');
    const rendered = JSON.parse((await preview.textContent()) ?? '') as { Records: { messageId: string; body: string }[] };
    expect(rendered.Records[0]?.messageId).not.toBe('19dd0b57-b21e-4ac1-bd88-01bbb068cb78'); // SAM's fixed id: replaced by a fresh one
    await dialog.getByRole('button', { name: 'Use event' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(JSON.parse(await lab.eventEditor.inputValue())).toEqual(rendered);
    await lab.invokeAndWait();
    expect(await responseJson()).toEqual(rendered);
  });

  it('saves a template event under a name right from the picker', async () => {
    await lab.page.getByRole('button', { name: 'Templates…' }).click();
    const dialog = lab.dialog('Event templates');
    await dialog.getByRole('combobox', { name: 'Search templates' }).fill('s3 put');
    await lab.page.keyboard.press('Enter'); // the highlighted (first) match
    await dialog.getByRole('textbox', { name: 'key', exact: true }).fill('photos/cat.jpg');
    await expect.poll(async () => (await dialog.getByLabel('Event preview').textContent()) ?? '').toContain('photos/cat.jpg');
    await dialog.getByRole('textbox', { name: 'Save as test event (optional)' }).fill('s3-cat');
    await dialog.getByRole('button', { name: 'Save and use event' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => lab.savedEvent.inputValue()).toBe('s3-cat');
    expect(await lab.eventEditor.inputValue()).toContain('photos/cat.jpg');
  });

  it('saves an event, exports it as a file, and imports it back after deleting it', async () => {
    const text = '{\n  "orderId": "A-7",\n  "lines": [1, 2, 3]\n}';
    await lab.setEvent(text);
    await lab.eventAction('Save as…');
    const save = lab.dialog('Save event as');
    await save.getByRole('textbox', { name: 'Event name' }).fill('order-7');
    await save.getByRole('button', { name: 'Save event' }).click();
    await save.waitFor({ state: 'detached' });
    await expect.poll(() => lab.savedEvent.inputValue()).toBe('order-7');

    const download = await lab.download(() => lab.eventAction('Export as .json'));
    expect(download.suggestedFilename()).toBe('order-7.json');
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toBe(text);

    await lab.eventAction('Delete…');
    await lab.dialog('Delete event order-7?').getByRole('button', { name: 'Delete event' }).click();
    await expect.poll(() => lab.savedEvent.inputValue()).toBe('');
    expect(await lab.savedEvent.getByRole('option').allTextContents()).not.toContain('order-7');

    await lab.setEvent('{}');
    await lab.importEventInput.setInputFiles(file);
    await expect.poll(() => lab.savedEvent.inputValue()).toBe('order-7');
    expect(await lab.eventEditor.inputValue()).toBe(text);
    await lab.notifications.getByText('Imported order-7.json as the test event order-7.').waitFor();

    // The same file again: the event exists, so the lab asks before replacing it.
    await lab.importEventInput.setInputFiles(file);
    await lab.dialog('Replace event order-7?').getByRole('button', { name: 'Replace' }).click();
    await lab.notifications.getByText('Imported order-7.json, replacing the test event order-7.').waitFor();
  });

  it('keeps edits of each saved event while switching between them', async () => {
    await lab.setEvent('{"edited": true}');
    await expect.poll(() => lab.savedEvent.locator('option:checked').textContent()).toBe('order-7 (modified)');
    await lab.savedEvent.selectOption('s3-cat');
    expect(await lab.eventEditor.inputValue()).toContain('photos/cat.jpg');
    await lab.savedEvent.selectOption('order-7');
    expect(await lab.eventEditor.inputValue()).toBe('{"edited": true}');
    await lab.page.getByRole('button', { name: 'Save event', exact: true }).click();
    await expect.poll(() => lab.savedEvent.locator('option:checked').textContent()).toBe('order-7');
  });

  it('fetched nothing from outside the machine', () => {
    expect(session.offsiteRequests).toEqual([]);
  });
});

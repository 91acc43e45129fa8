// Whole functions (Chromium, browser mode): search, rename, duplicate, delete with Undo, and
// taking a function out of the lab and back — as a .zip deployment package and as an AWS SAM
// project whose template.yaml is parsed and checked here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabPage } from './support/lab-page.ts';
import { type LabSession, openLabSession } from './support/lab-session.ts';

let session: LabSession;
let lab: LabPage;
const downloads = mkdtempSync(join(tmpdir(), 'lambda-lab-e2e-downloads-'));

const INDEX = "import { total } from './lib/total.mjs';\n\nexport const handler = async (event) => ({ total: total(event.items ?? []) });\n";
const LIB = 'export const total = (items) => items.reduce((sum, item) => sum + item.price, 0);\n';

beforeAll(async () => {
  session = await openLabSession();
  lab = session.lab;
});

afterAll(async () => {
  await session?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function saveDownload(start: () => Promise<void>): Promise<string> {
  const download = await lab.download(start);
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

function unzip(file: string): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

/** Reads a file of the selected function through the editor (opens it in a tab). */
async function codeOf(path: string): Promise<string> {
  await lab.fileItem(path.split('/').pop() as string).click();
  return lab.page.evaluate(() => document.querySelector('.monaco-editor .view-lines')?.textContent ?? '');
}

describe('functions as a whole', () => {
  it('prepares a function with two files and settings', async () => {
    await lab.createFunction('cart', 'Author from scratch');
    await lab.newFile('lib/total.mjs');
    await lab.replaceCode(LIB);
    await lab.fileTab('index.mjs').click();
    await lab.replaceCode(INDEX);
    await lab.page.keyboard.press('ControlOrMeta+S');
    await expect.poll(() => lab.saveStatus.textContent()).toBe('Saved');
    await lab.page.keyboard.press('ControlOrMeta+,');
    const settings = lab.dialog('Settings of cart');
    await settings.getByRole('textbox', { name: 'Description' }).fill('Adds up a cart');
    await settings.getByRole('spinbutton', { name: 'Memory (MB)' }).fill('512');
    await settings.getByRole('spinbutton', { name: 'Timeout (seconds)' }).fill('10');
    await settings.getByRole('button', { name: 'Add variable' }).click();
    await settings.getByRole('textbox', { name: 'Key of variable 1' }).fill('CURRENCY');
    await settings.getByRole('textbox', { name: 'Value of variable 1' }).fill('EUR');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.waitFor({ state: 'detached' });
  });

  it('exports the function as a .zip deployment package', async () => {
    const file = await saveDownload(() => lab.functionAction('Export as .zip'));
    expect(file.endsWith('cart.zip')).toBe(true);
    expect(unzip(file)).toEqual({ 'index.mjs': INDEX, 'lib/total.mjs': LIB });
  });

  it('exports the function as an AWS SAM project that sam deploy accepts', async () => {
    const file = await saveDownload(() => lab.functionAction('Export as SAM project'));
    expect(file.endsWith('cart-sam.zip')).toBe(true);
    const entries = unzip(file);
    expect(Object.keys(entries).sort()).toEqual(['src/cart/index.mjs', 'src/cart/lib/total.mjs', 'template.yaml']);
    expect(entries['src/cart/index.mjs']).toBe(INDEX);
    const template = parseYaml(entries['template.yaml'] as string, { version: '1.1' }) as {
      AWSTemplateFormatVersion: string;
      Transform: string;
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    const resources = Object.values(template.Resources);
    expect(resources).toHaveLength(1);
    expect(resources[0]?.Type).toBe('AWS::Serverless::Function');
    expect(resources[0]?.Properties).toMatchObject({
      FunctionName: 'cart',
      Description: 'Adds up a cart',
      CodeUri: 'src/cart/',
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['x86_64'],
      MemorySize: 512,
      Timeout: 10,
      EphemeralStorage: { Size: 512 },
      Environment: { Variables: { CURRENCY: 'EUR' } },
    });
    // CodeUri + Handler point at a file that is in the project.
    expect(entries[`${resources[0]?.Properties['CodeUri'] as string}index.mjs`]).toBeDefined();
  });

  it('imports the .zip back as a new function (asking for a name: cart exists)', async () => {
    await lab.importFunctionInput.setInputFiles(join(downloads, 'cart.zip'));
    const dialog = lab.dialog('Import cart.zip');
    await dialog.getByText('A function named cart already exists').waitFor();
    await dialog.getByRole('textbox', { name: 'Function name' }).fill('cart-from-zip');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await lab.functionButton('cart-from-zip').and(lab.page.locator('[aria-current="true"]')).waitFor();
    await expect.poll(() => lab.fileTree.getByRole('treeitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))).toEqual(['lib', 'total.mjs', 'index.mjs']);
    await lab.setEvent('{"items": [{"price": 2}, {"price": 3.5}]}');
    await lab.invokeAndWait();
    expect(JSON.parse((await lab.response.textContent()) ?? '')).toEqual({ total: 5.5 });
  });

  it('imports the SAM project back with its settings', async () => {
    await lab.importFunctionInput.setInputFiles(join(downloads, 'cart-sam.zip'));
    const dialog = lab.dialog('Import cart-sam.zip');
    await dialog.getByRole('textbox', { name: 'Function name' }).fill('cart-from-sam');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await lab.functionButton('cart-from-sam').and(lab.page.locator('[aria-current="true"]')).waitFor();
    await expect.poll(() => lab.settingsChips()).toEqual(['nodejs24.x', '512 MB', '10 s', 'x86_64']);
    await expect.poll(() => lab.page.locator('.function-description').textContent()).toBe('Adds up a cart');
    expect(await codeOf('lib/total.mjs')).toContain('items.reduce');
  });

  it('finds functions by name or description', async () => {
    await lab.functionSearch.fill('from-');
    await expect.poll(() => lab.functions.getByRole('listitem').count()).toBe(2);
    await lab.functionSearch.fill('adds up'); // the descriptions of cart and of its SAM copy
    await expect.poll(() => lab.functions.getByRole('listitem').count()).toBe(2);
    await lab.functionSearch.fill('nothing like this');
    await lab.functions.getByText('No function matches “nothing like this”.').waitFor();
    await lab.functionSearch.fill('');
  });

  it('renames and duplicates a function', async () => {
    await lab.selectFunction('cart-from-zip');
    await lab.functionAction('Rename…');
    const rename = lab.dialog('Rename cart-from-zip');
    await rename.getByRole('textbox', { name: 'New function name' }).fill('cart-v2');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await lab.functionButton('cart-v2').and(lab.page.locator('[aria-current="true"]')).waitFor();
    expect(await lab.functionButton('cart-from-zip').count()).toBe(0);
    await expect.poll(() => lab.history.count()).toBe(1); // the history moved along

    await lab.functionAction('Duplicate…');
    const duplicate = lab.dialog('Duplicate cart-v2');
    expect(await duplicate.getByRole('textbox', { name: 'Name of the copy' }).inputValue()).toBe('cart-v2-copy');
    await duplicate.getByRole('button', { name: 'Duplicate' }).click();
    await lab.functionButton('cart-v2-copy').and(lab.page.locator('[aria-current="true"]')).waitFor();
    await expect.poll(() => lab.history.count()).toBe(0); // a copy starts without history
  });

  it('deletes a function after confirmation, and brings it back with Undo', async () => {
    await lab.functionAction('Delete…');
    await lab.dialog('Delete function cart-v2-copy?').getByRole('button', { name: 'Delete function' }).click();
    await lab.functionButton('cart-v2-copy').waitFor({ state: 'detached' });
    await lab.notifications.getByText('Deleted cart-v2-copy.').waitFor();
    await lab.notifications.getByRole('button', { name: 'Undo' }).click();
    await lab.functionButton('cart-v2-copy').and(lab.page.locator('[aria-current="true"]')).waitFor();
    await lab.notifications.getByText('Restored cart-v2-copy.').waitFor();
  });

  it('fetched nothing from outside the machine', () => {
    expect(session.offsiteRequests).toEqual([]);
  });
});

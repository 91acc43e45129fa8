// Writing code in the workspace, in Debian Chromium (browser mode): a function from each
// blueprint runs with its sample event; a second file is imported from the handler; a syntax
// error shows in the editor before invoking and as Runtime.UserCodeSyntaxError after; the
// handler's event completes field by field from @types/aws-lambda.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabPage } from './support/lab-page.ts';
import { type LabSession, openLabSession } from './support/lab-session.ts';

let session: LabSession;
let lab: LabPage;

beforeAll(async () => {
  session = await openLabSession();
  lab = session.lab;
});

afterAll(async () => {
  await session?.close();
});

async function responseJson(): Promise<unknown> {
  return JSON.parse((await lab.response.textContent()) ?? '');
}

/** Monaco's suggestions at the cursor (asks again until the TypeScript worker has answered). */
async function suggestionsAtCursor(): Promise<string[]> {
  const rows = lab.page.locator('.monaco-editor .suggest-widget .monaco-list-row');
  let labels: string[] = [];
  await expect
    .poll(
      async () => {
        await lab.page.keyboard.press('Escape');
        await lab.page.keyboard.press('Control+Space');
        await rows.first().waitFor({ timeout: 3000 }).catch(() => undefined);
        labels = (await rows.allTextContents()).map((t) => t.trim());
        return labels.length;
      },
      { timeout: 45_000, interval: 500 },
    )
    .toBeGreaterThan(0);
  await lab.page.keyboard.press('Escape');
  return labels;
}

const BLUEPRINTS: { title: string; name: string; event: string; response: (r: unknown) => void }[] = [
  { title: 'Hello world', name: 'bp-hello', event: 'hello-event', response: (r) => expect(r).toBe('value1') },
  {
    title: 'API Gateway handler',
    name: 'bp-api',
    event: 'get-hello',
    response: (r) => {
      const { statusCode, body } = r as { statusCode: number; body: string };
      expect(statusCode).toBe(200);
      expect(JSON.parse(body)).toEqual({ message: 'Hello, Ada!', path: '/hello' });
    },
  },
  {
    title: 'S3 object handler',
    name: 'bp-s3',
    event: 's3-put',
    response: (r) => expect(r).toEqual({ processed: 1, objects: [{ bucket: 'lab-uploads', key: 'uploads/summer photo (1).jpg', size: 1024 }] }),
  },
  {
    title: 'SQS batch handler with partial failures',
    name: 'bp-sqs',
    event: 'orders-batch',
    response: (r) =>
      expect(r).toEqual({ batchItemFailures: [{ itemIdentifier: '2e1424d4-f796-459a-8184-9c92662be6da' }, { itemIdentifier: '8a5b2c1e-3d4f-4a6b-9c7d-0e1f2a3b4c5d' }] }),
  },
  {
    title: 'Scheduled job (EventBridge)',
    name: 'bp-schedule',
    event: 'nightly-schedule',
    response: (r) => expect(r).toEqual({ rule: 'nightly-cleanup', firedAt: '2026-05-01T03:00:00.000Z', cutoff: '2026-04-24T03:00:00.000Z' }),
  },
  {
    title: 'TypeScript handler',
    name: 'bp-typescript',
    event: 'order',
    response: (r) => expect(r).toEqual({ orderId: 'A-1001', items: 7, subtotal: 31, discount: 3.1, total: 27.9 }),
  },
];

describe('the code of a function', () => {
  for (const bp of BLUEPRINTS) {
    it(`creates a function from the blueprint "${bp.title}" and invokes it with its sample event`, async () => {
      await lab.createFunction(bp.name, bp.title);
      await expect.poll(() => lab.savedEvent.inputValue()).toBe(bp.event);
      await lab.invokeAndWait();
      await lab.result.getByText('Succeeded', { exact: true }).waitFor();
      bp.response(await responseJson());
      expect(await lab.explanation.textContent()).toMatch(/^Cold start: a new execution environment was created and your top-level code ran in [\d.]+ m?s before the handler\./);
      await lab.logs.getByText(/REPORT RequestId: [0-9a-f-]{36}/).waitFor();
    });
  }

  it('adds a second file and imports it from the handler', async () => {
    await lab.createFunction('two-files', 'Author from scratch');
    await lab.newFile('lib/greet.mjs');
    await lab.replaceCode("export const greet = (name) => `Hi, ${name}!`;\n");
    expect(await lab.fileItem('greet.mjs').getAttribute('aria-label')).toBe('greet.mjs, new, not saved yet');
    await lab.fileTab('index.mjs').click();
    await lab.replaceCode("import { greet } from './lib/greet.mjs';\n\nexport const handler = async (event) => ({ message: greet(event.name) });\n");
    await expect.poll(() => lab.saveStatus.textContent()).toBe('Unsaved changes');
    await lab.setEvent('{"name": "Ada"}');
    await lab.invokeAndWait(); // saves first: the invocation runs the code on screen
    expect(await responseJson()).toEqual({ message: 'Hi, Ada!' });
    await expect.poll(() => lab.saveStatus.textContent()).toBe('Saved');
    expect(await lab.fileItem('greet.mjs').getAttribute('aria-label')).toBe('greet.mjs');
    await expect.poll(() => lab.fileTree.getByRole('treeitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))).toEqual(['lib', 'greet.mjs', 'index.mjs']);
  });

  it('shows a syntax error in the editor before invoking, and as Runtime.UserCodeSyntaxError after', async () => {
    await lab.replaceCode("import { greet } from './lib/greet.mjs';\n\nexport const handler = async (event) => {\n  return { message: greet(event.name) ;\n};\n");
    await lab.problems.waitFor({ timeout: 45_000 }); // the TypeScript worker checks the syntax
    expect(await lab.problems.textContent()).toMatch(/\d+ errors?/);
    await lab.page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await lab.page.getByText(/index\.mjs has a syntax error on line 4 .*invoking will fail with Runtime\.UserCodeSyntaxError/).waitFor();
    await lab.invokeAndWait();
    await lab.result.getByText('Failed: Runtime.UserCodeSyntaxError', { exact: true }).waitFor();
    expect(await responseJson()).toMatchObject({ errorType: 'Runtime.UserCodeSyntaxError', errorMessage: expect.stringMatching(/^SyntaxError: /) });
    expect(await lab.explanation.textContent()).toMatch(/Syntax error: Lambda could not parse your code/);
    // The problem list takes the cursor to the error.
    await lab.problems.click();
    await lab.page.getByRole('menuitem', { name: /^index\.mjs:4:/ }).click();
    await expect.poll(() => lab.page.locator('.status-bar').textContent()).toMatch(/Ln 4, Col \d+/);
  });

  it('completes the event of a JavaScript handler from its JSDoc type (@types/aws-lambda)', async () => {
    await lab.replaceCode("/**\n * @param {import('aws-lambda').S3Event} event\n */\nexport const handler = async (event) => {\n  return event.Records[0].s3.bucket.");
    const labels = await suggestionsAtCursor();
    expect(labels.some((l) => l.startsWith('name'))).toBe(true);
    expect(labels.some((l) => l.startsWith('arn'))).toBe(true);
  });

  it('completes the event of a TypeScript handler typed S3Event', async () => {
    await lab.selectFunction('bp-typescript');
    await lab.replaceCode("import type { S3Event } from 'aws-lambda';\n\nexport const handler = async (event: S3Event) => {\n  return event.Records[0].s3.object.");
    const labels = await suggestionsAtCursor();
    expect(labels.some((l) => l.startsWith('key'))).toBe(true);
    expect(labels.some((l) => l.startsWith('size'))).toBe(true);
  });

  it('offers Lambda snippets', async () => {
    await lab.replaceCode('');
    await lab.page.keyboard.type('lambda-s3');
    const labels = await suggestionsAtCursor();
    expect(labels.some((l) => l.startsWith('lambda-s3'))).toBe(true);
    await lab.page.keyboard.press('Control+Space');
    await lab.page.locator('.monaco-editor .suggest-widget .monaco-list-row').first().waitFor();
    await lab.page.keyboard.press('Enter');
    await lab.page.locator('.monaco-editor .view-lines').getByText('import type { Context, S3Event }').waitFor();
  });

  it('renames and deletes files and folders, and explains a handler file that is gone', async () => {
    await lab.createFunction('tree', 'Author from scratch');
    const files = lab.page.getByRole('toolbar', { name: 'File actions' });
    const tree = (): Promise<(string | null)[]> => lab.fileTree.getByRole('treeitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
    /** Types into the dialog's one text box and submits it with Enter. */
    const answer = async (title: string, field: string, value: string): Promise<void> => {
      const dialog = lab.dialog(title);
      await dialog.getByRole('textbox', { name: field }).fill(value);
      await lab.page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
    };

    await files.getByRole('button', { name: 'New folder' }).click();
    await answer('New folder', 'Folder path', 'src');
    await expect.poll(tree).toEqual(['src', 'index.mjs']);
    await lab.fileItem('src').click(); // selected: a new file goes into it
    await lab.newFile('src/app.mjs');
    await expect.poll(tree).toEqual(['src', 'app.mjs, new, not saved yet', 'index.mjs']);

    await lab.fileItem('src').click();
    await files.getByRole('button', { name: 'Rename' }).click();
    await answer('Rename folder src', 'New folder path', 'lib');
    await expect.poll(tree).toEqual(['lib', 'app.mjs, new, not saved yet', 'index.mjs']);
    await lab.fileTab('lib/app.mjs').waitFor();

    await lab.fileItem('index.mjs').click();
    await lab.page.keyboard.press('F2');
    await answer('Rename index.mjs', 'New file path', 'main.mjs');
    await lab.fileItem('app.mjs').click();
    await lab.page.keyboard.press('Delete');
    await lab.dialog('Delete lib/app.mjs?').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(tree).toEqual(['main.mjs, new, not saved yet']);

    await lab.page.getByText('No file matches the handler setting index.handler', { exact: false }).waitFor();
    await lab.page.keyboard.press('ControlOrMeta+S');
    await expect.poll(tree).toEqual(['main.mjs']);
    await lab.invokeAndWait();
    await lab.result.getByText('Failed: Runtime.ImportModuleError', { exact: true }).waitFor();
    expect(await lab.explanation.textContent()).toContain("Lambda looked for the handler's file index.js, .mjs or .cjs (from the handler setting index.handler)");
  });

  it('fetched nothing from outside the machine', () => {
    expect(session.offsiteRequests).toEqual([]);
  });
});

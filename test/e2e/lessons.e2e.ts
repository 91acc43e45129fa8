// Lesson 1 in Debian Chromium (browser mode), the way a student follows it: open it from the
// overview, invoke, edit the handler in Monaco step by step, read the REPORT line and type the
// Billed Duration – each check mark turning green live – then reload and find the progress kept.
// Also: Check with its reason, hints one at a time, the solution behind a confirmation, reset to
// starter, and the lesson quiz. Takes the README screenshot of the lesson panel.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newLabPage } from './support/browser.ts';
import { LessonPanelPage, LessonsPage, QuizPage } from './support/learning-page.ts';
import { LabPage } from './support/lab-page.ts';
import { type LabSession, openLabSession } from './support/lab-session.ts';
import { REPO_ROOT } from './support/lab-server.ts';

const TITLE = 'First function and the handler';
const STEPS = ['Invoke the function', 'Use the event', 'Read the context', 'Write to the log', 'Read the REPORT line aloud'];

let session: LabSession;
let lab: LabPage;
let lessons: LessonsPage;
let panel: LessonPanelPage;

beforeAll(async () => {
  session = await openLabSession();
  lab = session.lab;
  lessons = new LessonsPage(session.page);
  panel = new LessonPanelPage(session.page, TITLE);
});

afterAll(async () => {
  await session?.close();
});

async function responseJson(): Promise<Record<string, unknown>> {
  return JSON.parse((await lab.response.textContent()) ?? '') as Record<string, unknown>;
}

async function stepStates(): Promise<string[]> {
  return Promise.all(STEPS.map((s) => panel.stepState(s)));
}

describe('lesson 1, followed through the UI', () => {
  it('opens the overview from the header and starts lesson 1: its function opens in the editor', async () => {
    await lessons.lessonsButton.click();
    await lessons.lessonButton(TITLE).waitFor();
    expect(await lessons.overview.getByRole('list', { name: 'Lesson list' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(7);
    expect(await lessons.lessonProgress(TITLE).getAttribute('aria-valuetext')).toBe('0 of 5 steps');
    await lessons.lessonButton(TITLE).click();
    await panel.steps.waitFor();
    // The lesson created its function and put it in the editor, with its saved test event.
    await lab.page.getByRole('heading', { name: 'hello-handler', exact: true, level: 2 }).waitFor();
    await expect.poll(() => lab.savedEvent.inputValue()).toBe('ada');
    await lab.editorLines.getByText(/Hello,\sworld/).waitFor();
    expect(await panel.steps.getByRole('listitem', { name: /./ }).count()).toBe(STEPS.length);
    expect(await stepStates()).toEqual(['Current step', ...Array(4).fill('Comes after the steps before it')]);
    expect(await panel.region.getByRole('heading', { name: 'The handler', exact: true }).isVisible()).toBe(true); // the lesson text, as Markdown
  });

  it('says why the first step does not pass yet, then turns it green live after an invocation', async () => {
    await panel.checkButton.click();
    await expect.poll(() => panel.feedback.textContent()).toMatch(/^Not yet \(checked \d\d:\d\d:\d\d\):.*hello-handler/);
    await lab.invokeAndWait();
    await panel.waitForPassed('Invoke the function');
    expect(await panel.stepState('Use the event')).toBe('Current step');
    expect(await panel.progress.getAttribute('aria-valuetext')).toBe('1 of 5 steps');
    await expect.poll(() => lab.page.getByRole('status').filter({ hasText: 'Step passed: Invoke the function.' }).count()).toBe(1);
  });

  it('reveals hints one at a time', async () => {
    expect(await panel.hints.count()).toBe(0);
    await panel.hintButton.click();
    await expect.poll(() => panel.hints.count()).toBe(1);
    expect(await panel.hints.first().textContent()).toContain('event.name');
    expect(await panel.currentStep.getByText('2 hints left').isVisible()).toBe(true);
    await panel.hintButton.click();
    await expect.poll(() => panel.hints.count()).toBe(2);
    expect(await panel.hints.nth(1).locator('code').textContent()).toBe('`Hello, ${event.name}`');
  });

  it('takes the screenshot of the lesson panel beside the workspace', async () => {
    await panel.textToggle.click(); // fold the lesson text away: the steps are what matter now
    expect(await panel.textToggle.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.region.getByRole('heading', { name: 'The handler', exact: true }).isVisible()).toBe(false);
    await lab.replaceCode('export const handler = async (event, context) => {\n  return { message: `Hello, ${event.name}` };\n};\n');
    const dir = join(REPO_ROOT, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await lab.page.mouse.move(0, 0);
    await lab.page.screenshot({ path: join(dir, 'lesson-panel.png') });
  });

  it('passes "Use the event" with the handler greeting by name', async () => {
    await lab.invokeAndWait();
    expect(await responseJson()).toEqual({ message: 'Hello, Ada' });
    await panel.waitForPassed('Use the event');
  });

  it('passes "Read the context" with the request id in the response', async () => {
    await lab.replaceCode('export const handler = async (event, context) => {\n  return { message: `Hello, ${event.name}`, requestId: context.awsRequestId };\n};\n');
    await lab.invokeAndWait();
    expect((await responseJson())['requestId']).toMatch(/^[0-9a-f-]{36}$/);
    await panel.waitForPassed('Read the context');
  });

  it('passes "Write to the log" with a console.log line', async () => {
    await lab.replaceCode(
      'export const handler = async (event, context) => {\n  console.log(`Greeting ${event.name}`);\n  return { message: `Hello, ${event.name}`, requestId: context.awsRequestId };\n};\n',
    );
    await lab.invokeAndWait();
    await lab.logs.getByText(/INFO\s+Greeting Ada/).waitFor();
    await panel.waitForPassed('Write to the log');
  });

  it('passes "Read the REPORT line aloud" with the Billed Duration typed in: the lesson is complete', async () => {
    const billed = await lab.reportedBilledDurationMs();
    const input = panel.answerInput('Billed Duration of your last invocation');
    await input.fill('twelve');
    await panel.submitAnswerButton.click();
    await expect.poll(() => panel.answerProblem.textContent()).toMatch(/^Type a number/);
    await input.fill(String(billed + 1000));
    await panel.submitAnswerButton.click();
    await expect.poll(() => panel.answerProblem.textContent()).toMatch(/^Not accepted: /);
    await input.fill(`${billed} ms`);
    await panel.submitAnswerButton.click();
    await panel.waitForPassed('Read the REPORT line aloud');
    await panel.complete.waitFor();
    expect((await stepStates()).every((s) => /^Passed at \d\d:\d\d:\d\d$/.test(s))).toBe(true);
    expect(await panel.progress.getAttribute('aria-valuetext')).toBe('5 of 5 steps');
    expect(await panel.step('Invoke the function').locator('.step-mark').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(26, 127, 55)'); // --success
  });

  it('keeps the progress across a reload: the panel comes back with every step passed, the overview says completed', async () => {
    await lab.page.reload();
    await panel.steps.waitFor();
    await panel.complete.waitFor();
    expect((await stepStates()).every((s) => s.startsWith('Passed'))).toBe(true);
    await lab.page.getByRole('button', { name: 'All lessons' }).click();
    await lessons.overview.waitFor();
    expect(await lessons.lessonProgress(TITLE).getAttribute('aria-valuetext')).toBe('5 of 5 steps');
    const card = lessons.overview.getByRole('listitem').filter({ has: lab.page.getByRole('button', { name: TITLE, exact: true }) });
    expect(await card.getByText('Completed', { exact: true }).isVisible()).toBe(true);
    await lessons.lessonButton(TITLE).click();
    await panel.complete.waitFor();
  });

  it('shows the solution only after a confirmation, read-only, with its walkthrough', async () => {
    await panel.showSolutionButton.click();
    const confirm = lab.dialog('Show the solution?');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await lab.page.getByRole('dialog').count()).toBe(0);

    await panel.showSolutionButton.click();
    await confirm.getByRole('button', { name: 'Show solution' }).click();
    const solution = lab.dialog(`Solution: ${TITLE}`);
    await solution.waitFor();
    expect(await solution.getByLabel('index.mjs (read-only)').textContent()).toContain('console.log(`Greeting ${name}`);');
    expect(await solution.getByRole('list', { name: 'Walkthrough' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await solution.getByRole('button', { name: 'Close', exact: true }).last().click();
    await solution.waitFor({ state: 'detached' });
  });

  it('puts the solution code into the function after a second confirmation (no confirmation to look again)', async () => {
    await panel.showSolutionButton.click();
    const solution = lab.dialog(`Solution: ${TITLE}`);
    await solution.getByRole('button', { name: 'Use the solution code' }).click();
    const confirm = lab.dialog('Use the solution code?');
    await confirm.getByRole('button', { name: 'Replace my code' }).click();
    await solution.waitFor({ state: 'detached' });
    await lab.editorLines.getByText(/Greeting/).waitFor();
    await expect.poll(() => lab.saveStatus.textContent()).toBe('Saved');
  });

  it('resets the code to the starter and keeps the passed steps', async () => {
    await lab.replaceCode('export const handler = async () => "unsaved work";\n');
    await expect.poll(() => lab.saveStatus.textContent()).toBe('Unsaved changes');
    await panel.resetButton.click();
    const dialog = lab.dialog('Reset to starter?');
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /^Only the code/ }).isChecked()).toBe(true);
    expect(await dialog.getByText('Unsaved changes to “hello-handler” are lost.').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await lab.editorLines.getByText(/Hello,\sworld/).waitFor();
    await expect.poll(() => lab.saveStatus.textContent()).toBe('Saved');
    expect((await stepStates()).every((s) => s.startsWith('Passed'))).toBe(true);
  });

  it('offers the lesson quiz at the end, taken with the same screens as a practice exam', async () => {
    await panel.complete.getByRole('button', { name: 'Take the lesson quiz' }).click();
    const quiz = new QuizPage(lab.page, `Lesson quiz: ${TITLE}`);
    await quiz.question.waitFor();
    const total = Number(/of (\d+)$/.exec(await quiz.questionHeading())?.[1]);
    expect(total).toBe(6);
    for (let i = 0; i < total; i++) {
      await quiz.answer();
      if (i < total - 1) await quiz.nextButton.click();
    }
    const dialog = await quiz.openSubmitDialog('quiz');
    expect(await dialog.textContent()).toContain('All 6 questions are answered.');
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await quiz.report.waitFor();
    expect(await quiz.report.textContent()).toMatch(/\d+ of 6 correct/);
    await quiz.region.getByRole('button', { name: 'Back to the lesson' }).click();
    await panel.complete.waitFor();
    await expect.poll(() => panel.complete.textContent()).toMatch(/your best so far \d+(\.\d)?%/);
  });

  it('fetched nothing from outside the machine', () => {
    expect(session.offsiteRequests).toEqual([]);
  });
});

describe('in the desktop app (its preload bridge, faked)', () => {
  it('opens the overview on the menu command and sends links to the system browser', async () => {
    const page = await newLabPage(session.browser);
    await page.addInitScript(() => {
      const w = window as unknown as { lambdaLabDesktop: unknown; menu?: (command: string) => void; opened: string[] };
      w.opened = [];
      w.lambdaLabDesktop = Object.freeze({
        engineToken: undefined, // browser mode's ?token= still applies
        platform: 'linux',
        onMenuCommand: (callback: (command: string) => void) => {
          w.menu = callback;
          return () => undefined;
        },
        openExternal: async (url: string) => {
          w.opened.push(url);
          return true;
        },
      });
    });
    await page.goto(session.server.url);
    const desktop = new LessonsPage(page);
    await new LabPage(page).functionButton('hello').waitFor();
    await page.evaluate(() => (window as unknown as { menu: (command: string) => void }).menu('menu:open-lessons'));
    await desktop.lessonButton(TITLE).click();
    const source = new LessonPanelPage(page, TITLE).region.getByRole('link', { name: /^Define Lambda function handler in Node\.js/ });
    await source.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual(['https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html']);
    expect(page.context().pages()).toHaveLength(1); // no browser window of its own
    await page.context().close();
  });
});

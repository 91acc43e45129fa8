// A 10-question DVA-C02 practice exam in Debian Chromium (browser mode): start it from the
// header, answer question by question (with a reload in the middle: the attempt lives in the
// engine), flag one, submit past a confirmation that names what is open, read the score report
// by domain and the review with explanations, reopen it from the history, and take a second
// attempt in which the missed questions come back. Takes the README screenshot of the report.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LessonsPage, QuizPage } from './support/learning-page.ts';
import type { LabPage } from './support/lab-page.ts';
import { type LabSession, openLabSession } from './support/lab-session.ts';
import { REPO_ROOT } from './support/lab-server.ts';

let session: LabSession;
let lab: LabPage;
let quiz: QuizPage;
let learn: LessonsPage;
const firstPrompts: string[] = [];
let firstPercent = '';
let missed = 0;
/** What the review taught: the right choices' texts by question prompt. */
const learned = new Map<string, string[]>();

beforeAll(async () => {
  session = await openLabSession();
  lab = session.lab;
  quiz = new QuizPage(session.page);
  learn = new LessonsPage(session.page);
});

afterAll(async () => {
  await session?.close();
});

/** Answers the question on screen, records its prompt, and goes on. */
async function answerAndNext(last = false): Promise<void> {
  await quiz.answer();
  if (!last) await quiz.nextButton.click();
}

describe('a 10-question practice exam', () => {
  it('opens from the header with the exams, lengths and the real exam\'s pace', async () => {
    await learn.practiceExamButton.click();
    await quiz.startButton.waitFor();
    expect(await learn.practiceExamButton.getAttribute('aria-pressed')).toBe('true');
    expect(await quiz.examChoice('DVA-C02').isChecked()).toBe(true);
    expect(await quiz.region.getByRole('radio').count()).toBe(6); // 3 exams, 3 lengths
    expect(await quiz.lengthChoice(10).isChecked()).toBe(true);
    expect(await quiz.timed.isChecked()).toBe(true);
    expect(await quiz.minutes.inputValue()).toBe('20'); // 130 minutes for 65 questions
    await quiz.lengthChoice(20).check();
    expect(await quiz.minutes.inputValue()).toBe('40');
    await quiz.lengthChoice(10).check();
    await quiz.history.getByText('No attempts yet.').waitFor();
  });

  it('starts: one question at a time, named groups of choices, a navigator and a countdown', async () => {
    await quiz.startButton.click();
    await quiz.question.waitFor();
    expect(await quiz.questionHeading()).toBe('Question 1 of 10');
    expect(await quiz.navigator.getByRole('button').count()).toBe(10);
    expect(await quiz.navigator.getByRole('button', { name: 'Question 1: not answered' }).getAttribute('aria-current')).toBe('step');
    expect(await quiz.timer.textContent()).toMatch(/^(20:00|19:5\d)$/);
    const prompt = await quiz.prompt();
    const named = quiz.question.getByRole('radiogroup', { name: prompt.slice(0, 40) }).or(quiz.question.getByRole('group', { name: prompt.slice(0, 40) }));
    expect(await named.count()).toBe(1);
    expect(await quiz.previousButton.isDisabled()).toBe(true);
  });

  it('keeps answers and flags in the engine: a reload comes back to the first open question', async () => {
    for (let i = 0; i < 5; i++) {
      firstPrompts.push(await quiz.prompt());
      if (i === 3) {
        await quiz.flagButton.click();
        expect(await quiz.flagButton.getAttribute('aria-pressed')).toBe('true');
      }
      await answerAndNext();
    }
    expect(await quiz.questionHeading()).toBe('Question 6 of 10');
    await expect.poll(() => quiz.navigator.getByText('5 of 10 answered · 1 flagged').count()).toBe(1);
    await lab.page.reload();
    await quiz.question.waitFor();
    expect(await quiz.questionHeading()).toBe('Question 6 of 10');
    expect(await quiz.navigator.getByRole('button', { name: 'Question 4: answered, flagged for review' }).count()).toBe(1);
    expect(await quiz.navigator.getByRole('button', { name: /^Question \d+: answered/ }).count()).toBe(5);
  });

  it('asks before submitting and names what is unanswered and flagged', async () => {
    for (let i = 5; i < 9; i++) {
      firstPrompts.push(await quiz.prompt());
      await answerAndNext();
    }
    firstPrompts.push(await quiz.prompt());
    expect(await quiz.nextButton.isDisabled()).toBe(true); // the last question
    const dialog = await quiz.openSubmitDialog();
    expect(await dialog.textContent()).toContain('1 question is not answered: 10. Unanswered questions count as wrong.');
    expect(await dialog.textContent()).toContain('1 question is flagged for review: 4.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await quiz.answer();
    const again = await quiz.openSubmitDialog();
    expect(await again.textContent()).toContain('All 10 questions are answered.');
    await again.getByRole('button', { name: 'Submit', exact: true }).click();
    await quiz.report.waitFor();
  });

  it('shows the score report: percent against the pass mark, a bar per domain, what was missed', async () => {
    const text = (await quiz.report.textContent()) ?? '';
    expect(text).toMatch(/\d+(\.\d)?%\d+ of 10 correct(Passed: at or above|Not passed: below) the pass mark of 72%/);
    firstPercent = /(\d+(?:\.\d)?)%/.exec(text)?.[1] ?? '';
    const domains = quiz.report.getByRole('list', { name: 'Scores by domain' }).getByRole('listitem');
    expect(await domains.count()).toBeGreaterThanOrEqual(1);
    const totals = (await domains.allTextContents()).map((t) => Number(/(\d+) of (\d+) ·/.exec(t)?.[2]));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(10);
    expect(await quiz.report.getByRole('meter').count()).toBe(totals.length);
    expect((await quiz.report.getByRole('meter').first().getAttribute('aria-valuetext')) ?? '').toMatch(/^\d+(\.\d)?%: \d+ of \d+ correct$/);
    expect(await domains.first().textContent()).toMatch(/^Domain [1-4]: /);
  });

  it('reviews every question with the student\'s answer, the right one, the explanation and sources', async () => {
    const items = quiz.review.getByRole('article');
    expect(await items.count()).toBe(10);
    expect(await quiz.review.getByRole('heading', { name: 'Explanation', exact: true }).count()).toBe(10);
    const first = items.first();
    expect(await first.getByRole('heading', { level: 4 }).textContent()).toMatch(/^[✓✗]Question 1: (Correct|Wrong)/);
    expect(await first.textContent()).toMatch(/Your answer: [A-H](, [A-H])* · Correct: [A-H](, [A-H])*/);
    const source = first.getByRole('link').first();
    expect(await source.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await source.getAttribute('target')).toBe('_blank');
    for (const article of await items.all()) {
      const prompt = ((await article.locator('.quiz-prompt').textContent()) ?? '').trim();
      const right = article.getByRole('listitem').filter({ hasText: /(Correct answer|Your answer, correct)\)?$/ }).locator('.review-choice-text');
      learned.set(prompt, (await right.allTextContents()).map((t) => t.trim()));
    }
    expect([...learned.values()].every((texts) => texts.length >= 1)).toBe(true);
    const wrong = quiz.review.getByText(/^Wrong or unanswered \(\d+\)$/);
    missed = Number(/\((\d+)\)/.exec((await wrong.textContent()) ?? '')?.[1]);
    await quiz.review.getByRole('radio', { name: /^Flagged/ }).check();
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getByRole('heading', { level: 4 }).textContent()).toContain('Question 4');
    await quiz.review.getByRole('radio', { name: /^All/ }).check();
    await expect.poll(() => items.count()).toBe(10);
  });

  it('reopens the report from the history of attempts', async () => {
    await quiz.region.getByRole('button', { name: 'New practice exam' }).click();
    await quiz.startButton.waitFor();
    const rows = quiz.history.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(new RegExp(`DVA-C02 practice exam · 10 questions.*${firstPercent.replace('.', '\\.')}% \\(\\d+ of 10\\)`));
    await rows.first().getByRole('button', { name: 'Open report' }).click();
    await quiz.report.waitFor();
    expect(await quiz.report.textContent()).toContain(`${firstPercent}%`);
  });

  it('shuffles a second attempt, and the missed questions come back', async () => {
    expect(missed).toBeGreaterThan(0); // first choices everywhere: some are wrong
    await quiz.region.getByRole('button', { name: 'New practice exam' }).click();
    await quiz.startButton.waitFor();
    expect(await quiz.examChoice('DVA-C02').isChecked()).toBe(true);
    const described = await quiz.examChoice('DVA-C02').getAttribute('aria-describedby');
    expect(await lab.page.locator(`[id="${described}"]`).textContent()).toMatch(new RegExp(`· ${missed} missed questions? comes? back$`));
    await quiz.startButton.click();
    await quiz.question.waitFor();
    const back = quiz.navigator.getByRole('button', { name: /missed before/ });
    expect(await back.count()).toBe(Math.min(missed, 5)); // up to half of the exam
    await back.first().click();
    await quiz.question.getByText('Missed before', { exact: true }).waitFor();
    const secondPrompts: string[] = [];
    for (let i = 0; i < 10; i++) {
      await quiz.navigator.getByRole('button', { name: new RegExp(`^Question ${i + 1}:`) }).click();
      secondPrompts.push(await quiz.prompt());
    }
    expect(secondPrompts).not.toEqual(firstPrompts);
  });

  it('answers the second attempt with what the review taught and scores better: the report screenshot', async () => {
    let known = 0;
    for (let i = 0; i < 10; i++) {
      await quiz.navigator.getByRole('button', { name: new RegExp(`^Question ${i + 1}:`) }).click();
      const right = learned.get(await quiz.prompt());
      if (right !== undefined) known++;
      if (right === undefined) {
        await quiz.answer();
        continue;
      }
      // The letters are shuffled again: find the right choices by their text.
      for (const label of await quiz.question.locator('label').all()) {
        const text = ((await label.locator('.quiz-choice-text').textContent()) ?? '').trim();
        if (right.includes(text)) await label.getByRole(right.length > 1 ? 'checkbox' : 'radio').check();
      }
    }
    const dialog = await quiz.openSubmitDialog();
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await quiz.report.waitFor();
    const percent = Number(/(\d+(?:\.\d)?)%/.exec((await quiz.report.textContent()) ?? '')?.[1]);
    expect(known).toBeGreaterThanOrEqual(Math.min(missed, 5)); // at least the missed questions that came back
    expect(percent).toBeGreaterThanOrEqual(known * 10); // every question the review explained is right now
    const dir = join(REPO_ROOT, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await lab.page.mouse.move(0, 0);
    await lab.page.screenshot({ path: join(dir, 'practice-exam-report.png') });
  });

  it('goes back to the workspace, leaving an unfinished attempt to resume later', async () => {
    await quiz.region.getByRole('button', { name: 'New practice exam' }).click();
    await quiz.startButton.click();
    await quiz.question.waitFor();
    await quiz.answer();
    await quiz.backToWorkspace.click();
    await lab.functionButton('hello').waitFor();
    await learn.practiceExamButton.click();
    await quiz.region.getByRole('button', { name: 'Resume exam' }).click();
    await quiz.question.waitFor();
    await quiz.backToWorkspace.click();
    await lab.page.getByRole('heading', { name: 'hello', exact: true, level: 2 }).waitFor();
    expect(await learn.practiceExamButton.getAttribute('aria-pressed')).toBe('false');
  });

  it('fetched nothing from outside the machine', () => {
    expect(session.offsiteRequests).toEqual([]);
  });
});

// Page objects for the lessons and the quizzes, found by role and accessible name like the rest
// of the lab (support/lab-page.ts).
import type { Locator, Page } from 'playwright-core';

/** The header's Lessons and Practice exam buttons, and the lessons overview. */
export class LessonsPage {
  constructor(readonly page: Page) {}

  /** The header's navigation to the lessons and the practice exams. */
  get learnNav(): Locator {
    return this.page.getByRole('navigation', { name: 'Learn' });
  }
  get lessonsButton(): Locator {
    return this.learnNav.getByRole('button', { name: 'Lessons', exact: true });
  }
  get practiceExamButton(): Locator {
    return this.learnNav.getByRole('button', { name: 'Practice exam', exact: true });
  }
  get overview(): Locator {
    return this.page.getByRole('region', { name: 'Lessons', exact: true });
  }
  lessonButton(title: string): Locator {
    return this.overview.getByRole('button', { name: title, exact: true });
  }
  lessonProgress(title: string): Locator {
    return this.overview.getByRole('progressbar', { name: `Progress of ${title}` });
  }
  get continueButton(): Locator {
    return this.overview.getByRole('button', { name: 'Continue', exact: true });
  }

  /** Opens the overview from the header (it may be open already). */
  async openOverview(): Promise<void> {
    if (!(await this.overview.isVisible())) {
      if ((await this.lessonsButton.getAttribute('aria-pressed')) === 'true') await this.lessonsButton.click(); // close a lesson panel first
      await this.lessonsButton.click();
    }
    const back = this.page.getByRole('button', { name: 'All lessons' });
    if (await back.isVisible()) await back.click();
    await this.overview.waitFor();
  }

  async openLesson(title: string): Promise<LessonPanelPage> {
    await this.openOverview();
    await this.lessonButton(title).click();
    const panel = new LessonPanelPage(this.page, title);
    await panel.steps.waitFor();
    return panel;
  }
}

/** One lesson's panel: its steps with their check marks, Check, hints, answers, reset, solution. */
export class LessonPanelPage {
  constructor(
    readonly page: Page,
    readonly title: string,
  ) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: `Lesson: ${this.title}`, exact: true });
  }
  get progress(): Locator {
    return this.region.getByRole('progressbar', { name: 'Lesson progress' });
  }
  get steps(): Locator {
    return this.region.getByRole('list', { name: 'Steps' });
  }
  step(title: string): Locator {
    return this.steps.getByRole('listitem', { name: title, exact: true });
  }
  /** "Passed at 12:03:04", "Current step", … */
  async stepState(title: string): Promise<string> {
    return ((await this.step(title).locator('.step-state').textContent()) ?? '').trim();
  }
  /** Waits for the step's check mark to turn green. */
  async waitForPassed(title: string, timeout = 15_000): Promise<void> {
    await this.step(title).locator('.step-state').getByText(/^Passed/).waitFor({ timeout });
  }
  get currentStep(): Locator {
    return this.steps.locator('[aria-current="step"]');
  }
  get checkButton(): Locator {
    return this.currentStep.getByRole('button', { name: 'Check', exact: true });
  }
  /** What the last check said about the current step. */
  get feedback(): Locator {
    return this.currentStep.getByRole('status');
  }
  get hintButton(): Locator {
    return this.currentStep.getByRole('button', { name: 'Show hint', exact: true });
  }
  get hints(): Locator {
    return this.currentStep.getByRole('list', { name: 'Hints' }).getByRole('listitem');
  }
  answerInput(label: string): Locator {
    return this.currentStep.getByRole('textbox', { name: label });
  }
  get submitAnswerButton(): Locator {
    return this.currentStep.getByRole('button', { name: 'Submit answer' });
  }
  get answerProblem(): Locator {
    return this.currentStep.getByRole('alert');
  }
  get complete(): Locator {
    return this.region.getByRole('region', { name: 'Lesson complete' });
  }
  get resetButton(): Locator {
    return this.region.getByRole('button', { name: 'Reset to starter' });
  }
  get showSolutionButton(): Locator {
    return this.region.getByRole('button', { name: 'Show solution' });
  }
  get textToggle(): Locator {
    return this.region.getByRole('button', { name: 'Lesson text' });
  }
}

/** The practice exam screens (and lesson quizzes, which use the same ones under another name). */
export class QuizPage {
  constructor(
    readonly page: Page,
    readonly name: string | RegExp = 'Practice exam',
  ) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: this.name, exact: typeof this.name === 'string' });
  }
  examChoice(exam: string): Locator {
    return this.region.getByRole('radio', { name: new RegExp(`^${exam} `) });
  }
  lengthChoice(n: number): Locator {
    return this.region.getByRole('radio', { name: `${n} questions`, exact: true });
  }
  get timed(): Locator {
    return this.region.getByRole('checkbox', { name: 'Timed' });
  }
  get minutes(): Locator {
    return this.region.getByRole('spinbutton', { name: 'Minutes' });
  }
  get startButton(): Locator {
    return this.region.getByRole('button', { name: 'Start exam' });
  }
  get timer(): Locator {
    return this.region.getByRole('timer', { name: 'Time left' });
  }
  get navigator(): Locator {
    return this.region.getByRole('navigation', { name: 'Questions' });
  }
  get question(): Locator {
    return this.region.getByRole('region', { name: /^Question \d+ of \d+$/ });
  }
  get flagButton(): Locator {
    return this.question.getByRole('button', { name: 'Flag for review' });
  }
  get nextButton(): Locator {
    return this.question.getByRole('button', { name: 'Next question' });
  }
  get previousButton(): Locator {
    return this.question.getByRole('button', { name: 'Previous question' });
  }
  get report(): Locator {
    return this.region.getByRole('region', { name: 'Score report' });
  }
  get review(): Locator {
    return this.region.getByRole('region', { name: 'Review' });
  }
  get history(): Locator {
    return this.region.getByRole('region', { name: 'Attempt history' });
  }
  get backToWorkspace(): Locator {
    return this.region.getByRole('button', { name: 'Back to the workspace' });
  }

  /** The question on screen: its heading ("Question 3 of 10"). */
  async questionHeading(): Promise<string> {
    return ((await this.question.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
  }

  /** The prompt of the question on screen (the name of its radio group or checkbox group). */
  async prompt(): Promise<string> {
    return ((await this.question.locator('.quiz-prompt').textContent()) ?? '').trim();
  }

  /**
   * Answers the question on screen the way a student would: a single-answer question with the
   * choice at `pick`, a "Choose N" question with N choices from `pick` on.
   */
  async answer(pick = 0): Promise<void> {
    const boxes = this.question.getByRole('group').getByRole('checkbox');
    const count = await boxes.count();
    if (count === 0) {
      const radios = this.question.getByRole('radiogroup').getByRole('radio');
      await radios.nth(pick % (await radios.count())).check();
      return;
    }
    const choose = /Choose (\w+)\./.exec((await this.question.locator('.quiz-choose').textContent()) ?? '')?.[1] ?? 'two';
    const n = ['zero', 'one', 'two', 'three', 'four', 'five'].indexOf(choose);
    for (let i = 0; i < n; i++) await boxes.nth((pick + i) % count).check();
  }

  /** Submit exam (or quiz): returns the confirmation dialog, which says what is unanswered or flagged. */
  async openSubmitDialog(noun: 'exam' | 'quiz' = 'exam'): Promise<Locator> {
    await this.region.getByRole('button', { name: `Submit ${noun}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Submit the ${noun}?` });
    await dialog.waitFor();
    return dialog;
  }
}

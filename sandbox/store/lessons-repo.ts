// Lesson progress: when each lesson was started (and from which invocation on its checks look),
// which steps passed and when, hints revealed, typed answers, solution shown.
import type { Db } from './database.ts';

export interface LessonStepRow {
  stepId: string;
  completedAt: string | undefined;
  /** The newest invocation seq when the step passed: the next step's checks look after it. */
  completedSeq: number | undefined;
  hintsRevealed: number;
  answer: number | undefined;
  answeredAt: string | undefined;
}

export interface LessonProgressRow {
  lessonId: string;
  startedAt: string;
  /** Only invocations with a greater seq count for this lesson's checks. */
  startSeq: number;
  completedAt: string | undefined;
  solutionShownAt: string | undefined;
  lastActivityAt: string;
  steps: Map<string, LessonStepRow>;
}

interface ProgressRow {
  lesson_id: string;
  started_at: string;
  start_seq: number;
  completed_at: string | null;
  solution_shown_at: string | null;
  last_activity_at: string;
}
interface StepRow {
  lesson_id: string;
  step_id: string;
  completed_at: string | null;
  completed_seq: number | null;
  hints_revealed: number;
  answer: number | null;
  answered_at: string | null;
}

export class LessonsRepo {
  private readonly stmts;
  constructor(
    private readonly db: Db,
  ) {
    this.stmts = {
      progress: db.prepare<[string], ProgressRow>('SELECT * FROM lesson_progress WHERE lesson_id = ?'),
      allProgress: db.prepare<[], ProgressRow>('SELECT * FROM lesson_progress'),
      steps: db.prepare<[string], StepRow>('SELECT * FROM lesson_steps WHERE lesson_id = ?'),
      allSteps: db.prepare<[], StepRow>('SELECT * FROM lesson_steps'),
      deleteProgress: db.prepare('DELETE FROM lesson_progress WHERE lesson_id = ?'),
      insertProgress: db.prepare('INSERT INTO lesson_progress (lesson_id, started_at, start_seq, last_activity_at) VALUES (?, ?, ?, ?)'),
      touch: db.prepare('UPDATE lesson_progress SET last_activity_at = ? WHERE lesson_id = ?'),
      complete: db.prepare('UPDATE lesson_progress SET completed_at = ? WHERE lesson_id = ? AND completed_at IS NULL'),
      solutionShown: db.prepare('UPDATE lesson_progress SET solution_shown_at = coalesce(solution_shown_at, ?) WHERE lesson_id = ?'),
      ensureStep: db.prepare('INSERT OR IGNORE INTO lesson_steps (lesson_id, step_id) VALUES (?, ?)'),
      completeStep: db.prepare('UPDATE lesson_steps SET completed_at = ?, completed_seq = ? WHERE lesson_id = ? AND step_id = ? AND completed_at IS NULL'),
      revealHint: db.prepare('UPDATE lesson_steps SET hints_revealed = min(hints_revealed + 1, ?) WHERE lesson_id = ? AND step_id = ?'),
      setAnswer: db.prepare('UPDATE lesson_steps SET answer = ?, answered_at = ? WHERE lesson_id = ? AND step_id = ?'),
      active: db.prepare<[], { lesson_id: string }>('SELECT lesson_id FROM lesson_progress WHERE completed_at IS NULL'),
    };
  }

  get(lessonId: string): LessonProgressRow | undefined {
    const row = this.stmts.progress.get(lessonId);
    if (row === undefined) return undefined;
    return toProgress(row, this.stmts.steps.all(lessonId));
  }

  /** Every started lesson's progress, by lesson id. */
  all(): Map<string, LessonProgressRow> {
    const steps = new Map<string, StepRow[]>();
    for (const s of this.stmts.allSteps.all()) steps.set(s.lesson_id, [...(steps.get(s.lesson_id) ?? []), s]);
    return new Map(this.stmts.allProgress.all().map((r) => [r.lesson_id, toProgress(r, steps.get(r.lesson_id) ?? [])]));
  }

  /** Starts (or restarts) a lesson: any earlier progress of it is dropped. */
  /** Lessons started and not completed, kept in memory: every invocation asks (see LessonService). */
  private active: string[] | undefined;

  start(lessonId: string, at: string, startSeq: number): void {
    this.active = undefined;
    this.db.transaction(() => {
      this.stmts.deleteProgress.run(lessonId);
      this.stmts.insertProgress.run(lessonId, at, startSeq, at);
    })();
  }

  touch(lessonId: string, at: string): void {
    this.stmts.touch.run(at, lessonId);
  }

  /** Records that a step passed (once: a step stays passed). */
  completeStep(lessonId: string, stepId: string, at: string, seq: number): void {
    this.stmts.ensureStep.run(lessonId, stepId);
    this.stmts.completeStep.run(at, seq, lessonId, stepId);
  }

  markCompleted(lessonId: string, at: string): void {
    this.active = undefined;
    this.stmts.complete.run(at, lessonId);
  }

  markSolutionShown(lessonId: string, at: string): void {
    this.stmts.solutionShown.run(at, lessonId);
  }

  /** Reveals one more hint (up to `hintCount`); returns how many are revealed now. */
  revealHint(lessonId: string, stepId: string, hintCount: number): number {
    this.stmts.ensureStep.run(lessonId, stepId);
    this.stmts.revealHint.run(hintCount, lessonId, stepId);
    return this.get(lessonId)?.steps.get(stepId)?.hintsRevealed ?? 0;
  }

  setAnswer(lessonId: string, stepId: string, value: number, at: string): void {
    this.stmts.ensureStep.run(lessonId, stepId);
    this.stmts.setAnswer.run(value, at, lessonId, stepId);
  }

  /** Lessons started and not completed. */
  activeLessonIds(): string[] {
    this.active ??= this.stmts.active.all().map((r) => r.lesson_id);
    return this.active;
  }

}

function toProgress(row: ProgressRow, steps: StepRow[]): LessonProgressRow {
  return {
    lessonId: row.lesson_id,
    startedAt: row.started_at,
    startSeq: row.start_seq,
    completedAt: row.completed_at ?? undefined,
    solutionShownAt: row.solution_shown_at ?? undefined,
    lastActivityAt: row.last_activity_at,
    steps: new Map(
      steps.map((s) => [
        s.step_id,
        {
          stepId: s.step_id,
          completedAt: s.completed_at ?? undefined,
          completedSeq: s.completed_seq ?? undefined,
          hintsRevealed: s.hints_revealed,
          answer: s.answer ?? undefined,
          answeredAt: s.answered_at ?? undefined,
        },
      ]),
    ),
  };
}


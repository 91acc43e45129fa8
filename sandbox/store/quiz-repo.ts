// Quiz attempts (questions in their shuffled order, answers, flags, scores) and the queue of
// missed questions that come back in later practice exams.
import type { Db } from './database.ts';

export interface AttemptQuestionRow {
  position: number;
  questionId: string;
  /** The bank's choice ids in this attempt's display order. */
  choiceOrder: string[];
  /** Selected bank choice ids. */
  selected: string[];
  flagged: boolean;
  fromMissed: boolean;
  /** Set when the attempt is submitted. */
  correct: boolean | undefined;
}

export interface AttemptRow {
  id: string;
  mode: 'lesson' | 'practice';
  lessonId: string | undefined;
  exam: string | undefined;
  startedAt: string;
  timeLimitMinutes: number | undefined;
  deadline: string | undefined;
  submittedAt: string | undefined;
  autoSubmitted: boolean;
  total: number;
  correct: number | undefined;
  percent: number | undefined;
  passed: boolean | undefined;
  /** The score report as JSON text (once submitted). */
  report: string | undefined;
}

export interface AttemptSummaryRow extends AttemptRow {
  answered: number;
}

export interface NewAttempt {
  id: string;
  mode: 'lesson' | 'practice';
  lessonId?: string | undefined;
  exam?: string | undefined;
  startedAt: string;
  timeLimitMinutes?: number | undefined;
  deadline?: string | undefined;
  questions: { questionId: string; choiceOrder: string[]; fromMissed: boolean }[];
}

export interface AttemptFilter {
  mode?: 'lesson' | 'practice' | undefined;
  exam?: string | undefined;
  lessonId?: string | undefined;
  limit: number;
}

export interface MissedQuestionRow {
  questionId: string;
  missedCount: number;
  rightStreak: number;
  lastMissedAt: string;
  lastSeenAt: string;
}

/** A missed question leaves the queue after this many right answers in a row. */
export const RIGHT_STREAK_TO_CLEAR = 2;

interface AttemptDbRow {
  id: string;
  mode: string;
  lesson_id: string | null;
  exam: string | null;
  started_at: string;
  time_limit_minutes: number | null;
  deadline: string | null;
  submitted_at: string | null;
  auto_submitted: number;
  total: number;
  correct: number | null;
  percent: number | null;
  passed: number | null;
  report: string | null;
}
interface QuestionDbRow {
  position: number;
  question_id: string;
  choice_order: string;
  selected: string;
  flagged: number;
  from_missed: number;
  correct: number | null;
}

export class QuizRepo {
  private readonly stmts;
  constructor(private readonly db: Db) {
    this.stmts = {
      insertAttempt: db.prepare(`INSERT INTO quiz_attempts (id, mode, lesson_id, exam, started_at, time_limit_minutes, deadline, total)
        VALUES (@id, @mode, @lessonId, @exam, @startedAt, @timeLimitMinutes, @deadline, @total)`),
      insertQuestion: db.prepare(`INSERT INTO quiz_attempt_questions (attempt_id, position, question_id, choice_order, from_missed)
        VALUES (?, ?, ?, ?, ?)`),
      attempt: db.prepare<[string], AttemptDbRow>('SELECT * FROM quiz_attempts WHERE id = ?'),
      questions: db.prepare<[string], QuestionDbRow>('SELECT * FROM quiz_attempt_questions WHERE attempt_id = ? ORDER BY position'),
      select: db.prepare('UPDATE quiz_attempt_questions SET selected = ? WHERE attempt_id = ? AND question_id = ?'),
      flag: db.prepare('UPDATE quiz_attempt_questions SET flagged = ? WHERE attempt_id = ? AND question_id = ?'),
      markQuestion: db.prepare('UPDATE quiz_attempt_questions SET correct = ? WHERE attempt_id = ? AND question_id = ?'),
      submit: db.prepare(`UPDATE quiz_attempts SET submitted_at = @at, auto_submitted = @auto, correct = @correct, percent = @percent,
        passed = @passed, report = @report WHERE id = @id AND submitted_at IS NULL`),
      lessonScores: db.prepare<[string, string], { percent: number }>(
        'SELECT percent FROM quiz_attempts WHERE mode = \'lesson\' AND lesson_id = ? AND submitted_at IS NOT NULL AND started_at >= ?',
      ),
      bestLesson: db.prepare<[], { lesson_id: string; best: number }>(
        'SELECT lesson_id, max(percent) AS best FROM quiz_attempts WHERE mode = \'lesson\' AND submitted_at IS NOT NULL GROUP BY lesson_id',
      ),
      missedAll: db.prepare<[], { question_id: string; missed_count: number; right_streak: number; last_missed_at: string; last_seen_at: string }>(
        'SELECT * FROM missed_questions ORDER BY last_missed_at, question_id',
      ),
      missedGet: db.prepare<[string], { right_streak: number }>('SELECT right_streak FROM missed_questions WHERE question_id = ?'),
      missedUpsert: db.prepare(`INSERT INTO missed_questions (question_id, missed_count, right_streak, last_missed_at, last_seen_at)
        VALUES (?, 1, 0, ?, ?) ON CONFLICT (question_id) DO UPDATE SET missed_count = missed_count + 1, right_streak = 0,
        last_missed_at = excluded.last_missed_at, last_seen_at = excluded.last_seen_at`),
      missedRight: db.prepare('UPDATE missed_questions SET right_streak = right_streak + 1, last_seen_at = ? WHERE question_id = ?'),
      missedDelete: db.prepare('DELETE FROM missed_questions WHERE question_id = ?'),
    };
  }

  create(a: NewAttempt): void {
    this.db.transaction(() => {
      this.stmts.insertAttempt.run({
        id: a.id,
        mode: a.mode,
        lessonId: a.lessonId ?? null,
        exam: a.exam ?? null,
        startedAt: a.startedAt,
        timeLimitMinutes: a.timeLimitMinutes ?? null,
        deadline: a.deadline ?? null,
        total: a.questions.length,
      });
      a.questions.forEach((q, i) => this.stmts.insertQuestion.run(a.id, i + 1, q.questionId, JSON.stringify(q.choiceOrder), q.fromMissed ? 1 : 0));
    })();
  }

  get(id: string): { attempt: AttemptRow; questions: AttemptQuestionRow[] } | undefined {
    const row = this.stmts.attempt.get(id);
    if (row === undefined) return undefined;
    return { attempt: toAttempt(row), questions: this.stmts.questions.all(id).map(toQuestion) };
  }

  setSelected(attemptId: string, questionId: string, selected: readonly string[]): void {
    this.stmts.select.run(JSON.stringify(selected), attemptId, questionId);
  }

  setFlagged(attemptId: string, questionId: string, flagged: boolean): void {
    this.stmts.flag.run(flagged ? 1 : 0, attemptId, questionId);
  }

  /** Records the score; returns false if the attempt was already submitted. */
  submit(attemptId: string, s: { at: string; auto: boolean; correctByQuestion: Map<string, boolean>; correct: number; percent: number; passed: boolean | undefined; report: string }): boolean {
    return this.db.transaction(() => {
      const changed = this.stmts.submit.run({
        id: attemptId,
        at: s.at,
        auto: s.auto ? 1 : 0,
        correct: s.correct,
        percent: s.percent,
        passed: s.passed === undefined ? null : s.passed ? 1 : 0,
        report: s.report,
      }).changes === 1;
      if (changed) for (const [qid, ok] of s.correctByQuestion) this.stmts.markQuestion.run(ok ? 1 : 0, attemptId, qid);
      return changed;
    })();
  }

  /** Attempts newest first, with how many questions were answered. */
  list(f: AttemptFilter): AttemptSummaryRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (f.mode !== undefined) {
      where.push('a.mode = ?');
      params.push(f.mode);
    }
    if (f.exam !== undefined) {
      where.push('a.exam = ?');
      params.push(f.exam);
    }
    if (f.lessonId !== undefined) {
      where.push('a.lesson_id = ?');
      params.push(f.lessonId);
    }
    const sql = `SELECT a.*, (SELECT count(*) FROM quiz_attempt_questions q WHERE q.attempt_id = a.id AND q.selected <> '[]') AS answered
      FROM quiz_attempts a ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.started_at DESC, a.rowid DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, f.limit) as (AttemptDbRow & { answered: number })[]).map((r) => ({ ...toAttempt(r), answered: r.answered }));
  }

  /** Scores (percent) of the lesson's submitted quiz attempts started at or after `since`. */
  lessonScoresSince(lessonId: string, since: string): number[] {
    return this.stmts.lessonScores.all(lessonId, since).map((r) => r.percent);
  }

  /** Best lesson-quiz score per lesson. */
  bestLessonScores(): Map<string, number> {
    return new Map(this.stmts.bestLesson.all().map((r) => [r.lesson_id, r.best]));
  }

  /** The missed-questions queue, longest waiting first. */
  missed(): MissedQuestionRow[] {
    return this.stmts.missedAll.all().map((r) => ({
      questionId: r.question_id,
      missedCount: r.missed_count,
      rightStreak: r.right_streak,
      lastMissedAt: r.last_missed_at,
      lastSeenAt: r.last_seen_at,
    }));
  }

  /** A question was answered wrongly (or not at all): it (re)joins the queue. */
  recordMissed(questionId: string, at: string): void {
    this.stmts.missedUpsert.run(questionId, at, at);
  }

  /** A queued question was answered right: after RIGHT_STREAK_TO_CLEAR in a row it leaves the queue. */
  recordRight(questionId: string, at: string): void {
    const row = this.stmts.missedGet.get(questionId);
    if (row === undefined) return;
    if (row.right_streak + 1 >= RIGHT_STREAK_TO_CLEAR) this.stmts.missedDelete.run(questionId);
    else this.stmts.missedRight.run(at, questionId);
  }
}

function toAttempt(r: AttemptDbRow): AttemptRow {
  return {
    id: r.id,
    mode: r.mode as AttemptRow['mode'],
    lessonId: r.lesson_id ?? undefined,
    exam: r.exam ?? undefined,
    startedAt: r.started_at,
    timeLimitMinutes: r.time_limit_minutes ?? undefined,
    deadline: r.deadline ?? undefined,
    submittedAt: r.submitted_at ?? undefined,
    autoSubmitted: r.auto_submitted === 1,
    total: r.total,
    correct: r.correct ?? undefined,
    percent: r.percent ?? undefined,
    passed: r.passed === null ? undefined : r.passed === 1,
    report: r.report ?? undefined,
  };
}

function toQuestion(r: QuestionDbRow): AttemptQuestionRow {
  return {
    position: r.position,
    questionId: r.question_id,
    choiceOrder: JSON.parse(r.choice_order) as string[],
    selected: JSON.parse(r.selected) as string[],
    flagged: r.flagged === 1,
    fromMissed: r.from_missed === 1,
    correct: r.correct === null ? undefined : r.correct === 1,
  };
}

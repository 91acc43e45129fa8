// The quiz screens' logic: what the navigator says about each question, how a click changes the
// selection, what the submit confirmation warns about, how the clock and the report read. Pure
// (no DOM, no React), so the unit tests use it directly.
import type { AttemptQuestion, QuizAttempt, QuizAttemptSummary, ScoreReport } from '../../../sandbox/api/index.ts';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/** "Choose two." – as AWS exams write it. */
export function chooseText(n: number): string {
  return `Choose ${NUMBER_WORDS[n] ?? String(n)}.`;
}

export const isAnswered = (q: AttemptQuestion): boolean => q.selected.length > 0;

/** The selection after the student (un)ticks a choice. A multiple-answer question keeps at most `choose`. */
export function toggleChoice(q: AttemptQuestion, choiceId: string, checked: boolean): string[] {
  if (q.kind === 'single') return checked ? [choiceId] : [];
  if (!checked) return q.selected.filter((c) => c !== choiceId);
  if (q.selected.includes(choiceId) || q.selected.length >= q.choose) return q.selected;
  return [...q.selected, choiceId].sort();
}

export function withSelection(attempt: QuizAttempt, questionId: string, selected: readonly string[]): QuizAttempt {
  return { ...attempt, questions: attempt.questions.map((q) => (q.id === questionId ? { ...q, selected: [...selected] } : q)) };
}

export function withFlag(attempt: QuizAttempt, questionId: string, flagged: boolean): QuizAttempt {
  return { ...attempt, questions: attempt.questions.map((q) => (q.id === questionId ? { ...q, flagged } : q)) };
}

/** "Question 3: answered, flagged for review" – the navigator button's accessible name. */
export function navigatorLabel(q: AttemptQuestion): string {
  const parts = [isAnswered(q) ? 'answered' : 'not answered'];
  if (q.flagged) parts.push('flagged for review');
  if (q.fromMissedQueue) parts.push('missed before');
  return `Question ${q.position}: ${parts.join(', ')}`;
}

export interface AttemptCounts {
  answered: number;
  total: number;
  /** Positions (1-based). */
  unanswered: number[];
  flagged: number[];
}

export function attemptCounts(attempt: QuizAttempt): AttemptCounts {
  return {
    answered: attempt.questions.filter(isAnswered).length,
    total: attempt.questions.length,
    unanswered: attempt.questions.filter((q) => !isAnswered(q)).map((q) => q.position),
    flagged: attempt.questions.filter((q) => q.flagged).map((q) => q.position),
  };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "2, 5 and 9" */
export function listPositions(positions: readonly number[]): string {
  if (positions.length <= 1) return positions.join('');
  return `${positions.slice(0, -1).join(', ')} and ${positions[positions.length - 1]}`;
}

/** The lines of the submit confirmation. */
export function submitWarnings(attempt: QuizAttempt): string[] {
  const c = attemptCounts(attempt);
  const lines: string[] = [];
  if (c.unanswered.length === 0) lines.push(`All ${c.total} questions are answered.`);
  else lines.push(`${plural(c.unanswered.length, 'question is', 'questions are')} not answered: ${listPositions(c.unanswered)}. Unanswered questions count as wrong.`);
  if (c.flagged.length > 0) lines.push(`${plural(c.flagged.length, 'question is', 'questions are')} flagged for review: ${listPositions(c.flagged)}.`);
  return lines;
}

/** A countdown: "19:58", or "1:05:03" from an hour up. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The countdown in words for screen readers: "19 minutes 58 seconds left". */
export function countdownWords(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const m = Math.floor(s / 60);
  const sec = s % 60;
  if (m === 0) return `${plural(sec, 'second', 'seconds')} left`;
  return `${plural(m, 'minute', 'minutes')}${sec > 0 ? ` ${plural(sec, 'second', 'seconds')}` : ''} left`;
}

/** "12 min 5 s" between two ISO times. */
export function elapsedText(fromIso: string, toIso: string): string {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) return '';
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  return m === 0 ? `${s} s` : `${m} min ${s % 60} s`;
}

/** "72% – passed" / "below the pass mark of 72%" */
export function verdictText(report: ScoreReport): string {
  if (report.passPercent === undefined || report.passed === undefined) return '';
  return report.passed ? `Passed: at or above the pass mark of ${report.passPercent}%` : `Not passed: below the pass mark of ${report.passPercent}%`;
}

export type ReviewFilter = 'all' | 'missed' | 'flagged';

export function reviewQuestions(attempt: QuizAttempt, filter: ReviewFilter): AttemptQuestion[] {
  if (filter === 'missed') return attempt.questions.filter((q) => q.review !== undefined && !q.review.correct);
  if (filter === 'flagged') return attempt.questions.filter((q) => q.flagged);
  return attempt.questions;
}

/** How one choice of a reviewed question reads: was it chosen, is it right. */
export function choiceMarks(q: AttemptQuestion, choiceId: string): { chosen: boolean; correct: boolean; label: string } {
  const chosen = q.selected.includes(choiceId);
  const correct = q.review?.correctChoiceIds.includes(choiceId) ?? false;
  const label = chosen && correct ? 'Your answer, correct' : chosen ? 'Your answer, wrong' : correct ? 'Correct answer' : '';
  return { chosen, correct, label };
}

/** "Correct" / "Wrong" / "Not answered" for a reviewed question. */
export function reviewOutcome(q: AttemptQuestion): 'Correct' | 'Wrong' | 'Not answered' {
  if (q.review?.correct === true) return 'Correct';
  return isAnswered(q) ? 'Wrong' : 'Not answered';
}

/** How an attempt reads in the history: "DVA-C02 practice exam · 10 questions". */
export function attemptTitle(a: Pick<QuizAttemptSummary, 'mode' | 'exam' | 'lessonId'>, lessonTitle?: string): string {
  if (a.mode === 'practice') return `${a.exam ?? 'Practice'} practice exam`;
  return `Lesson quiz: ${lessonTitle ?? a.lessonId ?? ''}`;
}

export function attemptResult(a: QuizAttemptSummary): string {
  if (a.status === 'in-progress') return `Unfinished: ${a.answered} of ${a.questionCount} answered`;
  const score = `${a.percent ?? 0}% (${a.correct ?? 0} of ${a.questionCount})`;
  const verdict = a.passed === undefined ? '' : a.passed ? ', passed' : ', not passed';
  return `${score}${verdict}${a.autoSubmitted ? ', time ran out' : ''}`;
}

/** Where the student lands in an attempt: the first unanswered question, else the first. */
export function firstOpenQuestion(attempt: QuizAttempt): number {
  const i = attempt.questions.findIndex((q) => !isAnswered(q));
  return i < 0 ? 0 : i;
}

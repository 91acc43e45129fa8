// The quiz screens' logic on attempts shaped like the engine's: selection rules, the
// navigator's names, the submit confirmation, the clock, the review filters.
import { describe, expect, it } from 'vitest';
import type { AttemptQuestion, QuizAttempt, QuizAttemptSummary, ScoreReport } from '../../sandbox/api/index.ts';
import {
  attemptCounts, attemptResult, attemptTitle, choiceMarks, chooseText, countdownWords, elapsedText, firstOpenQuestion, formatCountdown, listPositions,
  navigatorLabel, reviewOutcome, reviewQuestions, submitWarnings, toggleChoice, verdictText, withFlag, withSelection,
} from '../../renderer/features/quiz/quizLogic.ts';

const CHOICES = ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, text: `choice ${id}` }));

function question(position: number, over: Partial<AttemptQuestion> = {}): AttemptQuestion {
  return { id: `q.${position}`, position, kind: 'single', choose: 1, prompt: `Question ${position}?`, choices: CHOICES, selected: [], flagged: false, fromMissedQueue: false, ...over };
}

function attempt(questions: AttemptQuestion[], over: Partial<QuizAttempt> = {}): QuizAttempt {
  return { id: 'a1', mode: 'practice', exam: 'DVA-C02', status: 'in-progress', startedAt: '2026-05-01T12:00:00.000Z', timeLimitMinutes: 20, autoSubmitted: false, questions, ...over };
}

describe('choosing answers', () => {
  it('replaces the choice of a single-answer question', () => {
    expect(toggleChoice(question(1, { selected: ['A'] }), 'C', true)).toEqual(['C']);
    expect(toggleChoice(question(1, { selected: ['A'] }), 'A', false)).toEqual([]);
  });

  it('adds choices of a "Choose two" question up to two, sorted, and removes them', () => {
    const multi = question(1, { kind: 'multiple', choose: 2 });
    expect(toggleChoice({ ...multi, selected: ['C'] }, 'A', true)).toEqual(['A', 'C']);
    expect(toggleChoice({ ...multi, selected: ['A', 'C'] }, 'E', true)).toEqual(['A', 'C']); // full: untick one first
    expect(toggleChoice({ ...multi, selected: ['A', 'C'] }, 'A', false)).toEqual(['C']);
    expect(toggleChoice({ ...multi, selected: ['A'] }, 'A', true)).toEqual(['A']);
  });

  it('says how many to choose the way AWS exams do', () => {
    expect([chooseText(2), chooseText(3), chooseText(12)]).toEqual(['Choose two.', 'Choose three.', 'Choose 12.']);
  });

  it('changes one question of an attempt', () => {
    const a = attempt([question(1), question(2)]);
    expect(withSelection(a, 'q.2', ['B']).questions.map((q) => q.selected)).toEqual([[], ['B']]);
    expect(withFlag(a, 'q.1', true).questions.map((q) => q.flagged)).toEqual([true, false]);
    expect(a.questions[1]?.selected).toEqual([]); // not mutated
  });
});

describe('the navigator and the submit confirmation', () => {
  const a = attempt([question(1, { selected: ['A'] }), question(2, { flagged: true }), question(3, { selected: ['B'], flagged: true, fromMissedQueue: true }), question(4)]);

  it('names each question by its state', () => {
    expect(a.questions.map(navigatorLabel)).toEqual([
      'Question 1: answered',
      'Question 2: not answered, flagged for review',
      'Question 3: answered, flagged for review, missed before',
      'Question 4: not answered',
    ]);
  });

  it('counts and lists what is open', () => {
    expect(attemptCounts(a)).toEqual({ answered: 2, total: 4, unanswered: [2, 4], flagged: [2, 3] });
    expect(submitWarnings(a)).toEqual([
      '2 questions are not answered: 2 and 4. Unanswered questions count as wrong.',
      '2 questions are flagged for review: 2 and 3.',
    ]);
    expect(submitWarnings(attempt([question(1, { selected: ['A'] })]))).toEqual(['All 1 questions are answered.']);
    expect(submitWarnings(attempt([question(1), question(2, { selected: ['A'] })]))).toEqual(['1 question is not answered: 1. Unanswered questions count as wrong.']);
    expect(listPositions([1, 2, 3])).toBe('1, 2 and 3');
  });

  it('resumes at the first unanswered question', () => {
    expect(firstOpenQuestion(a)).toBe(1);
    expect(firstOpenQuestion(attempt([question(1, { selected: ['A'] })]))).toBe(0);
  });
});

describe('the clock', () => {
  it('counts down in minutes and seconds, with hours from an hour up', () => {
    expect([formatCountdown(1200), formatCountdown(65), formatCountdown(9), formatCountdown(3723), formatCountdown(-5)]).toEqual(['20:00', '1:05', '0:09', '1:02:03', '0:00']);
  });

  it('says it in words for screen readers', () => {
    expect([countdownWords(1200), countdownWords(61), countdownWords(1), countdownWords(0)]).toEqual(['20 minutes left', '1 minute 1 second left', '1 second left', '0 seconds left']);
  });

  it('says how long an attempt took', () => {
    expect(elapsedText('2026-05-01T12:00:00.000Z', '2026-05-01T12:12:05.000Z')).toBe('12 min 5 s');
    expect(elapsedText('2026-05-01T12:00:00.000Z', '2026-05-01T12:00:41.400Z')).toBe('41 s');
    expect(elapsedText('2026-05-01T12:00:00.000Z', 'not a time')).toBe('');
  });
});

describe('the report and the review', () => {
  const review = (correct: boolean, correctChoiceIds: string[]) => ({ correct, correctChoiceIds, explanation: 'Because.', sources: [], tags: [] });
  const done = attempt(
    [
      question(1, { selected: ['A'], review: review(true, ['A']) }),
      question(2, { selected: ['B'], review: review(false, ['C']), flagged: true }),
      question(3, { review: review(false, ['D']) }),
      question(4, { kind: 'multiple', choose: 2, selected: ['A', 'B'], review: review(false, ['A', 'C']) }),
    ],
    { status: 'submitted' },
  );

  it('filters the questions to review', () => {
    expect(reviewQuestions(done, 'all').map((q) => q.position)).toEqual([1, 2, 3, 4]);
    expect(reviewQuestions(done, 'missed').map((q) => q.position)).toEqual([2, 3, 4]);
    expect(reviewQuestions(done, 'flagged').map((q) => q.position)).toEqual([2]);
  });

  it('marks each choice: the student\'s, the right one, both', () => {
    const q4 = done.questions[3] as AttemptQuestion;
    expect(['A', 'B', 'C', 'D'].map((c) => choiceMarks(q4, c).label)).toEqual(['Your answer, correct', 'Your answer, wrong', 'Correct answer', '']);
    expect(done.questions.map(reviewOutcome)).toEqual(['Correct', 'Wrong', 'Not answered', 'Wrong']);
  });

  it('states the verdict against the pass mark', () => {
    const report: ScoreReport = { correct: 7, total: 10, percent: 70, passPercent: 72, passed: false, unanswered: 0, flagged: 0, byDomain: [], missed: [] };
    expect(verdictText(report)).toBe('Not passed: below the pass mark of 72%');
    expect(verdictText({ ...report, percent: 80, passed: true })).toBe('Passed: at or above the pass mark of 72%');
    expect(verdictText({ ...report, passPercent: undefined, passed: undefined })).toBe('');
  });

  it('describes attempts in the history', () => {
    const summary: QuizAttemptSummary = {
      id: 'a1', mode: 'practice', exam: 'DVA-C02', status: 'submitted', startedAt: '2026-05-01T12:00:00.000Z', autoSubmitted: true, questionCount: 10, answered: 9, correct: 7, percent: 70, passed: false,
    };
    expect(attemptTitle(summary)).toBe('DVA-C02 practice exam');
    expect(attemptResult(summary)).toBe('70% (7 of 10), not passed, time ran out');
    expect(attemptTitle({ mode: 'lesson', lessonId: 'cold-starts' }, 'Cold starts and init code')).toBe('Lesson quiz: Cold starts and init code');
    expect(attemptResult({ ...summary, status: 'in-progress', answered: 4 })).toBe('Unfinished: 4 of 10 answered');
  });
});

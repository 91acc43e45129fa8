// The lesson and quiz tables (migration 3): progress rows, the invocation window checks read,
// attempts, and the missed-questions queue.
import { describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../sandbox/api/index.ts';
import { MIGRATIONS } from '../../sandbox/store/migrations.ts';
import { openStore } from '../../sandbox/store/index.ts';
import { RIGHT_STREAK_TO_CLEAR } from '../../sandbox/store/quiz-repo.ts';

const at = (s: number) => new Date(Date.UTC(2026, 4, 1, 12, 0, s)).toISOString();

function record(n: number, functionName: string): InvocationRecord {
  return {
    requestId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    functionName,
    status: 'success',
    startedAt: at(n),
    durationMs: 1,
    billedDurationMs: 1,
    coldStart: n === 1,
    costUsd: 0.0000002,
    runtime: 'nodejs24.x',
    environmentId: 'e',
    event: '{}',
    response: String(n),
    logs: '',
    memorySizeMB: 128,
    maxMemoryUsedMB: 3,
  };
}

describe('migration 3', () => {
  it('is the newest migration and creates the lesson and quiz tables', () => {
    expect(MIGRATIONS.at(-1)).toMatchObject({ version: 3 });
    const store = openStore(':memory:', () => new Date());
    expect(store.lessons.all().size).toBe(0);
    expect(store.quiz.missed()).toEqual([]);
    store.close();
  });
});

describe('lesson progress', () => {
  it('starts, completes steps once, reveals hints up to the count, keeps answers, and restarts clean', () => {
    const store = openStore(':memory:', () => new Date());
    const repo = store.lessons;
    repo.start('l', at(0), 7);
    repo.completeStep('l', 's1', at(1), 9);
    repo.completeStep('l', 's1', at(2), 12); // a passed step stays as it was
    expect(repo.revealHint('l', 's2', 2)).toBe(1);
    expect(repo.revealHint('l', 's2', 2)).toBe(2);
    expect(repo.revealHint('l', 's2', 2)).toBe(2);
    repo.setAnswer('l', 's3', 0.318, at(3));
    repo.markSolutionShown('l', at(4));
    repo.markSolutionShown('l', at(5));
    const p = repo.get('l');
    expect(p).toMatchObject({ lessonId: 'l', startedAt: at(0), startSeq: 7, solutionShownAt: at(4), completedAt: undefined });
    expect(p?.steps.get('s1')).toMatchObject({ completedAt: at(1), completedSeq: 9 });
    expect(p?.steps.get('s2')).toMatchObject({ hintsRevealed: 2, completedAt: undefined });
    expect(p?.steps.get('s3')).toMatchObject({ answer: 0.318, answeredAt: at(3) });
    expect(repo.activeLessonIds()).toEqual(['l']);
    repo.markCompleted('l', at(6));
    expect(repo.activeLessonIds()).toEqual([]);
    repo.start('l', at(10), 20);
    expect(repo.get('l')).toMatchObject({ startSeq: 20, completedAt: undefined, solutionShownAt: undefined });
    expect(repo.get('l')?.steps.size).toBe(0);
    store.close();
  });

  it('reads the invocation window of a function after a sequence number, oldest first, queued rows included', () => {
    const store = openStore(':memory:', () => new Date());
    for (let n = 1; n <= 6; n++) store.invocations.insert(record(n, n % 2 === 0 ? 'even' : 'odd'));
    // Not flushed yet: the window read writes the queue first.
    expect(store.invocations.latestSeq()).toBe(6);
    expect(store.invocations.after('even', 2, 10).map((i) => [i.seq, i.response])).toEqual([[4, '4'], [6, '6']]);
    expect(store.invocations.after('even', 0, 1).map((i) => i.seq)).toEqual([6]);
    expect(store.invocations.after('odd', 0, 10)[0]).toMatchObject({ seq: 1, coldStart: true, runtime: 'nodejs24.x', costUsd: 0.0000002 });
    store.close();
  });
});

describe('quiz attempts and the missed queue', () => {
  it('stores the shuffled order, answers and flags, and submits once', () => {
    const store = openStore(':memory:', () => new Date());
    store.quiz.create({ id: 'a1', mode: 'practice', exam: 'DVA-C02', startedAt: at(0), timeLimitMinutes: 20, deadline: at(59), questions: [
      { questionId: 'q.one', choiceOrder: ['c', 'a', 'b'], fromMissed: false },
      { questionId: 'q.two', choiceOrder: ['b', 'a', 'c', 'd'], fromMissed: true },
    ] });
    store.quiz.setSelected('a1', 'q.one', ['a']);
    store.quiz.setFlagged('a1', 'q.two', true);
    const got = store.quiz.get('a1');
    expect(got?.attempt).toMatchObject({ id: 'a1', mode: 'practice', exam: 'DVA-C02', total: 2, deadline: at(59), submittedAt: undefined });
    expect(got?.questions).toEqual([
      { position: 1, questionId: 'q.one', choiceOrder: ['c', 'a', 'b'], selected: ['a'], flagged: false, fromMissed: false, correct: undefined },
      { position: 2, questionId: 'q.two', choiceOrder: ['b', 'a', 'c', 'd'], selected: [], flagged: true, fromMissed: true, correct: undefined },
    ]);
    const submit = { at: at(30), auto: false, correctByQuestion: new Map([['q.one', true], ['q.two', false]]), correct: 1, percent: 50, passed: false, report: '{}' };
    expect(store.quiz.submit('a1', submit)).toBe(true);
    expect(store.quiz.submit('a1', submit)).toBe(false);
    expect(store.quiz.get('a1')?.questions.map((q) => q.correct)).toEqual([true, false]);
    expect(store.quiz.list({ limit: 5 })[0]).toMatchObject({ id: 'a1', answered: 1, percent: 50, passed: false });
    store.close();
  });

  it('keeps a missed question until it is answered right twice in a row', () => {
    const store = openStore(':memory:', () => new Date());
    expect(RIGHT_STREAK_TO_CLEAR).toBe(2);
    store.quiz.recordMissed('q.x', at(1));
    store.quiz.recordMissed('q.y', at(2));
    store.quiz.recordRight('q.x', at(3));
    expect(store.quiz.missed().map((m) => [m.questionId, m.missedCount, m.rightStreak])).toEqual([['q.x', 1, 1], ['q.y', 1, 0]]);
    store.quiz.recordMissed('q.x', at(4)); // wrong again: the streak starts over
    expect(store.quiz.missed().map((m) => [m.questionId, m.missedCount, m.rightStreak])).toEqual([['q.y', 1, 0], ['q.x', 2, 0]]);
    store.quiz.recordRight('q.x', at(5));
    store.quiz.recordRight('q.x', at(6));
    store.quiz.recordRight('q.never-missed', at(7));
    expect(store.quiz.missed().map((m) => m.questionId)).toEqual(['q.y']);
    store.close();
  });
});

// Quizzes and practice exams: shuffles per attempt, no answers before submit, scoring by domain,
// the missed-questions queue, the timer, the history.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabError, QuizAttempt, type QuizAttempt as Attempt } from '../../sandbox/api/index.ts';
import { loadLessonContent } from '../../sandbox/service/lessons/content.ts';
import { QuizService } from '../../sandbox/service/quiz/quiz-service.ts';
import { examDomain, selectPractice } from '../../sandbox/service/quiz/selection.ts';
import { openStore, type Store } from '../../sandbox/store/index.ts';

const content = loadLessonContent(fileURLToPath(new URL('../../lessons', import.meta.url)));

/** A small seeded generator (mulberry32), so shuffles are repeatable in tests. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let store: Store;
let now: Date;
let ids = 0;
let submittedLessons: string[];
let quiz: QuizService;
beforeEach(() => {
  now = new Date('2026-05-01T12:00:00.000Z');
  store = openStore(':memory:', () => now);
  submittedLessons = [];
  quiz = new QuizService({
    content: () => content,
    store,
    clock: { now: () => now },
    newId: () => `attempt-${++ids}`,
    random: seeded(42),
    onLessonQuizSubmitted: (id) => submittedLessons.push(id),
  });
});
afterEach(() => store.close());

/** The letters of the right answer, found through the bank (as the UI never can). */
function rightLetters(a: Attempt, questionId: string): string[] {
  const q = a.questions.find((x) => x.id === questionId);
  const bank = content.questions.get(questionId);
  const correct = new Set(bank?.choices.filter((c) => c.correct).map((c) => c.text));
  return (q?.choices ?? []).filter((c) => correct.has(c.text)).map((c) => c.id);
}
function wrongLetter(a: Attempt, questionId: string): string {
  const right = rightLetters(a, questionId);
  return a.questions.find((x) => x.id === questionId)?.choices.find((c) => !right.includes(c.id))?.id ?? '';
}
function rejects(fn: () => unknown): LabError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LabError);
    return e as LabError;
  }
  throw new Error('expected a LabError');
}

describe('a practice exam', () => {
  it('has the chosen length, a timer at the exam pace, and no answers before submit', () => {
    const a = quiz.start({ mode: 'practice', exam: 'DVA-C02', length: 10 });
    expect(QuizAttempt.parse(a)).toBeTruthy();
    expect(a).toMatchObject({ mode: 'practice', exam: 'DVA-C02', status: 'in-progress', timeLimitMinutes: 20, deadline: '2026-05-01T12:20:00.000Z', remainingSeconds: 1200, autoSubmitted: false });
    expect(a.questions).toHaveLength(10);
    expect(new Set(a.questions.map((q) => q.id)).size).toBe(10);
    for (const q of a.questions) {
      expect(examDomain(content.questions.get(q.id)!, 'DVA-C02')).toBeDefined();
      expect(q.review).toBeUndefined();
      expect(q.choices.map((c) => c.id)).toEqual(['A', 'B', 'C', 'D', 'E'].slice(0, q.choices.length));
      for (const c of q.choices) expect(Object.keys(c).sort()).toEqual(['id', 'text']);
      expect(q.choose).toBe(q.kind === 'single' ? 1 : content.questions.get(q.id)!.choices.filter((c) => c.correct).length);
    }
    const text = JSON.stringify(a);
    expect(text).not.toMatch(/"correct"|explanation|"sources"/);
    for (const q of a.questions) expect(text).not.toContain(content.questions.get(q.id)!.explanation.slice(0, 40));
  });

  it('shuffles questions and answers differently per attempt', () => {
    const a = quiz.start({ mode: 'lesson', lessonId: 'pricing' });
    const b = quiz.start({ mode: 'lesson', lessonId: 'pricing' });
    expect(new Set(a.questions.map((q) => q.id))).toEqual(new Set(b.questions.map((q) => q.id)));
    const order = (x: Attempt) => x.questions.map((q) => `${q.id}:${q.choices.map((c) => c.text).join('|')}`).join('\n');
    expect(order(a)).not.toBe(order(b));
    // And the choice order is not the bank's order every time.
    const inBankOrder = a.questions.filter((q) => q.choices.map((c) => c.text).join('|') === content.questions.get(q.id)!.choices.map((c) => c.text).join('|'));
    expect(inBankOrder.length).toBeLessThan(a.questions.length);
  });

  it('weights domains like the exam', () => {
    const pick = selectPractice([...content.questions.values()], 'DVA-C02', 20, [], seeded(1));
    const byDomain = new Map<number, number>();
    for (const { question } of pick.questions) byDomain.set(examDomain(question, 'DVA-C02')!, (byDomain.get(examDomain(question, 'DVA-C02')!) ?? 0) + 1);
    expect(pick.questions).toHaveLength(20);
    expect(byDomain.get(1)).toBeGreaterThanOrEqual(5); // 32% of 20 ≈ 6
    expect(byDomain.get(4)).toBeGreaterThanOrEqual(3); // 18% of 20 ≈ 4
  });

  it('records answers and flags, validates them, and scores by domain with explanations and sources', () => {
    const a = quiz.start({ mode: 'practice', exam: 'SAA-C03', length: 10 });
    const [q1, q2, q3] = a.questions;
    if (q1 === undefined || q2 === undefined || q3 === undefined) throw new Error('too few questions');
    quiz.answer(a.id, q1.id, rightLetters(a, q1.id));
    quiz.answer(a.id, q2.id, [wrongLetter(a, q2.id)]);
    const flagged = quiz.flag(a.id, q3.id, true);
    expect(flagged.questions[2]?.flagged).toBe(true);
    expect(flagged.questions[0]?.selected).toEqual(rightLetters(a, q1.id));
    expect(rejects(() => quiz.answer(a.id, q1.id, ['Z'])).code).toBe('bad-request');
    const single = a.questions.find((q) => q.kind === 'single');
    if (single !== undefined) expect(rejects(() => quiz.answer(a.id, single.id, ['A', 'B'])).message).toBe('This question has one answer: choose one');
    expect(rejects(() => quiz.answer(a.id, 'not-in-attempt.x', ['A'])).code).toBe('not-found');

    const done = quiz.submit(a.id);
    expect(done.status).toBe('submitted');
    expect(done.report).toMatchObject({ correct: 1, total: 10, percent: 10, passPercent: 72, passed: false, unanswered: 8, flagged: 1 });
    expect(done.report?.byDomain.reduce((n, d) => n + d.total, 0)).toBe(10);
    expect(done.report?.byDomain.every((d) => d.exam === 'SAA-C03' && d.name.startsWith('Design'))).toBe(true);
    expect(done.report?.missed).toHaveLength(9);
    expect(done.questions[0]?.review).toMatchObject({ correct: true, correctChoiceIds: rightLetters(a, q1.id) });
    expect(done.questions[1]?.review?.correct).toBe(false);
    for (const q of done.questions) {
      expect(q.review?.explanation.length).toBeGreaterThan(40);
      expect(q.review?.sources[0]?.url).toMatch(/^https:/);
    }
    expect(rejects(() => quiz.submit(a.id)).code).toBe('conflict');
    expect(rejects(() => quiz.answer(a.id, q1.id, [])).code).toBe('conflict');
  });

  it('brings missed questions back in later practice exams until answered right twice', () => {
    const first = quiz.start({ mode: 'practice', exam: 'CLF-C02', length: 10 });
    quiz.submit(first.id); // nothing answered: all 10 missed
    expect(store.quiz.missed()).toHaveLength(10);
    expect(quiz.listExams().find((e) => e.id === 'CLF-C02')?.missedQueue).toBe(10);

    const second = quiz.start({ mode: 'practice', exam: 'CLF-C02', length: 10 });
    const back = second.questions.filter((q) => q.fromMissedQueue);
    expect(back).toHaveLength(5); // up to half of the exam
    for (const q of back) expect(first.questions.map((x) => x.id)).toContain(q.id);
    for (const q of second.questions) quiz.answer(second.id, q.id, rightLetters(second, q.id));
    const scored = quiz.submit(second.id);
    expect(scored.report).toMatchObject({ correct: 10, percent: 100, passed: true, missed: [] });
    // Right once: still queued (streak 1); right twice: gone.
    expect(store.quiz.missed().filter((m) => back.some((q) => q.id === m.questionId)).every((m) => m.rightStreak === 1)).toBe(true);
    const third = quiz.start({ mode: 'practice', exam: 'CLF-C02', length: 10 });
    for (const q of third.questions) quiz.answer(third.id, q.id, rightLetters(third, q.id));
    quiz.submit(third.id);
    const stillQueued = store.quiz.missed().map((m) => m.questionId);
    for (const q of third.questions.filter((x) => x.fromMissedQueue)) {
      if (back.some((b) => b.id === q.id)) expect(stillQueued).not.toContain(q.id);
    }
  });

  it('submits automatically when the time is up, on the next call', () => {
    const a = quiz.start({ mode: 'practice', exam: 'DVA-C02', length: 10, timeLimitMinutes: 1 });
    const q = a.questions[0];
    if (q === undefined) throw new Error('no question');
    quiz.answer(a.id, q.id, rightLetters(a, q.id));
    now = new Date(now.getTime() + 30_000);
    expect(quiz.get(a.id).remainingSeconds).toBe(30);
    now = new Date(now.getTime() + 31_000);
    const late = rejects(() => quiz.answer(a.id, a.questions[1]?.id ?? '', ['A']));
    expect(late).toMatchObject({ code: 'conflict', message: 'Time is up: the attempt was submitted automatically' });
    const after = quiz.get(a.id);
    expect(after).toMatchObject({ status: 'submitted', autoSubmitted: true, submittedAt: '2026-05-01T12:01:00.000Z' });
    expect(after.remainingSeconds).toBeUndefined();
    expect(after.report?.correct).toBe(1); // the answer given in time counts
    expect(after.questions[1]?.selected).toEqual([]);
  });

  it('expires overdue attempts when the history is listed, and untimed ones never expire', () => {
    const timed = quiz.start({ mode: 'practice', exam: 'DVA-C02', length: 10, timeLimitMinutes: 5 });
    const untimed = quiz.start({ mode: 'practice', exam: 'DVA-C02', length: 20, timeLimitMinutes: null });
    expect(untimed.timeLimitMinutes).toBeNull();
    expect(untimed.deadline).toBeUndefined();
    now = new Date(now.getTime() + 3_600_000);
    const list = quiz.list({ limit: 10 });
    expect(list.map((a) => [a.id, a.status, a.autoSubmitted])).toEqual([[untimed.id, 'in-progress', false], [timed.id, 'submitted', true]]);
    expect(list[0]).toMatchObject({ mode: 'practice', exam: 'DVA-C02', questionCount: 20, answered: 0 });
  });
});

describe('lesson quizzes and the history', () => {
  it('runs a lesson quiz untimed, scores it, and tells the lesson service', () => {
    const a = quiz.start({ mode: 'lesson', lessonId: 'errors' });
    expect(a).toMatchObject({ mode: 'lesson', lessonId: 'errors', timeLimitMinutes: null });
    expect(a.questions.map((q) => q.id).sort()).toEqual([...content.lessons[1]!.lesson.quiz].sort());
    for (const q of a.questions) quiz.answer(a.id, q.id, rightLetters(a, q.id));
    const done = quiz.submit(a.id);
    expect(done.report).toMatchObject({ percent: 100, passPercent: 70, passed: true });
    expect(done.report?.byDomain.length).toBeGreaterThan(0);
    expect(submittedLessons).toEqual(['errors']);
    expect(store.quiz.lessonScoresSince('errors', '2026-01-01T00:00:00.000Z')).toEqual([100]);
    expect(rejects(() => quiz.start({ mode: 'lesson', lessonId: 'nope' })).code).toBe('not-found');
  });

  it('lists attempts newest first, filtered by mode, exam or lesson', () => {
    quiz.start({ mode: 'lesson', lessonId: 'memory' });
    now = new Date(now.getTime() + 1000);
    quiz.start({ mode: 'practice', exam: 'SAA-C03', length: 20 });
    now = new Date(now.getTime() + 1000);
    quiz.start({ mode: 'practice', exam: 'CLF-C02', length: 10 });
    expect(quiz.list({ limit: 10 }).map((a) => a.exam ?? a.lessonId)).toEqual(['CLF-C02', 'SAA-C03', 'memory']);
    expect(quiz.list({ mode: 'practice', limit: 10 })).toHaveLength(2);
    expect(quiz.list({ exam: 'SAA-C03', limit: 10 })).toHaveLength(1);
    expect(quiz.list({ lessonId: 'memory', limit: 10 })).toHaveLength(1);
  });

  it('describes the exams, their domains and how many bank questions each has', () => {
    const exams = quiz.listExams();
    expect(exams.map((e) => e.id)).toEqual(['DVA-C02', 'SAA-C03', 'CLF-C02']);
    const dva = exams[0]!;
    expect(dva).toMatchObject({ minutes: 130, questions: 65, passPercent: 72, lengths: [10, 20, 65], defaultMinutes: { '10': 20, '20': 40, '65': 130 } });
    expect(dva.domains.map((d) => d.weight)).toEqual([32, 26, 24, 18]);
    expect(dva.domains.reduce((n, d) => n + d.bankQuestions, 0)).toBe(dva.bankQuestions);
    expect(exams.every((e) => e.bankQuestions >= 20)).toBe(true);
  });

  it('gives a 65-question exam all the bank has when the bank is smaller', () => {
    const a = quiz.start({ mode: 'practice', exam: 'CLF-C02', length: 65 });
    const available = [...content.questions.values()].filter((q) => examDomain(q, 'CLF-C02') !== undefined).length;
    expect(a.questions).toHaveLength(Math.min(65, available));
    expect(a.timeLimitMinutes).toBe(Math.round((90 / 65) * a.questions.length));
  });
});

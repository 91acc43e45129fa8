// The lesson panel's state: check results and push events merged into the view (check marks
// only move forward, late answers never take one back), hints, answers, typed numbers.
import { describe, expect, it } from 'vitest';
import type { LessonOverview, LessonProgress, LessonSummary, LessonView, StepCheckResult } from '../../sandbox/api/index.ts';
import {
  currentStep, functionsReplacedByStart, mergeCheck, nextLesson, parseAnswer, progressText, stepsDone, withAnswer, withHints, withSolutionShown, withoutTitle,
} from '../../renderer/features/lessons/lessonState.ts';
import { parseMarkdown } from '../../renderer/ui/markdown/parseMarkdown.ts';

function progress(completedSteps: number, over: Partial<LessonProgress> = {}): LessonProgress {
  return { status: completedSteps === 3 ? 'completed' : 'in-progress', completedSteps, totalSteps: 3, solutionShown: false, ...over };
}

function view(): LessonView {
  return {
    id: 'first-function',
    order: 1,
    title: 'First function',
    summary: 'A summary of the lesson.',
    estimatedMinutes: 20,
    examTags: ['DVA-C02:1.2'],
    body: '# First function\n\nText.',
    functions: [{ name: 'hello-handler', runtime: 'nodejs24.x', handler: 'index.handler', description: '' }],
    steps: [
      { id: 'one', title: 'One', instructions: 'Do one thing.', state: 'current', hints: [], hintCount: 2, reason: 'Not invoked yet' },
      { id: 'two', title: 'Two', instructions: 'Do two things.', state: 'pending', hints: [], hintCount: 1, answer: { label: 'Billed Duration', unit: 'ms' } },
      { id: 'three', title: 'Three', instructions: 'Do three things.', state: 'pending', hints: [], hintCount: 1 },
    ],
    quizQuestionCount: 6,
    sources: [{ title: 'Docs', url: 'https://docs.aws.amazon.com/lambda/' }],
    progress: progress(0),
  };
}

const passedOne: StepCheckResult[] = [
  { id: 'one', state: 'passed', completedAt: '2026-05-01T12:00:00.000Z' },
  { id: 'two', state: 'current', reason: 'No answer yet' },
  { id: 'three', state: 'pending' },
];

describe('mergeCheck', () => {
  it('turns a step green, makes the next current with its reason, and takes the progress', () => {
    const merged = mergeCheck(view(), passedOne, progress(1));
    expect(merged.steps.map((s) => [s.id, s.state, s.reason, s.completedAt])).toEqual([
      ['one', 'passed', undefined, '2026-05-01T12:00:00.000Z'],
      ['two', 'current', 'No answer yet', undefined],
      ['three', 'pending', undefined, undefined],
    ]);
    expect(merged.progress.completedSteps).toBe(1);
    expect(currentStep(merged)?.id).toBe('two');
  });

  it('keeps what it does not know: instructions, hints, answers', () => {
    const merged = mergeCheck(withHints(view(), 'one', ['first hint']), passedOne, progress(1));
    expect(merged.steps[0]).toMatchObject({ title: 'One', instructions: 'Do one thing.', hints: ['first hint'], hintCount: 2 });
    expect(merged.steps[1]?.answer).toEqual({ label: 'Billed Duration', unit: 'ms' });
  });

  it('never takes a check mark back: a result older than the view is ignored', () => {
    const merged = mergeCheck(view(), passedOne, progress(1));
    const stale = mergeCheck(merged, [{ id: 'one', state: 'current', reason: 'Not invoked yet' }, { id: 'two', state: 'pending' }, { id: 'three', state: 'pending' }], progress(0));
    expect(stale).toBe(merged);
    // Even with the same count, a passed step stays passed.
    const odd = mergeCheck(merged, [{ id: 'one', state: 'current' }, { id: 'two', state: 'current' }, { id: 'three', state: 'pending' }], progress(1));
    expect(odd.steps[0]?.state).toBe('passed');
  });

  it('drops an old reason when the new result has none', () => {
    const merged = mergeCheck(view(), [{ id: 'one', state: 'current' }, { id: 'two', state: 'pending' }, { id: 'three', state: 'pending' }], progress(0));
    expect(merged.steps[0]?.reason).toBeUndefined();
  });

  it('keeps "solution shown" once it was shown', () => {
    const shown = withSolutionShown(view());
    expect(shown.progress.solutionShown).toBe(true);
    expect(mergeCheck(shown, passedOne, progress(1)).progress.solutionShown).toBe(true);
  });
});

describe('hints and answers', () => {
  it('shows more hints, never fewer', () => {
    const two = withHints(view(), 'one', ['a', 'b']);
    expect(two.steps[0]?.hints).toEqual(['a', 'b']);
    expect(withHints(two, 'one', ['a']).steps[0]?.hints).toEqual(['a', 'b']);
  });

  it('remembers the last typed answer of an answer step only', () => {
    const answered = withAnswer(view(), 'two', 12);
    expect(answered.steps[1]?.answer?.lastValue).toBe(12);
    expect(withAnswer(view(), 'one', 12).steps[0]?.answer).toBeUndefined();
  });

  it('reads typed numbers the way students type them', () => {
    expect(parseAnswer('12')).toBe(12);
    expect(parseAnswer(' 12 ms ', 'ms')).toBe(12);
    expect(parseAnswer('12ms')).toBe(12);
    expect(parseAnswer('1,234.5')).toBe(1234.5);
    expect(parseAnswer('0,5')).toBe(0.5);
    expect(parseAnswer('$0.0000059', 'USD')).toBe(0.0000059);
    expect(parseAnswer('2.50 USD', 'USD')).toBe(2.5);
    expect(parseAnswer('5.9e-6')).toBe(0.0000059);
    expect(parseAnswer('.318 GB-s', 'GB-s')).toBe(0.318);
    for (const bad of ['', 'twelve', '12 13', '1,2,3', '--1', 'Infinity', 'NaN', '0x10']) expect(parseAnswer(bad), bad).toBeUndefined();
  });
});

describe('the overview', () => {
  const summary = (id: string, status: LessonProgress['status'], functionNames: string[] = []): LessonSummary => ({
    id, order: 1, title: id, summary: 'A summary.', estimatedMinutes: 10, examTags: [], functionNames, stepCount: 3, quizQuestionCount: 3,
    progress: { ...progress(status === 'completed' ? 3 : 0), status },
  });

  it('says where each lesson stands', () => {
    expect(progressText(progress(0, { status: 'not-started' }))).toBe('Not started');
    expect(progressText(progress(1))).toBe('In progress: 1 of 3 steps done');
    expect(progressText(progress(3))).toBe('Completed');
    expect(stepsDone({ ...progress(0), totalSteps: 1 })).toBe('0 of 1 step');
  });

  it('finds the next lesson', () => {
    const overview: LessonOverview = { lessons: [summary('a', 'completed'), summary('b', 'not-started')] };
    expect(nextLesson(overview, 'a')?.id).toBe('b');
    expect(nextLesson(overview, 'b')).toBeUndefined();
    expect(nextLesson(overview, 'x')).toBeUndefined();
  });

  it('warns only when starting a lesson would replace an existing function', () => {
    expect(functionsReplacedByStart(summary('a', 'not-started', ['hello-handler', 'other']), ['hello', 'hello-handler'])).toEqual(['hello-handler']);
    expect(functionsReplacedByStart(summary('a', 'in-progress', ['hello-handler']), ['hello-handler'])).toEqual([]);
    expect(functionsReplacedByStart(summary('a', 'not-started', ['hello-handler']), ['hello'])).toEqual([]);
  });

  it('drops the lesson text\'s own title heading (the panel shows it)', () => {
    expect(withoutTitle(parseMarkdown('# First function\n\nText.'), 'First function').map((b) => b.type)).toEqual(['paragraph']);
    expect(withoutTitle(parseMarkdown('# Other title\n\nText.'), 'First function').map((b) => b.type)).toEqual(['heading', 'paragraph']);
    expect(withoutTitle(parseMarkdown('## First function'), 'First function').map((b) => b.type)).toEqual(['heading']);
  });
});

// What the lesson panel shows, kept current from several sources: the view `lessons:start`
// answers, check results (`lessons:check`, `lessons:submit-answer`) and `lessons:progress`
// push events. Steps only ever move forward (a passed step stays passed), so a result that
// arrives late never takes a check mark back. Pure (no DOM, no React).
import type { LessonOverview, LessonProgress, LessonSummary, LessonView, StepCheckResult, StepView } from '../../../sandbox/api/index.ts';
import { inlineText, type Block } from '../../ui/markdown/parseMarkdown.ts';

/** Merges evaluated steps into the view. Results older than what is shown (fewer steps passed) are ignored. */
export function mergeCheck(view: LessonView, steps: readonly StepCheckResult[], progress: LessonProgress): LessonView {
  if (progress.completedSteps < view.progress.completedSteps) return view;
  const byId = new Map(steps.map((s) => [s.id, s]));
  const merged = view.steps.map((step): StepView => {
    const result = byId.get(step.id);
    if (result === undefined || step.state === 'passed') return step;
    const { reason: _old, completedAt: _at, ...rest } = step;
    return {
      ...rest,
      state: result.state,
      ...(result.completedAt !== undefined ? { completedAt: result.completedAt } : {}),
      ...(result.state === 'current' && result.reason !== undefined ? { reason: result.reason } : {}),
    };
  });
  return { ...view, steps: merged, progress: { ...progress, solutionShown: progress.solutionShown || view.progress.solutionShown } };
}

export function withHints(view: LessonView, stepId: string, hints: readonly string[]): LessonView {
  return { ...view, steps: view.steps.map((s) => (s.id === stepId && s.hints.length < hints.length ? { ...s, hints: [...hints] } : s)) };
}

export function withAnswer(view: LessonView, stepId: string, value: number): LessonView {
  return { ...view, steps: view.steps.map((s) => (s.id === stepId && s.answer !== undefined ? { ...s, answer: { ...s.answer, lastValue: value } } : s)) };
}

export function withSolutionShown(view: LessonView): LessonView {
  return { ...view, progress: { ...view.progress, solutionShown: true } };
}

export function currentStep(view: LessonView): StepView | undefined {
  return view.steps.find((s) => s.state === 'current');
}

/** "2 of 5 steps" */
export function stepsDone(progress: LessonProgress): string {
  return `${progress.completedSteps} of ${progress.totalSteps} step${progress.totalSteps === 1 ? '' : 's'}`;
}

/** How a lesson's progress reads in the overview. */
export function progressText(progress: LessonProgress): string {
  if (progress.status === 'completed') return 'Completed';
  if (progress.status === 'not-started') return 'Not started';
  return `In progress: ${stepsDone(progress)} done`;
}

/** The lesson after this one in the overview's order. */
export function nextLesson(overview: LessonOverview, id: string): LessonSummary | undefined {
  const i = overview.lessons.findIndex((l) => l.id === id);
  return i < 0 ? undefined : overview.lessons[i + 1];
}

/**
 * The student's typed answer as a number: "12", "12 ms", "1,234.5", "$0.0000059", "0,5",
 * "5.9e-6". Undefined when it is not one number.
 */
export function parseAnswer(text: string, unit?: string): number | undefined {
  let s = text.trim().replace(/\u00a0/g, ' ');
  if (unit !== undefined && unit !== '' && s.toLowerCase().endsWith(unit.toLowerCase())) s = s.slice(0, -unit.length).trim();
  s = s.replace(/^\$\s*/, '').replace(/\s*(?:ms|s|usd|\$|gb-s|mb)$/i, '').trim();
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Whether any of the lesson's functions already exists in the lab (starting the lesson replaces it). */
export function functionsReplacedByStart(lesson: LessonSummary, existing: readonly string[]): string[] {
  if (lesson.progress.status !== 'not-started') return [];
  return lesson.functionNames.filter((n) => existing.includes(n));
}

/** The lesson text without its leading `# Title` (the panel shows the title already). */
export function withoutTitle(blocks: readonly Block[], title: string): Block[] {
  const [first, ...rest] = blocks;
  if (first?.type === 'heading' && first.level === 1 && inlineText(first.children).trim() === title.trim()) return rest;
  return [...blocks];
}

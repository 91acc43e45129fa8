// `lambda-lab lessons verify`: runs each lesson's starter and reference solution through the
// real engine (the contract's calls on a lab), as a student would: start, act, check.
// The starter run must NOT pass every step; the solution run (from a fresh reset) must pass them all.
import { LabError, type LabApi, type LessonCheckResult, type VerifyAction } from '../../api/index.ts';
import type { LessonContent, LoadedLesson } from './content.ts';

export interface VerifyTarget {
  api: LabApi;
  /** The value an answer step expects now (the engine computes it from lab state). */
  expectedAnswer(lessonId: string, stepId: string): number | undefined;
}

export interface VerifyStep {
  stepId: string;
  passed: boolean;
  reason?: string;
}

export interface VerifyRun {
  steps: VerifyStep[];
  allPassed: boolean;
  /** The run could not be carried out (an action failed in the engine). */
  error?: string;
}

export interface LessonVerifyResult {
  lessonId: string;
  folder: string;
  title: string;
  starter: VerifyRun;
  solution: VerifyRun;
  /** Starter does not pass every step, and the solution passes every step. */
  ok: boolean;
  problems: string[];
  ms: number;
}

async function runActions(target: VerifyTarget, lesson: LoadedLesson, content: LessonContent, actions: readonly VerifyAction[]): Promise<LessonCheckResult> {
  const { api } = target;
  const id = lesson.lesson.id;
  const first = lesson.lesson.functions[0]?.name ?? '';
  let last = await api['lessons:check']({ id });
  for (const a of actions) {
    if (a.invoke !== undefined) {
      for (let i = 0; i < a.invoke.times; i++) {
        await api['invoke:run']({ functionName: a.invoke.function ?? first, event: JSON.stringify(a.invoke.event ?? {}) });
      }
    } else if (a.updateConfig !== undefined) {
      await api['functions:update-config']({ name: a.updateConfig.function ?? first, config: a.updateConfig.config });
    } else if (a.useFiles !== undefined) {
      const files = lesson.files.get(a.useFiles.from);
      if (files === undefined) throw new Error(`no files in ${a.useFiles.from}`);
      await api['functions:save-code']({ name: a.useFiles.function ?? first, files });
    } else if (a.submitAnswer !== undefined) {
      // A step that is not reached yet (or has nothing to compute from) refuses the answer, as it
      // would for a student: the run goes on, and the step's check result says why it fails.
      const value = a.submitAnswer.expected === true ? target.expectedAnswer(id, a.submitAnswer.step) : a.submitAnswer.value;
      if (value !== undefined) {
        try {
          await api['lessons:submit-answer']({ id, stepId: a.submitAnswer.step, value });
        } catch (e) {
          if (!(e instanceof LabError && e.code === 'conflict')) throw e;
        }
      }
    } else if (a.takeQuiz !== undefined) {
      const allCorrect = a.takeQuiz.allCorrect;
      const attempt = await api['quiz:start']({ mode: 'lesson', lessonId: id });
      for (const q of attempt.questions) {
        const bank = content.questions.get(q.id);
        const correctTexts = new Set(bank?.choices.filter((c) => c.correct).map((c) => c.text) ?? []);
        const pick = q.choices.filter((c) => correctTexts.has(c.text) === allCorrect).map((c) => c.id);
        const choiceIds = allCorrect ? pick : pick.slice(0, 1);
        await api['quiz:answer']({ attemptId: attempt.id, questionId: q.id, choiceIds });
      }
      await api['quiz:submit']({ attemptId: attempt.id });
    }
    // What a student sees after each action: the check marks (the lab also re-evaluates live).
    last = await api['lessons:check']({ id });
  }
  return last;
}

async function run(target: VerifyTarget, lesson: LoadedLesson, content: LessonContent, actions: readonly VerifyAction[]): Promise<VerifyRun> {
  try {
    await target.api['lessons:reset']({ id: lesson.lesson.id, scope: 'lesson' });
    const result = await runActions(target, lesson, content, actions);
    const steps = result.steps.map((s) => ({
      stepId: s.id,
      passed: s.state === 'passed',
      ...(s.reason !== undefined ? { reason: s.reason } : s.state === 'pending' ? { reason: 'not reached (an earlier step does not pass)' } : {}),
    }));
    return { steps, allPassed: steps.every((s) => s.passed) };
  } catch (e) {
    return { steps: [], allPassed: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Verifies one lesson: starter run, then solution run, each from a fresh reset. */
export async function verifyLesson(target: VerifyTarget, lesson: LoadedLesson, content: LessonContent, now: () => number = () => performance.now()): Promise<LessonVerifyResult> {
  const t0 = now();
  const starter = await run(target, lesson, content, lesson.lesson.verify.starter);
  const solution = await run(target, lesson, content, lesson.lesson.verify.solution);
  const problems: string[] = [];
  if (starter.error !== undefined) problems.push(`the starter run failed: ${starter.error}`);
  else if (starter.allPassed) problems.push('the starter passes every step: a lesson must give the student something to do');
  if (solution.error !== undefined) problems.push(`the solution run failed: ${solution.error}`);
  else if (!solution.allPassed) problems.push(`the reference solution does not pass: ${solution.steps.filter((s) => !s.passed).map((s) => s.stepId).join(', ')}`);
  return {
    lessonId: lesson.lesson.id,
    folder: lesson.folder,
    title: lesson.lesson.title,
    starter,
    solution,
    ok: problems.length === 0,
    problems,
    ms: Math.round(now() - t0),
  };
}

/** Human-readable report of one lesson's verification. */
export function formatVerifyResult(r: LessonVerifyResult): string {
  const lines = [`${r.folder}  ${r.title}`];
  const section = (name: string, expectation: string, v: VerifyRun): void => {
    lines.push(`  ${name} (${expectation})`);
    if (v.error !== undefined) lines.push(`    ERROR ${v.error}`);
    for (const s of v.steps) lines.push(`    ${s.passed ? 'PASS' : 'FAIL'} ${s.stepId}${s.reason !== undefined && !s.passed ? ` — ${s.reason}` : ''}`);
  };
  section('starter', 'expected: not every step passes', r.starter);
  section('solution', 'expected: every step passes', r.solution);
  lines.push(r.ok ? `  ok (${(r.ms / 1000).toFixed(1)} s)` : `  WRONG: ${r.problems.join('; ')}`);
  return lines.join('\n');
}

// Lessons as the student works through them: starting (the lesson's functions from the starter),
// checking steps in order against lab state, hints, typed answers, the solution, reset, and the
// live re-evaluation that turns check marks green as invocations and changes happen.
import {
  FunctionConfig, LabError, type FunctionConfigChanges, type FunctionDetail, type FunctionFile, type LessonCheckResult,
  type LessonOverview, type LessonProgress, type LessonSummary, type LessonView, type PushEvent, type SolutionView,
  type StepCheckResult, type StepView, type VerifyAction,
} from '../../api/index.ts';
import type { SequencedInvocation } from '../../store/invocations-repo.ts';
import type { LessonProgressRow } from '../../store/lessons-repo.ts';
import type { Store } from '../../store/index.ts';
import type { Clock } from '../clock.ts';
import { type CheckState, evaluateCheck } from './check-evaluator.ts';
import { type LessonContent, type LoadedLesson, findLesson } from './content.ts';
import { evaluateExpression } from './expressions.ts';

/** How many of a function's newest invocations a check looks at, at most. */
const CHECK_WINDOW_LIMIT = 200;

/** What the lesson service needs of the Lambda service. */
export interface LessonFunctions {
  /** The live function, or undefined. */
  find(name: string): FunctionDetail | undefined;
  create(name: string, description: string, config: FunctionConfig, files: readonly FunctionFile[]): void;
  replace(name: string, description: string, config: FunctionConfig, files: readonly FunctionFile[]): void;
}

export interface LessonServiceDeps {
  /** The lesson content (loaded lazily; throws if it is broken). */
  content: () => LessonContent;
  store: Pick<Store, 'lessons' | 'quiz' | 'testEvents' | 'invocations' | 'transaction'>;
  functions: LessonFunctions;
  clock: Clock;
  emit: (event: PushEvent) => void;
}

export class LessonService {
  /** Lessons whose functions the service itself is changing: their change events are not re-evaluated. */
  private readonly muted = new Set<string>();
  constructor(private readonly deps: LessonServiceDeps) {}

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private lesson(id: string): LoadedLesson {
    const l = findLesson(this.deps.content(), id);
    if (l === undefined) throw new LabError('not-found', `No lesson ${id}`);
    return l;
  }

  private started(id: string): { lesson: LoadedLesson; progress: LessonProgressRow } {
    const lesson = this.lesson(id);
    const progress = this.deps.store.lessons.get(id);
    if (progress === undefined) throw new LabError('conflict', `The lesson ${lesson.lesson.title} has not been started: start it first`);
    return { lesson, progress };
  }

  // ── overview and views ──

  list(): LessonOverview {
    const all = this.deps.store.lessons.all();
    const best = this.deps.store.quiz.bestLessonScores();
    const lessons: LessonSummary[] = this.deps.content().lessons.map((l) => ({
      id: l.lesson.id,
      order: l.order,
      title: l.lesson.title,
      summary: l.lesson.summary,
      estimatedMinutes: l.lesson.estimatedMinutes,
      examTags: l.lesson.examTags,
      functionNames: l.lesson.functions.map((f) => f.name),
      stepCount: l.lesson.steps.length,
      quizQuestionCount: l.lesson.quiz.length,
      progress: progressOf(l, all.get(l.lesson.id)),
      ...(best.has(l.lesson.id) ? { bestQuizPercent: best.get(l.lesson.id) as number } : {}),
    }));
    const resume = lessons
      .filter((l) => l.progress.status === 'in-progress')
      .sort((a, b) => (b.progress.lastActivityAt ?? '').localeCompare(a.progress.lastActivityAt ?? ''))[0];
    return {
      lessons,
      ...(resume !== undefined ? { resume: { lessonId: resume.id, ...(resume.progress.currentStepId !== undefined ? { stepId: resume.progress.currentStepId } : {}) } } : {}),
    };
  }

  get(id: string): LessonView {
    const lesson = this.lesson(id);
    return this.view(lesson, this.deps.store.lessons.get(id));
  }

  private view(l: LoadedLesson, progress: LessonProgressRow | undefined, reasons: Map<string, string> = new Map()): LessonView {
    const p = progressOf(l, progress);
    const steps: StepView[] = l.lesson.steps.map((s) => {
      const row = progress?.steps.get(s.id);
      const state = row?.completedAt !== undefined ? 'passed' : s.id === p.currentStepId ? 'current' : 'pending';
      const revealed = Math.min(row?.hintsRevealed ?? 0, s.hints.length);
      const reason = reasons.get(s.id);
      return {
        id: s.id,
        title: s.title,
        instructions: s.instructions,
        state,
        ...(row?.completedAt !== undefined ? { completedAt: row.completedAt } : {}),
        hints: s.hints.slice(0, revealed),
        hintCount: s.hints.length,
        ...(s.answer !== undefined ? { answer: { ...s.answer, ...(row?.answer !== undefined ? { lastValue: row.answer } : {}) } } : {}),
        ...(reason !== undefined ? { reason } : {}),
      };
    });
    return {
      id: l.lesson.id,
      order: l.order,
      title: l.lesson.title,
      summary: l.lesson.summary,
      estimatedMinutes: l.lesson.estimatedMinutes,
      examTags: l.lesson.examTags,
      body: l.body,
      functions: l.lesson.functions.map((f) => {
        const config = FunctionConfig.parse(f.config);
        return { name: f.name, runtime: config.runtime, handler: config.handler, description: f.description };
      }),
      steps,
      quizQuestionCount: l.lesson.quiz.length,
      sources: l.lesson.sources,
      progress: p,
    };
  }

  // ── start, reset ──

  /** Starts a lesson (functions from the starter), or continues one already started. */
  start(id: string): LessonView {
    const lesson = this.lesson(id);
    const existing = this.deps.store.lessons.get(id);
    if (existing !== undefined) {
      this.withMuted(id, () => {
        for (const f of lesson.lesson.functions) if (this.deps.functions.find(f.name) === undefined) this.setUpFunction(lesson, f.name);
      });
      this.deps.store.lessons.touch(id, this.now());
      return this.checkedView(lesson);
    }
    return this.restart(lesson);
  }

  /** The view after evaluating the steps now: the current step carries its reason. */
  private checkedView(lesson: LoadedLesson): LessonView {
    const result = this.evaluate(lesson, true);
    const reasons = new Map(result.firstFailing !== undefined ? [[result.firstFailing.stepId, result.firstFailing.reason]] : []);
    return this.view(lesson, this.deps.store.lessons.get(lesson.lesson.id), reasons);
  }

  /** `lesson`: functions back to the starter and progress cleared; `code`: functions only. */
  reset(id: string, scope: 'lesson' | 'code'): LessonView {
    const lesson = this.lesson(id);
    if (scope === 'code' && this.deps.store.lessons.get(id) !== undefined) {
      this.withMuted(id, () => {
        for (const f of lesson.lesson.functions) this.setUpFunction(lesson, f.name);
      });
      this.deps.store.lessons.touch(id, this.now());
      return this.checkedView(lesson);
    }
    return this.restart(lesson);
  }

  private restart(lesson: LoadedLesson): LessonView {
    const id = lesson.lesson.id;
    this.withMuted(id, () => {
      for (const f of lesson.lesson.functions) this.setUpFunction(lesson, f.name);
    });
    this.deps.store.lessons.start(id, this.now(), this.deps.store.invocations.latestSeq());
    return this.checkedView(lesson);
  }

  private withMuted<T>(id: string, fn: () => T): T {
    this.muted.add(id);
    try {
      return fn();
    } finally {
      this.muted.delete(id);
    }
  }

  /** Creates the function from the starter, or puts an existing one back to the starter (code, settings, test events). */
  private setUpFunction(lesson: LoadedLesson, name: string): void {
    const f = lesson.lesson.functions.find((x) => x.name === name);
    if (f === undefined) return;
    const files = lesson.files.get(f.starter) ?? [];
    const config = FunctionConfig.parse(f.config);
    this.deps.store.transaction(() => {
      if (this.deps.functions.find(name) === undefined) this.deps.functions.create(name, f.description, config, files);
      else this.deps.functions.replace(name, f.description, config, files);
      for (const e of f.testEvents) this.deps.store.testEvents.save(name, e.name, JSON.stringify(e.event ?? {}, null, 2));
    });
  }

  // ── checking ──

  check(id: string): LessonCheckResult {
    const { lesson } = this.started(id);
    this.deps.store.lessons.touch(id, this.now());
    return this.evaluate(lesson, true);
  }

  /**
   * Evaluates the steps in order: passed steps stay passed; the first step not passed is checked
   * now (and, if it passes, the next one, …). `announce`: push `lessons:progress` when a step
   * newly passed.
   */
  private evaluate(lesson: LoadedLesson, announce: boolean): LessonCheckResult {
    const id = lesson.lesson.id;
    const repo = this.deps.store.lessons;
    let progress = repo.get(id);
    if (progress === undefined) throw new LabError('conflict', `The lesson ${lesson.lesson.title} has not been started: start it first`);
    const state = this.checkState(id);
    const steps: StepCheckResult[] = [];
    const newlyPassed: string[] = [];
    let firstFailing: { stepId: string; reason: string } | undefined;
    let windowStart = progress.startSeq;
    for (const step of lesson.lesson.steps) {
      const row = progress.steps.get(step.id);
      if (row?.completedAt !== undefined) {
        steps.push({ id: step.id, state: 'passed', completedAt: row.completedAt });
        windowStart = Math.max(windowStart, row.completedSeq ?? windowStart);
        continue;
      }
      if (firstFailing !== undefined) {
        steps.push({ id: step.id, state: 'pending' });
        continue;
      }
      const outcome = evaluateCheck(step.check, state, {
        lessonStartSeq: progress.startSeq,
        stepStartSeq: windowStart,
        lessonStartedAt: progress.startedAt,
        answer: row?.answer,
      });
      if (outcome.pass) {
        const at = this.now();
        const seq = this.deps.store.invocations.latestSeq();
        repo.completeStep(id, step.id, at, seq);
        newlyPassed.push(step.id);
        steps.push({ id: step.id, state: 'passed', completedAt: at });
        windowStart = Math.max(windowStart, seq);
        continue;
      }
      const reason = outcome.reason ?? 'Not yet.';
      firstFailing = { stepId: step.id, reason };
      steps.push({ id: step.id, state: 'current', reason });
    }
    const completed = firstFailing === undefined;
    if (completed && progress.completedAt === undefined) repo.markCompleted(id, this.now());
    if (newlyPassed.length > 0 || completed) progress = repo.get(id) ?? progress;
    const result: LessonCheckResult = {
      lessonId: id,
      steps,
      newlyPassed,
      ...(firstFailing !== undefined ? { firstFailing } : {}),
      completed,
      progress: progressOf(lesson, progress),
    };
    if (announce && newlyPassed.length > 0) {
      this.deps.emit({ type: 'lessons:progress', lessonId: id, newlyPassed, steps, completed, progress: result.progress });
    }
    return result;
  }

  private checkState(lessonId: string): CheckState {
    const cache = new Map<string, SequencedInvocation[]>();
    return {
      getFunction: (name) => this.deps.functions.find(name),
      invocationsAfter: (fn, afterSeq) => {
        const key = `${fn}\u0000${afterSeq}`;
        let rows = cache.get(key);
        if (rows === undefined) {
          rows = this.deps.store.invocations.after(fn, afterSeq, CHECK_WINDOW_LIMIT);
          cache.set(key, rows);
        }
        return rows;
      },
      lessonQuizScoresSince: (since) => this.deps.store.quiz.lessonScoresSince(lessonId, since),
    };
  }

  /**
   * Live check marks: an invocation finished or a function changed. Re-evaluates only the
   * started, unfinished lessons that own that function (cheap: usually one lesson, one step).
   */
  onLabEvent(event: PushEvent): void {
    let fn: string | undefined;
    if (event.type === 'invocation:finished') fn = event.invocation.functionName;
    else if (event.type === 'function:changed') fn = event.function.name;
    if (fn === undefined) return;
    // No lesson active (the usual case): an in-memory check, nothing else happens.
    const active = this.deps.store.lessons.activeLessonIds();
    if (active.length === 0) return;
    let content: LessonContent;
    try {
      content = this.deps.content();
    } catch {
      return; // broken content: the lesson calls report it
    }
    for (const lesson of content.lessons) {
      const id = lesson.lesson.id;
      if (this.muted.has(id) || !active.includes(id)) continue;
      if (!lesson.lesson.functions.some((f) => f.name === fn)) continue;
      this.evaluate(lesson, true);
    }
  }

  /** Called after a lesson quiz was submitted: a `quizPassed` step may pass now. */
  onQuizSubmitted(lessonId: string): void {
    const lesson = findLesson(this.deps.content(), lessonId);
    if (lesson === undefined || this.deps.store.lessons.get(lessonId) === undefined) return;
    this.evaluate(lesson, true);
  }

  // ── hints, answers, solution ──

  revealHint(id: string, stepId: string): { stepId: string; hints: string[]; remaining: number } {
    const { lesson } = this.started(id);
    const step = lesson.lesson.steps.find((s) => s.id === stepId);
    if (step === undefined) throw new LabError('not-found', `The lesson ${id} has no step ${stepId}`);
    const n = this.deps.store.lessons.revealHint(id, stepId, step.hints.length);
    this.deps.store.lessons.touch(id, this.now());
    return { stepId, hints: step.hints.slice(0, n), remaining: step.hints.length - n };
  }

  submitAnswer(id: string, stepId: string, value: number): { stepId: string; correct: boolean; reason?: string; check: LessonCheckResult } {
    const { lesson, progress } = this.started(id);
    const step = lesson.lesson.steps.find((s) => s.id === stepId);
    if (step === undefined) throw new LabError('not-found', `The lesson ${id} has no step ${stepId}`);
    if (step.answer === undefined) throw new LabError('bad-request', `The step "${step.title}" does not take a typed answer`);
    if (!Number.isFinite(value)) throw new LabError('bad-request', 'The answer must be a finite number');
    const before = this.evaluate(lesson, true);
    const mine = before.steps.find((s) => s.id === stepId);
    if (mine?.state === 'pending') {
      const current = before.firstFailing?.stepId ?? '';
      const title = lesson.lesson.steps.find((s) => s.id === current)?.title ?? current;
      throw new LabError('conflict', `Finish the step "${title}" first: steps are done in order`);
    }
    this.deps.store.lessons.setAnswer(id, stepId, value, this.now());
    this.deps.store.lessons.touch(id, this.now());
    if (mine?.state === 'passed') {
      // Already passed: tell whether this new answer would also be right, without changing anything.
      const outcome = evaluateCheck(step.check, this.checkState(id), {
        lessonStartSeq: progress.startSeq,
        stepStartSeq: progress.startSeq,
        lessonStartedAt: progress.startedAt,
        answer: value,
      });
      return { stepId, correct: outcome.pass, ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}), check: before };
    }
    const after = this.evaluate(lesson, true);
    const correct = after.steps.find((s) => s.id === stepId)?.state === 'passed';
    const reason = correct ? undefined : after.firstFailing?.stepId === stepId ? after.firstFailing.reason : undefined;
    return { stepId, correct, ...(reason !== undefined ? { reason } : {}), check: after };
  }

  /** The value an answer step expects now (for `lambda-lab lessons verify`), or undefined. */
  expectedAnswer(id: string, stepId: string): number | undefined {
    const { lesson, progress } = this.started(id);
    const step = lesson.lesson.steps.find((s) => s.id === stepId);
    if (step === undefined) return undefined;
    const expr = findAnswerExpression(step.check);
    if (expr === undefined) return undefined;
    const v = evaluateExpression(expr, this.deps.store.invocations.after(expr.function, progress.startSeq, CHECK_WINDOW_LIMIT));
    return v.ok ? v.value : undefined;
  }

  showSolution(id: string): SolutionView {
    const lesson = this.lesson(id);
    if (this.deps.store.lessons.get(id) !== undefined) {
      this.deps.store.lessons.markSolutionShown(id, this.now());
      this.deps.store.lessons.touch(id, this.now());
    }
    const first = lesson.lesson.functions[0]?.name ?? '';
    const configs = new Map<string, FunctionConfigChanges>(lesson.lesson.functions.map((f) => [f.name, { ...f.config }]));
    for (const a of lesson.lesson.verify.solution) {
      if (a.updateConfig !== undefined) {
        const name = a.updateConfig.function ?? first;
        configs.set(name, { ...configs.get(name), ...a.updateConfig.config });
      }
    }
    return {
      lessonId: id,
      functions: lesson.lesson.functions.map((f) => ({
        name: f.name,
        files: lesson.files.get(f.solution) ?? [],
        config: configs.get(f.name) ?? {},
      })),
      walkthrough: lesson.lesson.verify.solution.map((a) => describeAction(a, first, lesson)),
    };
  }
}

function progressOf(l: LoadedLesson, row: LessonProgressRow | undefined): LessonProgress {
  const total = l.lesson.steps.length;
  if (row === undefined) return { status: 'not-started', completedSteps: 0, totalSteps: total, solutionShown: false };
  const done = l.lesson.steps.filter((s) => row.steps.get(s.id)?.completedAt !== undefined).length;
  const current = l.lesson.steps.find((s) => row.steps.get(s.id)?.completedAt === undefined);
  const completed = row.completedAt !== undefined || current === undefined;
  return {
    status: completed ? 'completed' : 'in-progress',
    startedAt: row.startedAt,
    ...(row.completedAt !== undefined ? { completedAt: row.completedAt } : {}),
    lastActivityAt: row.lastActivityAt,
    ...(current !== undefined ? { currentStepId: current.id } : {}),
    completedSteps: done,
    totalSteps: total,
    solutionShown: row.solutionShownAt !== undefined,
  };
}

function findAnswerExpression(check: LoadedLesson['lesson']['steps'][number]['check']): Extract<typeof check, { kind: 'answerEquals' }>['expected'] | undefined {
  if (check.kind === 'answerEquals') return check.expected;
  if (check.kind === 'all' || check.kind === 'any') {
    for (const c of check.checks) {
      const e = findAnswerExpression(c);
      if (e !== undefined) return e;
    }
  }
  if (check.kind === 'not') return findAnswerExpression(check.check);
  return undefined;
}

/** A solution action as a sentence for the walkthrough. */
function describeAction(a: VerifyAction, first: string, lesson: LoadedLesson): string {
  const fn = (name: string | undefined): string => `\`${name ?? first}\``;
  if (a.invoke !== undefined) {
    const times = a.invoke.times > 1 ? ` ${a.invoke.times} times` : '';
    return `Invoke ${fn(a.invoke.function)}${times} with the event \`${JSON.stringify(a.invoke.event ?? {})}\`.`;
  }
  if (a.updateConfig !== undefined) {
    const parts = Object.entries(a.updateConfig.config).map(([k, v]) => `${k} = ${JSON.stringify(v)}`);
    return `Change the settings of ${fn(a.updateConfig.function)}: ${parts.join(', ')}.`;
  }
  if (a.useFiles !== undefined) {
    const files = (lesson.files.get(a.useFiles.from) ?? []).map((f) => `\`${f.path}\``).join(', ');
    const which = a.useFiles.from === 'solution' ? 'the solution code' : `the code of \`${a.useFiles.from}\``;
    return `Replace the code of ${fn(a.useFiles.function)} with ${which} (${files}).`;
  }
  if (a.submitAnswer !== undefined) {
    const step = lesson.lesson.steps.find((s) => s.id === a.submitAnswer?.step);
    return `Work out and submit the answer for "${step?.title ?? a.submitAnswer.step}".`;
  }
  if (a.takeQuiz !== undefined) return 'Take the lesson quiz.';
  return '';
}

// Lessons: the content format (lessons/<nn>-<id>/lesson.yaml, validated here) and what the
// engine sends about lessons and progress. lessons/README.md documents the format for authors.
import { z } from 'zod';
import { Check } from './checks.ts';
import { FunctionConfigChanges, FunctionFile, FunctionName, Runtime } from './functions.ts';
import { QuestionId, Source } from './quiz.ts';
import { TestEventName } from './test-events.ts';

export const LessonId = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A lesson id is lowercase words joined by hyphens, e.g. cold-starts');
export type LessonId = z.infer<typeof LessonId>;

export const StepId = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A step id is lowercase words joined by hyphens, e.g. hit-the-timeout');
export type StepId = z.infer<typeof StepId>;

export const ExamTag = z.string().regex(/^(DVA-C02|SAA-C03|CLF-C02):[1-4]\.[1-9]$/, 'An exam tag is an exam task such as DVA-C02:1.2');

/** A folder of the lesson holding a function's files (relative, e.g. `starter`, `solution`, `snapshots/fixed`). */
const LessonDir = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/, 'A files folder is a relative path of lowercase words, e.g. solution or snapshots/fixed-handler');

/** A function the lesson creates (or resets) in the student's lab when it starts. */
export const LessonFunction = z
  .object({
    name: FunctionName,
    description: z.string().max(256).default(''),
    /** Settings of the starter (missing ones take Lambda's defaults: 128 MB, 3 s, nodejs24.x, index.handler). */
    config: FunctionConfigChanges.default({}),
    /** Folder with the starter files. */
    starter: LessonDir.default('starter'),
    /** Folder with the reference solution's files (shown by "show solution"). */
    solution: LessonDir.default('solution'),
    /** Saved as the function's test events when the lesson starts; `event` is any JSON value. */
    testEvents: z.array(z.object({ name: TestEventName, event: z.unknown() }).strict()).default([]),
  })
  .strict();
export type LessonFunction = z.infer<typeof LessonFunction>;

/** A step whose check compares a number the student types (`answerEquals`) describes the input. */
export const AnswerPrompt = z
  .object({
    /** The question next to the input, e.g. "Billed Duration of your last invocation". */
    label: z.string().min(1).max(200),
    /** Shown after the input, e.g. `ms`, `USD`, `GB-s`. */
    unit: z.string().max(20).optional(),
    placeholder: z.string().max(60).optional(),
  })
  .strict();

export const LessonStep = z
  .object({
    id: StepId,
    title: z.string().min(3).max(120),
    /** Markdown: what to do in this step. */
    instructions: z.string().min(10),
    check: Check,
    /** Revealed one at a time (`lessons:reveal-hint`). */
    hints: z.array(z.string().min(5)).min(1).max(6),
    /** Present when the check is (or contains) `answerEquals`: the student types a number. */
    answer: AnswerPrompt.optional(),
  })
  .strict();
export type LessonStep = z.infer<typeof LessonStep>;

/**
 * One hands-on action of a scripted run (`lambda-lab lessons verify`): what a student would do in
 * the UI. Exactly one key per action. `function` defaults to the lesson's first function.
 */
export const VerifyAction = z
  .object({
    /** Invoke with this event (any JSON; default {}), `times` times in a row (default 1). */
    invoke: z
      .object({ function: FunctionName.optional(), event: z.unknown().optional(), times: z.number().int().min(1).max(20).default(1) })
      .strict()
      .optional(),
    /** Change settings (functions:update-config). */
    updateConfig: z.object({ function: FunctionName.optional(), config: FunctionConfigChanges }).strict().optional(),
    /** Replace the function's code with the files of a lesson folder (`solution`, `snapshots/…`). */
    useFiles: z.object({ function: FunctionName.optional(), from: LessonDir }).strict().optional(),
    /** Type an answer into a step: a number, or `expected: true` for the value the engine expects. */
    submitAnswer: z
      .object({ step: StepId, value: z.number().optional(), expected: z.literal(true).optional() })
      .strict()
      .refine((a) => (a.value === undefined) !== (a.expected === undefined), { message: 'Give value or expected: true' })
      .optional(),
    /** Take the lesson's quiz and submit it: all answers right, or all wrong. */
    takeQuiz: z.object({ allCorrect: z.boolean() }).strict().optional(),
  })
  .strict()
  .refine((a) => Object.values(a).filter((v) => v !== undefined).length === 1, {
    message: 'An action has exactly one of invoke, updateConfig, useFiles, submitAnswer, takeQuiz',
  });
export type VerifyAction = z.infer<typeof VerifyAction>;

/** lessons/<nn>-<id>/lesson.yaml */
export const LessonFile = z
  .object({
    id: LessonId,
    title: z.string().min(3).max(100),
    /** One or two sentences for the overview. */
    summary: z.string().min(10).max(400),
    estimatedMinutes: z.number().int().min(1).max(240),
    examTags: z.array(ExamTag).min(1),
    /** The lesson's text: a Markdown file in the lesson folder. */
    body: z.string().regex(/^[a-z0-9-]+\.md$/, 'The body is a .md file in the lesson folder').default('lesson.md'),
    functions: z.array(LessonFunction).min(1).max(4),
    steps: z.array(LessonStep).min(1).max(12),
    /** The end-of-lesson quiz: question ids of the bank. */
    quiz: z.array(QuestionId).min(3).max(15),
    sources: z.array(Source).min(1),
    /**
     * Scripted runs for `lambda-lab lessons verify`: `starter` shows the starter does NOT pass every
     * step; `solution` (from a fresh start) must pass every step.
     */
    verify: z
      .object({
        starter: z.array(VerifyAction).default([]),
        solution: z.array(VerifyAction).min(1),
      })
      .strict(),
  })
  .strict();
export type LessonFile = z.infer<typeof LessonFile>;
export type LessonFileInput = z.input<typeof LessonFile>;

// ── what the engine sends ───────────────────────────────────────────────────────────────────

export const LessonStatus = z.enum(['not-started', 'in-progress', 'completed']);
export type LessonStatus = z.infer<typeof LessonStatus>;

/**
 * Steps are checked in order. `passed`: done (it stays passed); `current`: the first step not
 * passed yet (when its check was just evaluated and fails, `reason` says why); `pending`: after
 * the current step, not checked yet.
 */
export const StepState = z.enum(['passed', 'current', 'pending']);
export type StepState = z.infer<typeof StepState>;

export const LessonProgress = z.object({
  status: LessonStatus,
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  /** Last time the student did something in the lesson (for "continue where you left off"). */
  lastActivityAt: z.string().optional(),
  /** The first step not passed yet (absent when not started or completed). */
  currentStepId: z.string().optional(),
  completedSteps: z.number().int(),
  totalSteps: z.number().int(),
  solutionShown: z.boolean(),
});
export type LessonProgress = z.infer<typeof LessonProgress>;

export const LessonSummary = z.object({
  id: LessonId,
  /** 1, 2, 3 … (the folder's number). */
  order: z.number().int(),
  title: z.string(),
  summary: z.string(),
  estimatedMinutes: z.number(),
  examTags: z.array(z.string()),
  /** The functions the lesson creates (starting a lesson replaces functions with these names). */
  functionNames: z.array(z.string()),
  stepCount: z.number().int(),
  quizQuestionCount: z.number().int(),
  progress: LessonProgress,
  /** Best score of the lesson's quiz, if taken. */
  bestQuizPercent: z.number().optional(),
});
export type LessonSummary = z.infer<typeof LessonSummary>;

export const LessonOverview = z.object({
  lessons: z.array(LessonSummary),
  /** The in-progress lesson touched last: where to continue. */
  resume: z.object({ lessonId: LessonId, stepId: z.string().optional() }).optional(),
});
export type LessonOverview = z.infer<typeof LessonOverview>;

export const StepView = z.object({
  id: StepId,
  title: z.string(),
  /** Markdown. */
  instructions: z.string(),
  state: StepState,
  completedAt: z.string().optional(),
  /** Hints revealed so far (in order); the rest stay hidden until `lessons:reveal-hint`. */
  hints: z.array(z.string()),
  hintCount: z.number().int(),
  /** For steps where the student types a number. */
  answer: AnswerPrompt.extend({ lastValue: z.number().optional() }).optional(),
  /** Why the current step does not pass yet (set by `lessons:start` and `lessons:reset`, which check; `lessons:get` does not). */
  reason: z.string().optional(),
});
export type StepView = z.infer<typeof StepView>;

export const LessonView = z.object({
  id: LessonId,
  order: z.number().int(),
  title: z.string(),
  summary: z.string(),
  estimatedMinutes: z.number(),
  examTags: z.array(z.string()),
  /** Markdown (the lesson's text). */
  body: z.string(),
  functions: z.array(z.object({ name: FunctionName, runtime: Runtime, handler: z.string(), description: z.string() })),
  steps: z.array(StepView),
  quizQuestionCount: z.number().int(),
  sources: z.array(Source),
  progress: LessonProgress,
});
export type LessonView = z.infer<typeof LessonView>;

export const StepCheckResult = z.object({
  id: StepId,
  state: StepState,
  completedAt: z.string().optional(),
  /** Learner-facing reason, for the first step that does not pass. */
  reason: z.string().optional(),
});
export type StepCheckResult = z.infer<typeof StepCheckResult>;

export const LessonCheckResult = z.object({
  lessonId: LessonId,
  steps: z.array(StepCheckResult),
  /** Steps that passed for the first time during this evaluation. */
  newlyPassed: z.array(StepId),
  /** The first step that does not pass, with its reason. */
  firstFailing: z.object({ stepId: StepId, reason: z.string() }).optional(),
  completed: z.boolean(),
  progress: LessonProgress,
});
export type LessonCheckResult = z.infer<typeof LessonCheckResult>;

export const SolutionView = z.object({
  lessonId: LessonId,
  functions: z.array(z.object({
    name: FunctionName,
    /** The reference solution's files. */
    files: z.array(FunctionFile),
    /** The function's settings at the end of the reference solution. */
    config: FunctionConfigChanges,
  })),
  /** What the reference solution does, in order (Markdown sentences). */
  walkthrough: z.array(z.string()),
});
export type SolutionView = z.infer<typeof SolutionView>;


import { z } from 'zod';
import { Blueprint, BlueprintId } from './blueprints.ts';
import { EventTemplateInfo, RenderedEvent } from './event-templates.ts';
import {
  DeletedFunction, FunctionArchive, FunctionArchiveFormat, FunctionConfigChanges, FunctionDescription, FunctionDetail,
  FunctionFile, FunctionName, FunctionSummary, ImportedFunction,
} from './functions.ts';
import { InvocationListItem, InvocationRecord, invocationFilterShape } from './invocations.ts';
import { LessonCheckResult, LessonId, LessonOverview, LessonView, SolutionView, StepId } from './lessons.ts';
import { MAX_FUNCTION_FILES, RUNTIMES, ZIP_UPLOAD_BYTES } from './limits.ts';
import { ExamId, ExamInfo, PRACTICE_LENGTHS, QuizAttempt, QuizAttemptSummary, QuizMode } from './quiz.ts';
import { TestEvent, TestEventContent, TestEventName } from './test-events.ts';

const FunctionFiles = z
  .array(FunctionFile)
  .min(1, 'A function needs at least one file')
  .max(MAX_FUNCTION_FILES, `A function may have at most ${MAX_FUNCTION_FILES} files in the lab`);
/** A zip archive as base64 text: up to Lambda's 50 MB upload limit (before base64). */
const ZipBase64 = z.string().min(1, 'The archive is empty').max(Math.ceil(ZIP_UPLOAD_BYTES / 3) * 4 + 4, 'A zip archive may be at most 50 MB (Lambda\'s limit for a direct upload)');
const FileName = z.string().min(1, 'File name must not be empty').max(255, 'File name must be at most 255 characters');
const RequestId = z.string().min(1).max(64);
const AttemptId = z.string().min(1).max(64);

/**
 * THE contract: every call the UI (or any client) can make to the engine, declared once.
 * The host's router and the renderer's client are both derived from this object.
 * Names follow `domain:verb-noun`.
 */
export const contract = {
  'lab:get-info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      runtimes: z.array(z.enum(RUNTIMES)),
      /** Highest isolate heap this machine gives a function, whatever its memory setting. */
      memoryCapMB: z.number(),
    }),
  },

  // ── functions ────────────────────────────────────────────────────────────────────────────
  'functions:list': {
    input: z.object({
      /** Case-insensitive text to look for in the name or description; absent or blank lists all. */
      query: z.string().max(256).optional(),
    }),
    /** Sorted by name (case-insensitive). Deleted functions are not listed, not even during their undo window. */
    output: z.array(FunctionSummary),
  },
  'functions:get': {
    input: z.object({ name: FunctionName }),
    output: FunctionDetail,
  },
  'functions:create': {
    input: z.object({
      name: FunctionName,
      /** Defaults to the blueprint's title, or '' for a blank function. */
      description: FunctionDescription.optional(),
      /** Settings that differ from Lambda's defaults (or from the blueprint's runtime and handler). */
      config: FunctionConfigChanges.default({}),
      /** The code. Give `files` or `blueprint`, not both; with neither, the function starts as the console's "Author from scratch" code. */
      files: FunctionFiles.optional(),
      /** Start from a blueprint: its files, runtime and handler, and its sample event saved as a test event. */
      blueprint: BlueprintId.optional(),
    }),
    output: FunctionDetail,
  },
  'functions:save-code': {
    input: z.object({
      name: FunctionName,
      files: FunctionFiles,
    }),
    output: FunctionDetail,
  },
  'functions:update-config': {
    input: z.object({
      name: FunctionName,
      /** Only the settings to change; the rest keep their values. A settings change starts new (cold) environments. */
      config: FunctionConfigChanges.default({}),
      /** A new description (does not start new environments). */
      description: FunctionDescription.optional(),
    }),
    output: FunctionDetail,
  },
  'functions:rename': {
    /** Code, settings, test events and invocation history move to the new name; environments start cold. */
    input: z.object({ name: FunctionName, newName: FunctionName }),
    output: FunctionDetail,
  },
  'functions:duplicate': {
    /** A copy with code, settings, description and test events (not the history). */
    input: z.object({ name: FunctionName, newName: FunctionName }),
    output: FunctionDetail,
  },
  'functions:delete': {
    /** Soft delete: `functions:restore` brings it back until `restorableUntil`; its history always stays. */
    input: z.object({ name: FunctionName }),
    output: DeletedFunction,
  },
  'functions:restore': {
    input: z.object({ name: FunctionName }),
    output: FunctionDetail,
  },
  'functions:export': {
    input: z.object({ name: FunctionName, format: FunctionArchiveFormat }),
    output: FunctionArchive,
  },
  'functions:import': {
    input: z.object({
      /** The archive's file name; a plain zip's function name comes from it (`my-fn.zip` → `my-fn`). */
      fileName: FileName,
      base64: ZipBase64,
      /** The new function's name; defaults to the template's FunctionName (or logical id) or the zip's name. */
      name: FunctionName.optional(),
    }),
    output: ImportedFunction,
  },

  // ── blueprints ───────────────────────────────────────────────────────────────────────────
  'blueprints:list': {
    input: z.object({}),
    output: z.array(Blueprint),
  },

  // ── test events (saved per function) ─────────────────────────────────────────────────────
  'test-events:list': {
    input: z.object({ functionName: FunctionName }),
    /** Sorted by name (case-insensitive). */
    output: z.array(TestEvent),
  },
  'test-events:save': {
    /** Creates the event, or replaces the content of the event with this name. The content must be valid JSON. */
    input: z.object({ functionName: FunctionName, name: TestEventName, content: TestEventContent }),
    output: TestEvent,
  },
  'test-events:rename': {
    input: z.object({ functionName: FunctionName, name: TestEventName, newName: TestEventName }),
    output: TestEvent,
  },
  'test-events:delete': {
    input: z.object({ functionName: FunctionName, name: TestEventName }),
    output: z.object({ name: TestEventName }),
  },
  'test-events:export': {
    input: z.object({ functionName: FunctionName, name: TestEventName }),
    /** The file to offer for download: `<name>.json` holding the event's JSON text exactly as saved. */
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  'test-events:import': {
    input: z.object({
      functionName: FunctionName,
      /** The file's name; the event name comes from it (`order.json` → `order`) unless `name` is given. */
      fileName: FileName,
      /** The file's text; it must be JSON (a leading byte order mark is dropped). */
      content: TestEventContent,
      name: TestEventName.optional(),
      /** Replace an existing event of that name instead of answering `conflict`. */
      replace: z.boolean().default(false),
    }),
    output: TestEvent,
  },

  // ── event templates (the SAM CLI's sample events) ────────────────────────────────────────
  'event-templates:list': {
    input: z.object({}),
    /** All 68 event types, sorted by service then type. */
    output: z.array(EventTemplateInfo),
  },
  'event-templates:render': {
    input: z.object({
      service: z.string().min(1).max(64),
      type: z.string().min(1).max(128),
      /** Parameter values by parameter `name`; missing ones take their defaults. Values are plain text (encoding is applied by the engine). */
      values: z.record(z.string(), z.string().max(1_048_576)).default({}),
      /** Stamp fresh ids and the current time into the template's id and time fields (default true); false renders exactly like `sam local generate-event`. */
      fresh: z.boolean().default(true),
    }),
    output: RenderedEvent,
  },

  // ── invoke and history ───────────────────────────────────────────────────────────────────
  'invoke:run': {
    input: z.object({
      functionName: FunctionName,
      /** The event as JSON text, exactly as typed; the engine checks that it parses. */
      event: z.string(),
    }),
    output: InvocationRecord,
  },
  'invocations:list': {
    input: z.object({
      ...invocationFilterShape,
      limit: z.number().int().min(1).max(1000).default(100),
      /** Return invocations older than this cursor (the `seq` of the last row seen): keyset pagination. */
      beforeSeq: z.number().int().optional(),
    }),
    /** Newest first (by `seq`). */
    output: z.array(InvocationListItem),
  },
  'invocations:count': {
    /** How many invocations match the same filters as `invocations:list` (for a virtual list's height). */
    input: z.object(invocationFilterShape),
    output: z.object({ count: z.number().int() }),
  },
  'invocations:get': {
    input: z.object({ requestId: RequestId }),
    output: InvocationRecord,
  },
  'invocations:rerun': {
    /** Invokes the function again with the stored event of that invocation (a new invocation is recorded). */
    input: z.object({ requestId: RequestId }),
    output: InvocationRecord,
  },

  // ── lessons (content in lessons/, progress in SQLite) ───────────────────────────────────────
  'lessons:list': {
    input: z.object({}),
    /** Every lesson in order with the student's progress, and the lesson to continue. */
    output: LessonOverview,
  },
  'lessons:get': {
    /** The lesson's text and steps; hints only as far as revealed; never the solution. */
    input: z.object({ id: LessonId }),
    output: LessonView,
  },
  'lessons:start': {
    /**
     * Starts the lesson: creates its functions from the starter (replacing functions of the same
     * name) and records the start; only invocations from now on count. A lesson already started is
     * continued as it is (its functions are re-created from the starter only if they were deleted).
     */
    input: z.object({ id: LessonId }),
    output: LessonView,
  },
  'lessons:check': {
    /** Evaluates the steps in order now, records newly passed ones, and says why the first failing step fails. */
    input: z.object({ id: LessonId }),
    output: LessonCheckResult,
  },
  'lessons:reveal-hint': {
    /** Reveals the step's next hint; answers all hints revealed so far. */
    input: z.object({ id: LessonId, stepId: StepId }),
    output: z.object({ stepId: StepId, hints: z.array(z.string()), remaining: z.number().int() }),
  },
  'lessons:show-solution': {
    /** The reference solution (files, final settings, walkthrough); records that it was shown. The UI confirms first. */
    input: z.object({ id: LessonId, confirm: z.literal(true, { error: 'Showing the solution needs confirm: true' }) }),
    output: SolutionView,
  },
  'lessons:reset': {
    /**
     * Puts the lesson's functions back to the starter. `lesson` (default) also clears the
     * progress (steps, hints, answers, solution shown) and restarts the clock: only invocations
     * from now on count. `code` keeps the progress.
     */
    input: z.object({ id: LessonId, scope: z.enum(['lesson', 'code']).default('lesson') }),
    output: LessonView,
  },
  'lessons:submit-answer': {
    /** The number the student typed for a step with an answer input; checked at once against lab state. */
    input: z.object({ id: LessonId, stepId: StepId, value: z.number({ error: 'The answer must be a number' }) }),
    output: z.object({
      stepId: StepId,
      correct: z.boolean(),
      /** Why the answer is not accepted (learner-facing). */
      reason: z.string().optional(),
      check: LessonCheckResult,
    }),
  },

  // ── quiz (bank in lessons/quiz/) ─────────────────────────────────────────────────────────
  'quiz:list-exams': {
    input: z.object({}),
    output: z.array(ExamInfo),
  },
  'quiz:start': {
    /**
     * `lesson`: the lesson's end quiz (lessonId). `practice`: a practice exam (exam, length 10, 20
     * or 65); timeLimitMinutes defaults to the real exam's pace, null means untimed. Questions
     * due in the missed-questions queue come first (up to half). Questions and choices are
     * shuffled per attempt; no correct answers are sent before submit.
     */
    input: z
      .object({
        mode: QuizMode,
        lessonId: LessonId.optional(),
        exam: ExamId.optional(),
        length: z.literal(PRACTICE_LENGTHS, { error: 'length is 10, 20 or 65' }).optional(),
        timeLimitMinutes: z.number().int().min(1).max(300).nullable().optional(),
      })
      .superRefine((v, ctx) => {
        if (v.mode === 'lesson' && v.lessonId === undefined) ctx.addIssue({ code: 'custom', path: ['lessonId'], message: 'A lesson quiz needs lessonId' });
        if (v.mode === 'practice' && v.exam === undefined) ctx.addIssue({ code: 'custom', path: ['exam'], message: 'A practice exam needs exam (DVA-C02, SAA-C03 or CLF-C02)' });
        if (v.mode === 'practice' && v.length === undefined) ctx.addIssue({ code: 'custom', path: ['length'], message: 'A practice exam needs length (10, 20 or 65)' });
      }),
    output: QuizAttempt,
  },
  'quiz:answer': {
    /** Sets the answer of one question (choice letters of this attempt; [] clears it). After the time limit the attempt is submitted and this answers `conflict`. */
    input: z.object({ attemptId: AttemptId, questionId: z.string().min(1).max(80), choiceIds: z.array(z.string().max(2)).max(8) }),
    output: QuizAttempt,
  },
  'quiz:flag': {
    /** Flags a question for review (or clears the flag). */
    input: z.object({ attemptId: AttemptId, questionId: z.string().min(1).max(80), flagged: z.boolean() }),
    output: QuizAttempt,
  },
  'quiz:submit': {
    /** Scores the attempt: report by domain, explanations and sources for review; missed questions join the queue. */
    input: z.object({ attemptId: AttemptId }),
    output: QuizAttempt,
  },
  'quiz:get-attempt': {
    /** An attempt as it is now (submitted automatically if its time is up). */
    input: z.object({ attemptId: AttemptId }),
    output: QuizAttempt,
  },
  'quiz:list-attempts': {
    /** The history of attempts, newest first. */
    input: z.object({
      mode: QuizMode.optional(),
      exam: ExamId.optional(),
      lessonId: LessonId.optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.array(QuizAttemptSummary),
  },
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;
export type ParsedCallInput<N extends CallName> = z.output<Contract[N]['input']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}

/** An object with one async method per call: what the engine implements and what the client offers. */
export type LabApi = { [N in CallName]: (input: ParsedCallInput<N>) => Promise<CallOutput<N>> };
export type LabClientApi = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

/** HTTP route of a call: `POST /api/<name>`. */
export const callPath = (name: CallName): string => `/api/${name}`;
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-lab-token';

// The check API: a small declarative language in which a lesson step says what must be true of
// the lab for the step to pass. Checks are data (lesson.yaml), never code; the engine evaluates
// them against lab state (sandbox/service/lessons/check-evaluator.ts), never against the UI.
// lessons/README.md documents the same language for authors, with examples.
import { z } from 'zod';
import { FunctionName } from './functions.ts';
import { RUNTIMES } from './limits.ts';

/** A regular expression given as text (JavaScript syntax, no slashes); it must compile. */
export const RegexText = z
  .string()
  .min(1, 'A pattern must not be empty')
  .max(500)
  .refine((s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  }, { message: 'Not a valid regular expression (JavaScript syntax, u flag)' });

/**
 * A comparison with a number: give one or more of `eq`, `ne`, `gt`, `gte`, `lt`, `lte`; all must
 * hold. Example: `{ gte: 250 }`, `{ gt: 0, lte: 50 }`.
 */
export const NumberTest = z
  .object({
    eq: z.number().optional(),
    ne: z.number().optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
  })
  .strict()
  .refine((t) => Object.values(t).some((v) => v !== undefined), { message: 'Give at least one of eq, ne, gt, gte, lt, lte' });
export type NumberTest = z.infer<typeof NumberTest>;

/**
 * Which invocations a check looks at:
 * - `step` (default): those recorded after the previous step was completed (for the first step:
 *   after the lesson was started or reset);
 * - `lesson`: all those recorded since the lesson was started or reset.
 * Invocations from before the lesson started never count.
 */
export const CheckWindow = z.enum(['step', 'lesson']);
export type CheckWindow = z.infer<typeof CheckWindow>;

/**
 * What one invocation must look like. Every field given must hold (AND); absent fields are not
 * tested. JSON values are compared as parsed JSON (key order does not matter).
 */
export const invocationMatchShape = {
  /** `success`, `error` or `timeout` (the REPORT line's Status). */
  status: z.enum(['success', 'error', 'timeout']).optional(),
  /** The error's `errorType`, e.g. `Runtime.HandlerNotFound`, `TypeError`, `Sandbox.Timedout`, `Runtime.OutOfMemory`. */
  errorType: z.string().min(1).optional(),
  /** A regular expression the error's `errorMessage` must match. */
  errorMessageMatches: RegexText.optional(),
  /** true: the invocation had a cold start (INIT ran); false: it was warm. */
  coldStart: z.boolean().optional(),
  /** The runtime the invocation ran on. */
  runtime: z.enum(RUNTIMES).optional(),
  /** The response (parsed JSON) deep-equals this value. */
  responseEquals: z.unknown().optional(),
  /** The response contains this value: objects match when every key given matches (recursively); arrays and scalars must be equal. */
  responseIncludes: z.unknown().optional(),
  /** A regular expression the response's JSON text must match. */
  responseMatches: RegexText.optional(),
  /** true: the response's JSON text contains the invocation's own request id (`context.awsRequestId`). */
  responseHasRequestId: z.boolean().optional(),
  /** The event the function received contains this value (same rule as `responseIncludes`). */
  eventIncludes: z.unknown().optional(),
  /** The invocation's log (START … REPORT) contains this text. */
  logContains: z.string().min(1).optional(),
  /** A regular expression (multiline) the invocation's log must match. */
  logMatches: RegexText.optional(),
  durationMs: NumberTest.optional(),
  /** Tested only on cold starts: a warm invocation has no Init Duration and never matches. */
  initDurationMs: NumberTest.optional(),
  billedDurationMs: NumberTest.optional(),
  maxMemoryUsedMB: NumberTest.optional(),
  memorySizeMB: NumberTest.optional(),
};
export const InvocationMatch = z.object(invocationMatchShape).strict();
export type InvocationMatch = z.infer<typeof InvocationMatch>;

/** Every check may carry a learner-facing message shown instead of the generated reason when it fails. */
const base = {
  message: z.string().min(1).max(500).optional(),
};
const target = { function: FunctionName };

/** Function settings a `config` check can read. */
export const CONFIG_FIELDS = [
  'runtime', 'handler', 'memorySizeMB', 'timeoutSeconds', 'architecture', 'ephemeralStorageMB', 'logFormat',
  'applicationLogLevel', 'systemLogLevel',
] as const;
export const NUMERIC_CONFIG_FIELDS: readonly string[] = ['memorySizeMB', 'timeoutSeconds', 'ephemeralStorageMB'];
export const ConfigOp = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in']);

/** Fields of one invocation an answer can be compared with. */
export const INVOCATION_FIELDS = ['billedDurationMs', 'durationMs', 'initDurationMs', 'maxMemoryUsedMB', 'memorySizeMB', 'costUsd'] as const;

/**
 * A number computed from lab state, which a student's typed answer (`lessons:submit-answer`) is
 * compared with. Only invocations since the lesson was started count.
 */
export const Expression = z.discriminatedUnion('kind', [
  /** One field of one invocation: the last one, the last cold start, or the last warm invocation. */
  z.object({
    kind: z.literal('invocationField'),
    ...target,
    which: z.enum(['last', 'lastColdStart', 'lastWarm']).default('last'),
    field: z.enum(INVOCATION_FIELDS),
  }).strict(),
  /**
   * The sum over the last `last` invocations of a field; `gbSeconds` is memory (GB) × billed
   * duration (s) per invocation, `costUsd` the lab's own bill (requests + duration).
   */
  z.object({
    kind: z.literal('sumOfInvocations'),
    ...target,
    last: z.number().int().min(1).max(100),
    field: z.enum(['billedDurationMs', 'durationMs', 'gbSeconds', 'costUsd']),
  }).strict(),
  /** The last invocation's billed duration under the rules before Dec 2020: Duration rounded up to 100 ms, INIT not billed. */
  z.object({ kind: z.literal('billedDurationMs2019'), ...target }).strict(),
  /**
   * What `invocationsPerMonth` invocations like the last one cost in a month (USD, x86/arm64 first
   * tier), with or without the monthly free tier (1 million requests and 400,000 GB-seconds).
   */
  z.object({
    kind: z.literal('monthlyCost'),
    ...target,
    invocationsPerMonth: z.number().int().min(1).max(10_000_000_000),
    freeTier: z.boolean(),
  }).strict(),
]);
export type Expression = z.infer<typeof Expression>;

/** How close an answer must be: |answer − expected| ≤ max(absolute, relative × |expected|). Default: exact. */
export const Tolerance = z
  .object({
    absolute: z.number().min(0).optional(),
    relative: z.number().min(0).max(1).optional(),
  })
  .strict();
export type Tolerance = z.infer<typeof Tolerance>;

const LastInvocationCheck = z.object({
  kind: z.literal('lastInvocation'),
  ...base,
  ...target,
  since: CheckWindow.default('step'),
  ...invocationMatchShape,
}).strict();
const AnyInvocationCheck = z.object({
  kind: z.literal('anyInvocation'),
  ...base,
  ...target,
  since: CheckWindow.default('step'),
  ...invocationMatchShape,
}).strict();
const InvocationCountCheck = z.object({
  kind: z.literal('invocationCount'),
  ...base,
  ...target,
  since: CheckWindow.default('step'),
  where: InvocationMatch.default({}),
  count: NumberTest,
}).strict();
const InvocationSequenceCheck = z.object({
  kind: z.literal('invocationSequence'),
  ...base,
  ...target,
  since: CheckWindow.default('step'),
  sequence: z.array(InvocationMatch).min(2).max(10),
  /** All invocations of the sequence ran in the same execution environment (default true). */
  sameEnvironment: z.boolean().default(true),
  /** The invocations follow each other with no other invocation of the function between (default true). */
  consecutive: z.boolean().default(true),
}).strict();
const ConfigCheck = z.object({
  kind: z.literal('config'),
  ...base,
  ...target,
  field: z.enum(CONFIG_FIELDS),
  op: ConfigOp.default('eq'),
  /** A number or text; an array with `in`. */
  value: z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()])).min(1)]),
}).strict();
const FileExistsCheck = z.object({
  kind: z.literal('fileExists'),
  ...base,
  ...target,
  /** The exact path, e.g. `lib/format.mjs`. */
  path: z.string().min(1).optional(),
  /** Or a regular expression over paths, e.g. `\\.ts$`. */
  pathMatches: RegexText.optional(),
  /** How many files must match (default: at least one). */
  count: NumberTest.default({ gte: 1 }),
}).strict();
const FileContainsCheck = z.object({
  kind: z.literal('fileContains'),
  ...base,
  ...target,
  path: z.string().min(1),
  text: z.string().min(1),
}).strict();
const CodeMatchesCheck = z.object({
  kind: z.literal('codeMatches'),
  ...base,
  ...target,
  /** Only this file (default: any file of the function). */
  path: z.string().min(1).optional(),
  pattern: RegexText,
  /** true: the check passes when NO file matches. */
  negate: z.boolean().default(false),
}).strict();
const AnswerEqualsCheck = z.object({
  kind: z.literal('answerEquals'),
  ...base,
  /** The value the step's typed answer is compared with (computed from lab state at check time). */
  expected: Expression,
  tolerance: Tolerance.default({}),
}).strict();
const QuizPassedCheck = z.object({
  kind: z.literal('quizPassed'),
  ...base,
  /** The lesson's end quiz was submitted since the lesson started, with at least this score. */
  minScorePercent: z.number().min(0).max(100).default(70),
}).strict();

/**
 * A machine check of a lesson step. Kinds:
 * - `lastInvocation` {function, since?, …InvocationMatch}: the function's most recent invocation
 *   in the window matches, e.g. "the last invocation of x ended in status timeout".
 * - `anyInvocation` {function, since?, …InvocationMatch}: some invocation in the window matches.
 * - `invocationCount` {function, since?, where?, count}: how many invocations in the window match.
 * - `invocationSequence` {function, since?, sequence[], sameEnvironment?, consecutive?}: invocations
 *   matching each entry in order, e.g. a cold start followed by a warm start in one environment.
 * - `config` {function, field, op?, value}: a setting now, e.g. memorySizeMB gte 512.
 * - `fileExists` {function, path? | pathMatches?, count?}, `fileContains` {function, path, text},
 *   `codeMatches` {function, path?, pattern, negate?}: the function's code now.
 * - `answerEquals` {expected, tolerance?}: the step's typed answer equals a value computed from
 *   lab state (see Expression).
 * - `quizPassed` {minScorePercent?}: the lesson's quiz was passed since the lesson started.
 * - `all` {checks}, `any` {checks}, `not` {check}: combinators.
 * Every check may have `message`: the learner-facing reason shown when it fails.
 */
export const Check: z.ZodType<CheckShape, CheckInputShape> = z.discriminatedUnion('kind', [
  LastInvocationCheck,
  AnyInvocationCheck,
  InvocationCountCheck,
  InvocationSequenceCheck,
  ConfigCheck,
  FileExistsCheck,
  FileContainsCheck,
  CodeMatchesCheck,
  AnswerEqualsCheck,
  QuizPassedCheck,
  z.object({ kind: z.literal('all'), ...base, get checks() { return z.array(Check).min(1); } }).strict(),
  z.object({ kind: z.literal('any'), ...base, get checks() { return z.array(Check).min(1); } }).strict(),
  z.object({ kind: z.literal('not'), ...base, get check() { return Check; } }).strict(),
]);

type Leaf =
  | z.infer<typeof LastInvocationCheck>
  | z.infer<typeof AnyInvocationCheck>
  | z.infer<typeof InvocationCountCheck>
  | z.infer<typeof InvocationSequenceCheck>
  | z.infer<typeof ConfigCheck>
  | z.infer<typeof FileExistsCheck>
  | z.infer<typeof FileContainsCheck>
  | z.infer<typeof CodeMatchesCheck>
  | z.infer<typeof AnswerEqualsCheck>
  | z.infer<typeof QuizPassedCheck>;
type LeafInput =
  | z.input<typeof LastInvocationCheck>
  | z.input<typeof AnyInvocationCheck>
  | z.input<typeof InvocationCountCheck>
  | z.input<typeof InvocationSequenceCheck>
  | z.input<typeof ConfigCheck>
  | z.input<typeof FileExistsCheck>
  | z.input<typeof FileContainsCheck>
  | z.input<typeof CodeMatchesCheck>
  | z.input<typeof AnswerEqualsCheck>
  | z.input<typeof QuizPassedCheck>;
export type CheckShape =
  | Leaf
  | { kind: 'all'; message?: string | undefined; checks: CheckShape[] }
  | { kind: 'any'; message?: string | undefined; checks: CheckShape[] }
  | { kind: 'not'; message?: string | undefined; check: CheckShape };
export type CheckInputShape =
  | LeafInput
  | { kind: 'all'; message?: string | undefined; checks: CheckInputShape[] }
  | { kind: 'any'; message?: string | undefined; checks: CheckInputShape[] }
  | { kind: 'not'; message?: string | undefined; check: CheckInputShape };
export type Check = CheckShape;
export type CheckKind = Check['kind'];
export const CHECK_KINDS = [
  'lastInvocation', 'anyInvocation', 'invocationCount', 'invocationSequence', 'config', 'fileExists', 'fileContains',
  'codeMatches', 'answerEquals', 'quizPassed', 'all', 'any', 'not',
] as const satisfies readonly CheckKind[];

// Evaluates a step's check (sandbox/api/checks.ts) against lab state: the lesson's functions
// (settings, code) and their invocations since the step's window began. Answers pass or fail
// with a learner-facing reason; it never throws for anything the student did.
import type { Check, FunctionDetail, InvocationMatch, NumberTest } from '../../api/index.ts';
import type { SequencedInvocation } from '../../store/invocations-repo.ts';
import { answerMatches, evaluateExpression } from './expressions.ts';
import { jsonEquals, jsonIncludes, parseJson, shortJson } from './json-match.ts';

/** What checks can read (implemented over the store by the lesson service; faked in tests). */
export interface CheckState {
  /** A live function, or undefined if it does not exist (deleted or never created). */
  getFunction(name: string): FunctionDetail | undefined;
  /** The newest invocations (at most a few hundred) of a function after `afterSeq`, oldest first. */
  invocationsAfter(functionName: string, afterSeq: number): SequencedInvocation[];
  /** Scores (percent) of this lesson's submitted quiz attempts started at or after `since`. */
  lessonQuizScoresSince(since: string): number[];
}

export interface CheckScope {
  /** Invocations after this seq count for `since: lesson` (and for answers). */
  lessonStartSeq: number;
  /** Invocations after this seq count for `since: step` (the default). */
  stepStartSeq: number;
  lessonStartedAt: string;
  /** The step's typed answer, if any. */
  answer: number | undefined;
}

export interface CheckOutcome {
  pass: boolean;
  /** Learner-facing: why it does not pass (absent when it passes). */
  reason?: string;
}

const PASS: CheckOutcome = { pass: true };
const fail = (reason: string): CheckOutcome => ({ pass: false, reason });
const code = (s: string): string => `\`${s}\``;

const NUMBER_WORDS: Record<keyof NumberTest, string> = {
  eq: 'exactly', ne: 'other than', gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most',
};

/** `{ gte: 512 }` → "at least 512 MB" */
export function describeNumberTest(t: NumberTest, unit = ''): string {
  return (Object.keys(NUMBER_WORDS) as (keyof NumberTest)[])
    .filter((k) => t[k] !== undefined)
    .map((k) => `${NUMBER_WORDS[k]} ${formatNumber(t[k] as number)}${unit}`)
    .join(' and ');
}

export function numberPasses(t: NumberTest, v: number): boolean {
  return (
    (t.eq === undefined || v === t.eq) &&
    (t.ne === undefined || v !== t.ne) &&
    (t.gt === undefined || v > t.gt) &&
    (t.gte === undefined || v >= t.gte) &&
    (t.lt === undefined || v < t.lt) &&
    (t.lte === undefined || v <= t.lte)
  );
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Number(n.toFixed(2)));
}

function regex(pattern: string, flags = 'u'): RegExp {
  return new RegExp(pattern, flags);
}

/**
 * Why an invocation does not match (the first difference, phrased for the learner), or undefined
 * when it matches.
 */
export function invocationMismatch(m: InvocationMatch, inv: SequencedInvocation): string | undefined {
  if (m.runtime !== undefined && inv.runtime !== m.runtime) return `it ran on ${code(inv.runtime)}, not ${code(m.runtime)}`;
  if (m.status !== undefined && inv.status !== m.status) {
    const detail = inv.status === 'error' && inv.errorType !== undefined ? ` (${code(inv.errorType)})` : '';
    return `it ended in status ${code(inv.status)}${detail}, not ${code(m.status)}`;
  }
  if (m.errorType !== undefined && inv.errorType !== m.errorType) {
    return inv.errorType === undefined ? `it did not fail with ${code(m.errorType)} (it succeeded)` : `it failed with ${code(inv.errorType)}, not ${code(m.errorType)}`;
  }
  if (m.errorMessageMatches !== undefined && !regex(m.errorMessageMatches).test(inv.error?.errorMessage ?? '')) {
    return inv.error === undefined ? 'it returned no error message' : `its errorMessage (${shortJson(inv.error.errorMessage, 100)}) is not what this step asks for`;
  }
  if (m.coldStart !== undefined && inv.coldStart !== m.coldStart) return inv.coldStart ? 'it was a cold start, not a warm one' : 'it was warm, not a cold start';
  const response = parseJson(inv.response);
  if (m.responseEquals !== undefined && !(response.ok && jsonEquals(response.value, m.responseEquals))) {
    return response.ok ? `it returned ${shortJson(response.value)}, not ${shortJson(m.responseEquals)}` : `it returned no response (it ${inv.status === 'success' ? 'succeeded with no JSON' : `ended in status ${code(inv.status)}`})`;
  }
  if (m.responseIncludes !== undefined && !(response.ok && jsonIncludes(response.value, m.responseIncludes))) {
    return response.ok ? `it returned ${shortJson(response.value)}, which does not include ${shortJson(m.responseIncludes)}` : `it returned no response (status ${code(inv.status)})`;
  }
  if (m.responseMatches !== undefined && !regex(m.responseMatches).test(inv.response ?? '')) {
    return inv.response === undefined ? `it returned no response (status ${code(inv.status)})` : `its response ${shortJson(parseJson(inv.response).ok ? JSON.parse(inv.response) : inv.response)} is not what this step asks for`;
  }
  if (m.responseHasRequestId !== undefined && (inv.response ?? '').includes(inv.requestId) !== m.responseHasRequestId) {
    return m.responseHasRequestId ? 'its response does not contain its own request id (context.awsRequestId)' : 'its response contains its request id';
  }
  if (m.eventIncludes !== undefined) {
    const event = parseJson(inv.event);
    if (!(event.ok && jsonIncludes(event.value, m.eventIncludes))) return `its event ${shortJson(event.ok ? event.value : inv.event)} does not include ${shortJson(m.eventIncludes)}`;
  }
  if (m.logContains !== undefined && !inv.logs.includes(m.logContains)) return `its log does not contain "${m.logContains}"`;
  if (m.logMatches !== undefined && !regex(m.logMatches, 'mu').test(inv.logs)) return 'its log does not show what this step asks for';
  if (m.durationMs !== undefined && !numberPasses(m.durationMs, inv.durationMs)) return `its Duration was ${formatNumber(inv.durationMs)} ms; this step needs ${describeNumberTest(m.durationMs, ' ms')}`;
  if (m.initDurationMs !== undefined) {
    if (inv.initDurationMs === undefined) return 'it had no Init Duration (it was not a cold start)';
    if (!numberPasses(m.initDurationMs, inv.initDurationMs)) return `its Init Duration was ${formatNumber(inv.initDurationMs)} ms; this step needs ${describeNumberTest(m.initDurationMs, ' ms')}`;
  }
  if (m.billedDurationMs !== undefined && !numberPasses(m.billedDurationMs, inv.billedDurationMs)) return `its Billed Duration was ${formatNumber(inv.billedDurationMs)} ms; this step needs ${describeNumberTest(m.billedDurationMs, ' ms')}`;
  if (m.maxMemoryUsedMB !== undefined && !numberPasses(m.maxMemoryUsedMB, inv.maxMemoryUsedMB)) return `its Max Memory Used was ${inv.maxMemoryUsedMB} MB; this step needs ${describeNumberTest(m.maxMemoryUsedMB, ' MB')}`;
  if (m.memorySizeMB !== undefined && !numberPasses(m.memorySizeMB, inv.memorySizeMB)) return `it ran with ${inv.memorySizeMB} MB of memory; this step needs ${describeNumberTest(m.memorySizeMB, ' MB')}`;
  return undefined;
}

const CONFIG_LABELS: Record<string, { label: string; unit: string }> = {
  runtime: { label: 'Runtime', unit: '' },
  handler: { label: 'Handler', unit: '' },
  memorySizeMB: { label: 'Memory', unit: ' MB' },
  timeoutSeconds: { label: 'Timeout', unit: ' s' },
  architecture: { label: 'Architecture', unit: '' },
  ephemeralStorageMB: { label: 'Ephemeral storage', unit: ' MB' },
  logFormat: { label: 'Log format', unit: '' },
  applicationLogLevel: { label: 'Application log level', unit: '' },
  systemLogLevel: { label: 'System log level', unit: '' },
};

const OP_WORDS: Record<string, string> = { eq: '', ne: 'other than ', gt: 'more than ', gte: 'at least ', lt: 'less than ', lte: 'at most ', in: 'one of ' };

function compare(op: string, actual: string | number, expected: string | number | (string | number)[]): boolean {
  if (op === 'in') return Array.isArray(expected) && expected.includes(actual);
  if (Array.isArray(expected)) return false;
  switch (op) {
    case 'eq': return actual === expected;
    case 'ne': return actual !== expected;
    case 'gt': return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'gte': return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'lt': return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'lte': return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
    default: return false;
  }
}

function windowWord(since: 'step' | 'lesson'): string {
  return since === 'step' ? 'since this step began' : 'since you started the lesson';
}

/** Evaluates a check; `message` (when given) replaces the generated reason of a failing check. */
export function evaluateCheck(check: Check, state: CheckState, scope: CheckScope): CheckOutcome {
  const outcome = evaluateInner(check, state, scope);
  if (!outcome.pass && check.message !== undefined) return fail(check.message);
  return outcome;
}

function missingFunction(name: string): CheckOutcome {
  return fail(`The function ${code(name)} does not exist: start the lesson again, or use Reset to recreate it from the starter.`);
}

function evaluateInner(check: Check, state: CheckState, scope: CheckScope): CheckOutcome {
  const window = (since: 'step' | 'lesson', fn: string): SequencedInvocation[] =>
    state.invocationsAfter(fn, since === 'step' ? scope.stepStartSeq : scope.lessonStartSeq);
  switch (check.kind) {
    case 'lastInvocation': {
      if (state.getFunction(check.function) === undefined) return missingFunction(check.function);
      const invs = window(check.since, check.function);
      const last = invs[invs.length - 1];
      if (last === undefined) return fail(`No invocation of ${code(check.function)} ${windowWord(check.since)}: invoke it.`);
      const why = invocationMismatch(check, last);
      return why === undefined ? PASS : fail(`The last invocation of ${code(check.function)} does not pass: ${why}.`);
    }
    case 'anyInvocation': {
      if (state.getFunction(check.function) === undefined) return missingFunction(check.function);
      const invs = window(check.since, check.function);
      const last = invs[invs.length - 1];
      if (last === undefined) return fail(`No invocation of ${code(check.function)} ${windowWord(check.since)}: invoke it.`);
      if (invs.some((i) => invocationMismatch(check, i) === undefined)) return PASS;
      const why = invocationMismatch(check, last) ?? '';
      if (invs.length === 1) return fail(`Your invocation of ${code(check.function)} ${windowWord(check.since)} does not pass: ${why}.`);
      return fail(`None of your ${invs.length} invocations of ${code(check.function)} ${windowWord(check.since)} passes; the last one: ${why}.`);
    }
    case 'invocationCount': {
      if (state.getFunction(check.function) === undefined) return missingFunction(check.function);
      const invs = window(check.since, check.function);
      const n = invs.filter((i) => invocationMismatch(check.where, i) === undefined).length;
      if (numberPasses(check.count, n)) return PASS;
      const matching = Object.keys(check.where).length > 0 ? 'matching invocation' : 'invocation';
      return fail(`${code(check.function)} has ${n} ${matching}${n === 1 ? '' : 's'} ${windowWord(check.since)}; this step needs ${describeNumberTest(check.count)}.`);
    }
    case 'invocationSequence': {
      if (state.getFunction(check.function) === undefined) return missingFunction(check.function);
      const invs = window(check.since, check.function);
      const k = check.sequence.length;
      if (invs.length < k) {
        return fail(`This step needs ${k} invocations of ${code(check.function)} ${windowWord(check.since)} (there ${invs.length === 1 ? 'is' : 'are'} ${invs.length}): invoke it again.`);
      }
      // The reason shown is that of the attempt that got furthest (newest first among equals).
      let closest: { why: string; depth: number } | undefined;
      for (let start = 0; start + k <= invs.length; start++) {
        const found = matchSequence(check.sequence, invs, start, check.consecutive, check.sameEnvironment);
        if (found.ok) return PASS;
        if (closest === undefined || found.depth >= closest.depth) closest = found;
      }
      return fail(`Your invocations of ${code(check.function)} ${windowWord(check.since)} do not show the sequence this step asks for${closest === undefined ? '' : `: ${closest.why}`}.`);
    }
    case 'config': {
      const fn = state.getFunction(check.function);
      if (fn === undefined) return missingFunction(check.function);
      const actual = fn.config[check.field];
      if (compare(check.op, actual, check.value)) return PASS;
      const { label, unit } = CONFIG_LABELS[check.field] ?? { label: check.field, unit: '' };
      const expected = Array.isArray(check.value) ? check.value.map((v) => `${v}${unit}`).join(', ') : `${check.value}${unit}`;
      return fail(`${label} of ${code(check.function)} is ${actual}${unit}; this step needs ${OP_WORDS[check.op] ?? ''}${expected}.`);
    }
    case 'fileExists': {
      const fn = state.getFunction(check.function);
      if (fn === undefined) return missingFunction(check.function);
      const n = fn.files.filter((f) => (check.path === undefined || f.path === check.path) && (check.pathMatches === undefined || regex(check.pathMatches).test(f.path))).length;
      if (numberPasses(check.count, n)) return PASS;
      if (check.path !== undefined) return fail(`${code(check.function)} has no file ${code(check.path)}.`);
      return fail(`${code(check.function)} has ${n} file${n === 1 ? '' : 's'} of the kind this step asks for; it needs ${describeNumberTest(check.count)}.`);
    }
    case 'fileContains': {
      const fn = state.getFunction(check.function);
      if (fn === undefined) return missingFunction(check.function);
      const file = fn.files.find((f) => f.path === check.path);
      if (file === undefined) return fail(`${code(check.function)} has no file ${code(check.path)}.`);
      return file.content.includes(check.text) ? PASS : fail(`${code(check.path)} does not contain ${code(check.text)} yet.`);
    }
    case 'codeMatches': {
      const fn = state.getFunction(check.function);
      if (fn === undefined) return missingFunction(check.function);
      const files = fn.files.filter((f) => check.path === undefined || f.path === check.path);
      if (check.path !== undefined && files.length === 0) return fail(`${code(check.function)} has no file ${code(check.path)}.`);
      const re = regex(check.pattern, 'mu');
      const hit = files.some((f) => re.test(f.content));
      if (hit !== check.negate) return PASS;
      const where = check.path === undefined ? `the code of ${code(check.function)}` : code(check.path);
      return fail(check.negate ? `${where} still has code this step asks you to remove.` : `${where} does not have the change this step asks for yet.`);
    }
    case 'answerEquals': {
      if (scope.answer === undefined) return fail('Type your answer and submit it.');
      const expected = evaluateExpression(check.expected, state.invocationsAfter(check.expected.function, scope.lessonStartSeq));
      if (!expected.ok) return fail(expected.reason);
      if (answerMatches(scope.answer, expected.value, check.tolerance)) return PASS;
      return fail(`Not quite: ${formatNumber(scope.answer)} is too ${scope.answer > expected.value ? 'high' : 'low'}. Check the numbers you used and try again.`);
    }
    case 'quizPassed': {
      const scores = state.lessonQuizScoresSince(scope.lessonStartedAt);
      if (scores.length === 0) return fail(`Take the lesson's quiz: this step needs a score of at least ${check.minScorePercent}%.`);
      const best = Math.max(...scores);
      return best >= check.minScorePercent ? PASS : fail(`Your best quiz score is ${formatNumber(best)}%; this step needs at least ${check.minScorePercent}%. Review the explanations and try again.`);
    }
    case 'all': {
      for (const c of check.checks) {
        const o = evaluateCheck(c, state, scope);
        if (!o.pass) return o;
      }
      return PASS;
    }
    case 'any': {
      const reasons: string[] = [];
      for (const c of check.checks) {
        const o = evaluateCheck(c, state, scope);
        if (o.pass) return PASS;
        reasons.push(o.reason ?? '');
      }
      return fail(reasons[0] ?? 'Not yet.');
    }
    case 'not': {
      const o = evaluateCheck(check.check, state, scope);
      return o.pass ? fail('Something this step asks you to avoid is still the case.') : PASS;
    }
  }
}

function matchSequence(
  sequence: readonly InvocationMatch[],
  invs: readonly SequencedInvocation[],
  start: number,
  consecutive: boolean,
  sameEnvironment: boolean,
): { ok: true } | { ok: false; why: string; depth: number } {
  const first = invs[start] as SequencedInvocation;
  const firstWhy = invocationMismatch(sequence[0] as InvocationMatch, first);
  if (firstWhy !== undefined) return { ok: false, why: `the first one: ${firstWhy}`, depth: 0 };
  let at = start;
  for (let k = 1; k < sequence.length; k++) {
    const want = sequence[k] as InvocationMatch;
    let found = -1;
    let why = '';
    for (let j = at + 1; j < invs.length; j++) {
      const inv = invs[j] as SequencedInvocation;
      const envWhy = sameEnvironment && inv.environmentId !== first.environmentId ? 'it ran in a new execution environment' : undefined;
      const w = envWhy ?? invocationMismatch(want, inv);
      if (w === undefined) {
        found = j;
        break;
      }
      why = w;
      if (consecutive) break;
    }
    if (found < 0) return { ok: false, why: why === '' ? `invocation ${k + 1} of the sequence is missing: invoke again` : `invocation ${k + 1} of the sequence: ${why}`, depth: k };
    at = found;
  }
  return { ok: true };
}

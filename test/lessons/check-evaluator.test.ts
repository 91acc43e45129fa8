// The check language against a fake lab state: every kind, windows, reasons and expressions.
import { describe, expect, it } from 'vitest';
import { Check, FunctionConfig, type CheckInputShape, type FunctionDetail } from '../../sandbox/api/index.ts';
import type { SequencedInvocation } from '../../sandbox/store/invocations-repo.ts';
import { type CheckState, evaluateCheck } from '../../sandbox/service/lessons/check-evaluator.ts';
import { answerMatches, evaluateExpression } from '../../sandbox/service/lessons/expressions.ts';

let seq = 0;
function inv(over: Partial<SequencedInvocation> = {}): SequencedInvocation {
  seq++;
  return {
    seq,
    requestId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    functionName: 'fn',
    status: 'success',
    startedAt: '2026-05-01T12:00:00.000Z',
    durationMs: 10.4,
    billedDurationMs: 11,
    coldStart: false,
    costUsd: 0.0000002 + (128 / 1024) * (11 / 1000) * 0.0000166667,
    runtime: 'nodejs24.x',
    environmentId: 'env-a',
    event: '{}',
    response: '{"ok":true}',
    logs: 'START RequestId: x Version: $LATEST\nEND RequestId: x\nREPORT RequestId: x\tDuration: 10.40 ms',
    memorySizeMB: 128,
    maxMemoryUsedMB: 3,
    ...over,
  };
}

function fn(over: Partial<FunctionDetail> = {}, config: Parameters<typeof FunctionConfig.parse>[0] = {}): FunctionDetail {
  return { name: 'fn', description: '', config: FunctionConfig.parse(config), files: [{ path: 'index.mjs', content: 'export const handler = async () => 1;' }], createdAt: '', updatedAt: '', revision: 1, ...over };
}

/** `detail` null: the function does not exist. */
function state(invocations: SequencedInvocation[], detail: FunctionDetail | null = fn(), quizScores: number[] = []): CheckState {
  return {
    getFunction: (name) => (name === 'fn' && detail !== null ? detail : undefined),
    invocationsAfter: (name, after) => invocations.filter((i) => i.functionName === name && i.seq > after),
    lessonQuizScoresSince: () => quizScores,
  };
}

const scope = { lessonStartSeq: 0, stepStartSeq: 0, lessonStartedAt: '2026-05-01T00:00:00.000Z', answer: undefined as number | undefined };
const check = (c: CheckInputShape) => Check.parse(c);

describe('invocation checks', () => {
  it('lastInvocation looks at the newest invocation in the window and says what differs', () => {
    const invs = [inv({ status: 'timeout', errorType: 'Sandbox.Timedout' }), inv()];
    const c = check({ kind: 'lastInvocation', function: 'fn', status: 'timeout' });
    expect(evaluateCheck(c, state(invs), scope)).toEqual({ pass: false, reason: 'The last invocation of `fn` does not pass: it ended in status `success`, not `timeout`.' });
    expect(evaluateCheck(c, state(invs.slice(0, 1)), scope).pass).toBe(true);
    expect(evaluateCheck(c, state([]), scope).reason).toBe('No invocation of `fn` since this step began: invoke it.');
  });

  it('ignores invocations before the step (or lesson) window', () => {
    const old = inv({ status: 'timeout' });
    const c = check({ kind: 'anyInvocation', function: 'fn', status: 'timeout' });
    expect(evaluateCheck(c, state([old]), { ...scope, stepStartSeq: old.seq }).pass).toBe(false);
    const lessonWide = check({ kind: 'anyInvocation', function: 'fn', status: 'timeout', since: 'lesson' });
    expect(evaluateCheck(lessonWide, state([old]), { ...scope, stepStartSeq: old.seq }).pass).toBe(true);
    expect(evaluateCheck(lessonWide, state([old]), { ...scope, lessonStartSeq: old.seq, stepStartSeq: old.seq }).pass).toBe(false);
  });

  it('matches responses, events, logs, errors and numbers', () => {
    const i = inv({
      status: 'error', errorType: 'ValidationError', error: { errorType: 'ValidationError', errorMessage: 'The order has no items', trace: [] },
      event: '{"name":"Ada","extra":1}', response: undefined, logs: 'x\tERROR\tInvoke Error \t{}', coldStart: true, initDurationMs: 300.5, durationMs: 1.2,
    });
    const ok = (c: CheckInputShape) => evaluateCheck(check(c), state([i]), scope).pass;
    expect(ok({ kind: 'anyInvocation', function: 'fn', errorType: 'ValidationError', errorMessageMatches: 'items' })).toBe(true);
    expect(ok({ kind: 'anyInvocation', function: 'fn', errorMessageMatches: '^nothing' })).toBe(false);
    expect(ok({ kind: 'anyInvocation', function: 'fn', eventIncludes: { name: 'Ada' } })).toBe(true);
    expect(ok({ kind: 'anyInvocation', function: 'fn', eventIncludes: { name: 'Grace' } })).toBe(false);
    expect(ok({ kind: 'anyInvocation', function: 'fn', logContains: 'Invoke Error' })).toBe(true);
    expect(ok({ kind: 'anyInvocation', function: 'fn', logMatches: '\\tERROR\\t' })).toBe(true);
    expect(ok({ kind: 'anyInvocation', function: 'fn', coldStart: true, initDurationMs: { gte: 250 }, durationMs: { lt: 5 } })).toBe(true);
    expect(ok({ kind: 'anyInvocation', function: 'fn', initDurationMs: { lt: 250 } })).toBe(false);
    expect(ok({ kind: 'anyInvocation', function: 'fn', responseEquals: null })).toBe(false);

    const r = inv({ response: '{"message":"Hello, Ada","requestId":"REQ","n":[1,2]}' });
    r.response = r.response?.replace('REQ', r.requestId);
    const okR = (c: CheckInputShape) => evaluateCheck(check(c), state([r]), scope).pass;
    expect(okR({ kind: 'anyInvocation', function: 'fn', responseIncludes: { message: 'Hello, Ada' } })).toBe(true);
    expect(okR({ kind: 'anyInvocation', function: 'fn', responseIncludes: { n: [1] } })).toBe(false);
    expect(okR({ kind: 'anyInvocation', function: 'fn', responseEquals: { message: 'Hello, Ada' } })).toBe(false);
    expect(okR({ kind: 'anyInvocation', function: 'fn', responseHasRequestId: true })).toBe(true);
    expect(okR({ kind: 'anyInvocation', function: 'fn', responseMatches: '"n":\\[1,2\\]' })).toBe(true);
    expect(evaluateCheck(check({ kind: 'anyInvocation', function: 'fn', responseIncludes: { message: 'Hello, Grace' } }), state([r]), scope).reason)
      .toBe('Your invocation of `fn` since this step began does not pass: it returned {"message":"Hello, Ada","requestId":"' + r.requestId + '","n":[1,2]}, which does not include {"message":"Hello, Grace"}.');
  });

  it('counts matching invocations', () => {
    const c = check({ kind: 'invocationCount', function: 'fn', where: { status: 'success' }, count: { gte: 3 } });
    expect(evaluateCheck(c, state([inv(), inv({ status: 'error' }), inv()]), scope)).toEqual({ pass: false, reason: '`fn` has 2 matching invocations since this step began; this step needs at least 3.' });
    expect(evaluateCheck(c, state([inv(), inv(), inv()]), scope).pass).toBe(true);
  });

  it('finds a cold start followed by a warm start in the same environment', () => {
    const c = check({ kind: 'invocationSequence', function: 'fn', sequence: [{ coldStart: true }, { coldStart: false, durationMs: { lte: 50 } }] });
    expect(evaluateCheck(c, state([inv({ coldStart: true }), inv({ durationMs: 300 })]), scope).reason).toBe(
      'Your invocations of `fn` since this step began do not show the sequence this step asks for: invocation 2 of the sequence: its Duration was 300 ms; this step needs at most 50 ms.',
    );
    expect(evaluateCheck(c, state([inv({ coldStart: true }), inv({ environmentId: 'env-b' })]), scope).reason).toMatch(/new execution environment/);
    expect(evaluateCheck(c, state([inv({ coldStart: true }), inv({ durationMs: 300 }), inv({ coldStart: true, environmentId: 'b' }), inv({ environmentId: 'b' })]), scope).pass).toBe(true);
    // consecutive: false allows other invocations in between
    const loose = check({ kind: 'invocationSequence', function: 'fn', consecutive: false, sequence: [{ coldStart: true }, { status: 'timeout' }] });
    expect(evaluateCheck(loose, state([inv({ coldStart: true }), inv(), inv({ status: 'timeout' })]), scope).pass).toBe(true);
    expect(evaluateCheck(check({ kind: 'invocationSequence', function: 'fn', sequence: [{ coldStart: true }, { status: 'timeout' }] }), state([inv({ coldStart: true }), inv(), inv({ status: 'timeout' })]), scope).pass).toBe(false);
    expect(evaluateCheck(c, state([inv()]), scope).reason).toMatch(/needs 2 invocations of `fn` since this step began \(there is 1\)/);
  });

  it('says when the function does not exist', () => {
    expect(evaluateCheck(check({ kind: 'anyInvocation', function: 'fn' }), state([], null), scope).reason).toMatch(/does not exist/);
  });
});

describe('settings and code checks', () => {
  const detail = fn({ files: [{ path: 'index.mjs', content: 'import { g } from "./lib/g.mjs";\nexport const handler = async (e, context) => context.getRemainingTimeInMillis();' }, { path: 'lib/g.mjs', content: 'export const g = 1;' }] }, { memorySizeMB: 256, runtime: 'nodejs22.x' });
  const ok = (c: CheckInputShape) => evaluateCheck(check(c), state([], detail), scope);

  it('compares settings', () => {
    expect(ok({ kind: 'config', function: 'fn', field: 'memorySizeMB', op: 'gte', value: 512 })).toEqual({ pass: false, reason: 'Memory of `fn` is 256 MB; this step needs at least 512 MB.' });
    expect(ok({ kind: 'config', function: 'fn', field: 'memorySizeMB', op: 'lte', value: 256 }).pass).toBe(true);
    expect(ok({ kind: 'config', function: 'fn', field: 'runtime', value: 'nodejs22.x' }).pass).toBe(true);
    expect(ok({ kind: 'config', function: 'fn', field: 'runtime', op: 'in', value: ['nodejs20.x', 'nodejs24.x'] }).reason).toBe('Runtime of `fn` is nodejs22.x; this step needs one of nodejs20.x, nodejs24.x.');
  });

  it('looks at files and code', () => {
    expect(ok({ kind: 'fileExists', function: 'fn', path: 'lib/g.mjs' }).pass).toBe(true);
    expect(ok({ kind: 'fileExists', function: 'fn', path: 'index.js', count: { eq: 0 } }).pass).toBe(true);
    expect(ok({ kind: 'fileExists', function: 'fn', pathMatches: '\\.ts$', count: { gte: 2 } }).reason).toBe('`fn` has 0 files of the kind this step asks for; it needs at least 2.');
    expect(ok({ kind: 'fileContains', function: 'fn', path: 'index.mjs', text: 'getRemainingTimeInMillis' }).pass).toBe(true);
    expect(ok({ kind: 'codeMatches', function: 'fn', pattern: '^import .* from "\\./lib/' }).pass).toBe(true);
    expect(ok({ kind: 'codeMatches', function: 'fn', pattern: 'callback', negate: true }).pass).toBe(true);
    expect(ok({ kind: 'codeMatches', function: 'fn', path: 'lib/g.mjs', pattern: 'handler', message: 'Export the handler.' })).toEqual({ pass: false, reason: 'Export the handler.' });
  });

  it('combines checks', () => {
    const yes = { kind: 'fileExists', function: 'fn', path: 'index.mjs' } as const;
    const no = { kind: 'fileExists', function: 'fn', path: 'nope.mjs' } as const;
    expect(ok({ kind: 'all', checks: [yes, no] })).toEqual({ pass: false, reason: '`fn` has no file `nope.mjs`.' });
    expect(ok({ kind: 'any', checks: [no, yes] }).pass).toBe(true);
    expect(ok({ kind: 'not', check: no }).pass).toBe(true);
    expect(ok({ kind: 'not', check: yes, message: 'Remove it.' })).toEqual({ pass: false, reason: 'Remove it.' });
  });
});

describe('answers and quizzes', () => {
  it('compares a typed answer with a value computed from lab state, without giving it away', () => {
    const invs = [inv({ billedDurationMs: 308, coldStart: true, initDurationMs: 300 }), inv({ billedDurationMs: 2 })];
    const c = check({ kind: 'answerEquals', expected: { kind: 'invocationField', function: 'fn', which: 'lastColdStart', field: 'billedDurationMs' } });
    expect(evaluateCheck(c, state(invs), scope).reason).toBe('Type your answer and submit it.');
    expect(evaluateCheck(c, state(invs), { ...scope, answer: 308 }).pass).toBe(true);
    expect(evaluateCheck(c, state(invs), { ...scope, answer: 310 })).toEqual({ pass: false, reason: 'Not quite: 310 is too high. Check the numbers you used and try again.' });
    expect(evaluateCheck(c, state([inv()]), { ...scope, answer: 1 }).reason).toBe('There is no cold start of `fn` since you started the lesson yet.');
  });

  it('computes sums, GB-seconds, the 2019 rules and a month with the free tier', () => {
    const invs = [
      inv({ billedDurationMs: 108, durationMs: 100.2, memorySizeMB: 1024, costUsd: 0.0000002 + 0.108 * 0.0000166667 }),
      inv({ billedDurationMs: 101, durationMs: 100.84, memorySizeMB: 1024, costUsd: 0.0000002 + 0.101 * 0.0000166667 }),
    ];
    const value = (e: Parameters<typeof evaluateExpression>[0]) => {
      const v = evaluateExpression(e, invs);
      return v.ok ? v.value : v.reason;
    };
    expect(value({ kind: 'sumOfInvocations', function: 'fn', last: 2, field: 'billedDurationMs' })).toBe(209);
    expect(value({ kind: 'sumOfInvocations', function: 'fn', last: 2, field: 'gbSeconds' })).toBeCloseTo(0.209, 10);
    expect(value({ kind: 'sumOfInvocations', function: 'fn', last: 2, field: 'costUsd' })).toBeCloseTo(0.0000004 + 0.209 * 0.0000166667, 15);
    expect(value({ kind: 'sumOfInvocations', function: 'fn', last: 3, field: 'costUsd' })).toBe('This needs 3 invocations of `fn` since you started the lesson; there are 2.');
    expect(value({ kind: 'billedDurationMs2019', function: 'fn' })).toBe(200);
    // 5 M invocations × 0.101 GB-s = 505,000 GB-s; 105,000 billed at x86 + 4 M requests.
    expect(value({ kind: 'monthlyCost', function: 'fn', invocationsPerMonth: 5_000_000, freeTier: true })).toBeCloseTo(0.8 + 105_000 * 0.0000166667, 6);
    expect(value({ kind: 'monthlyCost', function: 'fn', invocationsPerMonth: 5_000_000, freeTier: false })).toBeCloseTo(1 + 505_000 * 0.0000166667, 6);
    const arm = [inv({ billedDurationMs: 101, memorySizeMB: 1024, costUsd: 0.0000002 + 0.101 * 0.0000133334 })];
    const armValue = evaluateExpression({ kind: 'monthlyCost', function: 'fn', invocationsPerMonth: 5_000_000, freeTier: true }, arm);
    expect(armValue.ok && armValue.value).toBeCloseTo(0.8 + 105_000 * 0.0000133334, 6);
  });

  it('applies tolerances', () => {
    expect(answerMatches(0.318, 0.3181, { relative: 0.01 })).toBe(true);
    expect(answerMatches(0.35, 0.318, { relative: 0.01 })).toBe(false);
    expect(answerMatches(5, 5.5, { absolute: 1 })).toBe(true);
    expect(answerMatches(0.1 + 0.2, 0.3, {})).toBe(true);
    expect(answerMatches(301, 300, {})).toBe(false);
  });

  it('checks the lesson quiz score', () => {
    const c = check({ kind: 'quizPassed' });
    expect(evaluateCheck(c, state([], fn(), []), scope).reason).toMatch(/Take the lesson's quiz/);
    expect(evaluateCheck(c, state([], fn(), [50]), scope).reason).toMatch(/best quiz score is 50%/);
    expect(evaluateCheck(c, state([], fn(), [50, 85.7]), scope).pass).toBe(true);
  });
});

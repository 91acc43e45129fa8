// The learner's "what happened" lines, checked on records shaped exactly like the engine's
// (the error shapes and log lines below were taken from real invocations in the lab).
import { describe, expect, it } from 'vitest';
import { explainInvocation, splitHandler, userCodeLocation, type ExplainConfig, type ExplainedRecord } from '../../renderer/features/invoke/explain.ts';
import { invocationOutcome, statusLine } from '../../renderer/features/invoke/outcome.ts';
import { formatUsd } from '../../renderer/ui/format.ts';

const CONFIG: ExplainConfig = { handler: 'index.handler', timeoutSeconds: 3, memorySizeMB: 128, runtime: 'nodejs24.x', files: [{ path: 'index.mjs' }] };
const LOADER_TRACE = [
  '    at _loadUserApp (file:///var/runtime/index.mjs:1087:17)',
  '    at async UserFunction.js.module.exports.load (file:///var/runtime/index.mjs:1119:21)',
];

function record(over: Partial<ExplainedRecord> = {}): ExplainedRecord {
  return {
    status: 'success',
    response: '{"ok":1}',
    logs: 'START RequestId: r Version: $LATEST\nEND RequestId: r\nREPORT RequestId: r\tDuration: 1.02 ms\n',
    coldStart: false,
    durationMs: 1.0158,
    billedDurationMs: 2,
    memorySizeMB: 128,
    maxMemoryUsedMB: 3,
    ...over,
  };
}

function loaderError(errorType: string, errorMessage: string): Partial<ExplainedRecord> {
  return {
    status: 'error',
    errorType,
    error: { errorType, errorMessage, trace: [`${errorType}: ${errorMessage}`, ...LOADER_TRACE] },
    response: undefined,
    coldStart: true,
    durationMs: 7.86,
    billedDurationMs: 21,
    logs: `INIT_START Runtime Version: nodejs:24.v9\n2026-11-26T16:36:50.776Z\tundefined\tERROR\tUncaught Exception \t{}\nINIT_REPORT Init Duration: 12.84 ms\tPhase: init\tStatus: error\tError Type: ${errorType}\nSTART RequestId: r\nINIT_REPORT Init Duration: 7.80 ms\tPhase: invoke\tStatus: error\tError Type: ${errorType}\nEND RequestId: r\n`,
  };
}

const texts = (r: ExplainedRecord, c: ExplainConfig = CONFIG): string[] => explainInvocation(r, c).map((l) => l.text);
const all = (r: ExplainedRecord, c: ExplainConfig = CONFIG): string => texts(r, c).join('\n');

describe('explainInvocation', () => {
  it('explains a cold start with its init duration, then the success and the billing', () => {
    const lines = explainInvocation(record({ coldStart: true, initDurationMs: 41.2, billedDurationMs: 43 }), CONFIG);
    expect(lines.map((l) => l.kind)).toEqual(['start', 'outcome', 'billing']);
    expect(lines[0]?.text).toBe('Cold start: a new execution environment was created and your top-level code ran in 41 ms before the handler.');
    expect(lines[1]?.text).toBe('The handler returned a value; Lambda sent it to the caller as JSON.');
    expect(lines[2]?.text).toBe('Billed duration 43 ms = duration 1.02 ms + init 41.20 ms, rounded up: Lambda bills the INIT phase too.');
  });

  it('explains a warm start and a plain billed duration', () => {
    const t = texts(record());
    expect(t[0]).toBe('Warm start: Lambda reused the environment of an earlier invocation, so your top-level code did not run again.');
    expect(t[2]).toBe('Billed duration 2 ms: the duration 1.02 ms, rounded up to the next millisecond.');
  });

  it('never repeats the status words the result badge shows', () => {
    expect(all(record())).not.toMatch(/succeeded/i);
  });

  it('says when the handler returned nothing', () => {
    expect(all(record({ response: 'null' }))).toMatch(/returned nothing, so the caller received null/);
  });

  it('reads API Gateway and SQS batch responses', () => {
    expect(all(record({ response: JSON.stringify({ statusCode: 201, body: '{"a":1}' }) }))).toMatch(/HTTP 201 response with a 7-character body/);
    expect(all(record({ response: JSON.stringify({ statusCode: 200, body: { a: 1 } }) }))).toMatch(/body to be a string/);
    expect(all(record({ response: JSON.stringify({ batchItemFailures: [{ itemIdentifier: 'a' }, { itemIdentifier: 'b' }] }) }))).toMatch(
      /2 messages were reported in batchItemFailures: SQS would delete the others and deliver only those again/,
    );
  });

  it('names the error type of a function error and points at the trace line and the Invoke Error log line', () => {
    const r = record({
      status: 'error',
      errorType: 'TypeError',
      response: undefined,
      error: {
        errorType: 'TypeError',
        errorMessage: 'bad thing',
        trace: ['TypeError: bad thing', '    at BufferedInvokeProcessor.handler (file:///var/task/lib/orders.mjs:12:9)', '    at HandlerContract.start (file:///var/runtime/index.mjs:10434:28)'],
      },
      coldStart: true,
      initDurationMs: 11.49,
      durationMs: 1.49,
      billedDurationMs: 13,
    });
    const lines = explainInvocation(r, CONFIG);
    expect(lines[0]).toEqual({
      kind: 'outcome',
      text: 'Function error: your handler threw TypeError ("bad thing"). Lambda logged it as an "Invoke Error" line and returned {errorType, errorMessage, trace} to the caller; the environment stays warm.',
    });
    expect(lines[1]?.kind).toBe('start');
    expect(all(r)).toContain('The trace points to lib/orders.mjs, line 12, column 9.');
    expect(all(r)).toContain('Billed duration 13 ms = duration 1.49 ms + init 11.49 ms');
  });

  it('suggests looking at the event when the handler read a field of undefined', () => {
    const r = record({
      status: 'error',
      errorType: 'TypeError',
      error: { errorType: 'TypeError', errorMessage: "Cannot read properties of undefined (reading 'map')", trace: ['TypeError: x', '    at handler (file:///var/task/index.mjs:2:29)'] },
    });
    expect(all(r)).toMatch(/often a field the event does not have/);
  });

  it('refers to the Invoke Error log line when the trace has no frame in the function code', () => {
    const r = record({ status: 'error', errorType: 'Error', error: { errorType: 'Error', errorMessage: 'x', trace: [] } });
    expect(all(r)).toContain('The "Invoke Error" line in the log shows the stack.');
  });

  it('explains Runtime.HandlerNotFound with the file and the missing export', () => {
    const r = record(loaderError('Runtime.HandlerNotFound', 'index.handler is undefined or not exported'));
    const t = texts(r);
    expect(t[0]).toBe('Lambda loaded index.mjs but it has no export named handler (the handler setting is index.handler).');
    expect(t[1]).toMatch(/^Cold start: .*loading your code failed/);
    expect(all(r)).toContain('about 13 ms of the failed INIT phase');
    expect(all(record(loaderError('Runtime.HandlerNotFound', 'index.handler is not a function')))).toMatch(/found an export named handler, but it is not a function/);
    const ts: ExplainConfig = { ...CONFIG, handler: 'src/app.main', files: [{ path: 'src/app.ts' }] };
    expect(texts(record(loaderError('Runtime.HandlerNotFound', 'src/app.main is undefined or not exported')), ts)[0]).toBe(
      'Lambda loaded src/app.ts but it has no export named main (the handler setting is src/app.main).',
    );
  });

  it('explains Runtime.ImportModuleError: a missing handler file and a missing import', () => {
    const missingHandler = record(loaderError('Runtime.ImportModuleError', "Error: Cannot find module 'index'\nRequire stack:\n- /var/runtime/index.mjs"));
    expect(texts(missingHandler)[0]).toMatch(/looked for the handler's file index\.js, \.mjs or \.cjs \(from the handler setting index\.handler\)/);
    const missingImport = record({
      ...loaderError('Error', "Cannot find module '/var/task/missing.mjs' imported from /var/task/index.mjs"),
      error: { errorType: 'Error', errorMessage: "Cannot find module '/var/task/missing.mjs' imported from /var/task/index.mjs", trace: [] },
    });
    expect(texts(missingImport)[0]).toMatch(/a module it imports could not be found/);
    expect(all(missingImport)).toMatch(/relative paths start with \.\//);
  });

  it('says the lab sandbox lacks child_process while real Lambda has it', () => {
    const message = "Cannot find package 'child_process' imported from /var/task/index.mjs";
    const r = record({ ...loaderError('Error', message), error: { errorType: 'Error', errorMessage: message, trace: [] } });
    expect(texts(r)[0]).toBe(
      "Your code imports child_process, which the lab's sandbox does not provide (real Lambda does: its Node.js runtime has every built-in module), so loading the code failed.",
    );
    const cjs = record(loaderError('Runtime.ImportModuleError', "Error: Cannot find module 'node:worker_threads'\nRequire stack:\n- /var/task/index.js"));
    expect(texts(cjs)[0]).toMatch(/imports worker_threads, which the lab's sandbox does not provide/);
  });

  it('explains a syntax error', () => {
    const t = texts(record(loaderError('Runtime.UserCodeSyntaxError', "SyntaxError: Unexpected token ';'")));
    expect(t[0]).toBe("Syntax error: Lambda could not parse your code (SyntaxError: Unexpected token ';'), so the handler never ran.");
    expect(t.join(' ')).toMatch(/red squiggle/);
  });

  it('explains that nodejs24.x removed callback handlers', () => {
    const t = texts(record(loaderError('Runtime.CallbackHandlerDeprecated', 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24.')));
    expect(t[0]).toMatch(/takes a callback \(a third parameter\), and nodejs24\.x removed callback-style handlers/);
    expect(t.join(' ')).toMatch(/Make the handler async and return the response/);
  });

  it('explains a malformed handler name', () => {
    const t = texts(record(loaderError('Runtime.MalformedHandlerName', 'Bad handler')), { ...CONFIG, handler: 'index' });
    expect(t[0]).toBe('The handler setting "index" is not in the form file.export (for example index.handler), so Lambda could not tell which function to call.');
  });

  it('explains a timeout with the configured timeout and a discarded environment', () => {
    const r = record({
      status: 'timeout',
      errorType: 'Sandbox.Timedout',
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: r Error: Task timed out after 3.00 seconds', trace: [] },
      response: undefined,
      durationMs: 3001.36,
      billedDurationMs: 3002,
    });
    expect(texts(r)[0]).toBe(
      "Timed out: the handler was still running after 3 s (the function's timeout); Lambda stopped it and discarded the environment, so the next invocation is a cold start.",
    );
    // Without the message (older records), the configured timeout is used.
    const bare = record({ status: 'timeout', response: undefined, logs: '' });
    expect(texts(bare, { ...CONFIG, timeoutSeconds: 15 })[0]).toMatch(/still running after 15 s/);
  });

  it('explains running out of memory with the memory size', () => {
    const r = record({
      status: 'error',
      errorType: 'Runtime.OutOfMemory',
      error: { errorType: 'Runtime.OutOfMemory', errorMessage: 'RequestId: r Error: Runtime exited with error: signal: killed', trace: [] },
      response: undefined,
      memorySizeMB: 256,
      maxMemoryUsedMB: 256,
    });
    expect(texts(r)[0]).toMatch(/^Out of memory: the function used all of its 256 MB, so Lambda stopped it \(Runtime\.OutOfMemory\) and discarded the environment/);
  });

  it('explains an unhandled rejection', () => {
    const r = record({
      status: 'error',
      errorType: 'Runtime.UnhandledPromiseRejection',
      error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nope', trace: [] },
      response: undefined,
    });
    expect(texts(r)[0]).toMatch(/^A promise was rejected and nothing handled it \(Error: nope\)\. .*environment was discarded/);
  });

  it('explains Runtime.ExitError', () => {
    const r = record({
      status: 'error',
      errorType: 'Runtime.ExitError',
      error: { errorType: 'Runtime.ExitError', errorMessage: 'RequestId: r Error: Runtime exited with error: exit status 2', trace: [] },
      response: undefined,
    });
    expect(texts(r)[0]).toMatch(/runtime exited with exit status 2 before the handler finished — for example because the code called process\.exit\(\)/);
  });

  it('explains Function.ResponseSizeTooLarge', () => {
    const r = record({
      status: 'error',
      errorType: 'Function.ResponseSizeTooLarge',
      error: { errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).', trace: [] },
      response: undefined,
    });
    expect(texts(r)[0]).toMatch(/more than 6 MB, the most a synchronous invocation can send back/);
  });

  it('explains an error thrown by top-level code', () => {
    const r = record({
      ...loaderError('Error', 'boom'),
      error: { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom', '    at file:///var/task/index.mjs:1:7'] },
    });
    expect(texts(r)[0]).toBe('Function error during INIT: your top-level code threw Error ("boom") before the handler could run.');
    expect(all(r)).toContain('The trace points to index.mjs, line 1, column 7.');
  });

  it('is ready for throttling', () => {
    const t = texts(record({ status: 'throttled' }));
    expect(t[0]).toMatch(/^Throttled: /);
    expect(t.join(' ')).not.toMatch(/Billed duration/);
  });
});

describe('outcome and helpers', () => {
  it('maps statuses and error types to the badge', () => {
    expect(invocationOutcome({ status: 'success' })).toBe('success');
    expect(invocationOutcome({ status: 'error', errorType: 'TypeError' })).toBe('function-error');
    expect(invocationOutcome({ status: 'error', errorType: 'Runtime.OutOfMemory' })).toBe('out-of-memory');
    expect(invocationOutcome({ status: 'timeout' })).toBe('timeout');
    expect(invocationOutcome({ status: 'throttled' })).toBe('throttled');
    expect(statusLine({ status: 'error', errorType: 'RangeError' })).toBe('Failed: RangeError');
    expect(statusLine({ status: 'error', errorType: 'Runtime.OutOfMemory' })).toBe('Out of memory');
  });

  it('finds the first frame in the function code', () => {
    expect(userCodeLocation(['Error', '    at x (file:///var/runtime/index.mjs:1:1)', '    at y (/var/task/a/b.js:3:4)'])).toEqual({ file: 'a/b.js', line: 3, column: 4 });
    expect(userCodeLocation([])).toBeUndefined();
  });

  it('splits handler settings', () => {
    expect(splitHandler('src/app.main.fn')).toEqual({ module: 'src/app.main', exportName: 'fn' });
    expect(splitHandler('index')).toEqual({ module: 'index', exportName: '' });
  });

  it('formats costs for one invocation and for a million', () => {
    expect(formatUsd(2.0833375e-7)).toBe('$0.0000002083');
    expect(formatUsd(0.21)).toBe('$0.21');
    expect(formatUsd(0.004)).toBe('$0.004');
  });
});

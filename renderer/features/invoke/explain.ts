// "What happened", in a few sentences for a learner, from one invocation record and the
// function's settings: how the environment started, what the outcome means and what to do
// about it, and how the billed duration came about. Pure: no DOM, no engine calls (unit-tested
// in Node by test/renderer/explain.test.ts).
import type { FunctionConfig, InvocationRecord } from '../../../sandbox/api/index.ts';
import { formatDurationWords, formatMs } from '../../ui/format.ts';
import { invocationOutcome } from './outcome.ts';

/** The record's fields the explanation reads; `throttled` is ready for when the engine reports throttling. */
export type ExplainedRecord = Pick<
  InvocationRecord,
  'errorType' | 'error' | 'response' | 'logs' | 'coldStart' | 'initDurationMs' | 'durationMs' | 'billedDurationMs' | 'memorySizeMB' | 'maxMemoryUsedMB'
> & { status: InvocationRecord['status'] | 'throttled' };

/** The settings the explanation refers to; `files` (optional) lets it name the handler's file. */
export type ExplainConfig = Pick<FunctionConfig, 'handler' | 'timeoutSeconds' | 'memorySizeMB' | 'runtime'> & {
  files?: readonly { path: string }[];
};

export interface ExplainLine {
  /** `outcome`: what the result means; `start`: cold or warm; `billing`: the billed duration; `hint`: what to try. */
  kind: 'outcome' | 'start' | 'billing' | 'hint';
  text: string;
}

/** Node's built-in modules: if one of these "cannot be found", the lab's sandbox lacks it (real Lambda has them all). */
const NODE_BUILTINS = [
  'assert', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns',
  'domain', 'events', 'fs', 'http', 'http2', 'https', 'inspector', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'punycode',
  'querystring', 'readline', 'repl', 'stream', 'string_decoder', 'sys', 'timers', 'tls', 'trace_events', 'tty', 'url', 'util', 'v8', 'vm',
  'wasi', 'worker_threads', 'zlib', 'sea', 'sqlite', 'test',
];

const HANDLER_EXTENSIONS = ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'];

function quote(text: string, max = 140): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** `index.handler` → module `index`, export `handler`; `src/app.main.fn` → `src/app.main`, `fn`. */
export function splitHandler(handler: string): { module: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  return dot <= 0 ? { module: handler, exportName: '' } : { module: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

/** The file the handler setting points at: a real file when `files` has one, else `<module>.js/.mjs`. */
function handlerFileName(config: ExplainConfig): string {
  const { module } = splitHandler(config.handler);
  const found = config.files?.find((f) => HANDLER_EXTENSIONS.some((ext) => f.path === `${module}.${ext}`));
  return found?.path ?? `${module}.mjs`;
}

/** The first stack frame in the function's own code: `index.mjs, line 3, column 11`. */
export function userCodeLocation(trace: readonly string[]): { file: string; line: number; column: number } | undefined {
  for (const frame of trace) {
    const m = /(?:file:\/\/)?\/var\/task\/([^\s:()]+):(\d+):(\d+)/.exec(frame);
    if (m !== null) return { file: m[1] as string, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

/** `Cannot find module 'child_process'` / `Cannot find package 'node:vm' imported from …` → `child_process` / `vm`. */
function missingModule(message: string): string | undefined {
  const m = /Cannot find (?:module|package) '([^']+)'/.exec(message);
  return m?.[1];
}

function startLine(record: ExplainedRecord, initFailed: boolean): ExplainLine {
  if (!record.coldStart) {
    return {
      kind: 'start',
      text: 'Warm start: Lambda reused the environment of an earlier invocation, so your top-level code did not run again.',
    };
  }
  if (record.initDurationMs !== undefined && !initFailed) {
    return {
      kind: 'start',
      text: `Cold start: a new execution environment was created and your top-level code ran in ${formatDurationWords(record.initDurationMs)} before the handler.`,
    };
  }
  if (initFailed) {
    return {
      kind: 'start',
      text: 'Cold start: a new execution environment was created, but loading your code failed, so Lambda tried the INIT phase again inside this invocation.',
    };
  }
  return { kind: 'start', text: 'Cold start: a new execution environment was created for this invocation.' };
}

function billingLine(record: ExplainedRecord, initFailed: boolean): ExplainLine {
  const billed = `${Math.round(record.billedDurationMs)} ms`;
  if (record.initDurationMs !== undefined) {
    return {
      kind: 'billing',
      text: `Billed duration ${billed} = duration ${formatMs(record.durationMs)} + init ${formatMs(record.initDurationMs)}, rounded up: Lambda bills the INIT phase too.`,
    };
  }
  const extra = record.billedDurationMs - Math.ceil(record.durationMs);
  if (initFailed && extra > 1) {
    return {
      kind: 'billing',
      text: `Billed duration ${billed} = duration ${formatMs(record.durationMs)} + about ${Math.round(extra)} ms of the failed INIT phase, rounded up.`,
    };
  }
  return { kind: 'billing', text: `Billed duration ${billed}: the duration ${formatMs(record.durationMs)}, rounded up to the next millisecond.` };
}

function successLines(record: ExplainedRecord): ExplainLine[] {
  const lines: ExplainLine[] = [];
  let response: unknown;
  let parsed: boolean;
  try {
    response = record.response === undefined ? null : JSON.parse(record.response);
    parsed = true;
  } catch {
    parsed = false;
  }
  if (parsed && response === null) {
    lines.push({ kind: 'outcome', text: 'The handler returned nothing, so the caller received null.' });
  } else {
    lines.push({ kind: 'outcome', text: 'The handler returned a value; Lambda sent it to the caller as JSON.' });
  }
  if (parsed && typeof response === 'object' && response !== null && !Array.isArray(response)) {
    const r = response as Record<string, unknown>;
    if (typeof r['statusCode'] === 'number') {
      const body = r['body'];
      lines.push({
        kind: 'hint',
        text:
          typeof body === 'string' || body === undefined
            ? `Behind API Gateway this becomes an HTTP ${r['statusCode']} response${typeof body === 'string' ? ` with a ${body.length}-character body` : ' with an empty body'}.`
            : `API Gateway needs body to be a string: JSON.stringify it, or the caller gets an HTTP 502 error.`,
      });
    }
    const failures = r['batchItemFailures'];
    if (Array.isArray(failures)) {
      lines.push({
        kind: 'hint',
        text:
          failures.length === 0
            ? 'No message was reported in batchItemFailures, so SQS would delete the whole batch.'
            : `${failures.length} message${failures.length === 1 ? ' was' : 's were'} reported in batchItemFailures: SQS would delete the others and deliver only ${failures.length === 1 ? 'that one' : 'those'} again.`,
      });
    }
  }
  return lines;
}

function runtimeErrorLines(errorType: string, message: string, config: ExplainConfig, record: ExplainedRecord): ExplainLine[] | undefined {
  const file = handlerFileName(config);
  const { module, exportName } = splitHandler(config.handler);
  switch (errorType) {
    case 'Runtime.HandlerNotFound':
      if (/is not a function/.test(message)) {
        return [
          { kind: 'outcome', text: `Lambda loaded ${file} and found an export named ${exportName}, but it is not a function, so there was nothing to call.` },
          { kind: 'hint', text: `Export the handler as a function: export const ${exportName} = async (event) => { … }.` },
        ];
      }
      return [
        { kind: 'outcome', text: `Lambda loaded ${file} but it has no export named ${exportName === '' ? 'handler' : exportName} (the handler setting is ${config.handler}).` },
        { kind: 'hint', text: `Export it (export const ${exportName === '' ? 'handler' : exportName} = async (event) => { … }) or change the handler in Settings to the name you exported.` },
      ];
    case 'Runtime.UserCodeSyntaxError':
      return [
        { kind: 'outcome', text: `Syntax error: Lambda could not parse your code (${quote(message)}), so the handler never ran.` },
        { kind: 'hint', text: 'The editor underlines the line with a red squiggle; fix it and invoke again.' },
      ];
    case 'Runtime.ImportModuleError':
      return importLines(message, config, module);
    case 'Runtime.CallbackHandlerDeprecated':
      return [
        {
          kind: 'outcome',
          text: `Your handler takes a callback (a third parameter), and ${config.runtime === 'nodejs24.x' ? 'nodejs24.x' : 'Node.js 24'} removed callback-style handlers: Lambda refused to load it.`,
        },
        { kind: 'hint', text: 'Make the handler async and return the response (instead of calling callback), or choose nodejs22.x in Settings.' },
      ];
    case 'Runtime.MalformedHandlerName':
      return [
        { kind: 'outcome', text: `The handler setting "${config.handler}" is not in the form file.export (for example index.handler), so Lambda could not tell which function to call.` },
        { kind: 'hint', text: 'Fix the handler in Settings.' },
      ];
    case 'Runtime.UnhandledPromiseRejection':
      return [
        { kind: 'outcome', text: `A promise was rejected and nothing handled it (${quote(message)}). Lambda treats that as a crash: the runtime exited and the environment was discarded, so the next invocation is a cold start.` },
        { kind: 'hint', text: 'await the promise inside a try/catch, or add .catch() to it.' },
      ];
    case 'Runtime.ExitError': {
      const status = /exit status (\d+)/.exec(message)?.[1];
      const killed = /signal: killed/.test(message);
      return [
        {
          kind: 'outcome',
          text: killed
            ? 'The runtime process was killed before the handler finished. Lambda reports Runtime.ExitError and discards the environment, so the next invocation is a cold start.'
            : `The runtime exited${status !== undefined ? ` with exit status ${status}` : ''} before the handler finished — for example because the code called process.exit(). Lambda reports Runtime.ExitError and discards the environment, so the next invocation is a cold start.`,
        },
        { kind: 'hint', text: 'Return (or throw) from the handler instead of ending the process.' },
      ];
    }
    case 'Runtime.OutOfMemory':
      return oomLines(record);
    case 'Function.ResponseSizeTooLarge':
      return [
        { kind: 'outcome', text: 'The handler returned more than 6 MB, the most a synchronous invocation can send back, so the caller received Function.ResponseSizeTooLarge instead of the response.' },
        { kind: 'hint', text: 'Return less data, or store the result (for example in S3) and return where to find it.' },
      ];
    default:
      return undefined;
  }
}

function importLines(message: string, config: ExplainConfig, module: string): ExplainLine[] {
  const missing = missingModule(message);
  const builtin = missing?.replace(/^node:/, '').split('/')[0];
  if (builtin !== undefined && NODE_BUILTINS.includes(builtin)) {
    return [
      { kind: 'outcome', text: `Your code imports ${builtin}, which the lab's sandbox does not provide (real Lambda does: its Node.js runtime has every built-in module), so loading the code failed.` },
      { kind: 'hint', text: `Try this part on real AWS (export the function as a SAM project), or do without ${builtin} in the lab.` },
    ];
  }
  if (missing !== undefined && (missing === module || missing.endsWith(`/${module}`)) && /var\/runtime/.test(message)) {
    return [
      { kind: 'outcome', text: `Lambda looked for the handler's file ${module}.js, .mjs or .cjs (from the handler setting ${config.handler}) and the function has no such file.` },
      { kind: 'hint', text: 'Rename the file or change the handler in Settings.' },
    ];
  }
  return [
    { kind: 'outcome', text: `Loading your code failed: a module it imports could not be found (${quote(message)}).` },
    {
      kind: 'hint',
      text: 'Check the file name and the import path: relative paths start with ./, and ES modules (.mjs) must include the file extension. npm packages must be inside the function\'s files.',
    },
  ];
}

function oomLines(record: ExplainedRecord): ExplainLine[] {
  return [
    {
      kind: 'outcome',
      text: `Out of memory: the function used all of its ${record.memorySizeMB} MB, so Lambda stopped it (Runtime.OutOfMemory) and discarded the environment; the next invocation is a cold start.`,
    },
    { kind: 'hint', text: 'Give the function more memory in Settings, or hold less data at once (stream it, process it in parts).' },
  ];
}

function timeoutLines(record: ExplainedRecord, config: ExplainConfig): ExplainLine[] {
  const fromMessage = /timed out after ([\d.]+) seconds/.exec(record.error?.errorMessage ?? record.logs)?.[1];
  const seconds = fromMessage !== undefined ? Number(fromMessage) : config.timeoutSeconds;
  return [
    {
      kind: 'outcome',
      text: `Timed out: the handler was still running after ${formatDurationWords(seconds * 1000)} (the function's timeout); Lambda stopped it and discarded the environment, so the next invocation is a cold start.`,
    },
    { kind: 'hint', text: 'Raise the timeout in Settings, or look for what the handler waits on: a promise that never settles, a slow loop, a timer.' },
  ];
}

function functionErrorLines(record: ExplainedRecord, config: ExplainConfig): ExplainLine[] {
  const error = record.error;
  const errorType = record.errorType ?? error?.errorType ?? 'Error';
  const message = error?.errorMessage ?? '';
  const runtime = runtimeErrorLines(errorType, message, config, record);
  if (runtime !== undefined) return runtime;

  // Plain Node errors while loading code (ERR_MODULE_NOT_FOUND and friends) come as `Error`.
  if (missingModule(message) !== undefined) return importLines(message, config, splitHandler(config.handler).module);

  const where = userCodeLocation(error?.trace ?? []);
  const inInit = /\tundefined\tERROR\tUncaught Exception/.test(record.logs) || /INIT_REPORT .*Status: error/.test(record.logs);
  const lines: ExplainLine[] = [
    {
      kind: 'outcome',
      text: inInit
        ? `Function error during INIT: your top-level code threw ${errorType}${message !== '' ? ` ("${quote(message, 100)}")` : ''} before the handler could run.`
        : `Function error: your handler threw ${errorType}${message !== '' ? ` ("${quote(message, 100)}")` : ''}. Lambda logged it as an "Invoke Error" line and returned {errorType, errorMessage, trace} to the caller; the environment stays warm.`,
    },
  ];
  if (/^Cannot read propert(y|ies) of (undefined|null)/.test(message)) {
    lines.push({ kind: 'hint', text: 'Your code read a field of something that was undefined — often a field the event does not have. Compare the event with what the handler reads.' });
  }
  if (where !== undefined) {
    lines.push({ kind: 'hint', text: `The trace points to ${where.file}, line ${where.line}, column ${where.column}.` });
  } else {
    lines.push({ kind: 'hint', text: inInit ? 'The "Uncaught Exception" line in the log shows the stack.' : 'The "Invoke Error" line in the log shows the stack.' });
  }
  return lines;
}

function throttledLines(): ExplainLine[] {
  return [
    { kind: 'outcome', text: 'Throttled: Lambda refused the invocation because the function was already running as many copies as its concurrency allows; the handler did not run and nothing was billed.' },
    { kind: 'hint', text: 'Callers retry throttled invocations; raise the function\'s concurrency or slow the callers down.' },
  ];
}

/** Errors raised while loading the code: INIT failed, so this invocation retried it. */
const INIT_ERROR_TYPES = new Set([
  'Runtime.HandlerNotFound', 'Runtime.UserCodeSyntaxError', 'Runtime.ImportModuleError', 'Runtime.CallbackHandlerDeprecated', 'Runtime.MalformedHandlerName',
]);

/** The learner's explanation of one invocation, most important line first. */
export function explainInvocation(record: ExplainedRecord, config: ExplainConfig): ExplainLine[] {
  const outcome = invocationOutcome(record);
  if (outcome === 'throttled') return throttledLines();

  const errorType = record.errorType ?? record.error?.errorType;
  const initFailed =
    record.coldStart &&
    record.initDurationMs === undefined &&
    (INIT_ERROR_TYPES.has(errorType ?? '') || /INIT_REPORT .*Phase: invoke.*Status: error/.test(record.logs));

  let outcomeLines: ExplainLine[];
  switch (outcome) {
    case 'success':
      outcomeLines = successLines(record);
      break;
    case 'timeout':
      outcomeLines = timeoutLines(record, config);
      break;
    case 'out-of-memory':
      outcomeLines = oomLines(record);
      break;
    case 'function-error':
      outcomeLines = functionErrorLines(record, config);
      break;
  }
  const start = startLine(record, initFailed);
  const billing = billingLine(record, initFailed);
  const [first, ...rest] = outcomeLines;
  // A success reads best starting with how the environment started; a failure with what went wrong.
  return outcome === 'success' ? [start, ...outcomeLines, billing] : [...(first === undefined ? [] : [first]), start, ...rest, billing];
}

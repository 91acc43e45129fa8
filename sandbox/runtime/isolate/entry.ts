// Boot script of an execution environment: runs first in a fresh isolate, before any user
// code. It captures what it needs, installs the Node-like globals a handler expects and
// hands the runner a few entry points (`__lab_glue`), which the runner takes and deletes.
import { installNodeGlobals } from './builtins/globals.ts';
import { setHostOutOfMemoryHandler, type HostCall } from './builtins/host.ts';
import { createBuiltins } from './builtins/index.ts';
import { createConsole } from './console.ts';
import { bound, runtimeError, toFormatted, toRapidResponse, type RapidError } from './errors.ts';
import { TaskFiles } from './files.ts';
import {
  ESM_BRIDGE_SYMBOL, type BootConfig, type InvokeInput, type Outcome,
} from './glue-api.ts';
import { HandlerContract, type HandlerInfo } from './handler-contract.ts';
import {
  JSONParse, JSONStringify, ObjectDefineProperty, ObjectGetOwnPropertyNames, ObjectKeys, PromisePrototypeThen,
  PromiseResolve, StringCtor, call, MathTrunc, NumberCtor, NumberIsFinite, StringPrototypeSplit,
} from './intrinsics.ts';
import { LogSink } from './logs.ts';
import { CjsLoader, type CjsModule, requireEsmError } from './modules.ts';
import { basename } from './module-resolution.ts';
import { ProcessExit, createProcess, type ProcessState } from './process.ts';
import { TimerTable, installTimerGlobals, type TimerOp } from './timers.ts';

const g = globalThis as unknown as Record<string | symbol, unknown>;

// ---- take what the runner left for us, then remove it from reach --------------------------
const config = JSONParse(g['__lab_boot_config'] as string) as BootConfig;
const logBuffer = g['__lab_log_buffer'] as SharedArrayBuffer;
// The runner's one host capability (entropy, clock, /tmp): kept in closures, never reachable.
const hostCall = g['__lab_host'] as HostCall;
delete g['__lab_boot_config'];
delete g['__lab_log_buffer'];
delete g['__lab_host'];

// WebAssembly memory is allocated outside the isolate's heap limit, so it stays off.
delete g['WebAssembly'];

const nodejs24 = config.runtime === 'nodejs24.x';
const sink = new LogSink(logBuffer, config.logFormat, config.minLogLevel);
const timers = new TimerTable();
const processState: ProcessState = { exitCode: undefined, outOfMemory: false };
const files = new TaskFiles(config.files);
const proc = createProcess({
  env: config.env,
  runtime: config.runtime,
  arch: config.architecture,
  sink,
  state: processState,
  startTime: config.startTime,
});
const consoleObject = createConsole(sink);

function defineGlobal(name: string, value: unknown): void {
  ObjectDefineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
}
defineGlobal('global', g);
defineGlobal('console', consoleObject);
defineGlobal('process', proc);
installTimerGlobals(g as Record<string, unknown>, timers);
defineGlobal('queueMicrotask', function queueMicrotask(fn: unknown) {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  call(PromisePrototypeThen, PromiseResolve(undefined), () => {
    try {
      (fn as () => void)();
    } catch (e) {
      contract?.reportUncaught(e);
    }
  });
});
defineGlobal('fetch', function fetch(input: unknown) {
  return Promise.reject(
    new TypeError(
      `fetch failed: Lambda Lab runs offline, so functions cannot reach the network (${StringCtor(input)}). Use the lab's simulated AWS services instead.`,
    ),
  );
});
const HANDLER_STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
defineGlobal('awslambda', {
  streamifyResponse(handler: Record<symbol, unknown>) {
    handler[HANDLER_STREAMING] = 'response';
    return handler;
  },
  HttpResponseStream: class HttpResponseStream {},
});

const nodeDeps = { hostCall, files, startTime: config.startTime };
// Data too large for the isolate's memory (e.g. reading a huge /tmp file) ends the
// environment the way Lambda's OOM kill does.
setHostOutOfMemoryHandler(() => {
  processState.outOfMemory = true;
  throw new ProcessExit(137);
});
installNodeGlobals(g, nodeDeps);

const builtins = createBuiltins({ process: proc, console: consoleObject, global: g as Record<string, unknown>, ...nodeDeps });
const loader = new CjsLoader(files, builtins, (path: string, parent: CjsModule | undefined) => {
  // Lambda starts nodejs20/22 with --no-experimental-require-module; the lab's isolate cannot
  // load an ES module synchronously on any runtime (see README "Known differences").
  throw requireEsmError(path, parent);
});

// Generated ES module wrappers (built-ins, CommonJS files, JSON) reach the loader through this
// fixed, non-writable global; it gives nothing that `require` would not.
let esmNamespace: unknown;
let esmReadyToReport = false;
ObjectDefineProperty(g, Symbol.for(ESM_BRIDGE_SYMBOL), {
  value: Object.freeze({
    builtin: (name: string) => loader.builtin(name),
    cjs: (path: string) => loader.load(path, undefined),
    // Called by the runner's entry wrapper once the handler module (top-level await included)
    // has finished evaluating. Only the first call counts.
    ready: (namespace: unknown) => {
      if (esmNamespace !== undefined) return;
      esmNamespace = namespace;
      esmReadyToReport = true;
    },
  }),
  writable: false,
  configurable: false,
  enumerable: false,
});

// ---- the handler ----------------------------------------------------------------------------
let contract: HandlerContract | undefined;

function envData() {
  const env = proc['env'] as Record<string, string>;
  return {
    functionName: env['AWS_LAMBDA_FUNCTION_NAME'] as string,
    functionVersion: env['AWS_LAMBDA_FUNCTION_VERSION'] as string,
    memoryLimitInMB: env['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'] as string,
    logGroupName: env['AWS_LAMBDA_LOG_GROUP_NAME'] as string,
    logStreamName: env['AWS_LAMBDA_LOG_STREAM_NAME'] as string,
  };
}

function setTraceEnv(traceId: string | undefined): void {
  const env = proc['env'] as Record<string, string>;
  if (traceId === undefined) delete env['_X_AMZN_TRACE_ID'];
  else env['_X_AMZN_TRACE_ID'] = traceId;
}

/** RIC's handler lookup: nested path inside the module (and its `default` on nodejs24). */
function findIn(path: string, module: unknown): unknown {
  let v: unknown = module;
  const keys = call(StringPrototypeSplit, path, '.') as string[];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (!v || (typeof v !== 'object' && typeof v !== 'function')) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const CALLBACK_REMOVED =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';
const CALLBACK_WARNING =
  'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.';

/** Frames Lambda shows for errors raised by its runtime loader (line numbers vary by version). */
const RIC_LOADER_FRAMES = [
  '    at _loadUserApp (file:///var/runtime/index.mjs:1087:17)',
  '    at async UserFunction.js.module.exports.load (file:///var/runtime/index.mjs:1119:21)',
  '    at async start (file:///var/runtime/index.mjs:1282:23)',
  '    at async file:///var/runtime/index.mjs:1288:1',
];

function loaderError(type: string, message: string): Error {
  const e = runtimeError(type, message);
  e.stack = `${e.name}: ${message}\n${RIC_LOADER_FRAMES.join('\n')}`;
  return e;
}

/** Wraps an error thrown while loading user code the way RIC's _loadUserApp does. */
function classifyLoadError(e: unknown): unknown {
  if (e instanceof SyntaxError) return loaderError('UserCodeSyntaxError', StringCtor(e));
  if (e !== null && typeof e === 'object' && (e as { code?: unknown }).code === 'MODULE_NOT_FOUND') {
    return loaderError('ImportModuleError', StringCtor(e));
  }
  return e;
}

function bindHandler(moduleValue: unknown, handlerName: string, fullHandler: string): Outcome {
  let fn = findIn(handlerName, moduleValue);
  if (!fn && nodejs24 && moduleValue !== null && typeof moduleValue === 'object' && 'default' in moduleValue) {
    fn = findIn(handlerName, (moduleValue as Record<string, unknown>)['default']);
  }
  if (!fn) return initFailure(loaderError('HandlerNotFound', `${fullHandler} is undefined or not exported`));
  if (typeof fn !== 'function') return initFailure(loaderError('HandlerNotFound', `${fullHandler} is not a function`));
  const handlerFn = fn as (...a: unknown[]) => unknown;
  let isAsync: boolean;
  try {
    isAsync = handlerFn.constructor?.name === 'AsyncFunction';
  } catch {
    isAsync = false;
  }
  const info: HandlerInfo = { fn: handlerFn, isAsync, argsNum: handlerFn.length };
  const streaming = (handlerFn as unknown as Record<symbol, unknown>)[HANDLER_STREAMING];
  if (nodejs24 && info.argsNum >= 3 && !streaming) {
    return initFailure(loaderError('CallbackHandlerDeprecated', CALLBACK_REMOVED));
  }
  const env = proc['env'] as Record<string, string | undefined>;
  if (!nodejs24 && info.argsNum === 3 && !isAsync && !streaming && env['AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING'] === undefined) {
    sink.log('WARN', [CALLBACK_WARNING]);
  }
  contract = new HandlerContract(info, config.runtime, sink, envData, processState, setTraceEnv);
  return { ok: true };
}

/** An INIT failure: logged as `Uncaught Exception` (requestId undefined) and reported. */
function initFailure(e: unknown): Outcome {
  if (e instanceof ProcessExit) {
    processState.exitCode = e.code;
    return { ok: false, error: exitError(e.code) };
  }
  if (config.logFormat === 'JSON') sink.log('ERROR', [e]);
  else sink.log('ERROR', ['Uncaught Exception', toFormatted(e instanceof Error ? e : new Error(StringCtor(e)), nodejs24)]);
  return { ok: false, error: toRapidResponse(e, nodejs24) };
}

function exitError(code: number): RapidError {
  return { errorType: 'Runtime.ExitError', errorMessage: `Runtime exited with error: exit status ${code}`, trace: [] };
}

// ---- turn output ----------------------------------------------------------------------------
// Built by hand from primitives so that a poisoned Array.prototype.toJSON or
// Object.prototype getter cannot change what the runner receives.
const q = (s: string): string => JSONStringify(StringCtor(s)) as string;
function encodeRapid(e: RapidError): string {
  let trace = '';
  for (let i = 0; i < e.trace.length; i++) trace += (i === 0 ? '' : ',') + q(e.trace[i] as string);
  return `{"errorType":${q(bound(e.errorType))},"errorMessage":${q(bound(e.errorMessage))},"trace":[${trace}]}`;
}
function encodeOutcome(o: Outcome): string {
  return o.ok ? '{"ok":true}' : `{"ok":false,"error":${encodeRapid(o.error)}}`;
}
/** A number for the turn header: always a finite integer, whatever the value really is. */
function int(n: unknown): number {
  return typeof n === 'number' && NumberIsFinite(n) ? MathTrunc(n) : 0;
}
function encodeOps(ops: TimerOp[]): string {
  let s = '';
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as TimerOp;
    s += (i === 0 ? '' : ',') + (op[0] === 's' ? `["s",${int(op[1])},${int(op[2])},${op[3] === 1 ? 1 : 0}]` : op[0] === 'c' ? `["c",${int(op[1])}]` : `["r",${int(op[1])},${op[2] === 1 ? 1 : 0}]`);
  }
  return `[${s}]`;
}

let pendingInit: Outcome | undefined;

/** Everything that happened since the last flush, for the runner (read right after each turn). */
function finishTurn(): string {
  let out = `{"ops":${encodeOps(timers.takeOps())}`;
  let response = '';
  if (pendingInit !== undefined) {
    out += `,"init":${encodeOutcome(pendingInit)}`;
    pendingInit = undefined;
  }
  const state = contract?.state;
  if (state !== undefined) {
    if (state.outcome !== undefined) {
      out += `,"outcome":${encodeOutcome(state.outcome)}`;
      if (state.outcome.ok) response = state.response ?? 'null';
    }
    if (state.deferred) out += ',"deferred":true';
    if (state.uncaught !== undefined) out += `,"uncaught":${encodeRapid(state.uncaught)}`;
  }
  if (processState.exitCode !== undefined) out += `,"exit":${int(processState.exitCode) & 0xff}`;
  if (processState.outOfMemory) out += ',"oom":true';
  if (esmReadyToReport) {
    out += ',"esmReady":true';
    esmReadyToReport = false;
  }
  out += '}';
  return response === '' ? out : `${out}\n${response}`;
}

/**
 * Runs one entry into user code. The result is read by a separate `flush` call, made after
 * isolated-vm has drained the microtask queue, so promise reactions of this turn are included.
 */
function guarded(fn: () => Outcome | void): string {
  try {
    const r = fn();
    if (r !== undefined) pendingInit = r;
  } catch (e) {
    if (e instanceof ProcessExit) processState.exitCode = e.code;
    else if (contract !== undefined) contract.reportUncaught(e);
    else pendingInit = initFailure(e);
  }
  return '';
}

function splitHandler(fullHandler: string): { handlerName: string } {
  const base = basename(fullHandler);
  const dot = base.indexOf('.');
  return { handlerName: base.slice(dot + 1) };
}

const glue = {
  /** Loads a CommonJS (or JSON/extensionless) handler module and binds the handler. */
  loadCjsHandler(path: string): string {
    return guarded(() => {
      const { handlerName } = splitHandler(config.handler);
      let moduleValue: unknown;
      try {
        moduleValue = loader.load(StringCtor(path), undefined);
      } catch (e) {
        return initFailure(classifyLoadError(e));
      }
      return bindHandler(moduleValue, handlerName, config.handler);
    });
  },
  /** Binds the handler from an evaluated ES module namespace (passed in by the runner). */
  /** Binds the handler from the ES module namespace the entry wrapper reported as ready. */
  bindEsmHandler(): string {
    return guarded(() => bindHandler(esmNamespace, splitHandler(config.handler).handlerName, config.handler));
  },
  /**
   * Loading failed before any user code could run it (found by the runner: malformed handler
   * string, missing module, ES module syntax or link errors, a throw during ES module evaluation).
   * The glue logs it and shapes it exactly like the runtime would.
   */
  loadFailed(kind: string, message: string, name: string, stack: string): string {
    return guarded(() => {
      if (kind === 'malformed') {
        const e = runtimeError('MalformedHandlerName', message);
        e.stack = `${e.name}: ${message}\n${RIC_LOADER_FRAMES.slice(1).join('\n')}`;
        return initFailure(e);
      }
      if (kind === 'syntax') return initFailure(loaderError('UserCodeSyntaxError', `SyntaxError: ${message}`));
      if (kind === 'import') return initFailure(loaderError('ImportModuleError', message));
      const e = new Error(message);
      e.name = name;
      e.stack = stack;
      return initFailure(e);
    });
  },
  invoke(inputJson: string): string {
    return guarded(() => {
      if (contract === undefined) throw new Error('handler not loaded');
      contract.start(JSONParse(inputJson) as InvokeInput);
    });
  },
  /** Runs the timers that came due, in order ("1,2,3"); an uncaught exception stops the rest, as in Node. */
  fireTimers(ids: string): string {
    return guarded(() => {
      const list = call(StringPrototypeSplit, StringCtor(ids), ',') as string[];
      for (let i = 0; i < list.length; i++) {
        try {
          timers.fire(NumberCtor(list[i]));
        } catch (e) {
          if (contract !== undefined) contract.reportUncaught(e);
          else pendingInit = initFailure(e);
          return;
        }
      }
    });
  },
  emptyLoop(): string {
    return guarded(() => {
      contract?.onEmptyEventLoop();
    });
  },
  /** The turn's result (called synchronously after every entry into user code). */
  flush(): string {
    return finishTurn();
  },
  /** Export names of a built-in, for the generated ES module wrapper. */
  builtinExports(name: string): string {
    const id = StringCtor(name);
    if (!loader.hasBuiltin(id)) return 'null';
    try {
      const m = loader.builtin(id);
      return JSONStringify(m !== null && (typeof m === 'object' || typeof m === 'function') ? ObjectKeys(m) : []) as string;
    } catch {
      return '[]';
    }
  },
  /** Evaluates a CommonJS file imported from an ES module; returns its export names. */
  cjsExportsForEsm(path: string): string {
    let names: string[];
    try {
      const m = loader.load(StringCtor(path), undefined);
      names = m !== null && (typeof m === 'object' || typeof m === 'function') ? ObjectGetOwnPropertyNames(m) : [];
    } catch (e) {
      pendingInit = initFailure(classifyLoadError(e));
      return '{"ok":false}';
    }
    let list = '';
    for (let i = 0; i < names.length; i++) list += (i === 0 ? '' : ',') + q(names[i] as string);
    return `{"ok":true,"names":[${list}]}`;
  },
};

ObjectDefineProperty(g, '__lab_glue', { value: glue, writable: false, configurable: true, enumerable: false });

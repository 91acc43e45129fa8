// How Lambda's Node.js runtime calls a handler and turns what it does into a result:
// RIC 3.x semantics for nodejs20.x/22.x (callbacks, context.succeed/fail/done,
// callbackWaitsForEmptyEventLoop, sync return values ignored) and RIC 4 semantics for
// nodejs24.x (the handler is awaited; callbacks removed).
import { bound, intoError, runtimeError, toFormatted, toRapidResponse, type RapidError } from './errors.ts';
import type { InvokeInput, Outcome } from './glue-api.ts';
import {
  JSONParse, JSONStringify, ObjectDefineProperty, ReflectApply,
} from './intrinsics.ts';
import type { LogSink } from './logs.ts';
import { ProcessExit, type ProcessState } from './process.ts';
import { utf8Length } from './utf8.ts';

/** Lambda's synchronous response limit; larger results fail with Function.ResponseSizeTooLarge. */
const MAX_RESPONSE_BYTES = 6_291_556;

export interface HandlerInfo {
  fn: (...args: unknown[]) => unknown;
  isAsync: boolean;
  argsNum: number;
}

export interface EnvData {
  functionName: string;
  functionVersion: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
}

/** State of the invocation in progress, read by the glue after every turn. */
export interface InvocationState {
  outcome: Outcome | undefined;
  /** Response JSON text once `outcome.ok`. */
  response: string | undefined;
  /** The callback was called but Lambda waits for the event loop to drain. */
  deferred: boolean;
  deferredResult: unknown;
  /** An exception escaped user code outside the handler's own call (timer, callback). */
  uncaught: RapidError | undefined;
}

export function newInvocationState(): InvocationState {
  return { outcome: undefined, response: undefined, deferred: false, deferredResult: undefined, uncaught: undefined };
}

// RIC calls the handler as a method (`this.handler(...)`), so stack traces read
// `at Runtime.handler (/var/task/index.js:...)` (nodejs20/22) and sloppy-mode `this` is that object.
class Runtime {
  constructor(readonly handler: (...a: unknown[]) => unknown) {}
}
class BufferedInvokeProcessor {
  constructor(readonly handler: (...a: unknown[]) => unknown) {}
}

export class HandlerContract {
  readonly nodejs24: boolean;
  private current: InvocationState = newInvocationState();
  private readonly receiver: Runtime | BufferedInvokeProcessor;
  constructor(
    private readonly handler: HandlerInfo,
    readonly runtime: string,
    private readonly sink: LogSink,
    private readonly envData: () => EnvData,
    private readonly processState: ProcessState,
    private readonly setTraceEnv: (traceId: string | undefined) => void,
  ) {
    this.nodejs24 = runtime === 'nodejs24.x';
    this.receiver = this.nodejs24 ? new BufferedInvokeProcessor(handler.fn) : new Runtime(handler.fn);
  }

  get state(): InvocationState {
    return this.current;
  }

  /** Logs an invocation error the way the runtime does (`Invoke Error` + formatted error). */
  logInvokeError(err: unknown): void {
    if (this.sink.format === 'JSON') this.sink.log('ERROR', [intoError(err)]);
    else this.sink.log('ERROR', ['Invoke Error', toFormatted(intoError(err), this.nodejs24)]);
  }

  private succeed(state: InvocationState, result: unknown): void {
    if (state.outcome !== undefined) return;
    let json: string | undefined;
    try {
      json = JSONStringify(result === undefined ? null : result);
    } catch {
      // RIC3 throws a plain Error that its own .catch turns into a failure; RIC4 names it.
      const err = this.nodejs24
        ? runtimeError('JSONStringifyError', 'Unable to stringify response body')
        : new Error('Unable to stringify response body');
      this.fail(state, err);
      return;
    }
    if (json === undefined) json = 'null';
    if (json.length > MAX_RESPONSE_BYTES / 4 && utf8Length(json) > MAX_RESPONSE_BYTES) {
      state.outcome = {
        ok: false,
        error: {
          errorType: 'Function.ResponseSizeTooLarge',
          errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
          trace: [],
        },
      };
      return;
    }
    state.outcome = { ok: true };
    state.response = json;
  }

  private fail(state: InvocationState, err: unknown): void {
    if (state.outcome !== undefined) return;
    this.logInvokeError(err);
    state.outcome = { ok: false, error: toRapidResponse(err, this.nodejs24) };
  }

  /** Starts the handler for one invocation. Completion may come later (promise, callback, timers). */
  start(input: InvokeInput): void {
    const state = newInvocationState();
    this.current = state;
    this.sink.requestId = input.requestId;
    this.setTraceEnv(input.traceId);
    let event: unknown;
    try {
      event = JSONParse(input.event);
    } catch (e) {
      this.fail(state, e);
      return;
    }
    if (this.nodejs24) this.startAwaited(state, input, event);
    else this.startWithCallbacks(state, input, event);
  }

  private contextBase(input: InvokeInput): Record<string, unknown> {
    const env = this.envData();
    const deadline = input.deadlineMs;
    return {
      functionVersion: env.functionVersion,
      functionName: env.functionName,
      memoryLimitInMB: env.memoryLimitInMB,
      logGroupName: env.logGroupName,
      logStreamName: env.logStreamName,
      clientContext: parseOptional(input.clientContext, 'ClientContext'),
      identity: parseOptional(input.identity, 'CognitoIdentity'),
      invokedFunctionArn: input.invokedFunctionArn,
      awsRequestId: input.requestId,
      tenantId: undefined,
      getRemainingTimeInMillis: function () {
        return deadline - Date.now();
      },
    };
  }

  /** nodejs24.x (RIC 4): `await handler(event, context)`; the result is whatever it resolves to. */
  private startAwaited(state: InvocationState, input: InvokeInput, event: unknown): void {
    const env = this.envData();
    const deadline = input.deadlineMs;
    const context = {
      clientContext: parseOptional(input.clientContext, 'ClientContext'),
      identity: parseOptional(input.identity, 'CognitoIdentity'),
      invokedFunctionArn: input.invokedFunctionArn,
      awsRequestId: input.requestId,
      tenantId: undefined,
      xRayTraceId: input.traceId,
      getRemainingTimeInMillis: function () {
        return deadline - Date.now();
      },
      w3c: function () {
        return Object.freeze({});
      },
      functionName: env.functionName,
      functionVersion: env.functionVersion,
      memoryLimitInMB: env.memoryLimitInMB,
      logGroupName: env.logGroupName,
      logStreamName: env.logStreamName,
    };
    let result: unknown;
    try {
      result = ReflectApply(this.handler.fn, this.receiver, [event, context]);
    } catch (e) {
      this.failOrExit(state, e);
      return;
    }
    if (isThenable(result)) void this.settleAwaited(state, result, (e) => this.failOrExit(state, e));
    else this.succeed(state, result);
  }

  /**
   * Settles a thenable result with the engine's own `await` (as RIC 4 does), so a poisoned
   * `Promise.prototype.then` or `Symbol.species` cannot change how the glue observes it.
   * Never rejects.
   */
  private async settleAwaited(state: InvocationState, result: unknown, onError: (e: unknown) => void): Promise<void> {
    let value: unknown;
    try {
      value = await result;
    } catch (e) {
      onError(e);
      return;
    }
    this.succeed(state, value);
  }

  /** nodejs20.x/22.x (RIC 3): callback, context.succeed/fail/done and the event-loop rules. */
  private startWithCallbacks(state: InvocationState, input: InvokeInput, event: unknown): void {
    let finished = false;
    let waitForEmptyEventLoop = true;
    const onlyFirst = (fn: (...a: unknown[]) => void) =>
      function (...args: unknown[]): void {
        if (!finished) {
          fn(...args);
          finished = true;
        }
      };
    const done = (err?: unknown, result?: unknown): void => {
      state.deferred = false;
      if (err !== undefined && err !== null) this.fail(state, err);
      else this.succeed(state, result);
    };
    const callback = onlyFirst((err?: unknown, result?: unknown) => {
      if (err !== undefined && err !== null) {
        this.fail(state, err);
      } else if (!waitForEmptyEventLoop) {
        state.deferred = false;
        this.succeed(state, result);
      } else {
        // Lambda answers once the event loop is empty (BeforeExitListener in RIC).
        state.deferred = true;
        state.deferredResult = result;
      }
    });
    const context: Record<string, unknown> = {};
    ObjectDefineProperty(context, 'callbackWaitsForEmptyEventLoop', {
      get: () => waitForEmptyEventLoop,
      set: (v: unknown) => {
        waitForEmptyEventLoop = v as boolean;
      },
      enumerable: true,
      configurable: true,
    });
    const fields: Record<string, unknown> = {
      succeed: onlyFirst((result?: unknown) => done(null, result)),
      fail: onlyFirst((err?: unknown) => done(err === undefined || err === null ? 'handled' : err, null)),
      done: onlyFirst(done),
      ...this.contextBase(input),
    };
    for (const key in fields) {
      ObjectDefineProperty(context, key, { value: fields[key], writable: true, enumerable: true, configurable: true });
    }
    let result: unknown;
    try {
      result = ReflectApply(this.handler.fn, this.receiver, [event, context, callback]);
    } catch (e) {
      if (e instanceof ProcessExit) {
        this.processState.exitCode = e.code;
        return;
      }
      callback(e);
      return;
    }
    if (isThenable(result)) {
      // RIC 3 chains `result.then(context.succeed, context.fail)`; the glue awaits instead, with
      // the same outcome for any real promise and no dependence on user-visible `then`.
      const succeed = fields['succeed'] as (v: unknown) => void;
      const fail = fields['fail'] as (e: unknown) => void;
      void (async () => {
        let value: unknown;
        try {
          value = await result;
        } catch (e) {
          if (e instanceof ProcessExit) this.processState.exitCode = e.code;
          else fail(e);
          return;
        }
        succeed(value);
      })();
    }
  }

  private failOrExit(state: InvocationState, e: unknown): void {
    if (e instanceof ProcessExit) {
      this.processState.exitCode = e.code;
      return;
    }
    this.fail(state, e);
  }

  /**
   * The event loop has drained and no result was posted (RIC3's BeforeExitListener).
   * A deferred callback result is sent now; an async handler that never settled is an error.
   */
  onEmptyEventLoop(): void {
    const state = this.current;
    if (state.outcome !== undefined) return;
    if (state.deferred) {
      state.deferred = false;
      this.succeed(state, state.deferredResult);
      return;
    }
    if (this.nodejs24) {
      // UNCONFIRMED (facts §1): RIC 4 awaits the handler with no exit hook, so Node exits
      // with code 13 (unsettled top-level await) and Lambda reports the exit.
      state.outcome = {
        ok: false,
        error: { errorType: 'Runtime.ExitError', errorMessage: 'RequestId: ' + StringOrEmpty(this.sink.requestId) + ' Error: Runtime exited with error: exit status 13', trace: [] },
      };
      this.processState.exitCode = 13;
      return;
    }
    if (this.handler.isAsync) {
      const err = runtimeError(
        'NodeJsExit',
        'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes',
      );
      this.fail(state, err);
    } else {
      this.succeed(state, null);
    }
  }

  /** An exception escaped a timer or other callback: logged as Uncaught Exception; env exits (129). */
  reportUncaught(e: unknown): void {
    if (e instanceof ProcessExit) {
      this.processState.exitCode = e.code;
      return;
    }
    if (this.sink.format === 'JSON') this.sink.log('ERROR', [intoError(e)]);
    else this.sink.log('ERROR', ['Uncaught Exception', toFormatted(intoError(e), this.nodejs24)]);
    this.current.uncaught = toRapidResponse(e, this.nodejs24);
  }
}

function StringOrEmpty(s: string | undefined): string {
  return s === undefined ? '' : s;
}

function isThenable(v: unknown): boolean {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

function parseOptional(text: string | undefined, name: string): unknown {
  if (text === undefined) return undefined;
  try {
    return JSONParse(text);
  } catch (err) {
    throw new Error(`Cannot parse ${name} as json: ${bound(String(err))}`, { cause: err });
  }
}

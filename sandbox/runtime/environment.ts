// One execution environment = one isolate: INIT (with Lambda's 10 s limit and the retry in
// the first invoke), invocations with a wall-clock deadline, timers driven from here and
// frozen between invocations, the log written by the isolate into shared memory, and the
// environment discarded after a timeout, out-of-memory, exit or crash — as Lambda does.
import ivm from 'isolated-vm';
import { performance } from 'node:perf_hooks';
import type { TraceMap } from '@jridgewell/trace-mapping';
import { mapTypeScriptPositions, prepareCode, type SourceFile } from './code-files.ts';
import { copiedError } from './copied-error.ts';
import { EsmLinker, EsmLoadError } from './esm-linker.ts';
import { parseTurn } from './turn-output.ts';
import { MalformedHandlerName, parseHandler } from './handler-string.ts';
import { HostCalls } from './host-calls.ts';
import type { RapidError } from './isolate/errors.ts';
import type { TaskFile } from './isolate/files.ts';
import {
  GLUE_FUNCTIONS, type BootConfig, type GlueFunction, type InvokeInput, type Outcome, type TurnOutput,
} from './isolate/glue-api.ts';
import {
  LOG_BUFFER_BYTES, LOG_DROPPED_BYTES, LOG_DROPPED_EVENTS, LOG_HEADER_BYTES, LOG_WRITE_OFFSET,
} from './isolate/log-buffer-layout.ts';
import { type FileLookup, findHandlerModule } from './isolate/module-resolution.ts';
import { lambdaEnvironment, logStreamName } from './lambda-env.ts';
import { billedDurationMs, platformLog, type PlatformLog, type ReportStatus } from './platform-log.ts';

export type RuntimeId = 'nodejs20.x' | 'nodejs22.x' | 'nodejs24.x';
const LOG_LEVELS: Record<string, number> = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };
/** Lambda's INIT phase limit for on-demand functions. */
export const INIT_LIMIT_MS = 10_000;

export interface EnvironmentSpec {
  environmentId: string;
  /** 32 hex digits naming this environment's log stream. */
  logStreamId: string;
  functionName: string;
  runtime: RuntimeId;
  handler: string;
  files: SourceFile[];
  memorySizeMB: number;
  timeoutSeconds: number;
  variables: Record<string, string>;
  logFormat: 'Text' | 'JSON';
  applicationLogLevel: string;
  architecture: 'x86_64' | 'arm64';
  region: string;
  accountId: string;
  /** Size of /tmp (Lambda's ephemeral storage); 512 MB when not given. */
  ephemeralStorageMB?: number;
}

export interface InvokeRequest {
  requestId: string;
  /** Event JSON text. */
  event: string;
  clientContext?: string;
  identity?: string;
  traceId?: string;
}

export interface InvokeResult {
  requestId: string;
  status: ReportStatus;
  /** Response JSON text on success. */
  response?: string;
  error?: RapidError;
  logs: string;
  durationMs: number;
  billedDurationMs: number;
  initDurationMs?: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  coldStart: boolean;
  environmentId: string;
  /** The environment was discarded: the next invocation starts cold. */
  environmentEnded: boolean;
}

/** The compiled glue, shared by every environment of a runner (compiled once, with a code cache). */
export class GlueProgram {
  private cachedData: ivm.ExternalCopy<ArrayBuffer> | undefined;
  constructor(readonly source: string) {}
  async compile(isolate: ivm.Isolate): Promise<ivm.Script> {
    const script = await isolate.compileScript(this.source, {
      filename: 'file:///var/runtime/index.mjs',
      ...(this.cachedData !== undefined ? { cachedData: this.cachedData } : { produceCachedData: true }),
    });
    // isolated-vm sets `cachedData` on the script when asked to produce it (not in its typings).
    const produced = (script as ivm.Script & { cachedData?: ivm.ExternalCopy<ArrayBuffer> }).cachedData;
    if (this.cachedData === undefined && produced !== undefined) this.cachedData = produced;
    return script;
  }
}

export interface EnvironmentLimits {
  /** The largest isolate heap this machine gives any function, whatever its memory setting. */
  heapCapMB: number;
  /** INIT phase limit (Lambda: 10 s); tests shorten it. */
  initLimitMs?: number;
}

export interface InvokeHooks {
  /** INIT is over (or was not needed): from here only the function's own timeout applies. */
  onInitDone?: () => void;
}

interface HostTimer {
  id: number;
  delayMs: number;
  refed: boolean;
  dueAt: number;
  handle: NodeJS.Timeout | NodeJS.Immediate | undefined;
  immediate: boolean;
  /** Time left when the environment was frozen. */
  frozenRemaining?: number;
}

type TurnResult =
  | { kind: 'ok'; out: TurnOutput; response?: string }
  | { kind: 'rejection'; reason: unknown; out?: TurnOutput; response?: string }
  | { kind: 'oom' }
  | { kind: 'killed' };

type Ending =
  | { kind: 'outcome'; outcome: Outcome; response?: string }
  | { kind: 'timeout' }
  | { kind: 'oom' }
  /** The runtime exited; `outcome` is set when a result was already sent before it did. */
  | { kind: 'exit'; code: number; error?: RapidError; outcome?: Outcome; response?: string }
  | { kind: 'killed' };

interface InitResult {
  ok: boolean;
  durationMs: number;
  status: 'error' | 'timeout';
  error?: RapidError;
  oom?: boolean;
}

const MB = 1024 * 1024;

export class ExecutionEnvironment {
  private isolate: ivm.Isolate | undefined;
  private context: ivm.Context | undefined;
  private glue: Partial<Record<GlueFunction, ivm.Reference<(...a: unknown[]) => string>>> = {};
  private logBuffer: SharedArrayBuffer | undefined;
  private readonly timers = new Map<number, HostTimer>();
  private turnChain: Promise<unknown> = Promise.resolve();
  private turnsInFlight = 0;
  private wake: (() => void) | undefined;
  private initialized = false;
  private ended = false;
  private disposedByUs = false;
  private maxHeapBytes = 0;
  private readonly platform: PlatformLog;
  private readonly files: TaskFile[];
  private readonly lookup: FileLookup & { get(path: string): TaskFile | undefined };
  private readonly maps: Map<string, TraceMap>;
  private readonly env: Record<string, string>;
  private readonly heapLimitMB: number;
  private readonly initLimitMs: number;
  /** /tmp and the other host capabilities; outlives the isolate (INIT retry), as Lambda's /tmp does. */
  private readonly hostCalls: HostCalls;

  constructor(
    readonly spec: EnvironmentSpec,
    private readonly program: GlueProgram,
    limits: EnvironmentLimits,
  ) {
    this.platform = platformLog(spec.logFormat);
    const code = prepareCode(spec.files);
    this.files = code.files;
    this.lookup = code.lookup as FileLookup & { get(path: string): TaskFile | undefined };
    this.maps = code.maps;
    this.heapLimitMB = Math.max(8, Math.min(spec.memorySizeMB, limits.heapCapMB));
    this.initLimitMs = limits.initLimitMs ?? INIT_LIMIT_MS;
    this.hostCalls = new HostCalls({ tmpLimitBytes: (spec.ephemeralStorageMB ?? 512) * MB });
    const now = new Date();
    this.env = lambdaEnvironment({
      functionName: spec.functionName,
      handler: spec.handler,
      runtime: spec.runtime,
      memorySizeMB: spec.memorySizeMB,
      region: spec.region,
      logStreamName: logStreamName(now, spec.logStreamId),
      logFormat: spec.logFormat,
      applicationLogLevel: spec.applicationLogLevel,
      variables: spec.variables,
    });
  }

  get id(): string {
    return this.spec.environmentId;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Runs one invocation; never throws for anything the function does. */
  async invoke(req: InvokeRequest, hooks: InvokeHooks = {}): Promise<InvokeResult> {
    if (this.ended) throw new Error(`environment ${this.id} has ended; create a new one`);
    const lines: string[] = [];
    const coldStart = !this.initialized;
    this.currentRequestId = undefined;
    let initDurationMs: number | undefined;
    const timeoutMs = this.spec.timeoutSeconds * 1000;
    this.maxHeapBytes = 0;

    if (coldStart) {
      lines.push(this.platform.initStart(this.spec.runtime, this.spec.region, this.spec.functionName, new Date()));
      const init = await this.initialize(this.initLimitMs);
      lines.push(...this.takeLogs());
      initDurationMs = init.durationMs;
      if (!init.ok) {
        // Lambda reports the failed INIT, then retries it inside the first invoke,
        // within the function's own timeout.
        lines.push(this.platform.initReport(init.durationMs, 'init', init.status, init.error?.errorType, new Date()));
        this.teardownIsolate();
        lines.push(this.platform.start(req.requestId, new Date()));
        const retryStart = performance.now();
        const retry = await this.initialize(timeoutMs);
        lines.push(...this.takeLogs());
        if (!retry.ok) {
          hooks.onInitDone?.();
          lines.push(this.platform.initReport(retry.durationMs, 'invoke', retry.status, retry.error?.errorType, new Date()));
          const durationMs = performance.now() - retryStart;
          return this.finishFailedInit(req, lines, retry, durationMs, init.durationMs);
        }
        initDurationMs = undefined;
      }
    }
    if (!lines.some((l) => l.startsWith('START ') || l.includes('"platform.start"'))) {
      lines.push(this.platform.start(req.requestId, new Date()));
    }

    hooks.onInitDone?.();
    this.currentRequestId = req.requestId;
    const started = performance.now();
    const deadlineMs = Date.now() + timeoutMs;
    const ending = await this.runHandler(req, deadlineMs, started + timeoutMs);
    const durationMs = performance.now() - started;
    lines.push(...this.takeLogs());
    return this.finish(req, lines, ending, durationMs, coldStart, initDurationMs, timeoutMs);
  }

  /** Releases the isolate and every timer. Safe to call more than once. */
  dispose(): void {
    this.ended = true;
    this.teardownIsolate();
    this.hostCalls.clear();
  }

  // ---- INIT -----------------------------------------------------------------------------------

  private async createIsolate(): Promise<void> {
    const isolate = new ivm.Isolate({
      memoryLimit: this.heapLimitMB,
      onCatastrophicError: (message: string) => {
        // V8 lost control of this isolate; the process must not go on (isolated-vm README).
        process.stderr.write(`lambda-lab runner: catastrophic isolate error: ${message}\n`);
        process.abort();
      },
    });
    this.isolate = isolate;
    this.disposedByUs = false;
    this.killed = false;
    const context = await isolate.createContext();
    this.context = context;
    const logBuffer = new SharedArrayBuffer(LOG_HEADER_BYTES + LOG_BUFFER_BYTES);
    this.logBuffer = logBuffer;
    const minLogLevel = this.spec.logFormat === 'JSON' ? (LOG_LEVELS[this.spec.applicationLogLevel] ?? 3) : 1;
    const boot: BootConfig = {
      runtime: this.spec.runtime,
      handler: this.spec.handler,
      files: this.files,
      env: this.env,
      logFormat: this.spec.logFormat,
      minLogLevel,
      architecture: this.spec.architecture,
      startTime: Date.now(),
    };
    const global = context.global;
    await global.set('__lab_boot_config', JSON.stringify(boot));
    await global.set('__lab_log_buffer', new ivm.ExternalCopy(logBuffer).copyInto({ release: true }));
    // Sync callback: arguments and results are copied; HostCalls validates every one of them.
    const hostCalls = this.hostCalls;
    await global.set('__lab_host', new ivm.Callback((op: unknown, ...args: unknown[]) => hostCalls.handle(op, args)));
    const script = await this.program.compile(isolate);
    await script.run(context, { timeout: INIT_LIMIT_MS });
    script.release();
    const glueObject = (await global.get('__lab_glue', { reference: true })) as ivm.Reference<Record<string, unknown>>;
    for (const name of GLUE_FUNCTIONS) {
      this.glue[name] = (await glueObject.get(name, { reference: true })) as ivm.Reference<(...a: unknown[]) => string>;
    }
    glueObject.release();
    await global.delete('__lab_glue');
  }

  private async initialize(limitMs: number): Promise<InitResult> {
    const t0 = performance.now();
    const deadline = t0 + limitMs;
    const fail = (status: 'error' | 'timeout', error?: RapidError, oom = false): InitResult => ({
      ok: false,
      durationMs: performance.now() - t0,
      status,
      ...(error !== undefined ? { error } : {}),
      oom,
    });
    try {
      await this.createIsolate();
    } catch (e) {
      return fail('error', { errorType: 'Runtime.Unknown', errorMessage: `Lambda Lab could not start the environment: ${String(e)}`, trace: [] });
    }
    let turn: TurnResult;
    try {
      turn = await this.loadHandler(deadline);
    } catch (e) {
      // A fault in the lab itself, not in the function: say so plainly.
      return fail('error', { errorType: 'LambdaLab.InternalError', errorMessage: `Lambda Lab failed while loading the handler: ${e instanceof Error ? e.message : String(e)}`, trace: [] });
    }
    if (turn.kind === 'killed') return fail('timeout');
    if (turn.kind === 'oom') return fail('error', { errorType: 'Runtime.OutOfMemory', errorMessage: 'Runtime exited with error: signal: killed', trace: [] }, true);
    if (turn.kind === 'rejection') {
      const error = unhandledRejectionError(turn.reason, this.spec.runtime === 'nodejs24.x');
      this.appendRuntimeLog('ERROR', 'Unhandled Promise Rejection', error);
      return fail('error', error);
    }
    const init = turn.out.init;
    if (init === undefined || !init.ok) {
      return fail('error', init?.ok === false ? init.error : { errorType: 'Runtime.Unknown', errorMessage: 'handler did not load', trace: [] });
    }
    // Top-level code may have started timers: let them run until the event loop is idle,
    // as Node would before the runtime asks for the first event? No: Lambda's INIT ends when
    // the runtime calls /next; pending timers freeze like any other background work.
    this.freezeTimers();
    this.initialized = true;
    return { ok: true, durationMs: performance.now() - t0, status: 'error' };
  }

  private async loadHandler(deadline: number): Promise<TurnResult> {
    let parts: ReturnType<typeof parseHandler>;
    try {
      parts = parseHandler(this.spec.handler);
    } catch (e) {
      const message = e instanceof MalformedHandlerName ? e.message : String(e);
      return this.turn('loadFailed', ['malformed', message, '', ''], deadline);
    }
    const found = findHandlerModule(this.lookup, parts.moduleRoot, parts.moduleName);
    if (found === undefined) {
      return this.turn('loadFailed', ['import', `Error: Cannot find module '${parts.moduleName}'\nRequire stack:\n- /var/runtime/index.mjs`, '', ''], deadline);
    }
    if (found.format !== 'esm') return this.turn('loadCjsHandler', [found.path], deadline);
    return this.loadEsmHandler(found.path, deadline);
  }

  private async loadEsmHandler(path: string, deadline: number): Promise<TurnResult> {
    const isolate = this.isolate as ivm.Isolate;
    const linker = new EsmLinker(isolate, this.lookup, {
      builtinExports: async (name) => {
        const r = await this.turnRaw('builtinExports', [name], deadline);
        // The glue answers `null` for a built-in the lab does not provide.
        return r === undefined ? undefined : ((JSON.parse(r) as string[] | null) ?? undefined);
      },
      cjsExports: async (p) => {
        const r = await this.turnRaw('cjsExportsForEsm', [p], deadline);
        if (r === undefined) return { ok: false, raw: '' };
        const parsed = JSON.parse(r) as { ok: boolean; names?: string[] };
        return parsed.ok ? { ok: true, names: parsed.names ?? [] } : { ok: false, raw: r };
      },
    });
    let module: ivm.Module;
    try {
      module = await linker.linkEntry(path, this.context as ivm.Context);
    } catch (e) {
      if (this.isolate?.isDisposed) return this.disposedResult();
      if (e instanceof EsmLoadError) {
        if (e.initOutcome !== undefined) {
          // The CommonJS file already reported its failure; collect it.
          const flushed = this.flush(deadline);
          return flushed ?? this.disposedResult();
        }
        return this.turn('loadFailed', [e.kind, e.message, e.errorName, e.errorStack], deadline);
      }
      const copy = copiedError(e);
      return this.turn('loadFailed', ['error', copy.message, copy.name, copy.stack], deadline);
    }
    // Evaluate: the synchronous part runs now; top-level await continues on timers this runner
    // drives, and the entry module reports `esmReady` when the handler module has finished.
    try {
      await module.evaluate({ timeout: Math.max(1, Math.ceil(deadline - performance.now())) });
    } catch (e) {
      const failed = this.classifyApplyError(e);
      if (failed !== undefined) return failed;
      const copy = copiedError(e);
      return this.turn('loadFailed', ['error', copy.message, copy.name, copy.stack], deadline);
    }
    const flushed = this.flush(deadline);
    if (flushed === undefined) return this.disposedResult();
    let failure: TurnResult | undefined;
    const waited = await this.waitFor(() => this.esmReady || failure !== undefined, deadline, (turn) => {
      if (turn.kind !== 'ok') failure ??= turn;
    });
    if (failure !== undefined) {
      if (failure.kind !== 'rejection') return failure;
      // The module's top-level code failed after an await: report that error.
      const copy = copiedError(failure.reason);
      return this.turn('loadFailed', ['error', copy.message, copy.name, copy.stack], deadline);
    }
    if (waited === 'deadline') {
      this.killIsolate();
      return { kind: 'killed' };
    }
    if (waited === 'stalled') {
      // UNCONFIRMED: a top-level await that can never settle makes Node exit with code 13
      // ("unsettled top-level await"); Lambda reports the runtime's exit.
      return { kind: 'ok', out: { ops: [], init: { ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: exit status 13', trace: [] } } } };
    }
    return this.turn('bindEsmHandler', [], deadline);
  }

  // ---- INVOKE ---------------------------------------------------------------------------------

  private async runHandler(req: InvokeRequest, deadlineEpochMs: number, deadline: number): Promise<Ending> {
    this.resumeTimers();
    const input: InvokeInput = {
      requestId: req.requestId,
      event: req.event,
      deadlineMs: deadlineEpochMs,
      invokedFunctionArn: `arn:aws:lambda:${this.spec.region}:${this.spec.accountId}:function:${this.spec.functionName}`,
      ...(req.clientContext !== undefined ? { clientContext: req.clientContext } : {}),
      ...(req.identity !== undefined ? { identity: req.identity } : {}),
      ...(req.traceId !== undefined ? { traceId: req.traceId } : {}),
    };
    let ending: Ending | undefined;
    const consider = (turn: TurnResult): void => {
      if (ending !== undefined) return;
      ending = this.endingOf(turn);
    };
    // The wall-clock watchdog: isolated-vm's own timeout only covers synchronous execution.
    const deadlineTimer = setTimeout(() => {
      if (ending === undefined) {
        ending = { kind: 'timeout' };
        this.killIsolate();
        this.wake?.();
      }
    }, Math.max(0, deadline - performance.now()));
    try {
      consider(await this.turn('invoke', [JSON.stringify(input)], deadline));
      while (ending === undefined) {
        if (this.loopIsEmpty()) {
          consider(await this.turn('emptyLoop', [], deadline));
          if (ending === undefined) {
            // emptyLoop always settles the invocation; anything else is a lab bug.
            ending = { kind: 'outcome', outcome: { ok: false, error: { errorType: 'Runtime.Unknown', errorMessage: 'The invocation did not settle', trace: [] } } };
          }
          break;
        }
        await this.waitForActivity();
        const last = this.lastTurn;
        if (last !== undefined) {
          this.lastTurn = undefined;
          consider(last);
        }
      }
    } finally {
      clearTimeout(deadlineTimer);
    }
    await this.turnChain.catch(() => undefined);
    return ending;
  }

  private lastTurn: TurnResult | undefined;

  private endingOf(turn: TurnResult): Ending | undefined {
    if (turn.kind === 'killed') return { kind: 'timeout' };
    if (turn.kind === 'oom') return { kind: 'oom' };
    if (turn.kind === 'rejection') {
      const nodejs24 = this.spec.runtime === 'nodejs24.x';
      const error = unhandledRejectionError(turn.reason, nodejs24);
      this.appendRuntimeLog('ERROR', 'Unhandled Promise Rejection', error);
      // nodejs20/22 post a result synchronously, before Node reports the rejection; nodejs24
      // posts after a setImmediate, so the rejection wins there.
      if (!nodejs24 && turn.out?.outcome !== undefined && !turn.out.deferred) {
        return { kind: 'exit', code: 128, ...withOutcome(turn.out.outcome, turn.response) };
      }
      return { kind: 'exit', code: 128, error };
    }
    const out = turn.out;
    if (out.oom === true) return { kind: 'oom' };
    if (out.uncaught !== undefined) return { kind: 'exit', code: 129, error: out.uncaught };
    if (out.exit !== undefined) {
      if (out.outcome !== undefined && !out.deferred) return { kind: 'exit', code: out.exit, ...withOutcome(out.outcome, turn.response) };
      return { kind: 'exit', code: out.exit };
    }
    if (out.outcome !== undefined && !out.deferred) {
      return { kind: 'outcome', outcome: out.outcome, ...(turn.response !== undefined ? { response: turn.response } : {}) };
    }
    return undefined;
  }

  // ---- turns: one entry into the isolate at a time ---------------------------------------------

  private turn(fn: GlueFunction, args: ivm.Transferable[], deadline: number): Promise<TurnResult> {
    const run = async (): Promise<TurnResult> => {
      const ref = this.glue[fn];
      if (ref === undefined || this.isolate === undefined || this.isolate.isDisposed || this.killed) return this.disposedResult();
      let rejection: { reason: unknown } | undefined;
      try {
        // Asynchronous apply: user code runs on the isolate's thread, so a hostile loop never
        // blocks this process; isolated-vm drains the microtask queue before it returns.
        await ref.apply(undefined, args, { timeout: Math.max(1, Math.ceil(deadline - performance.now())) });
      } catch (e) {
        const failed = this.classifyApplyError(e);
        if (failed !== undefined) return failed;
        rejection = { reason: e };
      } finally {
        this.sampleMemory();
      }
      const flushed = this.flush(deadline);
      if (flushed === undefined) return this.disposedResult();
      return rejection === undefined ? flushed : { kind: 'rejection', reason: rejection.reason, out: flushed.out, ...(flushed.response !== undefined ? { response: flushed.response } : {}) };
    };
    this.turnsInFlight++;
    const p = this.turnChain.then(run, run).finally(() => {
      this.turnsInFlight--;
    });
    this.turnChain = p;
    return p;
  }

  /** Reads the turn's result synchronously: glue-only code, no user code runs. */
  private flush(deadline: number): { kind: 'ok'; out: TurnOutput; response?: string } | undefined {
    const ref = this.glue.flush;
    if (ref === undefined || this.isolate === undefined || this.isolate.isDisposed || this.killed) return undefined;
    let raw: string;
    try {
      // Glue-only code: it should take microseconds. If it does not return in time, user code
      // has found a way to run inside it, and the environment is treated as timed out.
      raw = ref.applySync(undefined, [], { result: { copy: true }, timeout: Math.max(1, Math.min(2000, Math.ceil(deadline - performance.now()))) }) as string;
    } catch {
      this.killIsolate();
      return undefined;
    }
    const parsed = parseTurn(raw);
    if (parsed === undefined) {
      this.killIsolate();
      return undefined;
    }
    if (parsed.out.esmReady === true) this.esmReady = true;
    this.applyOps(parsed.out, deadline);
    return parsed;
  }

  private esmReady = false;
  /** Set once the isolate was killed: no more turns may enter it. */
  private killed = false;

  /** A glue call whose result is plain data (not a turn). Undefined when the isolate is gone. */
  private async turnRaw(fn: GlueFunction, args: ivm.Transferable[], deadline: number): Promise<string | undefined> {
    const ref = this.glue[fn];
    if (ref === undefined || this.isolate?.isDisposed !== false) return undefined;
    try {
      return (await ref.apply(undefined, args, {
        result: { copy: true },
        timeout: Math.max(1, Math.ceil(deadline - performance.now())),
      })) as string;
    } catch {
      return undefined;
    }
  }

  /**
   * Sorts out why an apply failed: the isolate was disposed (our deadline, or its memory limit),
   * isolated-vm's timeout fired, or — anything else — an unhandled promise rejection that
   * isolated-vm reports after the microtask checkpoint (returns undefined for that case).
   */
  private classifyApplyError(e: unknown): TurnResult | undefined {
    if (this.isolate === undefined || this.isolate.isDisposed) return this.disposedResult();
    const message = e instanceof Error ? e.message : '';
    if (message === 'Script execution timed out.') {
      this.killIsolate();
      return { kind: 'killed' };
    }
    return undefined;
  }

  private disposedResult(): TurnResult {
    return this.disposedByUs ? { kind: 'killed' } : { kind: 'oom' };
  }

  // ---- timers ---------------------------------------------------------------------------------

  private applyOps(out: TurnOutput, deadline: number): void {
    for (const op of out.ops) {
      if (op[0] === 's') {
        const [, id, delay, refed] = op;
        this.clearHostTimer(id);
        const immediate = delay < 0;
        const t: HostTimer = { id, delayMs: Math.max(0, delay), refed: refed === 1, dueAt: performance.now() + Math.max(0, delay), handle: undefined, immediate };
        this.timers.set(id, t);
        this.armTimer(t, deadline);
      } else if (op[0] === 'c') {
        this.clearHostTimer(op[1]);
        this.timers.delete(op[1]);
      } else {
        const t = this.timers.get(op[1]);
        if (t !== undefined) t.refed = op[2] === 1;
      }
    }
  }

  private currentDeadline = Infinity;

  /** Timers that came due and wait to be run together in one turn. */
  private dueIds: number[] = [];
  private fireScheduled = false;

  private armTimer(t: HostTimer, deadline: number): void {
    this.currentDeadline = deadline;
    const fire = (): void => {
      t.handle = undefined;
      if (!this.timers.has(t.id) || t.frozenRemaining !== undefined || this.killed) return;
      this.timers.delete(t.id);
      this.dueIds.push(t.id);
      this.scheduleFire();
    };
    if (t.immediate) t.handle = setImmediate(fire);
    else t.handle = setTimeout(fire, Math.max(0, t.dueAt - performance.now()));
  }

  /** Runs every due timer in one entry into the isolate (thousands of timers = one turn). */
  private scheduleFire(): void {
    if (this.fireScheduled) return;
    this.fireScheduled = true;
    this.turnsInFlight++;
    setImmediate(() => {
      this.turnsInFlight--;
      this.fireScheduled = false;
      const ids = this.dueIds;
      this.dueIds = [];
      if (ids.length === 0 || this.killed) return;
      void this.turn('fireTimers', [ids.join(',')], this.currentDeadline).then((r) => {
        this.lastTurn = mergeTurn(this.lastTurn, r);
        this.wake?.();
      });
    });
  }

  private clearHostTimer(id: number): void {
    const t = this.timers.get(id);
    if (t?.handle === undefined) return;
    if (t.immediate) clearImmediate(t.handle as NodeJS.Immediate);
    else clearTimeout(t.handle as NodeJS.Timeout);
    t.handle = undefined;
  }

  /** Between invocations Lambda freezes the environment: timers pause with their time left. */
  private freezeTimers(): void {
    const now = performance.now();
    for (const t of this.timers.values()) {
      this.clearHostTimer(t.id);
      t.frozenRemaining = Math.max(0, t.dueAt - now);
    }
  }

  private resumeTimers(): void {
    const now = performance.now();
    for (const t of this.timers.values()) {
      if (t.frozenRemaining === undefined) continue;
      t.dueAt = now + t.frozenRemaining;
      delete t.frozenRemaining;
      this.armTimer(t, this.currentDeadline);
    }
  }

  private loopIsEmpty(): boolean {
    if (this.turnsInFlight > 0 || this.lastTurn !== undefined) return false;
    for (const t of this.timers.values()) if (t.refed) return false;
    return true;
  }

  private waitForActivity(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
      if (this.lastTurn !== undefined || this.loopIsEmpty()) this.wake();
    });
  }

  /** Drives timers until `done()`, the deadline, or nothing is left that could make progress. */
  private async waitFor(done: () => boolean, deadline: number, onTurn: (turn: TurnResult) => void): Promise<'done' | 'deadline' | 'stalled'> {
    const timer = setTimeout(() => this.wake?.(), Math.max(0, deadline - performance.now()));
    try {
      while (!done()) {
        if (performance.now() >= deadline) return 'deadline';
        if (this.loopIsEmpty()) {
          await new Promise((r) => setImmediate(r));
          if (!done() && this.loopIsEmpty()) return 'stalled';
          continue;
        }
        await this.waitForActivity();
        const last = this.lastTurn;
        this.lastTurn = undefined;
        if (last !== undefined) onTurn(last);
      }
      return 'done';
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- memory, logs, teardown -------------------------------------------------------------------

  private sampleMemory(): void {
    const iso = this.isolate;
    if (iso === undefined || iso.isDisposed) return;
    try {
      const h = iso.getHeapStatisticsSync();
      const used = h.used_heap_size + h.externally_allocated_size;
      if (used > this.maxHeapBytes) this.maxHeapBytes = used;
    } catch {
      // disposed between the check and the call
    }
  }

  /** Stops the isolate now: no timer or queued turn enters it again. */
  private killIsolate(): void {
    this.killed = true;
    for (const id of [...this.timers.keys()]) this.clearHostTimer(id);
    this.dueIds = [];
    const iso = this.isolate;
    if (iso === undefined || iso.isDisposed) return;
    this.disposedByUs = true;
    try {
      iso.dispose();
    } catch {
      // already gone
    }
  }

  private teardownIsolate(): void {
    for (const id of [...this.timers.keys()]) this.clearHostTimer(id);
    this.timers.clear();
    this.killIsolate();
    this.isolate = undefined;
    this.context = undefined;
    this.glue = {};
    this.initialized = false;
    this.turnChain = Promise.resolve();
    this.turnsInFlight = 0;
    this.lastTurn = undefined;
    this.dueIds = [];
    this.fireScheduled = false;
    this.esmReady = false;
  }

  /** Log events written since the last call, plus a notice when the buffer overflowed. */
  private takeLogs(): string[] {
    const buf = this.logBuffer;
    const pending = this.runtimeLines;
    this.runtimeLines = [];
    if (buf === undefined) return pending;
    const header = new Int32Array(buf, 0, 4);
    const length = Atomics.load(header, LOG_WRITE_OFFSET);
    const droppedEvents = Atomics.load(header, LOG_DROPPED_EVENTS);
    const droppedBytes = Atomics.load(header, LOG_DROPPED_BYTES);
    const text = length > 0 ? Buffer.from(buf, LOG_HEADER_BYTES, Math.min(length, LOG_BUFFER_BYTES)).toString('utf8') : '';
    Atomics.store(header, LOG_WRITE_OFFSET, 0);
    Atomics.store(header, LOG_DROPPED_EVENTS, 0);
    Atomics.store(header, LOG_DROPPED_BYTES, 0);
    const lines = text === '' ? [] : text.slice(0, -1).split('\n');
    lines.push(...pending);
    if (droppedEvents > 0) {
      lines.push(`[Lambda Lab] ${droppedEvents} log events (${droppedBytes} bytes) were dropped: the lab keeps at most ${LOG_BUFFER_BYTES / MB} MB of log output per invocation.`);
    }
    return lines;
  }

  private runtimeLines: string[] = [];

  /** A line the runtime itself logs outside the isolate's view (e.g. an unhandled rejection). */
  private appendRuntimeLog(level: string, label: string, error: RapidError): void {
    if (this.runtimeLines.length >= 20) return;
    const time = new Date().toISOString();
    if (this.spec.logFormat === 'JSON') {
      this.runtimeLines.push(JSON.stringify({ timestamp: time, level, requestId: this.currentRequestId, message: { errorType: error.errorType, errorMessage: error.errorMessage, stackTrace: error.trace } }));
    } else {
      const formatted = JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace });
      this.runtimeLines.push(`${time}\t${this.currentRequestId ?? 'undefined'}\t${level}\t${label} \t${formatted}`);
    }
  }

  private currentRequestId: string | undefined;

  // ---- results --------------------------------------------------------------------------------

  private memoryUsedMB(oom: boolean): number {
    if (oom) return this.spec.memorySizeMB;
    return Math.max(1, Math.min(this.spec.memorySizeMB, Math.ceil(this.maxHeapBytes / MB)));
  }

  private finishFailedInit(req: InvokeRequest, lines: string[], init: InitResult, durationMs: number, firstInitMs: number): InvokeResult {
    const status: ReportStatus = init.status === 'timeout' ? 'timeout' : 'error';
    const error: RapidError =
      init.status === 'timeout'
        ? { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${req.requestId} Error: Task timed out after ${(this.spec.timeoutSeconds).toFixed(2)} seconds`, trace: [] }
        : (init.error ?? { errorType: 'Runtime.Unknown', errorMessage: 'INIT failed', trace: [] });
    if (init.status === 'timeout') lines.push(this.platform.timedOut(req.requestId, this.spec.timeoutSeconds * 1000, new Date()));
    const end = this.platform.end(req.requestId, new Date());
    if (end !== '') lines.push(end);
    const billed = billedDurationMs(durationMs, firstInitMs);
    const maxMemoryUsedMB = this.memoryUsedMB(init.oom === true);
    lines.push(
      this.platform.report(
        { requestId: req.requestId, durationMs, billedDurationMs: billed, memorySizeMB: this.spec.memorySizeMB, maxMemoryUsedMB, status, errorType: error.errorType },
        new Date(),
      ),
    );
    this.teardownIsolate();
    return {
      requestId: req.requestId,
      status,
      error: this.mapError(error),
      logs: this.mapText(lines.join('\n')),
      durationMs,
      billedDurationMs: billed,
      memorySizeMB: this.spec.memorySizeMB,
      maxMemoryUsedMB,
      coldStart: true,
      environmentId: this.id,
      environmentEnded: true,
    };
  }

  private finish(req: InvokeRequest, lines: string[], ending: Ending, durationMs: number, coldStart: boolean, initDurationMs: number | undefined, timeoutMs: number): InvokeResult {
    let status: ReportStatus = 'success';
    let response: string | undefined;
    let error: RapidError | undefined;
    let ended = false;
    let oom = false;
    switch (ending.kind) {
      case 'outcome':
        if (ending.outcome.ok) response = ending.response ?? 'null';
        else {
          status = 'error';
          error = ending.outcome.error;
        }
        break;
      case 'timeout':
        status = 'timeout';
        ended = true;
        error = { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${req.requestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`, trace: [] };
        lines.push(this.platform.timedOut(req.requestId, timeoutMs, new Date()));
        break;
      case 'oom':
        status = 'error';
        ended = true;
        oom = true;
        // UNCONFIRMED (facts §3): the current errorMessage text for Runtime.OutOfMemory.
        error = { errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${req.requestId} Error: Runtime exited with error: signal: killed`, trace: [] };
        lines.push(`RequestId: ${req.requestId} Error: Runtime exited with error: signal: killed`, 'Runtime.OutOfMemory');
        break;
      case 'killed':
        status = 'error';
        ended = true;
        error = { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${req.requestId} Error: Runtime exited with error: signal: killed`, trace: [] };
        break;
      case 'exit': {
        ended = true;
        const exitMessage = `RequestId: ${req.requestId} Error: Runtime exited with error: exit status ${ending.code}`;
        if (ending.error !== undefined) {
          status = 'error';
          error = ending.error;
        } else if (ending.outcome !== undefined) {
          if (ending.outcome.ok) response = ending.response ?? 'null';
          else {
            status = 'error';
            error = ending.outcome.error;
          }
        } else {
          status = 'error';
          error = { errorType: 'Runtime.ExitError', errorMessage: exitMessage, trace: [] };
        }
        lines.push(exitMessage, 'Runtime.ExitError');
        break;
      }
    }
    const end = this.platform.end(req.requestId, new Date());
    if (end !== '') lines.push(end);
    const billed = billedDurationMs(durationMs, initDurationMs);
    const maxMemoryUsedMB = this.memoryUsedMB(oom);
    lines.push(
      this.platform.report(
        {
          requestId: req.requestId,
          durationMs,
          billedDurationMs: billed,
          memorySizeMB: this.spec.memorySizeMB,
          maxMemoryUsedMB,
          ...(initDurationMs !== undefined ? { initDurationMs } : {}),
          status,
          ...(error !== undefined ? { errorType: error.errorType } : {}),
        },
        new Date(),
      ),
    );
    if (ended) this.dispose();
    else this.freezeTimers();
    return {
      requestId: req.requestId,
      status,
      ...(response !== undefined ? { response } : {}),
      ...(error !== undefined ? { error: this.mapError(error) } : {}),
      logs: this.mapText(lines.join('\n')),
      durationMs,
      billedDurationMs: billed,
      ...(initDurationMs !== undefined ? { initDurationMs } : {}),
      memorySizeMB: this.spec.memorySizeMB,
      maxMemoryUsedMB,
      coldStart,
      environmentId: this.id,
      environmentEnded: ended,
    };
  }

  private mapText(text: string): string {
    return mapTypeScriptPositions(text, this.maps);
  }

  private mapError(e: RapidError): RapidError {
    if (this.maps.size === 0) return e;
    return { ...e, trace: e.trace.map((l) => mapTypeScriptPositions(l, this.maps)) };
  }
}

function withOutcome(outcome: Outcome, response: string | undefined): { outcome: Outcome; response?: string } {
  return response !== undefined ? { outcome, response } : { outcome };
}

function mergeTurn(previous: TurnResult | undefined, next: TurnResult): TurnResult {
  if (previous === undefined) return next;
  // Keep the most decisive result; a later plain turn must not hide an earlier ending.
  if (previous.kind !== 'ok') return previous;
  if (next.kind !== 'ok') return next;
  if (previous.out.outcome !== undefined || previous.out.exit !== undefined || previous.out.uncaught !== undefined) return previous;
  return next;
}

/** The error Lambda returns for an unhandled rejection, built from isolated-vm's copy of the reason. */
export function unhandledRejectionError(reason: unknown, nodejs24: boolean): RapidError {
  let message: string;
  if (reason instanceof Error) {
    const copy = copiedError(reason);
    message = copy.message.startsWith('An object was thrown from supplied code within isolated-vm')
      ? '[object Object]'
      : `${copy.name}: ${copy.message}`;
  } else if (reason === undefined && !nodejs24) {
    message = 'undefined';
  } else {
    message = copiedError(reason).message;
  }
  const type = 'Runtime.UnhandledPromiseRejection';
  return {
    errorType: type,
    errorMessage: message,
    trace: [
      `${type}: ${message}`,
      '    at process.<anonymous> (file:///var/runtime/index.mjs:1276:17)',
      '    at process.emit (node:events:519:28)',
      '    at emitUnhandledRejection (node:internal/process/promises:250:13)',
      '    at throwUnhandledRejectionsMode (node:internal/process/promises:385:19)',
      '    at processPromiseRejections (node:internal/process/promises:470:17)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)',
    ],
  };
}

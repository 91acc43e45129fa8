// The host's side of the runner process: starts it, sends invocations, enforces its own
// deadline (timeout + grace) on top of the runner's, and respawns the runner when it dies or
// stops answering. Invocations caught in a crash end with Runtime.ExitError, as on Lambda.
import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { EnvironmentSpec, InvokeRequest, InvokeResult } from './environment.ts';
import { INIT_LIMIT_MS } from './environment.ts';
import { billedDurationMs, platformLog } from './platform-log.ts';
import type { HostToRunner, RunnerToHost } from './runner-protocol.ts';

export interface RunnerClientOptions {
  /** Built runner entry (dist/engine/runner.js). */
  runnerEntry: string;
  /** Built glue script (dist/engine/isolate-glue.js). */
  gluePath: string;
  /** Largest isolate heap any function gets on this machine. */
  heapCapMB: number;
  /** Extra time the runner gets beyond a function's own limits before it is killed. */
  graceMs?: number;
  /** Told when the runner had to be restarted (the UI shows a notice). */
  onRespawn?: (reason: string) => void;
}

interface Pending {
  id: number;
  envId: string;
  spec: EnvironmentSpec;
  request: InvokeRequest;
  startedAt: number;
  resolve: (r: InvokeResult) => void;
  watchdog: NodeJS.Timeout;
  /** Resent once with its spec after the runner said it did not know the environment. */
  resent: boolean;
}

export class RunnerClient {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly known = new Set<string>();
  private closing = false;
  private readonly graceMs: number;
  private recentCrashes: number[] = [];

  constructor(private readonly options: RunnerClientOptions) {
    this.graceMs = options.graceMs ?? 2000;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): Promise<void> {
    this.ready ??= this.spawn();
    return this.ready;
  }

  private spawn(): Promise<void> {
    this.known.clear();
    const child = fork(this.options.runnerEntry, [], {
      execArgv: ['--no-node-snapshot'],
      // The runner gets no host environment: nothing of the user's shell (AWS keys
      // included) can leak into it, let alone into a function.
      env: {
        LAMBDA_LAB_GLUE: this.options.gluePath,
        LAMBDA_LAB_HEAP_CAP_MB: String(this.options.heapCapMB),
        ...(process.env['PATH'] !== undefined ? { PATH: process.env['PATH'] } : {}),
      },
      serialization: 'json',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    return new Promise((resolve, reject) => {
      const onEarlyExit = (code: number | null, signal: string | null): void => {
        reject(new Error(`the runner process exited before it was ready (code ${code}, signal ${signal})`));
      };
      child.once('exit', onEarlyExit);
      child.on('message', (msg: RunnerToHost) => {
        if (msg.t === 'ready') {
          child.off('exit', onEarlyExit);
          child.on('exit', (code, signal) => this.onExit(child, code, signal));
          resolve();
          return;
        }
        this.onMessage(msg);
      });
      child.once('error', (e) => reject(new Error(`could not start the runner process: ${e.message}`)));
    });
  }

  private onMessage(msg: RunnerToHost): void {
    if (msg.t === 'ready' || msg.t === 'pong') return;
    const p = this.pending.get(msg.id);
    if (p === undefined) return;
    if (msg.t === 'init-done') {
      // INIT is over: from now the invocation gets its own timeout plus grace, not INIT's budget.
      clearTimeout(p.watchdog);
      p.watchdog = setTimeout(() => this.onOverdue(p.id), p.spec.timeoutSeconds * 1000 + this.graceMs);
      return;
    }
    if (msg.t === 'unknown-env') {
      if (!p.resent) {
        p.resent = true;
        this.known.delete(p.envId);
        this.send({ t: 'invoke', id: p.id, envId: p.envId, spec: p.spec, request: p.request });
        this.known.add(p.envId);
        return;
      }
      this.settle(p, this.syntheticResult(p, 'error', { errorType: 'Runtime.Unknown', errorMessage: 'The runner lost the execution environment', trace: [] }));
      return;
    }
    if (msg.t === 'failed') {
      this.known.delete(p.envId);
      this.settle(p, this.syntheticResult(p, 'error', { errorType: 'Runtime.Unknown', errorMessage: `Lambda Lab runner error: ${msg.message.split('\n')[0] ?? ''}`, trace: [] }));
      return;
    }
    if (msg.result.environmentEnded) this.known.delete(p.envId);
    this.settle(p, boundResult(msg.result));
  }

  private settle(p: Pending, result: InvokeResult): void {
    clearTimeout(p.watchdog);
    this.pending.delete(p.id);
    p.resolve(result);
  }

  private send(msg: HostToRunner): void {
    this.child?.send(msg);
  }

  /** Runs one invocation in environment `envId` (created from `spec` if the runner lacks it). */
  async invoke(envId: string, spec: EnvironmentSpec, request: InvokeRequest): Promise<InvokeResult> {
    await this.start();
    const id = this.nextId++;
    const includeSpec = !this.known.has(envId);
    this.known.add(envId);
    const timeoutMs = spec.timeoutSeconds * 1000;
    // Worst case on a cold start: INIT (10 s), INIT retried inside the invoke, then the handler.
    const budget = (includeSpec ? INIT_LIMIT_MS + 2 * timeoutMs : timeoutMs) + this.graceMs;
    return new Promise<InvokeResult>((resolve) => {
      const pending: Pending = {
        id,
        envId,
        spec,
        request,
        startedAt: performance.now(),
        resolve,
        resent: false,
        watchdog: setTimeout(() => this.onOverdue(id), budget),
      };
      this.pending.set(id, pending);
      this.send({ t: 'invoke', id, envId, ...(includeSpec ? { spec } : {}), request });
    });
  }

  disposeEnvironment(envId: string): void {
    if (!this.known.delete(envId)) return;
    this.send({ t: 'dispose', envId });
  }

  /** The runner did not answer in time even though it enforces the deadline itself: kill it. */
  private onOverdue(id: number): void {
    const p = this.pending.get(id);
    if (p === undefined) return;
    const timeoutMs = p.spec.timeoutSeconds * 1000;
    this.settle(p, this.syntheticResult(p, 'timeout', {
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${p.request.requestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
      trace: [],
    }));
    this.restart(`an invocation of ${p.spec.functionName} did not stop at its deadline`);
  }

  private restart(reason: string): void {
    const child = this.child;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
      this.onExit(child, null, 'SIGKILL', reason);
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: string | null, reason?: string): void {
    if (child !== this.child) return;
    this.child = undefined;
    this.ready = undefined;
    this.known.clear();
    const why = reason ?? `the runner process exited (${signal !== null ? `signal ${signal}` : `code ${code}`})`;
    for (const p of [...this.pending.values()]) {
      const exit = signal !== null ? `signal: ${signal === 'SIGABRT' ? 'aborted' : 'killed'}` : `exit status ${code}`;
      this.settle(p, this.syntheticResult(p, 'error', {
        errorType: 'Runtime.ExitError',
        errorMessage: `RequestId: ${p.request.requestId} Error: Runtime exited with error: ${exit}`,
        trace: [],
      }));
    }
    if (this.closing) return;
    const now = Date.now();
    this.recentCrashes = this.recentCrashes.filter((t) => now - t < 10_000);
    this.recentCrashes.push(now);
    this.options.onRespawn?.(why);
    // Restart at once, but back off if the runner keeps dying.
    const delay = this.recentCrashes.length > 5 ? 1000 : 0;
    setTimeout(() => {
      if (!this.closing) void this.start().catch(() => undefined);
    }, delay).unref();
  }

  /** What the host reports for an invocation the runner could not finish. */
  private syntheticResult(p: Pending, status: 'error' | 'timeout', error: InvokeResult['error'] & object): InvokeResult {
    const log = platformLog(p.spec.logFormat);
    const durationMs = performance.now() - p.startedAt;
    const billed = billedDurationMs(durationMs, undefined);
    const now = new Date();
    const lines = [log.start(p.request.requestId, now)];
    if (status === 'timeout') lines.push(log.timedOut(p.request.requestId, p.spec.timeoutSeconds * 1000, now));
    else lines.push(error.errorMessage, error.errorType);
    const end = log.end(p.request.requestId, now);
    if (end !== '') lines.push(end);
    lines.push(log.report({
      requestId: p.request.requestId,
      durationMs,
      billedDurationMs: billed,
      memorySizeMB: p.spec.memorySizeMB,
      maxMemoryUsedMB: p.spec.memorySizeMB,
      status,
      errorType: error.errorType,
    }, now));
    return {
      requestId: p.request.requestId,
      status,
      error,
      logs: lines.join('\n'),
      durationMs,
      billedDurationMs: billed,
      memorySizeMB: p.spec.memorySizeMB,
      maxMemoryUsedMB: p.spec.memorySizeMB,
      coldStart: !this.known.has(p.envId),
      environmentId: p.envId,
      environmentEnded: true,
    };
  }

  /** Stops the runner and fails anything still running. */
  async close(): Promise<void> {
    this.closing = true;
    const child = this.child;
    if (child === undefined) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.disconnect();
    });
    this.child = undefined;
  }
}

/** A second line of defence: whatever the runner sends is cut to sizes the lab promises. */
const MAX_LOG_CHARS = 1_200_000;
const MAX_RESPONSE_CHARS = 6_291_556;
const MAX_FIELD = 64 * 1024;
function boundResult(r: InvokeResult): InvokeResult {
  const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}... [truncated by Lambda Lab]` : s);
  const out: InvokeResult = { ...r, logs: cut(String(r.logs), MAX_LOG_CHARS) };
  if (typeof r.response === 'string' && r.response.length > MAX_RESPONSE_CHARS) {
    delete out.response;
    out.status = 'error';
    out.error = { errorType: 'Function.ResponseSizeTooLarge', errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_CHARS} bytes).`, trace: [] };
  }
  if (r.error !== undefined) {
    let total = 0;
    const trace: string[] = [];
    for (const line of Array.isArray(r.error.trace) ? r.error.trace.slice(0, 200) : []) {
      const l = cut(String(line), MAX_FIELD);
      total += l.length;
      if (total > 256 * 1024) break;
      trace.push(l);
    }
    out.error = { errorType: cut(String(r.error.errorType), MAX_FIELD), errorMessage: cut(String(r.error.errorMessage), MAX_FIELD), trace };
  }
  return out;
}

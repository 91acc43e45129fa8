// Runs the engine host (`lambda-lab serve`) as a child process: starts it, waits for its ready
// line, restarts it when it exits unexpectedly (a few times, with a back-off), and stops it
// cleanly (SIGTERM, then SIGKILL after a grace period). No runtime import of electron: main
// injects the command, the log and a listener, so tests drive it with real child processes.
import { type ChildProcess, type SpawnOptions, spawn as nodeSpawn } from 'node:child_process';
import { parseReadyLine } from './engine-process.ts';
import type { ShellLog } from './log.ts';

export interface EngineEndpoint {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  token: string;
  pid: number;
}

export type SupervisorState = 'stopped' | 'starting' | 'running' | 'stopping' | 'failed';

export type SupervisorEvent =
  | { type: 'ready'; endpoint: EngineEndpoint; restarted: boolean }
  | { type: 'crashed'; code: number | null; signal: string | null; willRestart: boolean; output: string }
  | { type: 'restart-failed'; error: string; willRestart: boolean }
  | { type: 'gave-up'; crashes: number; output: string }
  | { type: 'stopped' };

export interface RestartPolicy {
  /** Unexpected exits tolerated within `windowMs` before giving up. */
  maxCrashes: number;
  windowMs: number;
  /** Wait before the n-th consecutive restart (n from 1). */
  delayMs(n: number): number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxCrashes: 3,
  windowMs: 60_000,
  delayMs: (n) => Math.min(250 * 2 ** (n - 1), 4_000),
};

export type SpawnFunction = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface EngineSupervisorOptions {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  log: ShellLog;
  readyTimeoutMs?: number;
  /** Grace period between SIGTERM and SIGKILL. */
  stopTimeoutMs?: number;
  restart?: RestartPolicy;
  now?: () => number;
  spawn?: SpawnFunction;
}

/** The engine did not become ready; `output` is its last lines, already scrubbed. */
export class EngineStartError extends Error {
  constructor(message: string, readonly output: string) {
    super(message);
    this.name = 'EngineStartError';
  }
}

const OUTPUT_TAIL_LINES = 30;

/** Calls `onLine` for each complete line of a stream (a token split across chunks stays whole). */
function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (stream === null) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) !== -1) {
      onLine(pending.slice(0, nl).replace(/\r$/, ''));
      pending = pending.slice(nl + 1);
    }
  });
  stream.on('end', () => {
    if (pending !== '') onLine(pending);
    pending = '';
  });
}

/** Resolves when the child's output pipes have ended, or after `ms` (a grandchild may hold them). */
function drained(child: ChildProcess, ms = 250): Promise<void> {
  const ended = (stream: NodeJS.ReadableStream | null): Promise<void> =>
    stream === null || (stream as { readableEnded?: boolean }).readableEnded === true
      ? Promise.resolve()
      : new Promise((resolve) => stream.once('end', () => resolve()));
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void Promise.all([ended(child.stdout), ended(child.stderr)]).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function describeExit(code: number | null, signal: string | null): string {
  return signal !== null ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
}

export class EngineSupervisor {
  readonly #options: EngineSupervisorOptions;
  readonly #policy: RestartPolicy;
  readonly #now: () => number;
  readonly #spawn: SpawnFunction;
  readonly #listeners = new Set<(event: SupervisorEvent) => void>();
  #state: SupervisorState = 'stopped';
  #child: ChildProcess | undefined;
  #endpoint: EngineEndpoint | undefined;
  #starting: Promise<EngineEndpoint> | undefined;
  #stopping: Promise<void> | undefined;
  #restartTimer: NodeJS.Timeout | undefined;
  #crashTimes: number[] = [];
  #consecutiveRestarts = 0;
  #tail: string[] = [];

  constructor(options: EngineSupervisorOptions) {
    this.#options = options;
    this.#policy = options.restart ?? DEFAULT_RESTART_POLICY;
    this.#now = options.now ?? Date.now;
    this.#spawn = options.spawn ?? nodeSpawn;
  }

  get state(): SupervisorState {
    return this.#state;
  }

  /** The running engine's endpoint; undefined while it is starting, restarting or stopped. */
  get endpoint(): EngineEndpoint | undefined {
    return this.#endpoint;
  }

  subscribe(listener: (event: SupervisorEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts the engine (or returns the one running or starting). A manual start forgets past crashes. */
  start(): Promise<EngineEndpoint> {
    if (this.#state === 'running' && this.#endpoint !== undefined) return Promise.resolve(this.#endpoint);
    if (this.#starting !== undefined) return this.#starting;
    if (this.#state === 'stopping') return (this.#stopping ?? Promise.resolve()).then(() => this.start());
    this.#clearRestartTimer();
    this.#crashTimes = [];
    this.#consecutiveRestarts = 0;
    return this.#launch(false);
  }

  /** Stops the engine: SIGTERM, then SIGKILL after the grace period. No restart follows. */
  stop(): Promise<void> {
    this.#clearRestartTimer();
    if (this.#stopping !== undefined) return this.#stopping;
    const child = this.#child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) {
      this.#state = 'stopped';
      this.#endpoint = undefined;
      return Promise.resolve();
    }
    this.#state = 'stopping';
    this.#endpoint = undefined;
    const stopTimeoutMs = this.#options.stopTimeoutMs ?? 5_000;
    this.#stopping = new Promise<void>((resolve) => {
      const killTimer = setTimeout(() => {
        this.#options.log.warn(`the engine did not stop within ${stopTimeoutMs} ms; killing it`);
        child.kill('SIGKILL');
      }, stopTimeoutMs);
      child.once('exit', () => {
        clearTimeout(killTimer);
        this.#child = undefined;
        this.#stopping = undefined;
        this.#state = 'stopped';
        this.#options.log.info('engine stopped');
        this.#emit({ type: 'stopped' });
        resolve();
      });
      child.kill('SIGTERM');
    });
    return this.#stopping;
  }

  /** A deliberate restart (e.g. after resetting the lab data): stop, then start. */
  async restart(): Promise<EngineEndpoint> {
    await this.stop();
    return this.start();
  }

  #emit(event: SupervisorEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (e) {
        this.#options.log.error(`a supervisor listener failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  #clearRestartTimer(): void {
    if (this.#restartTimer !== undefined) clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
  }

  #remember(line: string): void {
    this.#tail.push(line);
    if (this.#tail.length > OUTPUT_TAIL_LINES) this.#tail.shift();
  }

  /** The engine's last lines, scrubbed (with every token known by now). */
  #output(): string {
    return this.#options.log.scrub(this.#tail.join('\n'));
  }

  #launch(restarted: boolean): Promise<EngineEndpoint> {
    const { command, args, log } = this.#options;
    this.#state = 'starting';
    this.#tail = [];
    log.info(`${restarted ? 'restarting' : 'starting'} the engine`);
    const starting = new Promise<EngineEndpoint>((resolve, reject) => {
      let settled = false;
      let wasReady = false;
      let child: ChildProcess;
      try {
        child = this.#spawn(command, args, {
          cwd: this.#options.cwd,
          env: this.#options.env,
          stdio: ['ignore', 'pipe', 'pipe'],
          windowsHide: true,
          // Its own process group on POSIX: a Ctrl+C in the terminal reaches the shell, which
          // then stops the engine in order, instead of both racing (and the shell "restarting" it).
          detached: process.platform !== 'win32',
        });
      } catch (e) {
        reject(new EngineStartError(`Could not start the Lambda Lab engine with ${command}: ${(e as Error).message}`, ''));
        return;
      }
      this.#child = child;
      // Until the ready line says what the token is, the engine's output is held back: a line
      // printed before it could carry the token, which the log could not recognise yet.
      let held: { level: 'info' | 'warn'; line: string }[] | undefined = [];
      const release = (): void => {
        for (const { level, line } of held ?? []) log[level](`engine: ${line}`);
        held = undefined;
      };
      const output = (level: 'info' | 'warn', line: string): void => {
        this.#remember(line);
        if (held !== undefined) held.push({ level, line });
        else log[level](`engine: ${line}`);
      };
      const fail = (message: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(readyTimer);
        release();
        reject(new EngineStartError(message, this.#output()));
      };
      const readyTimeoutMs = this.#options.readyTimeoutMs ?? 30_000;
      const readyTimer = setTimeout(() => {
        fail(`The Lambda Lab engine was not ready within ${readyTimeoutMs / 1000} s`);
        child.kill('SIGKILL');
      }, readyTimeoutMs);

      forEachLine(child.stdout, (line) => {
        if (!settled) {
          const ready = parseReadyLine(line);
          if (ready !== undefined && child.pid !== undefined) {
            // Registered before anything is logged: the ready line carries the token.
            log.addSecret(ready.token);
            settled = true;
            wasReady = true;
            clearTimeout(readyTimer);
            release();
            const endpoint: EngineEndpoint = { ...ready, pid: child.pid };
            this.#endpoint = endpoint;
            this.#state = 'running';
            log.info(`engine ready at ${endpoint.origin} (pid ${endpoint.pid})`);
            resolve(endpoint);
            this.#emit({ type: 'ready', endpoint, restarted });
            return;
          }
        }
        output('info', line);
      });
      forEachLine(child.stderr, (line) => output('warn', line));
      child.once('error', (e) => {
        fail(`Could not start the Lambda Lab engine with ${command}: ${e.message}`);
        if (this.#child === child) this.#child = undefined;
      });
      child.once('exit', (code, signal) => {
        // Decided now, not after the wait below: by then a new engine may be starting.
        const stoppedOnPurpose = this.#state === 'stopping' || this.#state === 'stopped';
        if (this.#child === child) this.#child = undefined;
        if (wasReady && this.#endpoint?.pid === child.pid) this.#endpoint = undefined;
        // Its last words (e.g. a native module that failed to load) may still be in the pipes.
        void drained(child).then(() => {
          if (!wasReady) {
            fail(`The Lambda Lab engine stopped before it was ready (${describeExit(code, signal)})`);
            return;
          }
          if (stoppedOnPurpose || this.#state === 'stopping' || this.#state === 'stopped') return; // stop() handles it
          this.#onUnexpectedExit(code, signal);
        });
      });
    });
    this.#starting = starting;
    const clear = (): void => {
      if (this.#starting === starting) this.#starting = undefined;
    };
    starting.then(clear, (e: unknown) => {
      clear();
      if (this.#state === 'stopping' || this.#state === 'stopped') return; // stopped on purpose
      if (this.#state === 'starting') this.#state = 'failed';
      log.error(e instanceof Error ? e.message : String(e));
    });
    return starting;
  }

  #onUnexpectedExit(code: number | null, signal: string | null): void {
    this.#endpoint = undefined;
    this.#options.log.error(`the engine exited unexpectedly (${describeExit(code, signal)})`);
    const output = this.#output();
    const willRestart = this.#recordCrash();
    this.#emit({ type: 'crashed', code, signal, willRestart, output });
    if (willRestart) this.#scheduleRestart();
    else this.#giveUp(output);
  }

  /** Notes an unexpected exit; true while the restart policy still allows another start. */
  #recordCrash(): boolean {
    const now = this.#now();
    this.#crashTimes = this.#crashTimes.filter((t) => now - t < this.#policy.windowMs);
    this.#crashTimes.push(now);
    return this.#crashTimes.length <= this.#policy.maxCrashes;
  }

  #scheduleRestart(): void {
    this.#state = 'starting';
    this.#consecutiveRestarts += 1;
    const delay = this.#policy.delayMs(this.#consecutiveRestarts);
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      this.#launch(true).then(
        () => {
          this.#consecutiveRestarts = 0;
        },
        (e: unknown) => {
          if (this.#state === 'stopping' || this.#state === 'stopped') return;
          const willRestart = this.#recordCrash();
          this.#emit({ type: 'restart-failed', error: e instanceof Error ? e.message : String(e), willRestart });
          if (willRestart) this.#scheduleRestart();
          else this.#giveUp(e instanceof EngineStartError ? e.output : this.#output());
        },
      );
    }, delay);
  }

  #giveUp(output: string): void {
    this.#state = 'failed';
    this.#options.log.error(`the engine stopped ${this.#crashTimes.length} times within ${Math.round(this.#policy.windowMs / 1000)} s; not restarting it again`);
    this.#emit({ type: 'gave-up', crashes: this.#crashTimes.length, output });
  }
}

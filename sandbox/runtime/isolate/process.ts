// The isolate's own `process`: environment variables, stdout/stderr into the log, exit, and
// the handful of members handlers commonly touch. The host's process is never reachable.
import { DateNow, NumberCtor, NumberIsInteger, ObjectDefineProperty, PromiseResolve, PromisePrototypeThen, StringCtor, call } from './intrinsics.ts';
import type { LogSink } from './logs.ts';

/** Thrown by process.exit(); the runtime turns it into Runtime.ExitError and resets the environment. */
export class ProcessExit {
  constructor(readonly code: number) {}
}

export interface ProcessState {
  exitCode: number | undefined;
  /** Set when an allocation the sandbox could not satisfy should end the environment as OOM. */
  outOfMemory: boolean;
}

const NODE_VERSIONS: Record<string, string> = {
  'nodejs20.x': 'v20.19.5',
  'nodejs22.x': 'v22.21.1',
  'nodejs24.x': 'v24.21.0',
};

/** process.env coerces values to strings, like Node's. */
function createEnv(initial: Record<string, string>): Record<string, string> {
  const target: Record<string, string> = {};
  for (const k in initial) target[k] = StringCtor(initial[k]);
  return new Proxy(target, {
    set(t, key, value) {
      if (typeof key === 'symbol') return false;
      t[key] = StringCtor(value);
      return true;
    },
    defineProperty(t, key, desc) {
      if (typeof key === 'symbol') return false;
      t[key] = StringCtor(desc.value);
      return true;
    },
  });
}

/** Node 24 accepts an integer (or an integer string) as an exit code; anything else is refused. */
function validExitCode(code: unknown): number | undefined {
  if (code === undefined || code === null) return undefined;
  if (typeof code === 'number' && NumberIsInteger(code)) return code;
  if (typeof code === 'string' && /^-?\d+$/.test(code)) return NumberCtor(code);
  const err = new TypeError(`The "code" argument must be of type number. Received ${typeof code}`);
  (err as TypeError & { code: string }).code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

export function createProcess(opts: {
  env: Record<string, string>;
  runtime: string;
  arch: string;
  sink: LogSink;
  state: ProcessState;
  startTime: number;
}): Record<string, unknown> {
  const listeners: Record<string, ((...a: unknown[]) => void)[]> = {};
  const version = NODE_VERSIONS[opts.runtime] ?? 'v24.21.0';
  const stream = (fd: number) => ({
    fd,
    isTTY: false,
    writable: true,
    write(chunk: unknown, encodingOrCb?: unknown, cb?: unknown): boolean {
      opts.sink.writeRaw(typeof chunk === 'string' ? chunk : StringCtor(chunk));
      const done = typeof encodingOrCb === 'function' ? encodingOrCb : cb;
      if (typeof done === 'function') call(PromisePrototypeThen, PromiseResolve(undefined), () => (done as () => void)());
      return true;
    },
    end() {},
    on() {
      return this;
    },
    once() {
      return this;
    },
  });
  const proc: Record<string, unknown> = {
    title: 'node',
    version,
    versions: { node: version.slice(1), v8: '13.6.233.17-node.33', uv: '1.51.0', modules: '137' },
    arch: opts.arch === 'arm64' ? 'arm64' : 'x64',
    platform: 'linux',
    release: { name: 'node', lts: opts.runtime === 'nodejs24.x' ? 'Krypton' : opts.runtime === 'nodejs22.x' ? 'Jod' : 'Iron' },
    argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
    argv0: '/var/lang/bin/node',
    execArgv: [],
    execPath: '/var/lang/bin/node',
    pid: 8,
    ppid: 1,
    env: createEnv(opts.env),
    stdout: stream(1),
    stderr: stream(2),
    cwd: () => '/var/task',
    chdir: () => {
      throw new Error('process.chdir() is not supported in Lambda Lab');
    },
    uptime: () => (DateNow() - opts.startTime) / 1000,
    hrtime: Object.assign(
      (prev?: [number, number]) => {
        const ns = DateNow() * 1e6;
        const s = Math.floor(ns / 1e9);
        const n = ns % 1e9;
        if (prev) {
          let ds = s - prev[0];
          let dn = n - prev[1];
          if (dn < 0) {
            ds -= 1;
            dn += 1e9;
          }
          return [ds, dn];
        }
        return [s, n];
      },
      { bigint: () => BigInt(DateNow()) * 1_000_000n },
    ),
    memoryUsage: Object.assign(() => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }), { rss: () => 0 }),
    cpuUsage: () => ({ user: 0, system: 0 }),
    nextTick(fn: (...a: unknown[]) => void, ...args: unknown[]) {
      call(PromisePrototypeThen, PromiseResolve(undefined), () => fn(...args));
    },
    exit(code?: unknown) {
      const n = (code === undefined ? exitCode : validExitCode(code)) ?? 0;
      opts.state.exitCode = n & 0xff;
      throw new ProcessExit(n & 0xff);
    },
    abort() {
      opts.state.exitCode = 134;
      throw new ProcessExit(134);
    },
    kill() {
      throw new Error('process.kill() is not supported in Lambda Lab');
    },
    umask: () => 0o22,
    getuid: () => 993,
    getgid: () => 990,
    emitWarning(warning: unknown, type?: unknown) {
      const name = typeof type === 'string' ? type : warning instanceof Error ? warning.name : 'Warning';
      const message = warning instanceof Error ? warning.message : StringCtor(warning);
      opts.sink.writeRaw(`(node:8) ${name}: ${message}\n`);
    },
    on(event: string, fn: (...a: unknown[]) => void) {
      (listeners[event] ??= []).push(fn);
      return proc;
    },
    once(event: string, fn: (...a: unknown[]) => void) {
      (listeners[event] ??= []).push(fn);
      return proc;
    },
    off(event: string, fn: (...a: unknown[]) => void) {
      const l = listeners[event];
      if (l) {
        const i = l.indexOf(fn);
        if (i >= 0) l.splice(i, 1);
      }
      return proc;
    },
    removeListener(event: string, fn: (...a: unknown[]) => void) {
      return (proc['off'] as (e: string, f: unknown) => unknown)(event, fn);
    },
    removeAllListeners(event?: string) {
      if (event === undefined) for (const k in listeners) delete listeners[k];
      else delete listeners[event];
      return proc;
    },
    listeners: (event: string) => [...(listeners[event] ?? [])],
    listenerCount: (event: string) => (listeners[event] ?? []).length,
    emit(event: string, ...args: unknown[]) {
      const l = listeners[event];
      if (!l || l.length === 0) return false;
      for (const fn of [...l]) fn(...args);
      return true;
    },
  };
  let exitCode: number | undefined;
  ObjectDefineProperty(proc, 'exitCode', {
    get: () => exitCode,
    set: (v: unknown) => {
      exitCode = validExitCode(v);
    },
    enumerable: true,
    configurable: false,
  });
  ObjectDefineProperty(proc, Symbol.toStringTag, { value: 'process', configurable: true });
  return proc;
}

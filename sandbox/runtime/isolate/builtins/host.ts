// The glue's side of the one host capability: a captured function (never reachable by user
// code) that returns `{ ok }` or `{ err }`, plus the services built on it (entropy, a clock).
import type { TaskFiles } from '../files.ts';
import {
  call, DateNow, ErrorCtor, ObjectHasOwn, RangeErrorCtor, ReflectApply, Uint8ArrayCtor, WeakMapCtor, WeakMapGet, WeakMapSet, push,
} from '../intrinsics.ts';
import { copyBytes, subarray, typedArrayName } from './captured.ts';

/** `__lab_host`, captured by entry.ts at boot: `(op, ...args) => { ok } | { err }`. */
export type HostCall = (op: string, ...args: unknown[]) => unknown;

export interface HostError {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
  message: string;
}

/** What the Node built-ins need from entry.ts besides process/console/global. */
export interface NodeDeps {
  hostCall: HostCall;
  /** The function's files under /var/task (read-only). */
  files: TaskFiles;
  /** Epoch milliseconds when the environment started (`performance.timeOrigin`). */
  startTime: number;
}

export type HostOutcome = { ok: true; value: unknown } | { ok: false; error: HostError };

let outOfMemory: (() => never) | undefined;
/** What to do when a host answer is too large for the isolate (entry.ts: end the environment as OOM). */
export function setHostOutOfMemoryHandler(handler: () => never): void {
  outOfMemory = handler;
}

/** Calls the host; a malformed answer (a lab bug) becomes an EIO error, never an exception. */
export function callHost(hostCall: HostCall, op: string, args: unknown[]): HostOutcome {
  let r: unknown;
  try {
    const full: unknown[] = [op];
    for (let i = 0; i < args.length; i++) push(full, args[i]);
    r = ReflectApply(hostCall, undefined, full);
  } catch (e) {
    // Copying the answer into the isolate failed for lack of memory (e.g. reading a /tmp file
    // larger than the function's memory): on Lambda the process would be OOM-killed.
    if (e instanceof RangeErrorCtor && outOfMemory !== undefined) outOfMemory();
    r = undefined;
  }
  if (typeof r === 'object' && r !== null) {
    if (ObjectHasOwn(r, 'ok')) return { ok: true, value: (r as { ok: unknown }).ok };
    if (ObjectHasOwn(r, 'err')) {
      const e = (r as { err: unknown }).err;
      if (typeof e === 'object' && e !== null && typeof (e as HostError).code === 'string') return { ok: false, error: e as HostError };
    }
  }
  return { ok: false, error: { code: 'EIO', syscall: op, message: `EIO: i/o error, ${op}` } };
}

export interface Services {
  /** Fills `bytes` (any length) with strong random bytes from the host. */
  randomFill(bytes: Uint8Array): void;
  /** High-resolution epoch milliseconds. */
  now(): number;
}

const noHost: HostCall = () => undefined;
const POOL_SIZE = 4096;
const HOST_MAX = 65_536;
const cache = new WeakMapCtor<object, Services>();

/** One set of services per host function, shared by the globals and the modules. */
export function services(hostCall: HostCall): Services {
  // Without a host (a runner that does not provide `__lab_host`), every call fails with EIO.
  if (typeof hostCall !== 'function') hostCall = noHost;
  const cached = call(WeakMapGet, cache, hostCall) as Services | undefined;
  if (cached !== undefined) return cached;
  let pool: Uint8Array = new Uint8ArrayCtor(0);
  let poolPos = 0;
  const fetch = (n: number): Uint8Array => {
    const r = callHost(hostCall, 'random', [n]);
    const v = r.ok ? r.value : undefined;
    if (typedArrayName(v) !== 'Uint8Array' || (v as Uint8Array).length !== n) throw new ErrorCtor('Lambda Lab could not get random bytes from the host');
    return v as Uint8Array;
  };
  const s: Services = {
    randomFill(bytes) {
      const n = bytes.length;
      if (n === 0) return;
      if (n <= 256) {
        if (poolPos + n > pool.length) {
          pool = fetch(POOL_SIZE);
          poolPos = 0;
        }
        copyBytes(bytes, subarray(pool, poolPos, poolPos + n));
        // Used bytes are wiped so they are never handed out twice.
        for (let i = poolPos; i < poolPos + n; i++) pool[i] = 0;
        poolPos += n;
        return;
      }
      for (let off = 0; off < n; off += HOST_MAX) {
        const len = n - off < HOST_MAX ? n - off : HOST_MAX;
        copyBytes(bytes, fetch(len), off);
      }
    },
    now() {
      const r = callHost(hostCall, 'now', []);
      return r.ok && typeof r.value === 'number' ? r.value : DateNow();
    },
  };
  call(WeakMapSet, cache, hostCall, s);
  return s;
}

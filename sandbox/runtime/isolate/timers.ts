// Timers inside the isolate are driven by the runner: the glue records set/clear requests as
// ops, the runner keeps real timers and calls back in (`fireTimer`). Between invocations the
// runner freezes them, like Lambda freezes the execution environment.
import { MapCtor, ObjectDefineProperty, SymbolCtor, call, push } from './intrinsics.ts';

export type TimerOp = [kind: 's', id: number, delayMs: number, refed: 0 | 1] | [kind: 'c', id: number] | [kind: 'r', id: number, refed: 0 | 1];

interface TimerEntry {
  fn: (...a: unknown[]) => unknown;
  args: unknown[];
  repeatMs: number | null;
  refed: boolean;
  handle: Timeout | Immediate;
}

const TIMEOUT_MAX = 2 ** 31 - 1;

export class TimerTable {
  private nextId = 1;
  private readonly entries = new MapCtor<number, TimerEntry>();
  ops: TimerOp[] = [];

  takeOps(): TimerOp[] {
    const ops = this.ops;
    this.ops = [];
    return ops;
  }

  add(fn: unknown, delay: unknown, args: unknown[], repeat: boolean, immediate: boolean): Timeout | Immediate {
    if (typeof fn !== 'function') {
      const err = new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
      (err as TypeError & { code: string }).code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const id = this.nextId++;
    let ms = immediate ? 0 : Number(delay);
    if (!immediate && (!(ms >= 1 && ms <= TIMEOUT_MAX) || ms !== ms)) ms = 1;
    if (!immediate) ms = Math.trunc(ms);
    const handle = immediate ? new Immediate(this, id) : new Timeout(this, id, ms, repeat);
    this.entries.set(id, { fn: fn as TimerEntry['fn'], args, repeatMs: repeat ? ms : null, refed: true, handle });
    push(this.ops, ['s', id, immediate ? -1 : ms, 1]);
    return handle;
  }

  clear(handle: unknown): void {
    let id: number | undefined;
    if (handle instanceof Timeout || handle instanceof Immediate) id = handle.id;
    else if (typeof handle === 'number' || typeof handle === 'string') id = Number(handle);
    if (id === undefined || !this.entries.has(id)) return;
    this.entries.delete(id);
    push(this.ops, ['c', id]);
  }

  setRef(id: number, refed: boolean): void {
    const e = this.entries.get(id);
    if (e === undefined || e.refed === refed) return;
    e.refed = refed;
    push(this.ops, ['r', id, refed ? 1 : 0]);
  }

  hasRef(id: number): boolean {
    return this.entries.get(id)?.refed ?? false;
  }

  refresh(id: number): void {
    const e = this.entries.get(id);
    if (e === undefined || !(e.handle instanceof Timeout)) return;
    push(this.ops, ['s', id, e.handle.delayMs, e.refed ? 1 : 0]);
  }

  /** Runs a due timer; intervals are re-armed before their callback runs, as in Node. */
  fire(id: number): void {
    const e = this.entries.get(id);
    if (e === undefined) return;
    if (e.repeatMs !== null) push(this.ops, ['s', id, e.repeatMs, e.refed ? 1 : 0]);
    else this.entries.delete(id);
    call(e.fn, e.handle, ...e.args);
  }
}

const toPrimitive = SymbolCtor.toPrimitive;

export class Timeout {
  constructor(private readonly table: TimerTable, readonly id: number, readonly delayMs: number, readonly repeat: boolean) {}
  ref(): this {
    this.table.setRef(this.id, true);
    return this;
  }
  unref(): this {
    this.table.setRef(this.id, false);
    return this;
  }
  hasRef(): boolean {
    return this.table.hasRef(this.id);
  }
  refresh(): this {
    this.table.refresh(this.id);
    return this;
  }
  close(): this {
    this.table.clear(this);
    return this;
  }
  [toPrimitive](): number {
    return this.id;
  }
}

export class Immediate {
  constructor(private readonly table: TimerTable, readonly id: number) {}
  ref(): this {
    this.table.setRef(this.id, true);
    return this;
  }
  unref(): this {
    this.table.setRef(this.id, false);
    return this;
  }
  hasRef(): boolean {
    return this.table.hasRef(this.id);
  }
}

/** Installs setTimeout & co. on the global object. */
export function installTimerGlobals(g: Record<string, unknown>, table: TimerTable): void {
  const define = (name: string, value: unknown): void => {
    ObjectDefineProperty(g, name, { value, writable: true, configurable: true, enumerable: true });
  };
  define('setTimeout', function setTimeout(fn: unknown, delay?: unknown, ...args: unknown[]) {
    return table.add(fn, delay, args, false, false);
  });
  define('setInterval', function setInterval(fn: unknown, delay?: unknown, ...args: unknown[]) {
    return table.add(fn, delay, args, true, false);
  });
  define('setImmediate', function setImmediate(fn: unknown, ...args: unknown[]) {
    return table.add(fn, 0, args, false, true);
  });
  define('clearTimeout', function clearTimeout(h: unknown) {
    table.clear(h);
  });
  define('clearInterval', function clearInterval(h: unknown) {
    table.clear(h);
  });
  define('clearImmediate', function clearImmediate(h: unknown) {
    table.clear(h);
  });
}

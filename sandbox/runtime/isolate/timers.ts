// Timers inside the isolate are driven by the runner: the glue records set/clear requests as
// ops, the runner keeps real timers and calls back in (`fireTimer`). Between invocations the
// runner freezes them, like Lambda freezes the execution environment.
import {
  MapCtor, MapPrototypeClear, MapPrototypeDelete, MapPrototypeGet, MapPrototypeHas, MapPrototypeSet, MathTrunc, NumberCtor, ObjectDefineProperty, ReflectApply,
  SetCtor, SetPrototypeAdd, SetPrototypeDelete, SetPrototypeHas, SymbolCtor, call, push,
} from './intrinsics.ts';

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
  /** Changes since the last flush, one per timer id (a million set/clear calls stay one op each). */
  private readonly pending = new MapCtor<number, TimerOp>();
  /** Timers the runner knows about (told in an earlier flush). */
  private readonly announced = new SetCtor<number>();

  /** Ids in `pending`, in first-change order (iterated by index: iterators may be poisoned). */
  private pendingOrder: number[] = [];

  private note(id: number, op: TimerOp): void {
    if (!call(MapPrototypeHas, this.pending, id)) push(this.pendingOrder, id);
    call(MapPrototypeSet, this.pending, id, op);
  }

  takeOps(): TimerOp[] {
    const ops: TimerOp[] = [];
    const order = this.pendingOrder;
    for (let i = 0; i < order.length; i++) {
      const op = call(MapPrototypeGet, this.pending, order[i]) as TimerOp | undefined;
      if (op === undefined) continue;
      push(ops, op);
      if (op[0] === 's') call(SetPrototypeAdd, this.announced, op[1]);
      else if (op[0] === 'c') call(SetPrototypeDelete, this.announced, op[1]);
    }
    call(MapPrototypeClear, this.pending);
    this.pendingOrder = [];
    return ops;
  }

  add(fn: unknown, delay: unknown, args: unknown[], repeat: boolean, immediate: boolean): Timeout | Immediate {
    if (typeof fn !== 'function') {
      const err = new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
      (err as TypeError & { code: string }).code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const id = this.nextId++;
    let ms = immediate ? 0 : NumberCtor(delay);
    // Node clamps delays outside 1..2^31-1 (and NaN) to 1 ms.
    if (!immediate && (!(ms >= 1 && ms <= TIMEOUT_MAX) || ms !== ms)) ms = 1;
    if (!immediate) ms = MathTrunc(ms);
    const handle = immediate ? new Immediate(this, id) : new Timeout(this, id, ms, repeat);
    call(MapPrototypeSet, this.entries, id, { fn: fn as TimerEntry['fn'], args, repeatMs: repeat ? ms : null, refed: true, handle });
    this.note(id, ['s', id, immediate ? -1 : ms, 1]);
    return handle;
  }

  clear(handle: unknown): void {
    let id: number | undefined;
    if (handle instanceof Timeout || handle instanceof Immediate) id = handle.id;
    else if (typeof handle === 'number') id = handle;
    else if (typeof handle === 'string') id = NumberCtor(handle);
    if (id === undefined || !call(MapPrototypeHas, this.entries, id)) return;
    call(MapPrototypeDelete, this.entries, id);
    if (call(SetPrototypeHas, this.announced, id)) this.note(id, ['c', id]);
    else call(MapPrototypeDelete, this.pending, id);
  }

  setRef(id: number, refed: boolean): void {
    const e = call(MapPrototypeGet, this.entries, id) as TimerEntry | undefined;
    if (e === undefined || e.refed === refed) return;
    e.refed = refed;
    const op = call(MapPrototypeGet, this.pending, id) as TimerOp | undefined;
    if (op !== undefined && op[0] === 's') op[3] = refed ? 1 : 0;
    else this.note(id, ['r', id, refed ? 1 : 0]);
  }

  hasRef(id: number): boolean {
    return (call(MapPrototypeGet, this.entries, id) as TimerEntry | undefined)?.refed ?? false;
  }

  refresh(id: number): void {
    const e = call(MapPrototypeGet, this.entries, id) as TimerEntry | undefined;
    if (e === undefined || !(e.handle instanceof Timeout)) return;
    this.note(id, ['s', id, e.handle.delayMs, e.refed ? 1 : 0]);
  }

  /** Runs a due timer; intervals are re-armed before their callback runs, as in Node. */
  fire(id: number): void {
    const e = call(MapPrototypeGet, this.entries, id) as TimerEntry | undefined;
    if (e === undefined) return;
    // The runner's copy of this timer has fired; it only knows about it again if re-armed.
    call(SetPrototypeDelete, this.announced, id);
    if (e.repeatMs !== null) this.note(id, ['s', id, e.repeatMs, e.refed ? 1 : 0]);
    else call(MapPrototypeDelete, this.entries, id);
    ReflectApply(e.fn, e.handle, e.args);
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

// The `performance` global and require('perf_hooks'): a high-resolution clock from the host,
// timeOrigin at environment start, and minimal marks and measures.
import { ErrorCtor, StringCtor, SymbolCtor, SymbolToStringTag, TypeErrorCtor } from '../intrinsics.ts';
import { codeError, InspectCustom, nameClasses } from './captured.ts';
import { DOMException } from './dom.ts';

export class PerformanceEntry {
  readonly #name: string;
  readonly #type: string;
  readonly #start: number;
  readonly #duration: number;
  readonly #detail: unknown;
  constructor(token: unknown, name: string, type: string, start: number, duration: number, detail: unknown) {
    if (token !== kCreate) throw codeError(TypeErrorCtor, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    this.#detail = detail;
  }
  get name(): string {
    return this.#name;
  }
  get entryType(): string {
    return this.#type;
  }
  get startTime(): number {
    return this.#start;
  }
  get duration(): number {
    return this.#duration;
  }
  get detail(): unknown {
    return this.#detail;
  }
  toJSON(): Record<string, unknown> {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
  }
  [InspectCustom](_d: number, o: unknown, inspect: (v: unknown, o: unknown) => string): string {
    return `${this.constructor.name} ${inspect(this.toJSON(), o)}`;
  }
}
export class PerformanceMark extends PerformanceEntry {}
export class PerformanceMeasure extends PerformanceEntry {}
const kCreate = SymbolCtor('create');

export function createPerformance(now: () => number, timeOrigin: number): Record<string, unknown> {
  const entries: PerformanceEntry[] = [];
  const rel = (): number => now() - timeOrigin;
  const find = (name: string): number => {
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i] as PerformanceEntry;
      if (e.entryType === 'mark' && e.name === name) return e.startTime;
    }
    throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  };
  const remove = (type: string, name?: unknown): void => {
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i] as PerformanceEntry;
      if (e.entryType === type && (name === undefined || e.name === name)) {
        for (let j = i; j < entries.length - 1; j++) entries[j] = entries[j + 1] as PerformanceEntry;
        entries.length--;
      }
    }
  };
  const perf = {
    timeOrigin,
    now: rel,
    mark(name: unknown, options?: { startTime?: number; detail?: unknown }): PerformanceMark {
      const m = new PerformanceMark(kCreate, StringCtor(name), 'mark', options?.startTime ?? rel(), 0, options?.detail ?? null);
      entries[entries.length] = m;
      return m;
    },
    measure(name: unknown, start?: unknown, end?: unknown): PerformanceMeasure {
      let startTime = 0;
      let endTime = rel();
      let detail: unknown = null;
      if (typeof start === 'object' && start !== null) {
        const o = start as { start?: unknown; end?: unknown; duration?: number; detail?: unknown };
        if (o.start !== undefined) startTime = typeof o.start === 'number' ? o.start : find(StringCtor(o.start));
        if (o.end !== undefined) endTime = typeof o.end === 'number' ? o.end : find(StringCtor(o.end));
        else if (o.duration !== undefined) endTime = startTime + o.duration;
        detail = o.detail ?? null;
      } else {
        if (start !== undefined) startTime = find(StringCtor(start));
        if (end !== undefined) endTime = find(StringCtor(end));
      }
      const m = new PerformanceMeasure(kCreate, StringCtor(name), 'measure', startTime, endTime - startTime, detail);
      entries[entries.length] = m;
      return m;
    },
    getEntries: () => entries.slice(),
    getEntriesByName: (name: unknown, type?: unknown) => entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)),
    getEntriesByType: (type: unknown) => entries.filter((e) => e.entryType === type),
    clearMarks: (name?: unknown) => remove('mark', name),
    clearMeasures: (name?: unknown) => remove('measure', name),
    eventLoopUtilization: () => ({ idle: 0, active: 0, utilization: 0 }),
    timerify: <F>(fn: F) => fn,
    toJSON: () => ({ timeOrigin, eventLoopUtilization: { idle: 0, active: 0, utilization: 0 } }),
    [SymbolToStringTag]: 'Performance',
  };
  return perf;
}

export function createPerfHooks(performance: unknown): Record<string, unknown> {
  return {
    performance,
    PerformanceEntry,
    PerformanceMark,
    PerformanceMeasure,
    constants: {},
    monitorEventLoopDelay() {
      throw codeError(ErrorCtor, 'ERR_FEATURE_NOT_AVAILABLE_IN_LAMBDA_LAB', 'perf_hooks.monitorEventLoopDelay() is not available in Lambda Lab.');
    },
    PerformanceObserver: class PerformanceObserver {
      constructor() {
        throw codeError(ErrorCtor, 'ERR_FEATURE_NOT_AVAILABLE_IN_LAMBDA_LAB', 'PerformanceObserver is not available in Lambda Lab.');
      }
    },
  };
}

nameClasses({ PerformanceEntry, PerformanceMark, PerformanceMeasure });

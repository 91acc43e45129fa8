// The `console` a handler sees: level methods patched like RIC's LogPatch, the rest of
// Node's console (dir, table, time, count, assert, group) writing through them or to stdout.
import { DateNow, MapCtor, ObjectDefineProperty, StringCtor } from './intrinsics.ts';
import { inspect } from './inspect.ts';
import type { Level, LogSink } from './logs.ts';

export function createConsole(sink: LogSink): Record<string, unknown> {
  const level = (lvl: Level) =>
    function (this: unknown, ...args: unknown[]): void {
      sink.log(lvl, args);
    };
  const timers = new MapCtor<string, number>();
  const counts = new MapCtor<string, number>();
  const c: Record<string, unknown> = {};
  const log = level('INFO');
  const methods: Record<string, unknown> = {
    log,
    info: log,
    debug: level('DEBUG'),
    trace: level('TRACE'),
    warn: level('WARN'),
    error: level('ERROR'),
    fatal: level('FATAL'),
    dir(obj: unknown, options?: { depth?: number }) {
      sink.writeRaw(`${inspect(obj, { depth: options?.depth ?? 2 })}\n`);
    },
    dirxml(...args: unknown[]) {
      log(...args);
    },
    table(data: unknown) {
      // Node renders a box table; a plain rendering keeps the data readable.
      log(data);
    },
    time(label: unknown = 'default') {
      timers.set(StringCtor(label), DateNow());
    },
    timeLog(label: unknown = 'default', ...data: unknown[]) {
      const start = timers.get(StringCtor(label));
      if (start === undefined) {
        sink.log('WARN', [`Warning: No such label '${StringCtor(label)}' for console.timeLog()`]);
        return;
      }
      log(`%s: %s`, StringCtor(label), `${DateNow() - start}ms`, ...data);
    },
    timeEnd(label: unknown = 'default') {
      const key = StringCtor(label);
      const start = timers.get(key);
      if (start === undefined) {
        sink.log('WARN', [`Warning: No such label '${key}' for console.timeEnd()`]);
        return;
      }
      timers.delete(key);
      log('%s: %s', key, `${DateNow() - start}ms`);
    },
    count(label: unknown = 'default') {
      const key = StringCtor(label);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      log(`${key}: ${n}`);
    },
    countReset(label: unknown = 'default') {
      counts.delete(StringCtor(label));
    },
    assert(condition: unknown, ...data: unknown[]) {
      if (!condition) {
        if (typeof data[0] === 'string') sink.log('WARN', [`Assertion failed: ${data[0]}`, ...data.slice(1)]);
        else sink.log('WARN', ['Assertion failed', ...data]);
      }
    },
    group(...label: unknown[]) {
      if (label.length > 0) log(...label);
    },
    groupCollapsed(...label: unknown[]) {
      if (label.length > 0) log(...label);
    },
    groupEnd() {},
    clear() {},
    profile() {},
    profileEnd() {},
    timeStamp() {},
  };
  for (const key in methods) {
    ObjectDefineProperty(c, key, { value: methods[key], writable: true, configurable: true, enumerable: true });
  }
  return c;
}

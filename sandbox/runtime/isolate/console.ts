// The `console` a handler sees: level methods patched like RIC's LogPatch, the rest of
// Node's console (dir, table, time, count, assert, group) writing through them or to stdout.
import { ArrayPrototypeSlice, DateNow, MapCtor, MapPrototypeDelete, MapPrototypeGet, MapPrototypeSet, ObjectDefineProperty, StringCtor, call, concat } from './intrinsics.ts';
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
      sink.log('INFO', args);
    },
    table(data: unknown) {
      // Node renders a box table; a plain rendering keeps the data readable.
      log(data);
    },
    time(label: unknown = 'default') {
      call(MapPrototypeSet, timers, StringCtor(label), DateNow());
    },
    timeLog(label: unknown = 'default', ...data: unknown[]) {
      const start = call(MapPrototypeGet, timers, StringCtor(label)) as number | undefined;
      if (start === undefined) {
        sink.log('WARN', [`Warning: No such label '${StringCtor(label)}' for console.timeLog()`]);
        return;
      }
      sink.log('INFO', concat(['%s: %s', StringCtor(label), `${DateNow() - start}ms`], data));
    },
    timeEnd(label: unknown = 'default') {
      const key = StringCtor(label);
      const start = call(MapPrototypeGet, timers, key) as number | undefined;
      if (start === undefined) {
        sink.log('WARN', [`Warning: No such label '${key}' for console.timeEnd()`]);
        return;
      }
      call(MapPrototypeDelete, timers, key);
      log('%s: %s', key, `${DateNow() - start}ms`);
    },
    count(label: unknown = 'default') {
      const key = StringCtor(label);
      const n = ((call(MapPrototypeGet, counts, key) as number | undefined) ?? 0) + 1;
      call(MapPrototypeSet, counts, key, n);
      log(`${key}: ${n}`);
    },
    countReset(label: unknown = 'default') {
      call(MapPrototypeDelete, counts, StringCtor(label));
    },
    assert(condition: unknown, ...data: unknown[]) {
      if (!condition) {
        if (typeof data[0] === 'string') sink.log('WARN', concat([`Assertion failed: ${data[0]}`], call(ArrayPrototypeSlice, data, 1) as unknown[]));
        else sink.log('WARN', concat(['Assertion failed'], data));
      }
    },
    group(...label: unknown[]) {
      if (label.length > 0) sink.log('INFO', label);
    },
    groupCollapsed(...label: unknown[]) {
      if (label.length > 0) sink.log('INFO', label);
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

// The Node built-in modules the lab provides inside the isolate. Each is created lazily on
// first require, so an environment only pays for what its code uses. Anything not listed
// here fails with MODULE_NOT_FOUND (the AWS SDK modules arrive through this same registry).
import EventEmitterModule from 'events';
import pathPosix from 'path-browserify';
import { DateNow, MapCtor } from '../intrinsics.ts';
import type { BuiltinFactory } from '../modules.ts';
import { sharedPerformance, sharedWebCrypto } from './globals.ts';
import { services, type NodeDeps } from './host.ts';
import { createUtil, types } from './util.ts';

// Reached through require() so esbuild bundles them as lazily-initialised modules.
declare const require: (id: string) => unknown;
const load = {
  assert: () => require('./assert.ts') as typeof import('./assert.ts'),
  buffer: () => require('./buffer.ts') as typeof import('./buffer.ts'),
  crypto: () => require('./crypto.ts') as typeof import('./crypto.ts'),
  fs: () => require('./fs.ts') as typeof import('./fs.ts'),
  os: () => require('./os.ts') as typeof import('./os.ts'),
  performance: () => require('./performance.ts') as typeof import('./performance.ts'),
  querystring: () => require('./querystring.ts') as typeof import('./querystring.ts'),
  stringDecoder: () => require('./string-decoder.ts') as typeof import('./string-decoder.ts'),
  url: () => require('./url.ts') as typeof import('./url.ts'),
};

export interface BuiltinDeps extends NodeDeps {
  process: Record<string, unknown>;
  console: Record<string, unknown>;
  global: Record<string, unknown>;
}

/** Memoises a factory whose result backs two module names (fs + fs/promises, assert + assert/strict). */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

export function createBuiltins(deps: BuiltinDeps): Map<string, BuiltinFactory> {
  const m = new MapCtor<string, BuiltinFactory>();
  const g = deps.global;
  const svc = services(deps.hostCall);
  // Captured now (at boot): the glue's queueMicrotask reports a throwing callback as uncaught.
  const queueMicrotask = g['queueMicrotask'] as (fn: () => void) => void;
  const defer = (fn: () => void): void => queueMicrotask(fn);
  const fs = once(() =>
    load.fs().createFs({ hostCall: deps.hostCall, files: deps.files, services: svc, startTime: deps.startTime, defer, EventEmitter: EventEmitterModule as new () => object }),
  );
  const asserts = once(() => load.assert().createAssertModules());

  m.set('util', createUtil);
  m.set('util/types', () => types);
  m.set('path', () => ({ ...pathPosix, posix: pathPosix }));
  m.set('path/posix', () => pathPosix);
  m.set('events', () => EventEmitterModule);
  m.set('process', () => deps.process);
  m.set('console', () => deps.console);
  m.set('timers', () => ({
    setTimeout: g['setTimeout'],
    setInterval: g['setInterval'],
    setImmediate: g['setImmediate'],
    clearTimeout: g['clearTimeout'],
    clearInterval: g['clearInterval'],
    clearImmediate: g['clearImmediate'],
  }));
  m.set('timers/promises', () => ({
    setTimeout: (ms?: number, value?: unknown) =>
      new Promise((resolve) => (g['setTimeout'] as (f: () => void, ms?: number) => unknown)(() => resolve(value), ms)),
    setImmediate: (value?: unknown) =>
      new Promise((resolve) => (g['setImmediate'] as (f: () => void) => unknown)(() => resolve(value))),
  }));
  m.set('buffer', () => load.buffer().bufferModule());
  m.set('crypto', () => load.crypto().createCrypto({ services: svc, defer, webcrypto: () => sharedWebCrypto(svc) }));
  m.set('url', () => load.url().createUrlModule());
  m.set('querystring', () => load.querystring().createQuerystring());
  m.set('string_decoder', () => ({ StringDecoder: load.stringDecoder().StringDecoder }));
  m.set('os', () => load.os().createOs({ process: deps.process, startTime: deps.startTime, now: DateNow }));
  m.set('assert', () => asserts().assert);
  m.set('assert/strict', () => asserts().strict);
  m.set('fs', () => fs().fs);
  m.set('fs/promises', () => fs().promises);
  m.set('perf_hooks', () => load.performance().createPerfHooks(sharedPerformance(svc, deps.startTime)));
  return m;
}

// The Node built-in modules the lab provides inside the isolate. Each is created lazily on
// first require, so an environment only pays for what its code uses. Anything not listed
// here fails with MODULE_NOT_FOUND (the AWS SDK modules arrive through this same registry).
import EventEmitterModule from 'events';
import pathPosix from 'path-browserify';
import { MapCtor } from '../intrinsics.ts';
import type { BuiltinFactory } from '../modules.ts';
import { createUtil, types } from './util.ts';

export interface BuiltinDeps {
  process: Record<string, unknown>;
  console: Record<string, unknown>;
  global: Record<string, unknown>;
}

export function createBuiltins(deps: BuiltinDeps): Map<string, BuiltinFactory> {
  const m = new MapCtor<string, BuiltinFactory>();
  const g = deps.global;
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
  return m;
}

// require('util'): format/inspect are the lab's own Node-compatible versions.
import { ObjectDefineProperty, ObjectGetPrototypeOf, ObjectPrototypeToString, call } from '../intrinsics.ts';
import { customInspectSymbol, format, formatWithOptions, inspect } from '../inspect.ts';
import { isDeepEqual } from './deep-equal.ts';

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function promisify(original: unknown): unknown {
  if (typeof original !== 'function') {
    const err = new TypeError(`The "original" argument must be of type function. Received ${typeof original}`);
    (err as TypeError & { code: string }).code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const custom = (original as unknown as Record<symbol, unknown>)[kCustomPromisify];
  if (typeof custom === 'function') return custom;
  const fn = function (this: unknown, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      (original as (...a: unknown[]) => void).call(this, ...args, (err: unknown, ...values: unknown[]) => {
        if (err) reject(err);
        else resolve(values.length > 1 ? values : values[0]);
      });
    });
  };
  Object.setPrototypeOf(fn, ObjectGetPrototypeOf(original) as object);
  ObjectDefineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return fn;
}
promisify.custom = kCustomPromisify;

function callbackify(original: (...a: unknown[]) => Promise<unknown>) {
  return function (this: unknown, ...args: unknown[]): void {
    const cb = args.pop() as (err: unknown, v?: unknown) => void;
    original.apply(this, args).then(
      (v) => cb(null, v),
      (e: unknown) => cb(e ?? new Error('Promise was rejected with a falsy value')),
    );
  };
}

const tag = (v: unknown): string => call(ObjectPrototypeToString, v) as string;

export const types = {
  isPromise: (v: unknown) => v instanceof Promise,
  isDate: (v: unknown) => tag(v) === '[object Date]',
  isRegExp: (v: unknown) => tag(v) === '[object RegExp]',
  isMap: (v: unknown) => v instanceof Map,
  isSet: (v: unknown) => v instanceof Set,
  isNativeError: (v: unknown) => tag(v) === '[object Error]',
  isAsyncFunction: (v: unknown) => typeof v === 'function' && tag(v) === '[object AsyncFunction]',
  isGeneratorFunction: (v: unknown) => typeof v === 'function' && /GeneratorFunction\]$/.test(tag(v)),
  isTypedArray: (v: unknown) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isUint8Array: (v: unknown) => v instanceof Uint8Array,
  isArrayBuffer: (v: unknown) => v instanceof ArrayBuffer,
  isAnyArrayBuffer: (v: unknown) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer),
  isBoxedPrimitive: (v: unknown) => v instanceof Number || v instanceof String || v instanceof Boolean,
};

export function createUtil(): Record<string, unknown> {
  const inspectFn = Object.assign((v: unknown, opts?: object) => inspect(v, opts as never), {
    custom: customInspectSymbol,
    defaultOptions: { depth: 2, breakLength: 128, compact: 3 },
  });
  return {
    format,
    formatWithOptions,
    inspect: inspectFn,
    promisify,
    callbackify,
    types,
    inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }) {
      ObjectDefineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
      Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    },
    deprecate(fn: (...a: unknown[]) => unknown) {
      return fn;
    },
    isArray: Array.isArray,
    isDeepStrictEqual(a: unknown, b: unknown) {
      return isDeepEqual(a, b, true);
    },
    TextEncoder: (globalThis as Record<string, unknown>)['TextEncoder'],
    TextDecoder: (globalThis as Record<string, unknown>)['TextDecoder'],
  };
}

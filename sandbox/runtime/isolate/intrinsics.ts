// Builtins captured before any user code runs. User code may replace globals or prototype
// methods; the lab's own glue only ever calls these captured originals, so a poisoned
// `JSON`, `Array.prototype` or `Promise` can break the user's own code but not the glue.

export const ObjectCreate = Object.create;
export const ObjectDefineProperty = Object.defineProperty;
export const ObjectFreeze = Object.freeze;
export const ObjectKeys = Object.keys;
export const ObjectGetPrototypeOf = Object.getPrototypeOf;
export const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
export const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
export const ObjectPrototypeToString = Object.prototype.toString;
export const ObjectHasOwn = Object.hasOwn;
export const ObjectIs = Object.is;
export const ReflectApply = Reflect.apply;
export const ReflectOwnKeys = Reflect.ownKeys;
export const JSONStringify = JSON.stringify;
export const JSONParse = JSON.parse;
export const StringCtor = String;
export const NumberCtor = Number;
export const ArrayIsArray = Array.isArray;
export const MathFloor = Math.floor;
export const MathMin = Math.min;
export const MathMax = Math.max;
export const DateNow = Date.now;
export const DateCtor = Date;
export const DatePrototypeToISOString = Date.prototype.toISOString;
export const DatePrototypeGetTime = Date.prototype.getTime;
export const ErrorCtor = Error;
export const TypeErrorCtor = TypeError;
export const RangeErrorCtor = RangeError;
export const SymbolCtor = Symbol;
export const SymbolToStringTag = Symbol.toStringTag;
export const SymbolIterator = Symbol.iterator;
export const SymbolPrototypeToString = Symbol.prototype.toString;
export const SymbolPrototypeDescription = ObjectGetOwnPropertyDescriptor(Symbol.prototype, 'description')?.get;
export const FunctionPrototypeToString = Function.prototype.toString;
export const PromiseCtor = Promise;
export const PromiseResolve = Promise.resolve.bind(Promise);
export const PromisePrototypeThen = Promise.prototype.then;
export const MapCtor = Map;
export const SetCtor = Set;
export const WeakMapCtor = WeakMap;
export const WeakSetCtor = WeakSet;
export const MapPrototypeGet = Map.prototype.get;
export const MapPrototypeSet = Map.prototype.set;
export const MapPrototypeHas = Map.prototype.has;
export const MapPrototypeDelete = Map.prototype.delete;
export const MapPrototypeEntries = Map.prototype.entries;
export const MapPrototypeSizeGetter = ObjectGetOwnPropertyDescriptor(Map.prototype, 'size')?.get;
export const SetPrototypeHas = Set.prototype.has;
export const SetPrototypeDelete = Set.prototype.delete;
export const MapPrototypeValues = Map.prototype.values;
export const MapPrototypeClear = Map.prototype.clear;
/** The iterators' own `next`, captured: user code can replace the shared prototypes' `next`. */
export const MapIteratorNext = Object.getPrototypeOf(new Map().entries()).next as (this: Iterator<unknown>) => IteratorResult<unknown>;
export const SetIteratorNext = Object.getPrototypeOf(new Set().values()).next as (this: Iterator<unknown>) => IteratorResult<unknown>;
export const SetPrototypeAdd = Set.prototype.add;
export const SetPrototypeValues = Set.prototype.values;
export const SetPrototypeSizeGetter = ObjectGetOwnPropertyDescriptor(Set.prototype, 'size')?.get;
export const WeakSetHas = WeakSet.prototype.has;
export const WeakSetAdd = WeakSet.prototype.add;
export const WeakMapGet = WeakMap.prototype.get;
export const WeakMapSet = WeakMap.prototype.set;
export const StringPrototypeSlice = String.prototype.slice;
export const StringPrototypeSplit = String.prototype.split;
export const StringPrototypeIndexOf = String.prototype.indexOf;
export const StringPrototypeReplace = String.prototype.replace;
export const StringPrototypeCharCodeAt = String.prototype.charCodeAt;
export const StringPrototypeRepeat = String.prototype.repeat;
export const StringPrototypeStartsWith = String.prototype.startsWith;
export const StringPrototypeEndsWith = String.prototype.endsWith;
export const StringPrototypeIncludes = String.prototype.includes;
export const StringPrototypeToUpperCase = String.prototype.toUpperCase;
export const StringPrototypeTrim = String.prototype.trim;
export const StringFromCharCode = String.fromCharCode;
export const ArrayPrototypeJoin = Array.prototype.join;
export const ArrayPrototypePush = Array.prototype.push;
export const ArrayPrototypeSlice = Array.prototype.slice;
export const ArrayPrototypeIncludes = Array.prototype.includes;
export const ArrayPrototypePop = Array.prototype.pop;
export const ArrayPrototypeSort = Array.prototype.sort;
export const MathTrunc = Math.trunc;
export const NumberIsInteger = Number.isInteger;
export const NumberIsFinite = Number.isFinite;
export const RegExpPrototypeTest = RegExp.prototype.test;
export const RegExpPrototypeToString = RegExp.prototype.toString;
export const ErrorCaptureStackTrace = (Error as unknown as { captureStackTrace?: (o: object, f?: unknown) => void })
  .captureStackTrace;
export const ArrayBufferIsView = ArrayBuffer.isView;
export const Uint8ArrayCtor = Uint8Array;
export const GlobalEval = eval;

/** `fn.call(thisArg, ...args)` through the captured Reflect.apply. */
export function call<T>(fn: ((...a: never[]) => T) | undefined, thisArg: unknown, ...args: unknown[]): T {
  return ReflectApply(fn as (...a: unknown[]) => T, thisArg, args);
}

/** Append to an array without touching Array.prototype.push (which user code may replace). */
export function push<T>(arr: T[], value: T): void {
  ObjectDefineProperty(arr, arr.length, { value, writable: true, enumerable: true, configurable: true });
}

/** A plain record with no prototype, so Object.prototype getters set by user code never apply. */
export function record<T>(): Record<string, T> {
  return ObjectCreate(null) as Record<string, T>;
}

/** `arr.filter(fn)` with an index loop (no Array.prototype lookups). */
export function filter<T>(arr: readonly T[], keep: (v: T) => boolean): T[] {
  const out: T[] = [];
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i] as T;
    if (keep(v)) push(out, v);
  }
  return out;
}

/** `[...a, ...b]` without iterators. */
export function concat<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < a.length; i++) push(out, a[i] as T);
  for (let i = 0; i < b.length; i++) push(out, b[i] as T);
  return out;
}

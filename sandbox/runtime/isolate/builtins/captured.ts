// More originals captured at boot for the Node built-ins (intrinsics.ts holds the glue's core
// set): user code may later replace any of these, the built-ins keep calling the originals.
import {
  ArrayPrototypeJoin, ObjectDefineProperty as ObjectDefinePropertyCaptured, ObjectGetOwnPropertyDescriptor,
  ObjectKeys as ObjectKeysCaptured, ReflectApply, StringPrototypeSplit, StringPrototypeStartsWith,
} from '../intrinsics.ts';

export const ObjectCtor = Object;
export const ObjectPrototypePropertyIsEnumerable = Object.prototype.propertyIsEnumerable;
export const ObjectPrototypeIsPrototypeOf = Object.prototype.isPrototypeOf;
export const SymbolFor = Symbol.for;
export const SymbolAsyncIterator = Symbol.asyncIterator;
export const InspectCustom = Symbol.for('nodejs.util.inspect.custom');
export const MathCeil = Math.ceil;
export const MathImul = Math.imul;
export const MapIteratorNext = Object.getPrototypeOf(new Map().entries()).next as (this: unknown) => IteratorResult<[unknown, unknown]>;
export const SetIteratorNext = Object.getPrototypeOf(new Set().values()).next as (this: unknown) => IteratorResult<unknown>;
export const ArrayBufferTransfer = (ArrayBuffer.prototype as { transfer?: (this: ArrayBuffer) => ArrayBuffer }).transfer;
export const RegExpPrototype = RegExp.prototype;
export const Int16ArrayCtor = Int16Array;
export const ObjectSetPrototypeOf = Object.setPrototypeOf;
export const ObjectFreeze = Object.freeze;
export const ObjectPrototype = Object.prototype;
export const ArrayCtor = Array;
export const ArrayPrototypeSort = Array.prototype.sort;
export const ArrayBufferCtor = ArrayBuffer;
export const ArrayBufferPrototypeSlice = ArrayBuffer.prototype.slice;
export const ArrayBufferByteLength = ObjectGetOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')?.get as (this: ArrayBuffer) => number;
export const SharedArrayBufferCtor = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined;
export const DataViewCtor = DataView;
export const BooleanCtor = Boolean;
export const BigIntCtor = BigInt;
export const BooleanPrototypeValueOf = Boolean.prototype.valueOf;
export const NumberPrototypeValueOf = Number.prototype.valueOf;
export const StringPrototypeValueOf = String.prototype.valueOf;
export const BigIntPrototypeValueOf = BigInt.prototype.valueOf;
export const NumberIsInteger = Number.isInteger;
export const NumberIsSafeInteger = Number.isSafeInteger;
export const NumberPrototypeToString = Number.prototype.toString;
export const StringPrototypeToLowerCase = String.prototype.toLowerCase;
export const StringPrototypePadStart = String.prototype.padStart;
export const StringPrototypeLastIndexOf = String.prototype.lastIndexOf;
export const StringPrototypeCodePointAt = String.prototype.codePointAt;
export const RegExpCtor = RegExp;
export const RegExpPrototypeExec = RegExp.prototype.exec;
export const RegExpSourceGetter = ObjectGetOwnPropertyDescriptor(RegExp.prototype, 'source')?.get as (this: unknown) => string;
export const RegExpFlagsGetter = ObjectGetOwnPropertyDescriptor(RegExp.prototype, 'flags')?.get as (this: unknown) => string;
export const EncodeURIComponent = encodeURIComponent;
export const DecodeURIComponent = decodeURIComponent;
export const ErrorCtors = {
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
} as const;

// Typed arrays: %TypedArray%.prototype getters work on every kind of typed array.
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayGetter = (name: string) => ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, name)?.get as (this: unknown) => unknown;
const TypedArrayBufferGetter = typedArrayGetter('buffer');
const TypedArrayByteOffsetGetter = typedArrayGetter('byteOffset');
const TypedArrayByteLengthGetter = typedArrayGetter('byteLength');
const TypedArrayTagGetter = ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag)?.get as (this: unknown) => string | undefined;
export const TypedArrayPrototypeSet = (TypedArrayPrototype as { set: (a: ArrayLike<number>, o?: number) => void }).set;
export const TypedArrayPrototypeSubarray = (TypedArrayPrototype as { subarray: (s?: number, e?: number) => Uint8Array }).subarray;
export const TypedArrayPrototypeFill = (TypedArrayPrototype as { fill: (v: number, s?: number, e?: number) => Uint8Array }).fill;
const DataViewBufferGetter = ObjectGetOwnPropertyDescriptor(DataView.prototype, 'buffer')?.get as (this: unknown) => ArrayBuffer;
const DataViewByteOffsetGetter = ObjectGetOwnPropertyDescriptor(DataView.prototype, 'byteOffset')?.get as (this: unknown) => number;
const DataViewByteLengthGetter = ObjectGetOwnPropertyDescriptor(DataView.prototype, 'byteLength')?.get as (this: unknown) => number;

export const typedArrays = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
} as const;
export type TypedArrayName = keyof typeof typedArrays;

/** `Uint8Array`, `Float32Array`... for a typed array (whatever its prototype says now); else undefined. */
export function typedArrayName(v: unknown): TypedArrayName | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  return ReflectApply(TypedArrayTagGetter, v, []) as TypedArrayName | undefined;
}

export function isDataView(v: unknown): v is DataView {
  if (typeof v !== 'object' || v === null || typedArrayName(v) !== undefined) return false;
  try {
    ReflectApply(DataViewByteLengthGetter, v, []);
    return true;
  } catch {
    return false;
  }
}

/** The bytes an ArrayBufferView (typed array or DataView) or ArrayBuffer covers, as a Uint8Array view. */
export function viewBytes(v: unknown): Uint8Array | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  if (typedArrayName(v) !== undefined) {
    return new Uint8Array(
      ReflectApply(TypedArrayBufferGetter, v, []) as ArrayBuffer,
      ReflectApply(TypedArrayByteOffsetGetter, v, []) as number,
      ReflectApply(TypedArrayByteLengthGetter, v, []) as number,
    );
  }
  if (isDataView(v)) {
    return new Uint8Array(ReflectApply(DataViewBufferGetter, v, []), ReflectApply(DataViewByteOffsetGetter, v, []), ReflectApply(DataViewByteLengthGetter, v, []));
  }
  if (isArrayBuffer(v) || isSharedArrayBuffer(v)) return new Uint8Array(v as ArrayBuffer);
  return undefined;
}

export function isArrayBuffer(v: unknown): v is ArrayBuffer {
  if (typeof v !== 'object' || v === null) return false;
  try {
    ReflectApply(ArrayBufferByteLength, v, []);
    return true;
  } catch {
    return false;
  }
}

const SharedByteLength = SharedArrayBufferCtor === undefined
  ? undefined
  : (ObjectGetOwnPropertyDescriptor(SharedArrayBufferCtor.prototype, 'byteLength')?.get as (this: unknown) => number);
export function isSharedArrayBuffer(v: unknown): boolean {
  if (SharedByteLength === undefined || typeof v !== 'object' || v === null) return false;
  try {
    ReflectApply(SharedByteLength, v, []);
    return true;
  } catch {
    return false;
  }
}

export function typedArrayParts(v: object): { buffer: ArrayBuffer; byteOffset: number; byteLength: number; length: number } {
  const byteLength = ReflectApply(TypedArrayByteLengthGetter, v, []) as number;
  const ctor = typedArrays[typedArrayName(v) as TypedArrayName];
  return {
    buffer: ReflectApply(TypedArrayBufferGetter, v, []) as ArrayBuffer,
    byteOffset: ReflectApply(TypedArrayByteOffsetGetter, v, []) as number,
    byteLength,
    length: byteLength / ctor.BYTES_PER_ELEMENT,
  };
}

export function dataViewParts(v: object): { buffer: ArrayBuffer; byteOffset: number; byteLength: number } {
  return {
    buffer: ReflectApply(DataViewBufferGetter, v, []),
    byteOffset: ReflectApply(DataViewByteOffsetGetter, v, []),
    byteLength: ReflectApply(DataViewByteLengthGetter, v, []),
  };
}

/** Copies `src` into `dst` at `offset` (captured %TypedArray%.prototype.set). */
export function copyBytes(dst: Uint8Array, src: Uint8Array, offset = 0): void {
  ReflectApply(TypedArrayPrototypeSet, dst, [src, offset]);
}

export function subarray(bytes: Uint8Array, start: number, end?: number): Uint8Array {
  return ReflectApply(TypedArrayPrototypeSubarray, bytes, [start, end]) as Uint8Array;
}

/** A copy of `bytes` in a fresh ArrayBuffer of exactly its length. */
export function copyOf(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  copyBytes(out, bytes, 0);
  return out;
}

/** A Node-style error with a `code` (and the `Name [CODE]: message` stack header Node prints). */
export function codeError<E extends Error>(Ctor: new (m: string) => E, code: string, message: string): E & { code: string } {
  const err = new Ctor(message) as E & { code: string };
  err.code = code;
  return err;
}

export function invalidArgType(name: string, expected: string, actual: unknown): TypeError & { code: string } {
  return codeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be ${expected}. Received ${describeReceived(actual)}`);
}

export function describeReceived(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return `function ${(v as { name?: string }).name || '<anonymous>'}`;
  if (typeof v === 'object') {
    let name: unknown;
    try {
      name = (v as { constructor?: { name?: unknown } }).constructor?.name;
    } catch {
      name = undefined;
    }
    return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an instance of Object';
  }
  if (typeof v === 'string') {
    const s = v.length > 28 ? `${v.slice(0, 25)}...` : v;
    return `type string ('${s}')`;
  }
  if (typeof v === 'symbol') return `type symbol (${String(v)})`;
  return `type ${typeof v} (${String(v)}${typeof v === 'bigint' ? 'n' : ''})`;
}

/** The lab's error for a Node API it does not provide. */
export function notAvailable(what: string, hint = ''): Error & { code: string } {
  return codeError(
    Error,
    'ERR_FEATURE_NOT_AVAILABLE_IN_LAMBDA_LAB',
    `${what} is not available in Lambda Lab${hint === '' ? '.' : `: ${hint}`}`,
  );
}

/** Absolute, normalised POSIX path of `p` against `base` ('.' and '..' resolved), with captured intrinsics. */
export function resolvePosix(base: string, p: string): string {
  const full = ReflectApply(StringPrototypeStartsWith, p, ['/']) ? p : `${base}/${p}`;
  const segments = ReflectApply(StringPrototypeSplit, full, ['/']) as string[];
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0) out.length--;
    } else out[out.length] = seg;
  }
  return `/${ReflectApply(ArrayPrototypeJoin, out, ['/']) as string}`;
}

/** Gives classes their Node names (the bundler may rename a class to avoid a clash). */
export function nameClasses(classes: Record<string, unknown>): void {
  const names = ObjectKeysCaptured(classes);
  for (let i = 0; i < names.length; i++) {
    const n = names[i] as string;
    ObjectDefinePropertyCaptured(classes[n] as object, 'name', { value: n, configurable: true });
  }
}

/** A Node-like `util.inspect` rendering for a platform object: `Name { ...fields }`. */
export function inspectAs(proto: object, name: string, fields: (self: never) => Record<string, unknown>): void {
  ObjectDefinePropertyCaptured(proto, InspectCustom, {
    value(this: never, _depth: number, options: unknown, inspect: (v: unknown, o: unknown) => string): string {
      const body = inspect(fields(this), options);
      return name === '' ? body : `${name} ${body}`;
    },
    configurable: true,
    writable: true,
  });
}

// structuredClone(): the HTML structured clone algorithm as Node (V8's serializer) applies it,
// with DataCloneError for what cannot cross (functions, symbols, WeakMap, Promise, URL...).
import {
  DateCtor, DatePrototypeGetTime, FunctionPrototypeToString, MapCtor, MapPrototypeEntries, MapPrototypeGet,
  MapPrototypeHas, MapPrototypeSet, MapPrototypeSizeGetter, ObjectCreate, ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ObjectHasOwn, ObjectKeys, ObjectPrototypeToString,
  ReflectApply, SetCtor, SetPrototypeAdd, SetPrototypeHas, SetPrototypeSizeGetter, SetPrototypeValues, StringCtor,
  StringPrototypeSlice, SymbolPrototypeToString, TypeErrorCtor, WeakSetAdd, WeakSetCtor, WeakSetHas, call,
} from '../intrinsics.ts';
import {
  ArrayBufferPrototypeSlice, ArrayBufferTransfer, ArrayCtor, MapIteratorNext, SetIteratorNext,
  BigIntPrototypeValueOf, BooleanPrototypeValueOf, DataViewCtor, ErrorCtors, NumberPrototypeValueOf, ObjectCtor,
  RegExpCtor, RegExpFlagsGetter, RegExpSourceGetter, StringPrototypeValueOf, codeError, dataViewParts, isArrayBuffer,
  isDataView, isSharedArrayBuffer, typedArrayName, typedArrayParts, typedArrays,
} from './captured.ts';
import { DOMException } from './dom.ts';


/** Prototypes of platform objects Node refuses to clone (URL, URLSearchParams...). */
const uncloneable = new WeakSetCtor<object>();
export function markUncloneable(proto: object): void {
  call(WeakSetAdd, uncloneable, proto);
}

const REFUSED_TAGS = new SetCtor<string>([
  '[object WeakMap]', '[object WeakSet]', '[object WeakRef]', '[object Promise]', '[object FinalizationRegistry]',
  '[object Generator]', '[object AsyncGenerator]', '[object Array Iterator]', '[object Map Iterator]',
  '[object Set Iterator]', '[object String Iterator]', '[object RegExp String Iterator]', '[object Module]',
]);

function cloneError(message: string): Error {
  return new DOMException(message, 'DataCloneError');
}

function brand(fn: ((this: unknown) => unknown) | undefined, v: unknown): boolean {
  if (fn === undefined) return false;
  try {
    ReflectApply(fn, v, []);
    return true;
  } catch {
    return false;
  }
}

function isRegExp(v: object): boolean {
  // RegExp.prototype itself answers `source` without being a RegExp.
  return v !== RegExpCtor.prototype && brand(RegExpSourceGetter, v);
}

function describe(v: unknown): string {
  if (typeof v === 'symbol') return call(SymbolPrototypeToString, v) as string;
  if (typeof v === 'function') {
    try {
      return ReflectApply(FunctionPrototypeToString, v, []) as string;
    } catch {
      return 'function';
    }
  }
  const tag = call(ObjectPrototypeToString, v) as string;
  return `#<${call(StringPrototypeSlice, tag, 8, -1) as string}>`;
}

class Cloner {
  private readonly memory = new MapCtor<object, unknown>();

  transfer(list: unknown): void {
    if (list === undefined) return;
    if (typeof list !== 'object' || list === null || typeof (list as { length?: unknown }).length !== 'number') {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', 'The "options.transfer" property must be of type Array');
    }
    const arr = list as ArrayLike<unknown>;
    for (let i = 0; i < arr.length; i++) {
      const ab = arr[i];
      if (!isArrayBuffer(ab) || ArrayBufferTransfer === undefined) throw cloneError('Value not transferable');
      if (call(MapPrototypeHas, this.memory, ab)) throw cloneError('ArrayBuffer at index ' + i + ' is duplicated');
      call(MapPrototypeSet, this.memory, ab, ReflectApply(ArrayBufferTransfer, ab, []));
    }
  }

  clone(v: unknown): unknown {
    if (typeof v === 'symbol' || typeof v === 'function') throw cloneError(`${describe(v)} could not be cloned.`);
    if (typeof v !== 'object' || v === null) return v;
    if (call(MapPrototypeHas, this.memory, v)) return call(MapPrototypeGet, this.memory, v);
    // Boxed primitives
    if (brand(BooleanPrototypeValueOf as () => unknown, v)) return this.keep(v, ObjectCtor(ReflectApply(BooleanPrototypeValueOf, v, [])));
    if (brand(NumberPrototypeValueOf as () => unknown, v)) return this.keep(v, ObjectCtor(ReflectApply(NumberPrototypeValueOf, v, [])));
    if (brand(StringPrototypeValueOf as () => unknown, v)) return this.keep(v, ObjectCtor(ReflectApply(StringPrototypeValueOf, v, [])));
    if (brand(BigIntPrototypeValueOf as () => unknown, v)) return this.keep(v, ObjectCtor(ReflectApply(BigIntPrototypeValueOf, v, [])));
    if (brand(DatePrototypeGetTime as () => unknown, v)) return this.keep(v, new DateCtor(ReflectApply(DatePrototypeGetTime, v, []) as number));
    if (isRegExp(v)) {
      return this.keep(v, new RegExpCtor(ReflectApply(RegExpSourceGetter, v, []), ReflectApply(RegExpFlagsGetter, v, [])));
    }
    if (isArrayBuffer(v)) return this.keep(v, ReflectApply(ArrayBufferPrototypeSlice, v, [0]));
    if (isSharedArrayBuffer(v)) return this.keep(v, v);
    const taName = typedArrayName(v);
    if (taName !== undefined) {
      const parts = typedArrayParts(v);
      const buffer = this.clone(parts.buffer) as ArrayBuffer;
      return this.keep(v, new typedArrays[taName](buffer, parts.byteOffset, parts.length));
    }
    if (isDataView(v)) {
      const parts = dataViewParts(v);
      const buffer = this.clone(parts.buffer) as ArrayBuffer;
      return this.keep(v, new DataViewCtor(buffer, parts.byteOffset, parts.byteLength));
    }
    if (brand(MapPrototypeSizeGetter as () => unknown, v)) return this.cloneMap(v as Map<unknown, unknown>);
    if (brand(SetPrototypeSizeGetter as () => unknown, v)) return this.cloneSet(v as Set<unknown>);
    const tag = call(ObjectPrototypeToString, v) as string;
    if (call(SetPrototypeHas, REFUSED_TAGS, tag)) throw cloneError(`${describe(v)} could not be cloned.`);
    for (let p = ObjectGetPrototypeOf(v) as object | null; p !== null; p = ObjectGetPrototypeOf(p) as object | null) {
      if (call(WeakSetHas, uncloneable, p)) throw cloneError('Cannot clone object of unsupported type.');
    }
    if (tag === '[object Error]') return this.cloneError(v as Error);
    if (tag === '[object Array]') return this.cloneProperties(v, new ArrayCtor((v as unknown[]).length));
    return this.cloneProperties(v, {});
  }

  private keep<T>(from: object, to: T): T {
    call(MapPrototypeSet, this.memory, from, to);
    return to;
  }

  private cloneProperties(from: object, to: object): object {
    this.keep(from, to);
    const keys = ObjectKeys(from);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      // A getter may have deleted a later key: skip keys no longer present.
      if (!ObjectHasOwn(from, k)) continue;
      const value = this.clone((from as Record<string, unknown>)[k]);
      ObjectDefineProperty(to, k, { value, writable: true, enumerable: true, configurable: true });
    }
    return to;
  }

  private cloneMap(from: Map<unknown, unknown>): Map<unknown, unknown> {
    const to = this.keep(from, new MapCtor<unknown, unknown>());
    const pairs: unknown[] = [];
    const it = ReflectApply(MapPrototypeEntries, from, []);
    for (let r = ReflectApply(MapIteratorNext, it, []); !r.done; r = ReflectApply(MapIteratorNext, it, [])) {
      pairs[pairs.length] = r.value[0];
      pairs[pairs.length] = r.value[1];
    }
    for (let i = 0; i < pairs.length; i += 2) call(MapPrototypeSet, to, this.clone(pairs[i]), this.clone(pairs[i + 1]));
    return to;
  }

  private cloneSet(from: Set<unknown>): Set<unknown> {
    const to = this.keep(from, new SetCtor<unknown>());
    const values: unknown[] = [];
    const it = ReflectApply(SetPrototypeValues, from, []);
    for (let r = ReflectApply(SetIteratorNext, it, []); !r.done; r = ReflectApply(SetIteratorNext, it, [])) values[values.length] = r.value;
    for (let i = 0; i < values.length; i++) call(SetPrototypeAdd, to, this.clone(values[i]));
    return to;
  }

  private cloneError(from: Error): Error {
    let name = 'Error';
    try {
      const n = from.name;
      if (typeof n === 'string' && ObjectHasOwn(ErrorCtors, n)) name = n;
    } catch {
      name = 'Error';
    }
    const Ctor = ErrorCtors[name as keyof typeof ErrorCtors];
    const to = ObjectCreate(Ctor.prototype) as Error;
    this.keep(from, to);
    const desc = ObjectGetOwnPropertyDescriptor(from, 'message');
    if (desc !== undefined && 'value' in desc) {
      ObjectDefineProperty(to, 'message', { value: StringCtor(desc.value), writable: true, enumerable: false, configurable: true });
    }
    const stack = ObjectGetOwnPropertyDescriptor(from, 'stack');
    let stackValue: unknown;
    try {
      stackValue = stack === undefined ? undefined : 'value' in stack ? stack.value : from.stack;
    } catch {
      stackValue = undefined;
    }
    if (typeof stackValue === 'string') ObjectDefineProperty(to, 'stack', { value: stackValue, writable: true, enumerable: false, configurable: true });
    const cause = ObjectGetOwnPropertyDescriptor(from, 'cause');
    if (cause !== undefined && 'value' in cause) {
      ObjectDefineProperty(to, 'cause', { value: this.clone(cause.value), writable: true, enumerable: false, configurable: true });
    }
    return to;
  }
}

export function structuredClone(value: unknown, options?: { transfer?: unknown }): unknown {
  if (arguments.length === 0) throw codeError(TypeErrorCtor, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
  const cloner = new Cloner();
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', 'The "options" argument must be of type object.');
    }
    cloner.transfer(options.transfer);
  }
  return cloner.clone(value);
}

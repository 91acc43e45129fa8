// Node's deep equality for assert.deepStrictEqual / deepEqual: prototypes,
// own enumerable keys, Map/Set contents, Dates, RegExps, boxed primitives, typed arrays, errors.
import {
  ArrayIsArray, call, DatePrototypeGetTime, ErrorCtor, MapCtor, MapPrototypeEntries, MapPrototypeGet,
  MapPrototypeHas, MapPrototypeSet, MapPrototypeSizeGetter, ObjectGetOwnPropertySymbols, ObjectGetPrototypeOf,
  ObjectHasOwn, ObjectIs, ObjectKeys, ObjectPrototypeToString, ReflectApply, RegExpPrototypeTest, SetCtor,
  SetPrototypeAdd, SetPrototypeHas, SetPrototypeSizeGetter, SetPrototypeValues,
} from '../intrinsics.ts';
import {
  BigIntPrototypeValueOf, BooleanPrototypeValueOf, MapIteratorNext, NumberPrototypeValueOf,
  ObjectPrototypePropertyIsEnumerable, RegExpFlagsGetter, RegExpPrototype, RegExpSourceGetter, SetIteratorNext,
  StringPrototypeValueOf, isArrayBuffer, isDataView, typedArrayName, viewBytes,
} from './captured.ts';

const ObjectPropertyIsEnumerable = ObjectPrototypePropertyIsEnumerable;
const MapEntries = MapPrototypeEntries;
const SetValues = SetPrototypeValues;
const MapSize = MapPrototypeSizeGetter as (this: unknown) => number;
const SetSize = SetPrototypeSizeGetter as (this: unknown) => number;
const SetHas = SetPrototypeHas;

function tryCall(fn: ((this: unknown) => unknown) | undefined, v: unknown): { ok: boolean; value?: unknown } {
  if (fn === undefined) return { ok: false };
  try {
    return { ok: true, value: ReflectApply(fn, v, []) };
  } catch {
    return { ok: false };
  }
}

function mapEntries(m: object): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  const it = ReflectApply(MapEntries, m, []);
  for (let r = ReflectApply(MapIteratorNext, it, []); !r.done; r = ReflectApply(MapIteratorNext, it, [])) out[out.length] = r.value;
  return out;
}
function setValues(s: object): unknown[] {
  const out: unknown[] = [];
  const it = ReflectApply(SetValues, s, []);
  for (let r = ReflectApply(SetIteratorNext, it, []); !r.done; r = ReflectApply(SetIteratorNext, it, [])) out[out.length] = r.value;
  return out;
}

const VALUE_OFS = [BooleanPrototypeValueOf, NumberPrototypeValueOf, StringPrototypeValueOf, BigIntPrototypeValueOf];
const INDEX = /^(0|[1-9]\d*)$/;
const isObjectLike = (v: unknown): v is object => (typeof v === 'object' && v !== null) || typeof v === 'function';

function ownKeys(v: object, strict: boolean, skipIndices: boolean): (string | symbol)[] {
  const names = ObjectKeys(v);
  const keys: (string | symbol)[] = [];
  for (let i = 0; i < names.length; i++) {
    const k = names[i] as string;
    if (!skipIndices || !call(RegExpPrototypeTest, INDEX, k)) keys[keys.length] = k;
  }
  if (strict) {
    const syms = ObjectGetOwnPropertySymbols(v);
    for (let i = 0; i < syms.length; i++) if (call(ObjectPropertyIsEnumerable, v, syms[i])) keys[keys.length] = syms[i] as symbol;
  }
  return keys;
}

type Memo = Map<object, object>;

export function isDeepEqual(a: unknown, b: unknown, strict: boolean): boolean {
  return inner(a, b, strict, new MapCtor());
}

function inner(a: unknown, b: unknown, strict: boolean, memo: Memo): boolean {
  if (a === b) return a !== 0 || !strict || ObjectIs(a, b);
  if (strict) {
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      return typeof a === 'number' && typeof b === 'number' && a !== a && b !== b;
    }
    if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        return a == b || (a !== a && b !== b);
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const ta = call(ObjectPrototypeToString, a);
  if (ta !== call(ObjectPrototypeToString, b)) return false;
  if (ArrayIsArray(a) !== ArrayIsArray(b)) return false;
  if (ArrayIsArray(a) && (a as unknown[]).length !== (b as unknown[]).length) return false;
  if (call(MapPrototypeGet, memo, a) === b) return true;
  call(MapPrototypeSet, memo, a, b);

  const da = tryCall(DatePrototypeGetTime as () => unknown, a);
  if (da.ok) {
    const db = tryCall(DatePrototypeGetTime as () => unknown, b);
    if (!db.ok || !ObjectIs(da.value, db.value)) return false;
  }
  const ra = a === RegExpPrototype ? { ok: false } : tryCall(RegExpSourceGetter, a);
  if (ra.ok) {
    const rb = tryCall(RegExpSourceGetter, b);
    if (!rb.ok || ra.value !== rb.value || ReflectApply(RegExpFlagsGetter, a, []) !== ReflectApply(RegExpFlagsGetter, b, [])) return false;
    if ((a as RegExp).lastIndex !== (b as RegExp).lastIndex) return false;
  }
  if (ta === '[object Error]' || a instanceof ErrorCtor) {
    const ea = a as Error;
    const eb = b as Error;
    if (ea.message !== eb.message || ea.name !== eb.name) return false;
  }
  for (let i = 0; i < VALUE_OFS.length; i++) {
    const valueOf = VALUE_OFS[i];
    const va = tryCall(valueOf as () => unknown, a);
    if (va.ok) {
      const vb = tryCall(valueOf as () => unknown, b);
      if (!vb.ok || !ObjectIs(va.value, vb.value)) return false;
    }
  }
  const taName = typedArrayName(a);
  if (taName !== undefined || isArrayBuffer(a) || isDataView(a)) {
    if (typedArrayName(b) !== taName) return false;
    const ba = viewBytes(a) as Uint8Array;
    const bb = viewBytes(b);
    if (bb === undefined || ba.length !== bb.length) return false;
    if (!strict && (taName === 'Float32Array' || taName === 'Float64Array')) {
      const fa = a as Float64Array;
      const fb = b as Float64Array;
      for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) return false;
    } else {
      for (let i = 0; i < ba.length; i++) if (ba[i] !== bb[i]) return false;
    }
    // Typed arrays also compare their other own keys (rare); indices are done.
    return compareKeys(a, b, strict, memo, true);
  }
  const ma = tryCall(MapSize, a);
  if (ma.ok) {
    const mb = tryCall(MapSize, b);
    if (!mb.ok || ma.value !== mb.value || !mapEqual(a, b, strict, memo)) return false;
  }
  const sa = tryCall(SetSize, a);
  if (sa.ok) {
    const sb = tryCall(SetSize, b);
    if (!sb.ok || sa.value !== sb.value || !setEqual(a, b, strict, memo)) return false;
  }
  return compareKeys(a, b, strict, memo, false);
}

function compareKeys(a: object, b: object, strict: boolean, memo: Memo, skipIndices: boolean): boolean {
  const ka = ownKeys(a, strict, skipIndices);
  const kb = ownKeys(b, strict, skipIndices);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string | symbol;
    if (!ObjectHasOwn(b, k) || !call(ObjectPropertyIsEnumerable, b, k)) return false;
    if (!inner((a as Record<string | symbol, unknown>)[k], (b as Record<string | symbol, unknown>)[k], strict, memo)) return false;
  }
  return true;
}

function setEqual(a: object, b: object, strict: boolean, _memo: Memo): boolean {
  const vb = setValues(b);
  const pending: unknown[] = [];
  const va = setValues(a);
  for (let i = 0; i < va.length; i++) {
    const v = va[i];
    if (isObjectLike(v) || (!strict && !ReflectApply(SetHas, b, [v]))) pending[pending.length] = v;
    else if (!ReflectApply(SetHas, b, [v])) return false;
  }
  if (pending.length === 0) return true;
  const candidates: unknown[] = [];
  for (let i = 0; i < vb.length; i++) {
    const v = vb[i];
    if (isObjectLike(v) || !strict) candidates[candidates.length] = v;
  }
  const used = new SetCtor<number>();
  for (let i = 0; i < pending.length; i++) {
    let found = false;
    for (let j = 0; j < candidates.length; j++) {
      if (call(SetPrototypeHas, used, j)) continue;
      if (inner(pending[i], candidates[j], strict, new MapCtor())) {
        call(SetPrototypeAdd, used, j);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function mapEqual(a: object, b: object, strict: boolean, memo: Memo): boolean {
  const ea = mapEntries(a);
  const eb = mapEntries(b);
  const pending: [unknown, unknown][] = [];
  for (let i = 0; i < ea.length; i++) {
    const k = (ea[i] as [unknown, unknown])[0];
    const v = (ea[i] as [unknown, unknown])[1];
    if (!isObjectLike(k) && call(MapPrototypeHas, b, k)) {
      if (!inner(v, call(MapPrototypeGet, b, k), strict, memo)) return false;
    } else if (!isObjectLike(k) && strict) return false;
    else pending[pending.length] = [k, v];
  }
  if (pending.length === 0) return true;
  const used = new SetCtor<number>();
  for (let i = 0; i < pending.length; i++) {
    const k = (pending[i] as [unknown, unknown])[0];
    const v = (pending[i] as [unknown, unknown])[1];
    let found = false;
    for (let j = 0; j < eb.length; j++) {
      if (call(SetPrototypeHas, used, j)) continue;
      const e = eb[j] as [unknown, unknown];
      if (inner(k, e[0], strict, new MapCtor()) && inner(v, e[1], strict, new MapCtor())) {
        call(SetPrototypeAdd, used, j);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

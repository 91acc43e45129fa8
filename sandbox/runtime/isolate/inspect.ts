// A faithful subset of Node's util.inspect / util.format, running inside the isolate.
// console.log output must look like it does on Lambda (which uses util.format), so the
// layout rules (compact = 3, breakLength = 128, array grouping, circular refs) follow
// lib/internal/util/inspect.js closely. It only ever touches user objects inside the isolate.
import {
  ArrayPrototypeIncludes, ArrayPrototypePop, MapIteratorNext, SetIteratorNext, ArrayPrototypeSort, MapPrototypeGet, MapPrototypeSet, StringPrototypeCharCodeAt, filter,
  ArrayBufferIsView, ArrayIsArray, DatePrototypeGetTime, DatePrototypeToISOString, ErrorCtor,
  FunctionPrototypeToString, JSONStringify, MapCtor, MapPrototypeEntries, MapPrototypeSizeGetter,
  MathFloor, MathMax, MathMin, NumberCtor, ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames,
  ObjectGetOwnPropertySymbols, ObjectGetPrototypeOf, ObjectHasOwn, ObjectIs, ObjectPrototypeToString,
  RegExpPrototypeTest, RegExpPrototypeToString, SetCtor, SetPrototypeSizeGetter, SetPrototypeValues,
  StringCtor, StringPrototypeIncludes, StringPrototypeRepeat, StringPrototypeReplace,
  StringPrototypeSlice, StringPrototypeSplit, SymbolPrototypeToString, SymbolToStringTag,
  call, push,
} from './intrinsics.ts';

export interface InspectOptions {
  depth: number;
  breakLength: number;
  compact: number;
  maxArrayLength: number;
  maxStringLength: number;
  showHidden: boolean;
  getters: boolean;
  sorted: boolean;
}

export const inspectDefaults: InspectOptions = {
  depth: 2,
  breakLength: 128,
  compact: 3,
  maxArrayLength: 100,
  maxStringLength: 10_000,
  showHidden: false,
  getters: false,
  sorted: false,
};

interface Ctx extends InspectOptions {
  seen: unknown[];
  circular: Map<unknown, number> | undefined;
  indentationLvl: number;
  currentDepth: number;
  budget: { remaining: number };
}

export const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kObjectType = 0;
const kArrayExtrasType = 1;
const identifierRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const MathSqrt = Math.sqrt;
const MathRound = Math.round;

export function inspect(value: unknown, opts?: Partial<InspectOptions>): string {
  const ctx: Ctx = {
    ...inspectDefaults,
    ...opts,
    seen: [],
    circular: undefined,
    indentationLvl: 0,
    currentDepth: 0,
    budget: { remaining: 1 << 20 },
  };
  if (opts && opts.depth === null) ctx.depth = Infinity;
  return formatValue(ctx, value, 0, true);
}

function strEscape(str: string): string {
  // Node picks the quote that needs no escaping: ' then " then `.
  let quote = "'";
  if (call(StringPrototypeIncludes, str, "'")) {
    if (!call(StringPrototypeIncludes, str, '"')) quote = '"';
    else if (!call(StringPrototypeIncludes, str, '`') && !call(StringPrototypeIncludes, str, '${')) quote = '`';
  }
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str[i] as string;
    const code = call(StringPrototypeCharCodeAt, c, 0) as number;
    if (c === quote || c === '\\') out += '\\' + c;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + (code < 16 ? '0' : '') + code.toString(16).toUpperCase();
    else out += c;
  }
  return quote + out + quote;
}

function formatNumber(n: number): string {
  return ObjectIs(n, -0) ? '-0' : `${n}`;
}

function formatPrimitive(ctx: Ctx, value: unknown): string {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      let s = value;
      if (s.length > ctx.maxStringLength) {
        const remaining = s.length - ctx.maxStringLength;
        s = call(StringPrototypeSlice, s, 0, ctx.maxStringLength) as string;
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      // Long multi-line strings are split like Node does when they do not fit on one line.
      if (ctx.compact !== 3 || s.length <= 16 || s.length <= ctx.breakLength - ctx.indentationLvl - 4) {
        return strEscape(s) + trailer;
      }
      const parts = call(StringPrototypeSplit, s, /(?<=\n)/) as string[];
      if (parts.length > 1) {
        let out = '';
        for (let i = 0; i < parts.length; i++) {
          out += (i === 0 ? '' : ` +\n${call(StringPrototypeRepeat, ' ', ctx.indentationLvl + 2)}`) + strEscape(parts[i] as string);
        }
        return out + trailer;
      }
      return strEscape(s) + trailer;
    }
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return `${value}`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return call(SymbolPrototypeToString, value) as string;
    default:
      return 'null';
  }
}

function getConstructorName(obj: object): string | null {
  let o: object | null = obj;
  let guard = 0;
  while (o !== null && guard++ < 1000) {
    const d = ObjectGetOwnPropertyDescriptor(o, 'constructor');
    if (d !== undefined && typeof d.value === 'function' && d.value.name !== '') {
      return StringCtor(d.value.name);
    }
    o = ObjectGetPrototypeOf(o) as object | null;
  }
  return null;
}

function getPrefix(constructor: string | null, tag: string, fallback: string, size = ''): string {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function formatValue(ctx: Ctx, value: unknown, recurseTimes: number, typedArray = false): string {
  if (--ctx.budget.remaining < 0) return '[...]';
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
  if (value === null) return 'null';

  // Custom inspection (util.inspect.custom), as Node does by default.
  const maybeCustom = (value as Record<symbol, unknown>)[customInspectSymbol];
  if (typeof maybeCustom === 'function' && maybeCustom !== inspectFn) {
    const depth = ctx.depth - recurseTimes;
    const ret = call(maybeCustom as () => unknown, value, depth, { ...inspectDefaults, depth }, inspectFn);
    if (ret !== value) {
      if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
      return call(StringPrototypeReplace, ret, /\n/g, `\n${call(StringPrototypeRepeat, ' ', ctx.indentationLvl)}`) as string;
    }
  }

  if (call(ArrayPrototypeIncludes, ctx.seen, value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new MapCtor();
      call(MapPrototypeSet, ctx.circular, value, index);
    } else {
      const existing = call(MapPrototypeGet, ctx.circular, value) as number | undefined;
      if (existing === undefined) {
        index = (call(MapPrototypeSizeGetter as () => number, ctx.circular) as number) + 1;
        call(MapPrototypeSet, ctx.circular, value, index);
      } else index = existing;
    }
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, value as object, recurseTimes, typedArray);
}

function isError(v: object): v is Error {
  return call(ObjectPrototypeToString, v) === '[object Error]' || v instanceof ErrorCtor;
}

function formatRaw(ctx: Ctx, value: object, recurseTimes: number, typedArray: boolean): string {
  let keys: (string | symbol)[] = getKeys(value, ctx.showHidden);
  const constructor = getConstructorName(value);
  let tag = '';
  try {
    const t = (value as Record<symbol, unknown>)[SymbolToStringTag];
    if (typeof t === 'string' && t !== '' && t !== constructor) tag = t;
  } catch {
    // a throwing Symbol.toStringTag getter is ignored, as in Node
  }
  let base = '';
  let formatter: (ctx: Ctx, value: object, recurseTimes: number) => string[] = formatObjectEntries;
  let braces: [string, string];
  let noIterator = true;
  let extrasType = kObjectType;

  // Iterators and the like
  if (ArrayIsArray(value)) {
    const prefix = constructor !== 'Array' || tag !== '' ? getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
    keys = getKeys(value, ctx.showHidden, true);
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = kArrayExtrasType;
    formatter = formatArray;
    noIterator = false;
  } else if (value instanceof SetCtor) {
    const size = call(SetPrototypeSizeGetter as () => number, value);
    const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
    formatter = formatSet;
    braces = [`${prefix}{`, '}'];
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    noIterator = false;
  } else if (value instanceof MapCtor) {
    const size = call(MapPrototypeSizeGetter as () => number, value);
    const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
    formatter = formatMap;
    braces = [`${prefix}{`, '}'];
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    noIterator = false;
  } else if (ArrayBufferIsView(value) && !(value instanceof DataView)) {
    const ta = value as unknown as ArrayLike<number | bigint> & { length: number };
    if (isBuffer(value)) {
      let str = '';
      const max = MathMin(ctx.maxArrayLength > 50 ? 50 : ctx.maxArrayLength, ta.length);
      for (let i = 0; i < max; i++) {
        const b = NumberCtor(ta[i]);
        str += (i === 0 ? '' : ' ') + (b < 16 ? '0' : '') + b.toString(16);
      }
      const remaining = ta.length - max;
      if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
      return `<${constructor ?? 'Buffer'}${str === '' ? '' : ' '}${str}>`;
    }
    keys = getKeys(value, ctx.showHidden, true);
    const fallback = constructor ?? tag ?? 'TypedArray';
    braces = [`${getPrefix(constructor, tag, fallback, `(${ta.length})`)}[`, ']'];
    if (ta.length === 0 && keys.length === 0) return `${braces[0]}]`;
    formatter = formatTypedArray;
    extrasType = kArrayExtrasType;
    noIterator = false;
  }
  if (noIterator) {
    braces = ['{', '}'];
    if (constructor === 'Object' || (typedArray && constructor === 'Object')) {
      if (tag !== '') braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      if (keys.length === 0) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = getFunctionBase(value as (...a: unknown[]) => unknown, constructor, tag);
      if (keys.length === 0) return base;
    } else if (isRegExp(value)) {
      base = call(RegExpPrototypeToString, value) as string;
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      keys = filter(keys, (k) => k !== 'lastIndex');
      if (keys.length === 0 || recurseTimes > ctx.depth) return base;
    } else if (isDate(value)) {
      const t = call(DatePrototypeGetTime, value) as number;
      base = t === t ? (call(DatePrototypeToISOString, value) as string) : 'Invalid Date';
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0) return base;
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      keys = filter(keys, (k) => (k !== 'stack' && k !== 'message' && k !== 'cause') || (ObjectHasOwn(value, 'cause') && k === 'cause'));
      if (keys.length === 0) return base;
    } else if (value instanceof ArrayBuffer) {
      const bytes = new Uint8Array(value as ArrayBuffer);
      let contents = '';
      const max = MathMin(50, bytes.length);
      for (let i = 0; i < max; i++) contents += (i === 0 ? '' : ' ') + (bytes[i]! < 16 ? '0' : '') + bytes[i]!.toString(16);
      if (bytes.length > max) contents += ` ... ${bytes.length - max} more byte${bytes.length - max > 1 ? 's' : ''}`;
      return `${getPrefix(constructor, tag, 'ArrayBuffer')}{ [Uint8Contents]: <${contents}>, [byteLength]: ${bytes.length} }`;
    } else if (value instanceof Promise) {
      // Promise state is not observable from JavaScript; Node reads it through an internal binding.
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      if (keys.length === 0) return `${braces[0]} <unknown> }`;
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      return `${getPrefix(constructor, tag, value instanceof WeakMap ? 'WeakMap' : 'WeakSet')}{ <items unknown> }`;
    } else if (isBoxedPrimitive(value)) {
      const prim = (value as { valueOf(): unknown }).valueOf();
      const type = typeof prim === 'string' ? 'String' : typeof prim === 'number' ? 'Number' : typeof prim === 'boolean' ? 'Boolean' : typeof prim === 'bigint' ? 'BigInt' : 'Symbol';
      base = `[${type}${type !== constructor ? (constructor === null ? ' (null prototype)' : ` (${constructor})`) : ''}: ${formatPrimitive({ ...ctx, compact: 3 }, prim)}]`;
      if (typeof prim === 'string') keys = filter(keys, (k) => typeof k !== 'string' || (!call(RegExpPrototypeTest, /^\d+$/, k) && k !== 'length'));
      if (keys.length === 0) return base;
    } else {
      if (keys.length === 0) {
        return `${getCtxName(constructor, tag, 'Object')}{}`;
      }
      braces[0] = `${getCtxName(constructor, tag, 'Object')}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== Infinity) {
    let name = getCtxName(constructor, tag, 'Object');
    name = name.length > 0 ? (call(StringPrototypeSlice, name, 0, -1) as string) : name;
    if (ArrayIsArray(value)) return '[Array]';
    return `[${name === '' ? 'Object' : name}]`;
  }
  recurseTimes += 1;
  push(ctx.seen, value);
  ctx.currentDepth = recurseTimes;
  let output: string[];
  try {
    output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      push(output, formatProperty(ctx, value, recurseTimes, keys[i] as string | symbol, extrasType));
    }
  } finally {
    call(ArrayPrototypePop, ctx.seen);
  }
  if (ctx.circular !== undefined) {
    const index = call(MapPrototypeGet, ctx.circular, value) as number | undefined;
    if (index !== undefined) {
      const reference = `<ref *${index}>`;
      if (base === '') braces![0] = `${reference} ${braces![0]}`;
      else base = `${reference} ${base}`;
    }
  }
  if (ctx.sorted) call(ArrayPrototypeSort, output);
  return reduceToSingleString(ctx, output, base, braces!, extrasType, recurseTimes, value);
}

function getCtxName(constructor: string | null, tag: string, fallback: string): string {
  if (constructor === null) return `[${fallback}: null prototype] ${tag !== '' ? `[${tag}] ` : ''}`;
  if (constructor === 'Object' && tag === '') return '';
  return `${constructor} ${tag !== '' && tag !== constructor ? `[${tag}] ` : ''}`;
}

function isBuffer(v: object): boolean {
  const ctor = getConstructorName(v);
  return ctor === 'Buffer' && v instanceof Uint8Array;
}
function isRegExp(v: object): boolean {
  return call(ObjectPrototypeToString, v) === '[object RegExp]' && v instanceof RegExp;
}
function isDate(v: object): boolean {
  return v instanceof Date;
}
function isBoxedPrimitive(v: object): boolean {
  return v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt || v instanceof Symbol;
}

function getKeys(value: object, showHidden: boolean, arrayLike = false): (string | symbol)[] {
  const out: (string | symbol)[] = [];
  const names = ObjectGetOwnPropertyNames(value);
  for (let n = 0; n < names.length; n++) {
    const k = names[n] as string;
    if (arrayLike && isArrayIndex(k)) continue;
    if (arrayLike && k === 'length' && !showHidden) continue;
    const d = ObjectGetOwnPropertyDescriptor(value, k);
    if (d !== undefined && (d.enumerable || showHidden)) push(out, k);
  }
  const symbols = ObjectGetOwnPropertySymbols(value);
  for (let n = 0; n < symbols.length; n++) {
    const s = symbols[n] as symbol;
    const d = ObjectGetOwnPropertyDescriptor(value, s);
    if (d !== undefined && (d.enumerable || showHidden)) push(out, s);
  }
  return out;
}

function isArrayIndex(k: string): boolean {
  if (k.length === 0 || k.length > 10) return false;
  const n = NumberCtor(k);
  return n >= 0 && n < 4294967295 && MathFloor(n) === n && `${n}` === k;
}

function getFunctionBase(fn: (...a: unknown[]) => unknown, constructor: string | null, tag: string): string {
  let src: string;
  try {
    src = call(FunctionPrototypeToString, fn) as string;
  } catch {
    src = '';
  }
  if (call(StringPrototypeSlice, src, 0, 5) === 'class' && /^class(\s|\{)/.test(src)) {
    const name = fn.name;
    let base = `[class ${name !== '' ? name : '(anonymous)'}`;
    const superProto = ObjectGetPrototypeOf(fn) as { name?: string } | null;
    if (superProto !== null && typeof superProto === 'function' && superProto.name) base += ` extends ${superProto.name}`;
    return `${base}]`;
  }
  let type = 'Function';
  if (constructor === 'AsyncFunction') type = 'AsyncFunction';
  else if (constructor === 'GeneratorFunction') type = 'GeneratorFunction';
  else if (constructor === 'AsyncGeneratorFunction') type = 'AsyncGeneratorFunction';
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += fn.name === '' ? ' (anonymous)' : `: ${fn.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function formatError(err: Error, constructor: string | null, tag: string, ctx: Ctx, keys: (string | symbol)[]): string {
  let stack: string;
  try {
    const s = err.stack;
    stack = typeof s === 'string' && s !== '' ? s : errorToString(err);
  } catch {
    stack = errorToString(err);
  }
  void constructor;
  void tag;
  void keys;
  if (ctx.indentationLvl !== 0) {
    stack = call(StringPrototypeReplace, stack, /\n/g, `\n${call(StringPrototypeRepeat, ' ', ctx.indentationLvl)}`) as string;
  }
  return stack;
}

function errorToString(err: Error): string {
  try {
    const name = err.name;
    const message = err.message;
    return `${name === undefined ? 'Error' : StringCtor(name)}${message ? `: ${StringCtor(message)}` : ''}`;
  } catch {
    return '[Error]';
  }
}

function formatObjectEntries(): string[] {
  return [];
}

function formatArray(ctx: Ctx, value: object, recurseTimes: number): string[] {
  const arr = value as unknown[];
  const len = arr.length;
  const outputLength = MathMin(MathMax(0, ctx.maxArrayLength), len);
  const remaining = len - outputLength;
  const output: string[] = [];
  let emptyItems = 0;
  let i = 0;
  for (; i < outputLength && output.length < outputLength; i++) {
    if (!ObjectHasOwn(arr, i)) {
      emptyItems++;
      continue;
    }
    if (emptyItems > 0) {
      push(output, `<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`);
      emptyItems = 0;
    }
    push(output, formatProperty(ctx, arr, recurseTimes, i, kArrayExtrasType));
  }
  if (emptyItems > 0) push(output, `<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`);
  if (remaining > 0) push(output, `... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function formatTypedArray(ctx: Ctx, value: object, recurseTimes: number): string[] {
  const ta = value as unknown as ArrayLike<number | bigint>;
  const length = ta.length;
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output: string[] = [];
  for (let i = 0; i < maxLength; ++i) {
    const v = ta[i];
    push(output, typeof v === 'bigint' ? `${v}n` : formatNumber(v as number));
  }
  if (remaining > 0) push(output, `... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  void recurseTimes;
  return output;
}

function formatSet(ctx: Ctx, value: object, recurseTimes: number): string[] {
  const output: string[] = [];
  ctx.indentationLvl += 2;
  const it = call(SetPrototypeValues, value) as IterableIterator<unknown>;
  for (let step = call(SetIteratorNext, it); step.done !== true; step = call(SetIteratorNext, it)) {
    push(output, formatValue(ctx, step.value, recurseTimes));
  }
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx: Ctx, value: object, recurseTimes: number): string[] {
  const output: string[] = [];
  ctx.indentationLvl += 2;
  const it = call(MapPrototypeEntries, value) as IterableIterator<[unknown, unknown]>;
  for (let step = call(MapIteratorNext, it); step.done !== true; step = call(MapIteratorNext, it)) {
    const entry = step.value as [unknown, unknown];
    push(output, `${formatValue(ctx, entry[0], recurseTimes)} => ${formatValue(ctx, entry[1], recurseTimes)}`);
  }
  ctx.indentationLvl -= 2;
  return output;
}

function formatProperty(ctx: Ctx, value: object, recurseTimes: number, key: string | symbol | number, type: number): string {
  let name: string;
  let str: string;
  const desc = ObjectGetOwnPropertyDescriptor(value, key) ?? { value: (value as Record<string | number | symbol, unknown>)[key as string], enumerable: true };
  if (desc.value !== undefined || !('get' in desc || 'set' in desc)) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    if (ctx.getters) {
      try {
        const tmp = call(desc.get, value);
        ctx.indentationLvl += 2;
        str = `[Getter${desc.set !== undefined ? '/Setter' : ''}: ${formatValue(ctx, tmp, recurseTimes)}]`;
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `[Getter: <Inspection threw (${errorToString(err as Error)})>]`;
      }
    } else {
      str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    }
  } else if (desc.set !== undefined) {
    str = '[Setter]';
  } else {
    str = 'undefined';
  }
  if (type === kArrayExtrasType && typeof key === 'number') return str;
  if (typeof key === 'symbol') {
    name = `[${call(SymbolPrototypeToString, key) as string}]`;
    name = call(StringPrototypeReplace, call(StringPrototypeSlice, name, 1, -1), /^Symbol\(/, 'Symbol(') as string;
  } else if (desc.enumerable === false) {
    name = `[${typeof key === 'string' && RegExpPrototypeTest.call(identifierRe, key) ? key : strEscape(StringCtor(key))}]`;
  } else if (RegExpPrototypeTest.call(identifierRe, StringCtor(key))) {
    name = StringCtor(key);
  } else {
    name = strEscape(StringCtor(key));
  }
  return `${name}: ${str}`;
}

function isBelowBreakLength(ctx: Ctx, output: string[], start: number, base: string): boolean {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += (output[i] as string).length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !call(StringPrototypeIncludes, base, '\n');
}

function reduceToSingleString(
  ctx: Ctx, output: string[], base: string, braces: [string, string], extrasType: number,
  recurseTimes: number, value: object,
): string {
  const entries = output.length;
  if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = join(output, ', ');
      if (!call(StringPrototypeIncludes, joined, '\n')) {
        return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
      }
    }
  }
  const indentation = `\n${call(StringPrototypeRepeat, ' ', ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${join(output, `,${indentation}  `)}${indentation}${braces[1]}`;
}

function join(output: string[], sep: string): string {
  let s = '';
  for (let i = 0; i < output.length; i++) s += (i === 0 ? '' : sep) + output[i];
  return s;
}

function padStart(s: string, n: number): string {
  return s.length >= n ? s : call(StringPrototypeRepeat, ' ', n - s.length) + s;
}
function padEnd(s: string, n: number): string {
  return s.length >= n ? s : s + call(StringPrototypeRepeat, ' ', n - s.length);
}

function groupArrayElements(ctx: Ctx, output: string[], value: object): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  const arr = value as unknown[];
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen: number[] = [];
  for (let i = 0; i < outputLength; i++) {
    const len = (output[i] as string).length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = MathSqrt(actualMax - totalLength / output.length);
    const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
    const columns = MathMin(
      MathRound(MathSqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp: string[] = [];
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) {
        if ((dataLen[j] ?? 0) > lineLength) lineLength = dataLen[j] ?? 0;
      }
      push(maxLineLength, lineLength + separatorSpace);
    }
    let numeric = true;
    for (let i = 0; i < output.length; i++) {
      const v = arr[i];
      if (typeof v !== 'number' && typeof v !== 'bigint') {
        numeric = false;
        break;
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = MathMin(i + columns, outputLength);
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - i] as number;
        str += numeric ? padStart(`${output[j]}, `, padding) : padEnd(`${output[j]}, `, padding);
      }
      if (numeric) {
        const padding = (maxLineLength[j - i] as number) - separatorSpace;
        str += padStart(output[j] as string, padding);
      } else {
        str += output[j];
      }
      push(tmp, str);
    }
    if (ctx.maxArrayLength < output.length) push(tmp, output[outputLength] as string);
    output = tmp;
  }
  return output;
}

const inspectFn = inspect;

/** util.format: printf-like placeholders, then the rest inspected and joined with spaces. */
export function format(...args: unknown[]): string {
  return formatArgs({}, args);
}

export function formatWithOptions(opts: Partial<InspectOptions>, ...args: unknown[]): string {
  return formatArgs(opts, args);
}

/** util.format over an argument list (no spreading: the array iterator may be poisoned). */
export function formatArgs(opts: Partial<InspectOptions>, args: readonly unknown[]): string {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr: string | undefined;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (call(StringPrototypeCharCodeAt, first, i) === 37) {
        // '%'
        const nextChar = call(StringPrototypeCharCodeAt, first, ++i) as number;
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: {
              // 's'
              const tempArg = args[++a];
              if (typeof tempArg === 'number') tempStr = formatNumber(tempArg);
              else if (typeof tempArg === 'bigint') tempStr = `${tempArg}n`;
              else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) tempStr = StringCtor(tempArg);
              else tempStr = inspect(tempArg, { ...opts, depth: 0, compact: 3 });
              break;
            }
            case 106: // 'j'
              tempStr = tryStringify(args[++a]);
              break;
            case 100: {
              // 'd'
              const tempNum = args[++a];
              if (typeof tempNum === 'bigint') tempStr = `${tempNum}n`;
              else if (typeof tempNum === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(NumberCtor(tempNum));
              break;
            }
            case 79: // 'O'
              tempStr = inspect(args[++a], opts);
              break;
            case 111: // 'o'
              tempStr = inspect(args[++a], { ...opts, showHidden: true, depth: 4 });
              break;
            case 105: {
              // 'i'
              const tempInteger = args[++a];
              if (typeof tempInteger === 'bigint') tempStr = `${tempInteger}n`;
              else if (typeof tempInteger === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(Number.parseInt(StringCtor(tempInteger)));
              break;
            }
            case 102: {
              // 'f'
              const tempFloat = args[++a];
              tempStr = typeof tempFloat === 'symbol' ? 'NaN' : formatNumber(Number.parseFloat(StringCtor(tempFloat)));
              break;
            }
            case 99: // 'c'
              a += 1;
              tempStr = '';
              break;
            case 37: // '%'
              str += (call(StringPrototypeSlice, first, lastPos, i) as string);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += (call(StringPrototypeSlice, first, lastPos, i - 1) as string);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += (call(StringPrototypeSlice, first, lastPos, i) as string);
          lastPos = i + 1;
        }
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += (call(StringPrototypeSlice, first, lastPos) as string);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, opts) : value;
    join = ' ';
    a++;
  }
  return str;
}

function hasBuiltInToString(value: object): boolean {
  // Objects with their own or a class-defined toString print through it with %s.
  let proto: object | null = value;
  let guard = 0;
  while (proto !== null && guard++ < 1000) {
    if (ObjectHasOwn(proto, 'toString')) {
      const ctor = ObjectGetOwnPropertyDescriptor(proto, 'constructor')?.value as { name?: string } | undefined;
      return proto === Object.prototype || proto === Error.prototype || proto === Array.prototype || proto === Date.prototype ||
        ctor === undefined || ctor.name === 'Object';
    }
    proto = ObjectGetPrototypeOf(proto) as object | null;
  }
  return true;
}

function tryStringify(arg: unknown): string {
  try {
    return JSONStringify(arg) as string;
  } catch (err) {
    const message = (err as Error | undefined)?.message;
    if (typeof message === 'string' && call(StringPrototypeIncludes, message, 'circular')) return '[Circular]';
    throw err;
  }
}


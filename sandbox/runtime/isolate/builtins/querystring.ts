// require('querystring'): Node's legacy query-string parser/serializer (null-prototype results,
// repeated keys as arrays, '+' as space, lenient percent-decoding).
import {
  ArrayIsArray, ObjectCreate, ObjectKeys, ReflectApply, StringCtor, StringPrototypeIndexOf, StringPrototypeReplace,
  StringPrototypeSlice, StringPrototypeSplit, Uint8ArrayCtor,
} from '../intrinsics.ts';
import { DecodeURIComponent, EncodeURIComponent } from './captured.ts';
import { utf8Decode, utf8Encode } from './text-codec.ts';

const r = <T>(fn: (...a: never[]) => T, self: unknown, ...args: unknown[]): T => ReflectApply(fn as (...a: unknown[]) => T, self, args);

export function escape(str: unknown): string {
  return EncodeURIComponent(typeof str === 'string' ? str : StringCtor(str));
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Percent-decoding that keeps malformed escapes as they are (querystring.unescapeBuffer). */
function unescapeLenient(s: string): string {
  const src = utf8Encode(s);
  const out = new Uint8ArrayCtor(src.length);
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as number;
    if (c === 37 && i + 2 < src.length) {
      const hi = hexValue(src[i + 1] as number);
      const lo = hexValue(src[i + 2] as number);
      if (hi >= 0 && lo >= 0) {
        out[o++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[o++] = c;
  }
  return utf8Decode(out.subarray(0, o));
}

export function unescape(s: unknown): string {
  const str = StringCtor(s);
  try {
    return DecodeURIComponent(str);
  } catch {
    return unescapeLenient(str);
  }
}

function stringifyPrimitive(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && v === v && v !== Infinity && v !== -Infinity) return StringCtor(v);
  if (typeof v === 'bigint') return StringCtor(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

export function stringify(obj: unknown, sep: unknown = '&', eq: unknown = '=', options?: { encodeURIComponent?: (s: string) => string }): string {
  const s = typeof sep === 'string' && sep !== '' ? sep : '&';
  const e = typeof eq === 'string' && eq !== '' ? eq : '=';
  const enc = typeof options?.encodeURIComponent === 'function' ? options.encodeURIComponent : escape;
  if (obj === null || typeof obj !== 'object') return '';
  const keys = ObjectKeys(obj);
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = (obj as Record<string, unknown>)[k];
    const ks = enc(stringifyPrimitive(k)) + e;
    if (ArrayIsArray(v)) {
      for (let j = 0; j < v.length; j++) out += (out === '' ? '' : s) + ks + enc(stringifyPrimitive(v[j]));
    } else out += (out === '' ? '' : s) + ks + enc(stringifyPrimitive(v));
  }
  return out;
}

export function parse(
  str: unknown,
  sep: unknown = '&',
  eq: unknown = '=',
  options?: { maxKeys?: number; decodeURIComponent?: (s: string) => string },
): Record<string, string | string[]> {
  const result = ObjectCreate(null) as Record<string, string | string[]>;
  if (typeof str !== 'string' || str.length === 0) return result;
  const s = typeof sep === 'string' && sep !== '' ? sep : '&';
  const e = typeof eq === 'string' && eq !== '' ? eq : '=';
  const maxKeys = typeof options?.maxKeys === 'number' ? options.maxKeys : 1000;
  const dec = typeof options?.decodeURIComponent === 'function' ? options.decodeURIComponent : unescape;
  const pairs = r(StringPrototypeSplit, str, s) as string[];
  let count = 0;
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as string;
    if (pair === '') continue;
    if (maxKeys > 0 && count >= maxKeys) break;
    const at = r(StringPrototypeIndexOf, pair, e) as number;
    const rawKey = at < 0 ? pair : (r(StringPrototypeSlice, pair, 0, at) as string);
    const rawValue = at < 0 ? '' : (r(StringPrototypeSlice, pair, at + e.length) as string);
    const key = dec(r(StringPrototypeReplace, rawKey, /\+/g, ' ') as string);
    const value = dec(r(StringPrototypeReplace, rawValue, /\+/g, ' ') as string);
    const existing = result[key];
    if (existing === undefined) {
      result[key] = value;
      count++;
    } else if (ArrayIsArray(existing)) existing[existing.length] = value;
    else result[key] = [existing, value];
  }
  return result;
}

export function createQuerystring(): Record<string, unknown> {
  return { parse, stringify, escape, unescape, decode: parse, encode: stringify, unescapeBuffer: (s: unknown) => utf8Encode(unescapeLenient(StringCtor(s))) };
}

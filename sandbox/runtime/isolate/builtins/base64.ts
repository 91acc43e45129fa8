// Base64 both ways: Node's lenient decoding (either alphabet, junk skipped) for Buffer/fs/crypto
// encodings, and the browser's strict atob/btoa (InvalidCharacterError) for the globals.
import { ReflectApply, StringCtor, StringPrototypeCharCodeAt, TypeErrorCtor, Uint8ArrayCtor } from '../intrinsics.ts';
import { Int16ArrayCtor, codeError, subarray } from './captured.ts';
import { DOMException } from './dom.ts';
import { StringBuilder, latin1Decode } from './text-codec.ts';

const cc = (s: string, i: number): number => ReflectApply(StringPrototypeCharCodeAt, s, [i]) as number;
const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const REV = new Int16ArrayCtor(128);
for (let i = 0; i < 128; i++) REV[i] = -1;
for (let i = 0; i < 64; i++) {
  REV[cc(STD, i)] = i;
  REV[cc(URL_SAFE, i)] = i;
}

export function base64Encode(bytes: Uint8Array, url = false): string {
  const alpha = url ? URL_SAFE : STD;
  const sb = new StringBuilder();
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    sb.push(cc(alpha, v >> 18));
    sb.push(cc(alpha, (v >> 12) & 63));
    sb.push(cc(alpha, (v >> 6) & 63));
    sb.push(cc(alpha, v & 63));
  }
  if (i < n) {
    const two = i + 1 < n;
    const v = ((bytes[i] as number) << 16) | (two ? (bytes[i + 1] as number) << 8 : 0);
    sb.push(cc(alpha, v >> 18));
    sb.push(cc(alpha, (v >> 12) & 63));
    if (two) sb.push(cc(alpha, (v >> 6) & 63));
    if (!url) {
      if (!two) sb.push(61);
      sb.push(61);
    }
  }
  return sb.done();
}

/** Node's base64/base64url decoding: both alphabets, other characters skipped, stops at '='. */
export function base64Decode(s: string): Uint8Array {
  const out = new Uint8ArrayCtor(((s.length + 3) >> 2) * 3);
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = cc(s, i);
    if (c === 61) break;
    const v = c < 128 ? (REV[c] as number) : -1;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return subarray(out, 0, o);
}

function isAsciiWhitespace(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

function missingArgs(name: string): TypeError {
  return codeError(TypeErrorCtor, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);
}

/** WHATWG forgiving-base64 decode, returning a "binary string". */
export function atob(input: unknown): string {
  if (arguments.length === 0) throw missingArgs('input');
  const s = StringCtor(input);
  const chars: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = cc(s, i);
    if (isAsciiWhitespace(c)) continue;
    chars[chars.length] = c;
  }
  let n = chars.length;
  if (n % 4 === 0 && n > 0 && chars[n - 1] === 61) {
    n--;
    if (chars[n - 1] === 61) n--;
  }
  for (let i = 0; i < n; i++) {
    const c = chars[i] as number;
    const std = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!std) throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  if (n % 4 === 1) throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  const out = new Uint8ArrayCtor((n * 3) >> 2);
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    acc = (acc << 6) | (REV[chars[i] as number] as number);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return latin1Decode(subarray(out, 0, o));
}

export function btoa(input: unknown): string {
  if (arguments.length === 0) throw missingArgs('input');
  const s = StringCtor(input);
  const bytes = new Uint8ArrayCtor(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = cc(s, i);
    if (c > 0xff) throw new DOMException('Invalid character', 'InvalidCharacterError');
    bytes[i] = c;
  }
  return base64Encode(bytes);
}

// UTF-8 encode/decode without TextEncoder (a bare V8 isolate has none).
import { ReflectApply, StringFromCharCode, StringPrototypeCharCodeAt, call, push } from './intrinsics.ts';

const charCodeAt = (s: string, i: number): number => call(StringPrototypeCharCodeAt, s, i) as number;

/** Writes `s` as UTF-8 into `out` at `offset`; returns bytes written, or -1 if it does not fit. */
export function encodeInto(s: string, out: Uint8Array, offset: number, limit: number): number {
  let o = offset;
  for (let i = 0; i < s.length; i++) {
    let c = charCodeAt(s, i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = charCodeAt(s, i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) {
      if (o + 1 > limit) return -1;
      out[o++] = c;
    } else if (c < 0x800) {
      if (o + 2 > limit) return -1;
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      if (o + 3 > limit) return -1;
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    } else {
      if (o + 4 > limit) return -1;
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 63);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    }
  }
  return o - offset;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = charCodeAt(s, i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = charCodeAt(s, i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

export function encode(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  encodeInto(s, out, 0, out.length);
  return out;
}

export function decode(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  let chunk: number[] = [];
  const flush = (): void => {
    s += ReflectApply(StringFromCharCode, undefined, chunk) as string;
    chunk = [];
  };
  for (let i = start; i < end; ) {
    const b = bytes[i] as number;
    let c: number;
    let need = 0;
    if (b < 0x80) c = b;
    else if (b >= 0xc2 && b < 0xe0) { c = b & 31; need = 1; }
    else if (b >= 0xe0 && b < 0xf0) { c = b & 15; need = 2; }
    else if (b >= 0xf0 && b < 0xf5) { c = b & 7; need = 3; }
    else { c = 0xfffd; need = 0; }
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const nb = bytes[i + k];
      if (nb === undefined || (nb & 0xc0) !== 0x80) { ok = false; break; }
      c = (c << 6) | (nb & 63);
    }
    if (!ok) { c = 0xfffd; i += 1; }
    else {
      i += need + 1;
      if ((need === 2 && c < 0x800) || (need === 3 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff)) c = 0xfffd;
    }
    if (c > 0xffff) {
      c -= 0x10000;
      push(chunk, 0xd800 + (c >> 10));
      push(chunk, 0xdc00 + (c & 1023));
    } else push(chunk, c);
    if (chunk.length > 8000) flush();
  }
  flush();
  return s;
}

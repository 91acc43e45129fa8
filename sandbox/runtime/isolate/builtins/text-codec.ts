// TextEncoder/TextDecoder (WHATWG Encoding: utf-8, utf-16le, windows-1252 a.k.a. latin1) and the
// byte<->string helpers every other built-in uses, since a bare V8 isolate has none of them.
import { utf8Length } from '../utf8.ts';
import {
  RangeErrorCtor, ReflectApply, StringCtor, StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeSlice,
  StringPrototypeTrim, SymbolToStringTag, TypeErrorCtor, Uint8ArrayCtor, WeakMapCtor,
} from '../intrinsics.ts';
import {
  codeError, describeReceived, inspectAs, nameClasses, StringPrototypeToLowerCase, subarray, typedArrayName,
  viewBytes,
} from './captured.ts';

const cc = (s: string, i: number): number => ReflectApply(StringPrototypeCharCodeAt, s, [i]) as number;

/** Builds a string from UTF-16 code units in chunks (fromCharCode has an argument limit). */
export class StringBuilder {
  private out = '';
  private units: number[] = [];
  private n = 0;
  push(u: number): void {
    this.units[this.n++] = u;
    if (this.n === 8192) this.flush();
  }
  pushCodePoint(cp: number): void {
    if (cp > 0xffff) {
      cp -= 0x10000;
      this.push(0xd800 + (cp >> 10));
      this.push(0xdc00 + (cp & 0x3ff));
    } else this.push(cp);
  }
  private flush(): void {
    if (this.n === 0) return;
    if (this.n < this.units.length) this.units.length = this.n;
    this.out += ReflectApply(StringFromCharCode, undefined, this.units) as string;
    this.n = 0;
  }
  done(): string {
    this.flush();
    return this.out;
  }
}

// ---- UTF-8 ------------------------------------------------------------------------------------

/** UTF-8 length of a string (shared with the log writer). */
export const utf8ByteLength = utf8Length;

/**
 * Writes `s` as UTF-8 into `out` from `offset`, never splitting a character; lone surrogates
 * become U+FFFD. Returns UTF-16 units read and bytes written.
 */
export function utf8EncodeInto(s: string, out: Uint8Array, offset = 0, limit = out.length): { read: number; written: number } {
  let o = offset;
  let i = 0;
  const len = s.length;
  for (; i < len; i++) {
    let c = cc(s, i);
    let units = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = cc(s, i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        units = 2;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) {
      if (o + 1 > limit) break;
      out[o++] = c;
    } else if (c < 0x800) {
      if (o + 2 > limit) break;
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      if (o + 3 > limit) break;
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    } else {
      if (o + 4 > limit) break;
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 63);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    }
    i += units - 1;
  }
  return { read: i, written: o - offset };
}

export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8ArrayCtor(utf8ByteLength(s));
  utf8EncodeInto(s, out);
  return out;
}

/** The WHATWG UTF-8 decoder, resumable across chunks. */
class Utf8Decoder {
  private needed = 0;
  private seen = 0;
  private cp = 0;
  private lower = 0x80;
  private upper = 0xbf;
  constructor(private readonly fatal: boolean) {}

  private error(sb: StringBuilder): void {
    if (this.fatal) throw invalidData('utf-8');
    sb.push(0xfffd);
  }

  decode(bytes: Uint8Array, sb: StringBuilder, flush: boolean): void {
    const len = bytes.length;
    for (let i = 0; i < len; i++) {
      const b = bytes[i] as number;
      if (this.needed === 0) {
        if (b < 0x80) sb.push(b);
        else if (b >= 0xc2 && b <= 0xdf) {
          this.needed = 1;
          this.cp = b & 0x1f;
        } else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) this.lower = 0xa0;
          if (b === 0xed) this.upper = 0x9f;
          this.needed = 2;
          this.cp = b & 0xf;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) this.lower = 0x90;
          if (b === 0xf4) this.upper = 0x8f;
          this.needed = 3;
          this.cp = b & 0x7;
        } else this.error(sb);
        continue;
      }
      if (b < this.lower || b > this.upper) {
        this.reset();
        this.error(sb);
        i--; // the byte starts over
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.cp = (this.cp << 6) | (b & 0x3f);
      if (++this.seen === this.needed) {
        sb.pushCodePoint(this.cp);
        this.reset();
      }
    }
    if (flush && this.needed !== 0) {
      this.reset();
      this.error(sb);
    }
  }

  reset(): void {
    this.needed = 0;
    this.seen = 0;
    this.cp = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}

/** One-shot, non-fatal UTF-8 decoding (U+FFFD for invalid sequences). */
export function utf8Decode(bytes: Uint8Array): string {
  const sb = new StringBuilder();
  new Utf8Decoder(false).decode(bytes, sb, true);
  return sb.done();
}

// ---- UTF-16LE, Latin-1, windows-1252 ----------------------------------------------------------

class Utf16leDecoder {
  private pendingByte = -1;
  private pendingLead = -1;
  constructor(private readonly fatal: boolean) {}
  private error(sb: StringBuilder): void {
    if (this.fatal) throw invalidData('utf-16le');
    sb.push(0xfffd);
  }
  private unit(u: number, sb: StringBuilder): void {
    if (this.pendingLead >= 0) {
      const lead = this.pendingLead;
      this.pendingLead = -1;
      if (u >= 0xdc00 && u <= 0xdfff) {
        sb.push(lead);
        sb.push(u);
        return;
      }
      this.error(sb);
    }
    if (u >= 0xd800 && u <= 0xdbff) this.pendingLead = u;
    else if (u >= 0xdc00 && u <= 0xdfff) this.error(sb);
    else sb.push(u);
  }
  decode(bytes: Uint8Array, sb: StringBuilder, flush: boolean): void {
    let i = 0;
    const len = bytes.length;
    if (this.pendingByte >= 0 && len > 0) {
      this.unit(this.pendingByte | ((bytes[0] as number) << 8), sb);
      this.pendingByte = -1;
      i = 1;
    }
    for (; i + 1 < len; i += 2) this.unit((bytes[i] as number) | ((bytes[i + 1] as number) << 8), sb);
    if (i < len) this.pendingByte = bytes[i] as number;
    if (flush) {
      if (this.pendingByte >= 0 || this.pendingLead >= 0) {
        this.pendingByte = -1;
        this.pendingLead = -1;
        this.error(sb);
      }
    }
  }
  reset(): void {
    this.pendingByte = -1;
    this.pendingLead = -1;
  }
}

export function utf16leDecode(bytes: Uint8Array): string {
  // Node's Buffer 'utf16le' keeps lone surrogates as they are (no U+FFFD); an odd byte is dropped.
  const sb = new StringBuilder();
  for (let i = 0; i + 1 < bytes.length; i += 2) sb.push((bytes[i] as number) | ((bytes[i + 1] as number) << 8));
  return sb.done();
}

export function utf16leEncode(s: string): Uint8Array {
  const out = new Uint8ArrayCtor(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = cc(s, i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

export function latin1Decode(bytes: Uint8Array): string {
  const sb = new StringBuilder();
  for (let i = 0; i < bytes.length; i++) sb.push(bytes[i] as number);
  return sb.done();
}

/** Node's 'latin1'/'binary' (and 'ascii') encoding: each UTF-16 unit keeps its low byte. */
export function latin1Encode(s: string): Uint8Array {
  const out = new Uint8ArrayCtor(s.length);
  for (let i = 0; i < s.length; i++) out[i] = cc(s, i) & 0xff;
  return out;
}

const WINDOWS_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

// ---- hex --------------------------------------------------------------------------------------

const HEX = '0123456789abcdef';
export function hexEncode(bytes: Uint8Array): string {
  const sb = new StringBuilder();
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    sb.push(cc(HEX, b >> 4));
    sb.push(cc(HEX, b & 15));
  }
  return sb.done();
}

function hexNibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Node's hex decoding: stops at the first invalid pair (and ignores a trailing odd digit). */
export function hexDecode(s: string): Uint8Array {
  const n = s.length >>> 1;
  const out = new Uint8ArrayCtor(n);
  let i = 0;
  for (; i < n; i++) {
    const hi = hexNibble(cc(s, 2 * i));
    const lo = hexNibble(cc(s, 2 * i + 1));
    if (hi < 0 || lo < 0) break;
    out[i] = (hi << 4) | lo;
  }
  return i === n ? out : subarray(out, 0, i);
}

// ---- TextEncoder / TextDecoder ----------------------------------------------------------------

function invalidData(encoding: string): TypeError {
  return codeError(TypeErrorCtor, 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${encoding}`);
}

const LABELS: Record<string, string> = { __proto__: null } as unknown as Record<string, string>;
const label = (encoding: string, names: string[]): void => {
  for (let i = 0; i < names.length; i++) LABELS[names[i] as string] = encoding;
};
label('utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
label('utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']);
label('windows-1252', [
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

const decoderState = new WeakMapCtor<object, {
  encoding: string;
  fatal: boolean;
  ignoreBOM: boolean;
  bomSeen: boolean;
  impl: Utf8Decoder | Utf16leDecoder | undefined;
}>();

function stateOf(d: unknown) {
  const s = typeof d === 'object' && d !== null ? decoderState.get(d) : undefined;
  if (s === undefined) throw codeError(TypeErrorCtor, 'ERR_INVALID_THIS', 'Value of "this" must be of type TextDecoder');
  return s;
}

export class TextDecoder {
  constructor(label: unknown = 'utf-8', options: { fatal?: boolean; ignoreBOM?: boolean } | undefined = undefined) {
    const key = ReflectApply(StringPrototypeToLowerCase, ReflectApply(StringPrototypeTrim, StringCtor(label), []), []) as string;
    const encoding = LABELS[key];
    if (encoding === undefined) {
      throw codeError(RangeErrorCtor, 'ERR_ENCODING_NOT_SUPPORTED', `The "${StringCtor(label)}" encoding is not supported`);
    }
    const fatal = !!options?.fatal;
    decoderState.set(this, {
      encoding,
      fatal,
      ignoreBOM: !!options?.ignoreBOM,
      bomSeen: false,
      impl: encoding === 'utf-8' ? new Utf8Decoder(fatal) : encoding === 'utf-16le' ? new Utf16leDecoder(fatal) : undefined,
    });
  }
  get encoding(): string {
    return stateOf(this).encoding;
  }
  get fatal(): boolean {
    return stateOf(this).fatal;
  }
  get ignoreBOM(): boolean {
    return stateOf(this).ignoreBOM;
  }
  decode(input: unknown = new Uint8ArrayCtor(0), options: { stream?: boolean } | undefined = undefined): string {
    const st = stateOf(this);
    const bytes = viewBytes(input);
    if (bytes === undefined) {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', `The "input" argument must be an instance of ArrayBuffer or ArrayBufferView. Received ${describeReceived(input)}`);
    }
    const stream = !!options?.stream;
    const sb = new StringBuilder();
    if (st.impl === undefined) {
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i] as number;
        sb.push(b >= 0x80 && b <= 0x9f ? (WINDOWS_1252[b - 0x80] as number) : b);
      }
      return sb.done();
    }
    try {
      st.impl.decode(bytes, sb, !stream);
    } catch (e) {
      st.impl.reset();
      st.bomSeen = false;
      throw e;
    }
    let out = sb.done();
    if (!st.ignoreBOM && !st.bomSeen && out.length > 0) {
      if (cc(out, 0) === 0xfeff) out = ReflectApply(StringPrototypeSlice, out, [1]) as string;
      st.bomSeen = true;
    }
    if (!stream) st.bomSeen = false;
    return out;
  }
  get [SymbolToStringTag](): string {
    return 'TextDecoder';
  }
}

export class TextEncoder {
  get encoding(): string {
    return 'utf-8';
  }
  encode(input: unknown = ''): Uint8Array {
    return utf8Encode(StringCtor(input));
  }
  encodeInto(src: unknown, dest: unknown): { read: number; written: number } {
    if (typedArrayName(dest) !== 'Uint8Array') {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', `The "dest" argument must be an instance of Uint8Array. Received ${describeReceived(dest)}`);
    }
    return utf8EncodeInto(StringCtor(src), dest as Uint8Array);
  }
  get [SymbolToStringTag](): string {
    return 'TextEncoder';
  }
}

// Decoders for string_decoder (resumable, non-fatal).
export function createStreamingDecoder(encoding: 'utf-8' | 'utf-16le'): { write(b: Uint8Array): string; end(): string } {
  const impl = encoding === 'utf-8' ? new Utf8Decoder(false) : new Utf16leDecoder(false);
  return {
    write(b: Uint8Array): string {
      const sb = new StringBuilder();
      impl.decode(b, sb, false);
      return sb.done();
    },
    end(): string {
      const sb = new StringBuilder();
      impl.decode(new Uint8ArrayCtor(0), sb, true);
      return sb.done();
    },
  };
}

nameClasses({ TextEncoder, TextDecoder });
inspectAs(TextEncoder.prototype, '', () => ({ encoding: 'utf-8' }));
inspectAs(TextDecoder.prototype, 'TextDecoder', (d: TextDecoder) => ({ encoding: d.encoding, fatal: d.fatal, ignoreBOM: d.ignoreBOM }));

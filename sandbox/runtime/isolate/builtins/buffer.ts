// Node's Buffer: the npm `buffer` package (loaded on first use, so cold starts stay cheap),
// taught `base64url`, plus the `buffer` module's extra exports. Glue code makes Buffers with
// `toBuffer`, which needs no method of the (user-mutable) Buffer class.
import { ObjectDefineProperty, ReflectApply, StringPrototypeReplace } from '../intrinsics.ts';
import { ObjectSetPrototypeOf, viewBytes } from './captured.ts';
import { atob, btoa } from './base64.ts';

declare const require: (id: string) => unknown;

export type NodeBuffer = Uint8Array & {
  toString(encoding?: string, start?: number, end?: number): string;
  equals(other: Uint8Array): boolean;
};

interface BufferPackage {
  Buffer: {
    prototype: object;
    from(...a: unknown[]): NodeBuffer;
    alloc(...a: unknown[]): NodeBuffer;
    byteLength(...a: unknown[]): number;
    isEncoding(e: unknown): boolean;
    isBuffer(v: unknown): boolean;
    concat(list: readonly Uint8Array[], total?: number): NodeBuffer;
  } & Record<string, unknown>;
  SlowBuffer: unknown;
  kMaxLength: number;
  INSPECT_MAX_BYTES: number;
}

let pkg: BufferPackage | undefined;
let proto: object | undefined;
let moduleObject: Record<string, unknown> | undefined;

const isB64Url = (v: unknown): boolean => typeof v === 'string' && (v === 'base64url' || v === 'BASE64URL' || v === 'Base64url');

/** Wraps a method so `base64url` encoding arguments (after the first) reach the package as `base64`. */
function acceptBase64Url(target: Record<string, unknown>, name: string, from: number): void {
  const original = target[name] as (...a: unknown[]) => unknown;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    for (let i = from; i < args.length; i++) if (isB64Url(args[i])) args[i] = 'base64';
    return ReflectApply(original, this, args);
  };
  ObjectDefineProperty(wrapped, 'name', { value: name });
  ObjectDefineProperty(target, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
}

function load(): BufferPackage {
  if (pkg !== undefined) return pkg;
  const p = require('buffer/') as BufferPackage;
  const B = p.Buffer;
  const P = B.prototype as Record<string, unknown>;
  const toStringOriginal = P['toString'] as (this: Uint8Array, ...a: unknown[]) => string;
  ObjectDefineProperty(P, 'toString', {
    value: function toString(this: Uint8Array, encoding?: unknown, start?: unknown, end?: unknown): string {
      if (!isB64Url(encoding)) return ReflectApply(toStringOriginal, this, [encoding, start, end]);
      const b64 = ReflectApply(toStringOriginal, this, ['base64', start, end]);
      return ReflectApply(StringPrototypeReplace, ReflectApply(StringPrototypeReplace, ReflectApply(StringPrototypeReplace, b64, [/\+/g, '-']), [/\//g, '_']), [/=+$/, '']) as string;
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
  const methods = ['write', 'fill', 'indexOf', 'lastIndexOf', 'includes'];
  for (let i = 0; i < methods.length; i++) acceptBase64Url(P, methods[i] as string, 1);
  const statics = ['from', 'byteLength', 'alloc'];
  for (let i = 0; i < statics.length; i++) acceptBase64Url(B, statics[i] as string, 1);
  const isEncoding = B.isEncoding;
  B.isEncoding = (e: unknown) => isB64Url(e) || isEncoding(e);
  pkg = p;
  proto = P;
  return p;
}

/** The Buffer class (loads the package on first use). */
export function BufferClass(): BufferPackage['Buffer'] {
  return load().Buffer;
}

/** Makes `bytes` (which the caller gives up) a Buffer without calling any Buffer method. */
export function toBuffer(bytes: Uint8Array): NodeBuffer {
  if (proto === undefined) load();
  ObjectSetPrototypeOf(bytes, proto as object);
  return bytes as NodeBuffer;
}

/** require('buffer'). */
export function bufferModule(): Record<string, unknown> {
  if (moduleObject !== undefined) return moduleObject;
  const p = load();
  const kStringMaxLength = 2 ** 29 - 24;
  moduleObject = {
    Buffer: p.Buffer,
    SlowBuffer: p.SlowBuffer,
    INSPECT_MAX_BYTES: p.INSPECT_MAX_BYTES,
    kMaxLength: p.kMaxLength,
    kStringMaxLength,
    constants: { MAX_LENGTH: p.kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
    atob,
    btoa,
    isUtf8(input: unknown): boolean {
      const b = viewBytes(input);
      return b !== undefined && isValidUtf8(b);
    },
    isAscii(input: unknown): boolean {
      const b = viewBytes(input);
      if (b === undefined) return false;
      for (let i = 0; i < b.length; i++) if ((b[i] as number) > 0x7f) return false;
      return true;
    },
  };
  return moduleObject;
}

/** Strict UTF-8 validation (shortest forms, no surrogates, <= U+10FFFF). */
function isValidUtf8(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    let need: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

// The `crypto` global (Web Crypto subset): getRandomValues with its 65,536-byte quota,
// randomUUID, and subtle.digest for SHA-1/256/384/512. Entropy comes from the host.
import {
  call, ObjectDefineProperty, PromiseCtor, ReflectApply, StringCtor, StringPrototypeSlice, SymbolCtor,
  SymbolToStringTag, TypeErrorCtor, Uint8ArrayCtor,
} from '../intrinsics.ts';
import {
  codeError, copyOf, describeReceived, nameClasses, notAvailable, StringPrototypeToLowerCase, typedArrayName,
  viewBytes,
} from './captured.ts';
import { DOMException } from './dom.ts';
import { hashAlgorithm } from './hashes.ts';
import type { Services } from './host.ts';
import { hexEncode } from './text-codec.ts';

const INTEGER_ARRAYS: Record<string, true> = {
  __proto__: null as unknown as true,
  Int8Array: true, Uint8Array: true, Uint8ClampedArray: true, Int16Array: true, Uint16Array: true,
  Int32Array: true, Uint32Array: true, BigInt64Array: true, BigUint64Array: true,
};

export function getRandomValues(services: Services, data: unknown): unknown {
  const name = typedArrayName(data);
  if (name === undefined || INTEGER_ARRAYS[name] !== true) {
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  const bytes = viewBytes(data) as Uint8Array;
  if (bytes.length > 65_536) throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  services.randomFill(bytes);
  return data;
}

export function randomUUID(services: Services): string {
  const b = new Uint8ArrayCtor(16);
  services.randomFill(b);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = hexEncode(b);
  const part = (a: number, b?: number): string => call(StringPrototypeSlice, h, a, b) as string;
  return `${part(0, 8)}-${part(8, 12)}-${part(12, 16)}-${part(16, 20)}-${part(20)}`;
}

const DIGESTS: Record<string, string> = { __proto__: null as unknown as string, 'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

function subtleDigest(algorithm: unknown, data: unknown): ArrayBuffer {
  const raw = typeof algorithm === 'object' && algorithm !== null ? (algorithm as { name?: unknown }).name : algorithm;
  const name = DIGESTS[ReflectApply(StringPrototypeToLowerCase, StringCtor(raw), []) as string];
  if (name === undefined) throw new DOMException('Unrecognized algorithm name', 'NotSupportedError');
  const bytes = viewBytes(data);
  if (bytes === undefined) {
    throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', `The "data" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView. Received ${describeReceived(data)}`);
  }
  return (hashAlgorithm(name) as (d: Uint8Array) => Uint8Array)(copyOf(bytes)).buffer as ArrayBuffer;
}

const settle = <T>(fn: () => T): Promise<T> =>
  new PromiseCtor<T>((resolve, reject) => {
    try {
      resolve(fn());
    } catch (e) {
      reject(e);
    }
  });

export class SubtleCrypto {
  digest(algorithm: unknown, data: unknown): Promise<ArrayBuffer> {
    return settle(() => subtleDigest(algorithm, data));
  }
  get [SymbolToStringTag](): string {
    return 'SubtleCrypto';
  }
}
const SUBTLE_UNSUPPORTED = ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey'];
for (let i = 0; i < SUBTLE_UNSUPPORTED.length; i++) {
  const m = SUBTLE_UNSUPPORTED[i] as string;
  ObjectDefineProperty(SubtleCrypto.prototype, m, {
    value: function () {
      return settle(() => {
        throw notAvailable(`crypto.subtle.${m}()`, 'the lab\'s Web Crypto offers digest() only (use node:crypto createHmac/createHash)');
      });
    },
    writable: true,
    configurable: true,
  });
}

export class Crypto {
  readonly #services: Services;
  readonly #subtle = new SubtleCrypto();
  constructor(token: unknown, services: Services) {
    if (token !== kCreate) throw codeError(TypeErrorCtor, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    this.#services = services;
  }
  get subtle(): SubtleCrypto {
    return this.#subtle;
  }
  getRandomValues(data: unknown): unknown {
    return getRandomValues(this.#services, data);
  }
  randomUUID(): string {
    return randomUUID(this.#services);
  }
  get [SymbolToStringTag](): string {
    return 'Crypto';
  }
}
const kCreate = SymbolCtor('create');

export function createWebCrypto(services: Services): Crypto {
  const c = new Crypto(kCreate, services);
  // Node's methods work detached too (`const { getRandomValues } = crypto`), unlike a browser.
  ObjectDefineProperty(c, 'getRandomValues', { value: (data: unknown) => getRandomValues(services, data), writable: true, configurable: true });
  ObjectDefineProperty(c, 'randomUUID', { value: () => randomUUID(services), writable: true, configurable: true });
  return c;
}

nameClasses({ Crypto, SubtleCrypto });

// require('crypto'): hashes, HMAC, random values, KDFs (pbkdf2, scrypt, hkdf) and timingSafeEqual
// on @noble/hashes and the host's entropy. Ciphers, signatures and keys are not provided: they
// throw ERR_FEATURE_NOT_AVAILABLE_IN_LAMBDA_LAB naming the function.
import {
  ArrayPrototypeSlice, call, ErrorCtor, NumberCtor, ObjectDefineProperty, RangeErrorCtor, TypeErrorCtor,
  Uint8ArrayCtor,
} from '../intrinsics.ts';
import {
  ArrayBufferCtor, codeError, copyOf, invalidArgType, nameClasses, notAvailable, NumberIsSafeInteger, viewBytes,
} from './captured.ts';
import { toBuffer, type NodeBuffer } from './buffer.ts';
import { bytesToString, normalizeEncoding, stringToBytes } from './encodings.ts';
import {
  HASH_NAMES, type HashAlgorithm, type HashState, hashAlgorithm, hkdfModule, hmacModule, pbkdf2Module, scryptModule,
} from './hashes.ts';
import type { Services } from './host.ts';
import { getRandomValues, randomUUID } from './web-crypto.ts';

type Callback = (err: unknown, value?: unknown) => void;
export interface CryptoDeps {
  services: Services;
  /** Runs a callback later, reporting a throw as an uncaught exception. */
  defer: (fn: () => void) => void;
  webcrypto: () => unknown;
}

const DATA_TYPES = 'of type string or an instance of Buffer, TypedArray, or DataView';

/** Bytes of a `string | Buffer | TypedArray | DataView` argument (a private copy). */
function dataBytes(data: unknown, encoding: unknown, name: string): Uint8Array {
  if (typeof data === 'string') {
    const enc = normalizeEncoding(encoding) ?? 'utf8';
    return stringToBytes(data, enc);
  }
  const b = viewBytes(data);
  if (b === undefined || typeof data !== 'object') throw invalidArgType(name, DATA_TYPES, data);
  return copyOf(b);
}

/** Key material: also accepts ArrayBuffer (like Node's password/salt/key arguments). */
function keyBytes(v: unknown, name: string): Uint8Array {
  if (typeof v === 'string') return stringToBytes(v, 'utf8');
  const b = viewBytes(v);
  if (b === undefined) throw invalidArgType(name, 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', v);
  return copyOf(b);
}

function output(bytes: Uint8Array, encoding: unknown): NodeBuffer | string {
  if (encoding === undefined || encoding === 'buffer') return toBuffer(bytes);
  const enc = normalizeEncoding(encoding);
  return enc === undefined ? toBuffer(bytes) : bytesToString(bytes, enc);
}

function algorithmOrThrow(name: unknown): HashAlgorithm {
  if (typeof name !== 'string') throw invalidArgType('algorithm', 'of type string', name);
  const h = hashAlgorithm(name);
  if (h === undefined) throw new ErrorCtor('Digest method not supported');
  return h;
}

function digestOrThrow(name: unknown): HashAlgorithm {
  if (typeof name !== 'string') throw invalidArgType('digest', 'of type string', name);
  const h = hashAlgorithm(name);
  if (h === undefined) throw codeError(TypeErrorCtor, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${name}`);
  return h;
}

function finalized(): Error {
  return codeError(ErrorCtor, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
}


export class Hash {
  #state: { h: HashState; done: boolean };
  constructor(algorithm: unknown, _options?: unknown, state?: HashState) {
    this.#state = { h: state ?? algorithmOrThrow(algorithm).create(), done: false };
  }
  update(data: unknown, inputEncoding?: unknown): this {
    const s = this.#state;
    if (s.done) throw finalized();
    s.h.update(dataBytes(data, inputEncoding, 'data'));
    return this;
  }
  digest(outputEncoding?: unknown): NodeBuffer | string {
    const s = this.#state;
    if (s.done) throw finalized();
    s.done = true;
    return output(s.h.digest(), outputEncoding);
  }
  copy(): Hash {
    const s = this.#state;
    if (s.done) throw finalized();
    return new Hash(undefined, undefined, s.h.clone());
  }
}

export class Hmac {
  #state: { h: HashState; done: boolean };
  constructor(algorithm: unknown, key: unknown) {
    const alg = algorithmOrThrow(algorithm);
    if (key === null || key === undefined) throw invalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey', key);
    const h = hmacModule().hmac.create(alg as never, keyBytes(key, 'key')) as unknown as HashState;
    this.#state = { h, done: false };
  }
  update(data: unknown, inputEncoding?: unknown): this {
    const s = this.#state;
    if (s.done) throw codeError(ErrorCtor, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    s.h.update(dataBytes(data, inputEncoding, 'data'));
    return this;
  }
  digest(outputEncoding?: unknown): NodeBuffer | string {
    const s = this.#state;
    // Node returns an empty digest when called twice on an Hmac.
    if (s.done) return output(new Uint8ArrayCtor(0), outputEncoding);
    s.done = true;
    return output(s.h.digest(), outputEncoding);
  }
}

function intArg(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number') throw invalidArgType(name, 'of type number', v);
  if (!NumberIsSafeInteger(v) || v < min || v > max) {
    throw codeError(RangeErrorCtor, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be >= ${min} && <= ${max}. Received ${v}`);
  }
  return v;
}

function callbackArg(cb: unknown): Callback {
  if (typeof cb !== 'function') throw invalidArgType('callback', 'of type function', cb);
  return cb as Callback;
}

/** OpenSSL's scrypt memory rule (what Node enforces with `maxmem`). */
function scryptParams(options: unknown): { N: number; r: number; p: number; maxmem: number } {
  const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const pick = (a: string, b: string, d: number): number => {
    const v = o[a] ?? o[b];
    return v === undefined ? d : NumberCtor(v);
  };
  const N = pick('N', 'cost', 16384);
  const r = pick('r', 'blockSize', 8);
  const p = pick('p', 'parallelization', 1);
  const maxmem = o['maxmem'] === undefined ? 32 << 20 : NumberCtor(o['maxmem']);
  const invalid = (): never => {
    throw codeError(RangeErrorCtor, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded');
  };
  if (!(N > 1) || (N & (N - 1)) !== 0 || !(r >= 1) || !(p >= 1)) {
    throw codeError(RangeErrorCtor, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params: error:030000AC:digital envelope routines::invalid scrypt parameters');
  }
  if (p * 128 * r + 32 * r * (N + 2) * 4 > maxmem) invalid();
  return { N, r, p, maxmem };
}

export function createCrypto(deps: CryptoDeps): Record<string, unknown> {
  const { services, defer } = deps;
  const later = <T>(cb: Callback, fn: () => T): void => {
    let value: T;
    try {
      value = fn();
    } catch (e) {
      defer(() => cb(e));
      return;
    }
    defer(() => cb(null, value));
  };

  function randomBytes(size: unknown, cb?: unknown): NodeBuffer | undefined {
    const n = intArg(size, 'size', 0, 2 ** 31 - 1);
    const make = (): NodeBuffer => {
      const b = new Uint8ArrayCtor(n);
      services.randomFill(b);
      return toBuffer(b);
    };
    if (cb === undefined) return make();
    later(callbackArg(cb), make);
    return undefined;
  }

  function randomFillSync(buf: unknown, offset: unknown = 0, size?: unknown): unknown {
    const b = viewBytes(buf);
    if (b === undefined || typeof buf !== 'object') throw invalidArgType('buf', 'an instance of ArrayBuffer or ArrayBufferView', buf);
    const off = intArg(offset, 'offset', 0, b.length);
    const len = size === undefined ? b.length - off : intArg(size, 'size', 0, b.length - off);
    const part = new Uint8ArrayCtor(b.buffer, b.byteOffset + off, len);
    services.randomFill(part);
    return buf;
  }

  function randomInt(a: unknown, b?: unknown, c?: unknown): number | undefined {
    let min: unknown = a;
    let max: unknown = b;
    let cb: unknown = c;
    if (b === undefined || typeof b === 'function') {
      cb = b;
      max = a;
      min = 0;
    }
    if (typeof min !== 'number' || !NumberIsSafeInteger(min)) throw invalidArgType('min', 'a safe integer', min);
    if (typeof max !== 'number' || !NumberIsSafeInteger(max)) throw invalidArgType('max', 'a safe integer', max);
    if (max <= min) {
      throw codeError(RangeErrorCtor, 'ERR_OUT_OF_RANGE', `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
    }
    const range = max - min;
    if (range > 2 ** 48) {
      throw codeError(RangeErrorCtor, 'ERR_OUT_OF_RANGE', `The value of "max - min" is out of range. It must be <= 281474976710655. Received ${range}`);
    }
    const lo = min;
    const pick = (): number => {
      // Rejection sampling over 48-bit values, as Node does.
      const limit = 2 ** 48 - (2 ** 48 % range);
      const b6 = new Uint8ArrayCtor(6);
      for (;;) {
        services.randomFill(b6);
        let x = 0;
        for (let i = 0; i < 6; i++) x = x * 256 + (b6[i] as number);
        if (x < limit) return lo + (x % range);
      }
    };
    if (cb === undefined) return pick();
    later(callbackArg(cb), pick);
    return undefined;
  }

  function timingSafeEqual(a: unknown, b: unknown): boolean {
    const x = viewBytes(a);
    if (x === undefined) throw invalidArgType('buf1', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', a);
    const y = viewBytes(b);
    if (y === undefined) throw invalidArgType('buf2', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', b);
    if (x.length !== y.length) throw codeError(RangeErrorCtor, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
    let diff = 0;
    for (let i = 0; i < x.length; i++) diff |= (x[i] as number) ^ (y[i] as number);
    return diff === 0;
  }

  function pbkdf2Sync(password: unknown, salt: unknown, iterations: unknown, keylen: unknown, digest: unknown): NodeBuffer {
    const pw = keyBytes(password, 'password');
    const sa = keyBytes(salt, 'salt');
    const c = intArg(iterations, 'iterations', 1, 2 ** 31 - 1);
    const dkLen = intArg(keylen, 'keylen', 0, 2 ** 31 - 1);
    const h = digestOrThrow(digest);
    if (dkLen === 0) return toBuffer(new Uint8ArrayCtor(0));
    return toBuffer(pbkdf2Module().pbkdf2(h as never, pw, sa, { c, dkLen }));
  }

  function scryptSync(password: unknown, salt: unknown, keylen: unknown, options?: unknown): NodeBuffer {
    const pw = keyBytes(password, 'password');
    const sa = keyBytes(salt, 'salt');
    const dkLen = intArg(keylen, 'keylen', 0, 2 ** 31 - 1);
    const { N, r, p } = scryptParams(options);
    if (dkLen === 0) return toBuffer(new Uint8ArrayCtor(0));
    return toBuffer(scryptModule().scrypt(pw, sa, { N, r, p, dkLen, maxmem: 2 ** 31 }));
  }

  function hkdfSync(digest: unknown, ikm: unknown, salt: unknown, info: unknown, keylen: unknown): ArrayBuffer {
    const h = digestOrThrow(digest);
    const key = keyBytes(ikm, 'ikm');
    const sa = keyBytes(salt, 'salt');
    const inf = keyBytes(info, 'info');
    if (inf.length > 1024) {
      throw codeError(RangeErrorCtor, 'ERR_OUT_OF_RANGE', `The value of "info" is out of range. It must be <= 1024. Received ${inf.length}`);
    }
    const len = intArg(keylen, 'length', 0, 2 ** 31 - 1);
    if (len > 255 * h.outputLen) throw codeError(RangeErrorCtor, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
    if (len === 0) return new ArrayBufferCtor(0);
    return copyOf(hkdfModule().hkdf(h as never, key, sa, inf, len)).buffer as ArrayBuffer;
  }

  const mod: Record<string, unknown> = {
    createHash: (algorithm: unknown, options?: unknown) => new Hash(algorithm, options),
    createHmac: (algorithm: unknown, key: unknown) => new Hmac(algorithm, key),
    hash(algorithm: unknown, data: unknown, outputEncoding: unknown = 'hex') {
      if (typeof data !== 'string' && viewBytes(data) === undefined) throw invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
      return output(algorithmOrThrow(algorithm)(dataBytes(data, 'utf8', 'data')), outputEncoding);
    },
    Hash,
    Hmac,
    randomBytes,
    pseudoRandomBytes: randomBytes,
    rng: randomBytes,
    randomFillSync,
    randomFill(buf: unknown, ...rest: unknown[]) {
      const cb = callbackArg(rest[rest.length - 1]);
      later(cb, () => randomFillSync(buf, rest.length > 1 ? rest[0] : 0, rest.length > 2 ? rest[1] : undefined));
    },
    randomUUID: () => randomUUID(services),
    randomInt,
    getRandomValues: (data: unknown) => getRandomValues(services, data),
    timingSafeEqual,
    pbkdf2Sync,
    pbkdf2(password: unknown, salt: unknown, iterations: unknown, keylen: unknown, digest: unknown, cb: unknown) {
      const callback = callbackArg(typeof digest === 'function' ? digest : cb);
      if (typeof digest === 'function') throw invalidArgType('digest', 'of type string', undefined);
      later(callback, () => pbkdf2Sync(password, salt, iterations, keylen, digest));
    },
    scryptSync,
    scrypt(password: unknown, salt: unknown, keylen: unknown, options: unknown, cb?: unknown) {
      const callback = callbackArg(typeof options === 'function' ? options : cb);
      const opts = typeof options === 'function' ? undefined : options;
      later(callback, () => scryptSync(password, salt, keylen, opts));
    },
    hkdfSync,
    hkdf(digest: unknown, ikm: unknown, salt: unknown, info: unknown, keylen: unknown, cb: unknown) {
      later(callbackArg(cb), () => hkdfSync(digest, ikm, salt, info, keylen));
    },
    getHashes: () => call(ArrayPrototypeSlice, HASH_NAMES) as string[],
    getCiphers: () => [],
    getCurves: () => [],
    getFips: () => 0,
    setFips() {
      throw notAvailable('crypto.setFips()');
    },
    constants: {},
  };
  ObjectDefineProperty(mod, 'webcrypto', { get: deps.webcrypto, enumerable: true, configurable: true });
  ObjectDefineProperty(mod, 'subtle', { get: () => (deps.webcrypto() as { subtle: unknown }).subtle, enumerable: true, configurable: true });
  for (let i = 0; i < UNSUPPORTED.length; i++) {
    const name = UNSUPPORTED[i] as string;
    mod[name] = function unsupported(): never {
      throw notAvailable(`crypto.${name}()`, 'the lab provides hashes, HMAC, random values, pbkdf2, scrypt and hkdf');
    };
  }
  return mod;
}

const UNSUPPORTED = [
  'createCipheriv', 'createDecipheriv', 'createSign', 'createVerify', 'sign', 'verify', 'generateKeyPair',
  'generateKeyPairSync', 'generateKey', 'generateKeySync', 'generatePrime', 'generatePrimeSync', 'checkPrime',
  'checkPrimeSync', 'createPublicKey', 'createPrivateKey', 'createSecretKey', 'publicEncrypt', 'publicDecrypt',
  'privateEncrypt', 'privateDecrypt', 'createDiffieHellman', 'createDiffieHellmanGroup', 'getDiffieHellman',
  'createECDH', 'diffieHellman', 'X509Certificate', 'Certificate', 'secureHeapUsed', 'argon2', 'argon2Sync', 'KeyObject',
];

nameClasses({ Hash, Hmac });

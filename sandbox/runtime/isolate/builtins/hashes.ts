// Hash algorithms by Node/OpenSSL name, from @noble/hashes (each family loaded on first use).
import {
  ReflectApply, StringPrototypeReplace, StringPrototypeSlice, StringPrototypeStartsWith,
} from '../intrinsics.ts';
import { StringPrototypeToLowerCase } from './captured.ts';

declare const require: (id: string) => unknown;

export interface HashState {
  update(data: Uint8Array): HashState;
  digest(): Uint8Array;
  clone(): HashState;
}
export interface HashAlgorithm {
  (data: Uint8Array): Uint8Array;
  create(): HashState;
  outputLen: number;
  blockLen: number;
}

type Sha2 = typeof import('@noble/hashes/sha2.js');
type Legacy = typeof import('@noble/hashes/legacy.js');
type Sha3 = typeof import('@noble/hashes/sha3.js');

const sha2 = (): Sha2 => require('@noble/hashes/sha2.js') as Sha2;
const legacy = (): Legacy => require('@noble/hashes/legacy.js') as Legacy;
const sha3 = (): Sha3 => require('@noble/hashes/sha3.js') as Sha3;

const ALGORITHMS: Record<string, () => unknown> = {
  __proto__: null as unknown as () => unknown,
  md5: () => legacy().md5,
  sha1: () => legacy().sha1,
  ripemd160: () => legacy().ripemd160,
  sha224: () => sha2().sha224,
  sha256: () => sha2().sha256,
  sha384: () => sha2().sha384,
  sha512: () => sha2().sha512,
  'sha512-224': () => sha2().sha512_224,
  'sha512-256': () => sha2().sha512_256,
  'sha3-224': () => sha3().sha3_224,
  'sha3-256': () => sha3().sha3_256,
  'sha3-384': () => sha3().sha3_384,
  'sha3-512': () => sha3().sha3_512,
};

/** The names createHash accepts in their canonical form (crypto.getHashes()). */
export const HASH_NAMES = ['md5', 'ripemd160', 'rmd160', 'sha1', 'sha224', 'sha256', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'sha384', 'sha512', 'sha512-224', 'sha512-256'];

const lower = (s: string): string => ReflectApply(StringPrototypeToLowerCase, s, []) as string;

/** OpenSSL-style aliases: SHA256, sha-256, RSA-SHA256, sha2-256, rmd160, sha512/256... */
export function canonicalHashName(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  let n = lower(name);
  if (ReflectApply(StringPrototypeStartsWith, n, ['rsa-']) as boolean) n = ReflectApply(StringPrototypeSlice, n, [4]) as string;
  if (n === 'rmd160' || n === 'ripemd-160' || n === 'ripemd') n = 'ripemd160';
  n = ReflectApply(StringPrototypeReplace, n, [/^sha-(1|224|256|384|512)$/, 'sha$1']) as string;
  n = ReflectApply(StringPrototypeReplace, n, [/^sha2-(224|256|384|512)$/, 'sha$1']) as string;
  n = ReflectApply(StringPrototypeReplace, n, [/^sha512[/-]?(224|256)$/, 'sha512-$1']) as string;
  n = ReflectApply(StringPrototypeReplace, n, [/^sha2-512\/(224|256)$/, 'sha512-$1']) as string;
  return ALGORITHMS[n] === undefined ? undefined : n;
}

export function hashAlgorithm(name: unknown): HashAlgorithm | undefined {
  const n = canonicalHashName(name);
  return n === undefined ? undefined : ((ALGORITHMS[n] as () => unknown)() as HashAlgorithm);
}

type Hmac = typeof import('@noble/hashes/hmac.js');
type Pbkdf2 = typeof import('@noble/hashes/pbkdf2.js');
type Scrypt = typeof import('@noble/hashes/scrypt.js');
type Hkdf = typeof import('@noble/hashes/hkdf.js');
export const hmacModule = (): Hmac => require('@noble/hashes/hmac.js') as Hmac;
export const pbkdf2Module = (): Pbkdf2 => require('@noble/hashes/pbkdf2.js') as Pbkdf2;
export const scryptModule = (): Scrypt => require('@noble/hashes/scrypt.js') as Scrypt;
export const hkdfModule = (): Hkdf => require('@noble/hashes/hkdf.js') as Hkdf;

// Node's string encodings (utf8, hex, base64, base64url, latin1/binary, ascii, utf16le/ucs2)
// for fs, crypto and string_decoder, without loading the Buffer package.
import { ReflectApply, StringCtor, TypeErrorCtor, Uint8ArrayCtor } from '../intrinsics.ts';
import { StringPrototypeToLowerCase, codeError, describeReceived } from './captured.ts';
import { base64Decode, base64Encode } from './base64.ts';
import {
  hexDecode, hexEncode, latin1Decode, latin1Encode, utf16leDecode, utf16leEncode, utf8Decode, utf8Encode,
} from './text-codec.ts';

export type Encoding = 'utf8' | 'hex' | 'base64' | 'base64url' | 'latin1' | 'ascii' | 'utf16le';

/** The canonical name of a Node encoding, or undefined when Node would not know it. */
export function normalizeEncoding(enc: unknown): Encoding | undefined {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  if (typeof enc !== 'string') return undefined;
  switch (ReflectApply(StringPrototypeToLowerCase, enc, []) as string) {
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'hex':
      return 'hex';
    case 'base64':
      return 'base64';
    case 'base64url':
      return 'base64url';
    case 'latin1':
    case 'binary':
      return 'latin1';
    case 'ascii':
      return 'ascii';
    case 'utf16le':
    case 'utf-16le':
    case 'ucs2':
    case 'ucs-2':
      return 'utf16le';
    default:
      return undefined;
  }
}

export function invalidEncoding(enc: unknown): TypeError {
  return codeError(TypeErrorCtor, 'ERR_INVALID_ARG_VALUE', `The argument 'encoding' is invalid encoding. Received ${describeReceived(enc)}`);
}

export function unknownEncoding(enc: unknown): TypeError {
  return codeError(TypeErrorCtor, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${StringCtor(enc)}`);
}

export function stringToBytes(s: string, enc: Encoding): Uint8Array {
  switch (enc) {
    case 'utf8':
      return utf8Encode(s);
    case 'hex':
      return hexDecode(s);
    case 'base64':
    case 'base64url':
      return base64Decode(s);
    case 'latin1':
    case 'ascii':
      return latin1Encode(s);
    case 'utf16le':
      return utf16leEncode(s);
  }
}

export function bytesToString(b: Uint8Array, enc: Encoding): string {
  switch (enc) {
    case 'utf8':
      return utf8Decode(b);
    case 'hex':
      return hexEncode(b);
    case 'base64':
      return base64Encode(b);
    case 'base64url':
      return base64Encode(b, true);
    case 'latin1':
      return latin1Decode(b);
    case 'ascii': {
      const c = new Uint8ArrayCtor(b.length);
      for (let i = 0; i < b.length; i++) c[i] = (b[i] as number) & 0x7f;
      return latin1Decode(c);
    }
    case 'utf16le':
      return utf16leDecode(b);
  }
}

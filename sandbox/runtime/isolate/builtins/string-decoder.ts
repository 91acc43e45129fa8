// require('string_decoder'): decodes byte chunks to strings without splitting characters
// (utf8/utf16le carry partial characters, base64 carries partial 3-byte groups).
import { StringCtor, TypeErrorCtor, Uint8ArrayCtor } from '../intrinsics.ts';
import {
  codeError, copyBytes, copyOf, inspectAs, invalidArgType, nameClasses, subarray, viewBytes,
} from './captured.ts';
import { bytesToString, normalizeEncoding, type Encoding } from './encodings.ts';
import { createStreamingDecoder } from './text-codec.ts';

interface State {
  enc: Encoding;
  text: { write(b: Uint8Array): string; end(): string } | undefined;
  rest: Uint8Array;
}

export class StringDecoder {
  #state: State;
  constructor(encoding?: unknown) {
    const enc = normalizeEncoding(encoding);
    if (enc === undefined) throw codeError(TypeErrorCtor, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${StringCtor(encoding)}`);
    this.#state = {
      enc,
      text: enc === 'utf8' ? createStreamingDecoder('utf-8') : enc === 'utf16le' ? createStreamingDecoder('utf-16le') : undefined,
      rest: new Uint8ArrayCtor(0),
    };
  }
  get encoding(): string {
    return this.#state.enc;
  }
  write(buf: unknown): string {
    if (typeof buf === 'string') return buf;
    const b = viewBytes(buf);
    if (b === undefined) throw invalidArgType('buf', 'an instance of Buffer, TypedArray, or DataView', buf);
    const st = this.#state;
    if (st.text !== undefined) return st.text.write(b);
    if (st.enc !== 'base64' && st.enc !== 'base64url') return bytesToString(b, st.enc);
    const all = new Uint8ArrayCtor(st.rest.length + b.length);
    copyBytes(all, st.rest);
    copyBytes(all, b, st.rest.length);
    const whole = all.length - (all.length % 3);
    st.rest = copyOf(subarray(all, whole));
    return bytesToString(subarray(all, 0, whole), st.enc);
  }
  end(buf?: unknown): string {
    const head = buf === undefined ? '' : this.write(buf);
    const st = this.#state;
    if (st.text !== undefined) return head + st.text.end();
    const tail = st.rest.length > 0 ? bytesToString(st.rest, st.enc) : '';
    st.rest = new Uint8ArrayCtor(0);
    return head + tail;
  }
  text(buf: unknown, offset: number): string {
    const b = viewBytes(buf);
    return this.write(b === undefined ? buf : subarray(b, offset));
  }
}

nameClasses({ StringDecoder });
inspectAs(StringDecoder.prototype, 'StringDecoder', (d: StringDecoder) => ({ encoding: d.encoding }));

// fs.createReadStream / fs.createWriteStream, kept small: EventEmitter-based streams over the
// lab's whole-file operations ('data'/'end'/'close', pipe(), async iteration; write()/end()
// with 'finish'). Enough for the common patterns; not a full node:stream implementation.
import { ErrorCtor, MathMin, ReflectApply, Uint8ArrayCtor } from '../intrinsics.ts';
import { SymbolAsyncIterator, codeError, subarray } from './captured.ts';
import { toBuffer } from './buffer.ts';
import { normalizeEncoding, stringToBytes } from './encodings.ts';
import { StringDecoder } from './string-decoder.ts';

export interface StreamDeps {
  readBytes: (path: unknown) => Uint8Array;
  writeFile: (path: unknown, data: unknown, options?: unknown) => void;
  appendFile: (path: unknown, data: unknown, options?: unknown) => void;
  defer: (fn: () => void) => void;
  EventEmitter: new () => object;
}

interface Emitter {
  emit(event: string, ...args: unknown[]): boolean;
  on(event: string, fn: (...a: unknown[]) => void): unknown;
  once(event: string, fn: (...a: unknown[]) => void): unknown;
  listenerCount(event: string): number;
}

export function createStreams(deps: StreamDeps): { createReadStream: (p: unknown, o?: unknown) => unknown; createWriteStream: (p: unknown, o?: unknown) => unknown } {
  const Base = deps.EventEmitter as unknown as new () => Emitter;

  class ReadStream extends Base {
    path: unknown;
    bytesRead = 0;
    pending = true;
    readable = true;
    destroyed = false;
    readableEnded = false;
    private flowing = false;
    private bytes: Uint8Array | undefined;
    private offset = 0;
    private decoder: StringDecoder | undefined;
    private readonly highWaterMark: number;
    private readonly start: number;
    private readonly end: number;

    constructor(path: unknown, options: unknown) {
      super();
      this.path = path;
      const o = (typeof options === 'string' ? { encoding: options } : typeof options === 'object' && options !== null ? options : {}) as {
        encoding?: string; start?: number; end?: number; highWaterMark?: number;
      };
      this.highWaterMark = typeof o.highWaterMark === 'number' && o.highWaterMark > 0 ? o.highWaterMark : 64 * 1024;
      this.start = typeof o.start === 'number' ? o.start : 0;
      this.end = typeof o.end === 'number' ? o.end : Infinity;
      if (o.encoding !== undefined && o.encoding !== null) this.setEncoding(o.encoding);
      this.on('newListener', (event: unknown) => {
        if (event === 'data') this.resume();
      });
      deps.defer(() => this.open());
    }

    private open(): void {
      if (this.destroyed) return;
      try {
        const all = deps.readBytes(this.path);
        const to = this.end === Infinity ? all.length : MathMin(all.length, this.end + 1);
        this.bytes = subarray(all, MathMin(this.start, to), to);
      } catch (e) {
        this.destroy(e);
        return;
      }
      this.pending = false;
      this.emit('open', 3);
      this.emit('ready');
      this.flow();
    }

    private flow(): void {
      const bytes = this.bytes;
      if (bytes === undefined || this.destroyed) return;
      while (this.flowing && this.offset < bytes.length) {
        const chunk = subarray(bytes, this.offset, MathMin(bytes.length, this.offset + this.highWaterMark));
        this.offset += chunk.length;
        this.bytesRead += chunk.length;
        const copy = new Uint8ArrayCtor(chunk.length);
        copy.set(chunk);
        this.emit('data', this.decoder === undefined ? toBuffer(copy) : this.decoder.write(copy));
      }
      if (this.flowing && this.offset >= bytes.length && !this.readableEnded) {
        this.readableEnded = true;
        if (this.decoder !== undefined) {
          const rest = this.decoder.end();
          if (rest !== '') this.emit('data', rest);
        }
        this.emit('end');
        this.destroyed = true;
        this.emit('close');
      }
    }

    setEncoding(encoding: unknown): this {
      this.decoder = new StringDecoder(encoding);
      return this;
    }
    resume(): this {
      if (!this.flowing) {
        this.flowing = true;
        if (this.bytes !== undefined) deps.defer(() => this.flow());
      }
      return this;
    }
    pause(): this {
      this.flowing = false;
      return this;
    }
    isPaused(): boolean {
      return !this.flowing;
    }
    pipe<T extends { write(c: unknown): unknown; end(): unknown }>(dest: T, options?: { end?: boolean }): T {
      this.on('data', (chunk: unknown) => {
        dest.write(chunk);
      });
      if (options?.end !== false) this.on('end', () => dest.end());
      const emit = (dest as unknown as { emit?: unknown }).emit;
      if (typeof emit === 'function') ReflectApply(emit, dest, ['pipe', this]);
      return dest;
    }
    destroy(error?: unknown): this {
      if (this.destroyed) return this;
      this.destroyed = true;
      this.flowing = false;
      deps.defer(() => {
        if (error !== undefined && error !== null) this.emit('error', error);
        this.emit('close');
      });
      return this;
    }
    close(cb?: () => void): void {
      if (typeof cb === 'function') this.once('close', cb);
      this.destroy();
    }
    async *[SymbolAsyncIterator](): AsyncGenerator<unknown> {
      const all = deps.readBytes(this.path);
      const to = this.end === Infinity ? all.length : MathMin(all.length, this.end + 1);
      const bytes = subarray(all, MathMin(this.start, to), to);
      this.destroyed = true;
      for (let off = 0; off < bytes.length; off += this.highWaterMark) {
        const chunk = new Uint8ArrayCtor(subarray(bytes, off, MathMin(bytes.length, off + this.highWaterMark)));
        this.bytesRead += chunk.length;
        yield this.decoder === undefined ? toBuffer(chunk) : this.decoder.write(chunk);
      }
      if (this.decoder !== undefined) {
        const rest = this.decoder.end();
        if (rest !== '') yield rest;
      }
    }
  }

  class WriteStream extends Base {
    path: unknown;
    bytesWritten = 0;
    pending = false;
    writable = true;
    destroyed = false;
    writableEnded = false;
    writableFinished = false;
    private readonly encoding: string;
    private failed: unknown;

    constructor(path: unknown, options: unknown) {
      super();
      this.path = path;
      const o = (typeof options === 'string' ? { encoding: options } : typeof options === 'object' && options !== null ? options : {}) as {
        flags?: string; encoding?: string;
      };
      this.encoding = typeof o.encoding === 'string' ? o.encoding : 'utf8';
      const flags = typeof o.flags === 'string' ? o.flags : 'w';
      try {
        // Opening creates (or truncates) the file at once, so writes that follow land after it.
        if (flags.includes('a')) deps.appendFile(path, '', { flag: flags });
        else deps.writeFile(path, '', { flag: flags });
      } catch (e) {
        this.failed = e;
        this.destroy(e);
        return;
      }
      deps.defer(() => {
        this.emit('open', 3);
        this.emit('ready');
      });
    }

    write(chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
      const done = typeof encoding === 'function' ? encoding : cb;
      const enc = typeof encoding === 'string' ? encoding : this.encoding;
      let error: unknown = this.failed;
      if (error === undefined && this.writableEnded) error = codeError(ErrorCtor, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
      if (error === undefined) {
        try {
          deps.appendFile(this.path, chunk, { encoding: enc });
          this.bytesWritten += typeof chunk === 'string' ? stringToBytes(chunk, normalizeEncoding(enc) ?? 'utf8').length : ((chunk as Uint8Array).byteLength ?? 0);
        } catch (e) {
          error = e;
        }
      }
      deps.defer(() => {
        if (typeof done === 'function') (done as (e?: unknown) => void)(error ?? null);
        if (error !== undefined && !this.destroyed) this.destroy(error);
      });
      return error === undefined;
    }

    end(chunk?: unknown, encoding?: unknown, cb?: unknown): this {
      const done = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : cb;
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') this.write(chunk, typeof encoding === 'string' ? encoding : undefined);
      if (this.writableEnded) return this;
      this.writableEnded = true;
      deps.defer(() => {
        if (this.destroyed) return;
        this.writableFinished = true;
        this.emit('finish');
        if (typeof done === 'function') (done as () => void)();
        this.destroyed = true;
        this.emit('close');
      });
      return this;
    }

    destroy(error?: unknown): this {
      if (this.destroyed) return this;
      this.destroyed = true;
      deps.defer(() => {
        if (error !== undefined && error !== null) this.emit('error', error);
        this.emit('close');
      });
      return this;
    }
    close(cb?: () => void): void {
      if (typeof cb === 'function') this.once('close', cb);
      this.end();
    }
    cork(): void {}
    uncork(): void {}
    setDefaultEncoding(): this {
      return this;
    }
  }

  return {
    createReadStream: (p: unknown, o?: unknown) => new ReadStream(p, o),
    createWriteStream: (p: unknown, o?: unknown) => new WriteStream(p, o),
  };
}

// A few Node.js declarations for IntelliSense in handlers (the full @types/node is megabytes):
// process.env, Buffer, require for CommonJS files, and the stream module @types/aws-lambda uses.
// Browser globals (console, fetch, URL, setTimeout, TextEncoder, ...) come with TypeScript's lib.
export const NODE_GLOBALS_DTS = `
declare var process: {
  /** The function's environment variables, plus those Lambda sets (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, ...). */
  env: Record<string, string | undefined>;
  version: string;
  versions: Record<string, string>;
  platform: string;
  arch: string;
  argv: string[];
  cwd(): string;
  exit(code?: number): never;
  uptime(): number;
  hrtime: { (time?: [number, number]): [number, number]; bigint(): bigint };
  memoryUsage(): { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
  on(event: string, listener: (...args: any[]) => void): any;
};
interface Buffer extends Uint8Array {
  toString(encoding?: 'utf8' | 'utf-8' | 'base64' | 'base64url' | 'hex' | 'latin1' | 'binary' | 'ascii' | 'utf16le', start?: number, end?: number): string;
  toJSON(): { type: 'Buffer'; data: number[] };
  equals(other: Uint8Array): boolean;
  write(value: string, offset?: number, encoding?: string): number;
  subarray(start?: number, end?: number): Buffer;
}
declare var Buffer: {
  from(value: string, encoding?: 'utf8' | 'utf-8' | 'base64' | 'base64url' | 'hex' | 'latin1' | 'binary' | 'ascii' | 'utf16le'): Buffer;
  from(value: ArrayBuffer | ArrayLike<number> | Uint8Array): Buffer;
  alloc(size: number, fill?: number | string): Buffer;
  byteLength(value: string | ArrayBuffer | Uint8Array, encoding?: string): number;
  concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
  isBuffer(value: unknown): value is Buffer;
};
declare var require: { (id: string): any; resolve(id: string): string };
declare var module: { exports: any };
declare var exports: any;
declare var __dirname: string;
declare var __filename: string;
declare module 'node:stream' {
  export class Writable {
    write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean;
    end(chunk?: string | Uint8Array, callback?: () => void): this;
    on(event: string, listener: (...args: any[]) => void): this;
  }
  export class Readable {
    static from(iterable: Iterable<unknown> | AsyncIterable<unknown>): Readable;
    pipe<T extends Writable>(destination: T): T;
    on(event: string, listener: (...args: any[]) => void): this;
    [Symbol.asyncIterator](): AsyncIterableIterator<any>;
  }
}
declare module 'stream' {
  export * from 'node:stream';
}
`;

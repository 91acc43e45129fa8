// require('fs') and require('fs/promises'): Node's API shape and error objects over the lab's
// two file systems. /var/task (the cwd) is the function's own files, read-only; /tmp lives on the
// runner (host calls), writable up to the ephemeral storage size. Any other path reads as ENOENT
// and refuses writes with EACCES: Lambda lets functions write only to /tmp, and the lab has no
// other files a function could meaningfully read (so `/etc/passwd` simply does not exist here).
import type { TaskFiles } from '../files.ts';
import { inspect } from '../inspect.ts';
import {
  MathFloor, MathMax, ObjectDefineProperty, PromiseCtor, ReflectApply, StringPrototypeCharCodeAt,
  StringPrototypeIndexOf, StringPrototypeStartsWith, TypeErrorCtor, Uint8ArrayCtor, call,
} from '../intrinsics.ts';
import {
  ArrayPrototypeSort, codeError, copyOf, invalidArgType, isDataView, notAvailable, resolvePosix, typedArrayName,
  viewBytes,
} from './captured.ts';
import { toBuffer } from './buffer.ts';
import { bytesToString, invalidEncoding, normalizeEncoding, stringToBytes, type Encoding } from './encodings.ts';
import { callHost, type HostCall, type Services } from './host.ts';
import { utf8ByteLength, utf8Decode, utf8Encode } from './text-codec.ts';
import { fileURLToPath, isURL } from './url.ts';
import { fromHost, rmIsDirectory, systemError, uvError, type UvError } from './fs-errors.ts';
import { Dirent, Stats, constants } from './fs-stats.ts';
import { createStreams } from './fs-streams.ts';

export interface FsDeps {
  hostCall: HostCall;
  files: TaskFiles;
  services: Services;
  /** Epoch ms the function's files are dated (the environment's start). */
  startTime: number;
  /** Runs a callback later; a throw becomes an uncaught exception, as in Node. */
  defer: (fn: () => void) => void;
  EventEmitter: new () => object;
}

/** Lambda's working directory: relative paths resolve here. */
const TASK_ROOT = '/var/task';

// ---- paths ------------------------------------------------------------------------------------

interface Where {
  area: 'tmp' | 'task' | 'none';
  abs: string;
  /** The path as the caller gave it (what Node's messages show). */
  shown: string;
}

function pathString(p: unknown, name: string): string {
  let s: string;
  if (typeof p === 'string') s = p;
  else if (typedArrayName(p) === 'Uint8Array') s = utf8Decode(viewBytes(p) as Uint8Array);
  else if (isURL(p)) s = fileURLToPath(p);
  else throw invalidArgType(name, 'of type string or an instance of Buffer or URL', p);
  if ((call(StringPrototypeIndexOf, s, '\u0000') as number) >= 0) {
    throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received ${inspect(s)}`);
  }
  return s;
}

function where(p: unknown, name = 'path'): Where {
  const shown = pathString(p, name);
  const abs = resolvePosix(TASK_ROOT, shown);
  const under = (root: string): boolean => abs === root || (call(StringPrototypeStartsWith, abs, `${root}/`) as boolean);
  return { area: under('/tmp') ? 'tmp' : under(TASK_ROOT) ? 'task' : 'none', abs, shown };
}

const ceil = (x: number): number => -MathFloor(-x);

// ---- options ----------------------------------------------------------------------------------

type ReadEncoding = Encoding | 'buffer';

function encodingOption(options: unknown, fallback: ReadEncoding): ReadEncoding {
  let enc: unknown;
  if (options === undefined || options === null || typeof options === 'function') return fallback;
  if (typeof options === 'string') enc = options;
  else if (typeof options === 'object') enc = (options as { encoding?: unknown }).encoding;
  else throw invalidArgType('options', 'of type string or an instance of Object', options);
  if (enc === undefined || enc === null) return fallback;
  if (enc === 'buffer') return 'buffer';
  const n = normalizeEncoding(enc);
  if (n === undefined || enc === '') throw invalidEncoding(enc);
  return n;
}

function flagOption(options: unknown, fallback: string): string {
  if (typeof options !== 'object' || options === null) return fallback;
  const f = (options as { flag?: unknown }).flag;
  return typeof f === 'string' ? f : fallback;
}

function dataBytes(data: unknown, encoding: ReadEncoding): Uint8Array {
  if (typeof data === 'string') return stringToBytes(data, encoding === 'buffer' ? 'utf8' : encoding);
  if (typedArrayName(data) === undefined && !isDataView(data)) {
    throw invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  }
  // An exact copy: isolated-vm would copy the whole underlying ArrayBuffer of a view.
  return copyOf(viewBytes(data) as Uint8Array);
}

function decoded(bytes: Uint8Array, enc: ReadEncoding): unknown {
  return enc === 'buffer' ? toBuffer(bytes) : bytesToString(bytes, enc);
}

function recursiveOption(options: unknown): boolean {
  return typeof options === 'object' && options !== null && !!(options as { recursive?: unknown }).recursive;
}

const FD_FUNCTIONS = [
  'open', 'openSync', 'close', 'closeSync', 'read', 'readSync', 'write', 'writeSync', 'fstat', 'fstatSync', 'fsync', 'fsyncSync',
  'fdatasync', 'fdatasyncSync', 'ftruncate', 'ftruncateSync', 'futimes', 'futimesSync', 'fchmod', 'fchmodSync', 'fchown',
  'fchownSync', 'readv', 'readvSync', 'writev', 'writevSync', 'opendir', 'opendirSync',
];
const LINK_FUNCTIONS = ['symlink', 'symlinkSync', 'link', 'linkSync', 'watch', 'watchFile', 'unwatchFile'];

// ---- the module -------------------------------------------------------------------------------

export function createFs(deps: FsDeps): { fs: Record<string, unknown>; promises: Record<string, unknown> } {
  const { files, services } = deps;
  const host = (op: string, args: unknown[], shown?: string, shownDest?: string, syscall?: string): unknown => {
    const r = callHost(deps.hostCall, op, args);
    if (r.ok) return r.value;
    throw fromHost(r.error, shown, shownDest, syscall);
  };
  const taskTime = deps.startTime;

  function taskStats(abs: string): Stats | undefined {
    const t = taskTime;
    const file = files.get(abs);
    if (file !== undefined) {
      const size = utf8ByteLength(file.source);
      return new Stats(2049, 0o100644, 1, 0, 0, 0, 4096, inoOf(abs), size, ceil(size / 512), t, t, t, t);
    }
    if (files.isDirectory(abs)) return new Stats(2049, 0o040755, 2, 0, 0, 0, 4096, inoOf(abs), 4096, 8, t, t, t, t);
    return undefined;
  }

  function inoOf(abs: string): number {
    let h = 5381;
    for (let i = 0; i < abs.length; i++) h = ((h * 33) ^ (call(StringPrototypeCharCodeAt, abs, i) as number)) >>> 0;
    return h;
  }

  // ---- primitive operations, per area ----

  function readBytes(w: Where): Uint8Array {
    if (w.area === 'tmp') return host('fs.readFile', [w.abs], w.shown) as Uint8Array;
    if (w.area === 'task') {
      const f = files.get(w.abs);
      if (f !== undefined) return utf8Encode(f.source);
      if (files.isDirectory(w.abs)) throw uvError('EISDIR', 'read');
    }
    throw uvError('ENOENT', 'open', w.shown);
  }

  function writeBytes(w: Where, bytes: Uint8Array, flag: string): void {
    const append = (call(StringPrototypeIndexOf, flag, 'a') as number) >= 0;
    const exclusive = (call(StringPrototypeIndexOf, flag, 'x') as number) >= 0;
    if (w.area === 'tmp') {
      host('fs.writeFile', [w.abs, bytes, `${append ? 'a' : 'w'}${exclusive ? 'x' : ''}`], w.shown);
      return;
    }
    if (w.area === 'task') {
      if (files.isDirectory(w.abs)) throw uvError('EISDIR', 'open', w.shown);
      if (exclusive && files.isFile(w.abs)) throw uvError('EEXIST', 'open', w.shown);
      throw uvError('EROFS', 'open', w.shown);
    }
    throw uvError('EACCES', 'open', w.shown);
  }

  function statOf(w: Where, syscall: string): Stats {
    if (w.area === 'tmp') {
      const s = host('fs.stat', [w.abs], w.shown, undefined, syscall) as {
        kind: string; size: number; ino: number; mode: number; nlink: number; atimeMs: number; mtimeMs: number; ctimeMs: number; birthtimeMs: number;
      };
      return new Stats(2080, s.mode, s.nlink, 993, 990, 0, 4096, s.ino, s.size, ceil(s.size / 512), s.atimeMs, s.mtimeMs, s.ctimeMs, s.birthtimeMs);
    }
    const st = w.area === 'task' ? taskStats(w.abs) : undefined;
    if (st === undefined) throw uvError('ENOENT', syscall, w.shown);
    return st;
  }

  function listDir(w: Where): { names: string[]; dirs: boolean[] } {
    if (w.area === 'tmp') return host('fs.readdir', [w.abs], w.shown) as { names: string[]; dirs: boolean[] };
    if (w.area === 'task') {
      if (files.isDirectory(w.abs)) {
        const names = call(ArrayPrototypeSort, files.list(w.abs)) as string[];
        const dirs: boolean[] = [];
        for (let i = 0; i < names.length; i++) dirs[i] = files.isDirectory(`${w.abs}/${names[i] as string}`);
        return { names, dirs };
      }
      if (files.isFile(w.abs)) throw uvError('ENOTDIR', 'scandir', w.shown);
    }
    throw uvError('ENOENT', 'scandir', w.shown);
  }

  function exists(w: Where): boolean {
    if (w.area === 'tmp') {
      const r = callHost(deps.hostCall, 'fs.exists', [w.abs]);
      return r.ok && r.value === true;
    }
    return w.area === 'task' && (files.isFile(w.abs) || files.isDirectory(w.abs));
  }

  /** /var/task refuses changes to what exists (EROFS); elsewhere outside /tmp: EACCES. */
  function refuseChange(w: Where, syscall: string, missingCode = 'ENOENT'): never {
    if (w.area === 'task') {
      if (!files.isFile(w.abs) && !files.isDirectory(w.abs)) throw uvError(missingCode, syscall, w.shown);
      throw uvError('EROFS', syscall, w.shown);
    }
    throw uvError('EACCES', syscall, w.shown);
  }

  // ---- sync API ----

  function readFileSync(path: unknown, options?: unknown): unknown {
    if (typeof path === 'number') throw notAvailable('fs.readFileSync() with a file descriptor', 'the lab works with paths');
    const enc = encodingOption(options, 'buffer');
    return decoded(readBytes(where(path)), enc);
  }

  function writeFileSync(path: unknown, data: unknown, options?: unknown): void {
    if (typeof path === 'number') throw notAvailable('fs.writeFileSync() with a file descriptor', 'the lab works with paths');
    const w = where(path);
    const enc = encodingOption(options, 'utf8');
    writeBytes(w, dataBytes(data, enc), flagOption(options, 'w'));
  }

  function appendFileSync(path: unknown, data: unknown, options?: unknown): void {
    if (typeof path === 'number') throw notAvailable('fs.appendFileSync() with a file descriptor', 'the lab works with paths');
    const w = where(path);
    const enc = encodingOption(options, 'utf8');
    writeBytes(w, dataBytes(data, enc), flagOption(options, 'a'));
  }

  function existsSync(path: unknown): boolean {
    try {
      return exists(where(path));
    } catch {
      return false;
    }
  }

  function accessSync(path: unknown, mode?: unknown): void {
    const w = where(path);
    statOf(w, 'access');
    if (typeof mode === 'number' && (mode & constants.W_OK) !== 0 && w.area !== 'tmp') throw uvError(w.area === 'task' ? 'EROFS' : 'EACCES', 'access', w.shown);
  }

  function statSync(path: unknown, options?: unknown): Stats | undefined {
    const w = where(path);
    try {
      return statOf(w, 'stat');
    } catch (e) {
      if (typeof options === 'object' && options !== null && (options as { throwIfNoEntry?: unknown }).throwIfNoEntry === false && (e as UvError).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  function lstatSync(path: unknown, options?: unknown): Stats | undefined {
    const w = where(path);
    try {
      return statOf(w, 'lstat');
    } catch (e) {
      if (typeof options === 'object' && options !== null && (options as { throwIfNoEntry?: unknown }).throwIfNoEntry === false && (e as UvError).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  function readdirSync(path: unknown, options?: unknown): unknown[] {
    const w = where(path);
    const enc = encodingOption(options, 'utf8');
    const withTypes = typeof options === 'object' && options !== null && !!(options as { withFileTypes?: unknown }).withFileTypes;
    const recursive = recursiveOption(options);
    const out: unknown[] = [];
    const visit = (dir: Where, prefix: string): void => {
      const list = listDir(dir);
      for (let i = 0; i < list.names.length; i++) {
        const name = list.names[i] as string;
        const isDir = list.dirs[i] === true;
        const rel = prefix === '' ? name : `${prefix}/${name}`;
        const shownName = enc === 'buffer' ? toBuffer(utf8Encode(withTypes ? name : rel)) : withTypes ? name : rel;
        out[out.length] = withTypes ? new Dirent(shownName as string, dir.abs === w.abs ? w.shown : dir.shown, isDir ? 2 : 1) : shownName;
        if (recursive && isDir) {
          const childAbs = `${dir.abs}/${name}`;
          visit({ area: dir.area, abs: childAbs, shown: `${dir.shown}/${name}` }, rel);
        }
      }
    };
    visit(w, '');
    return out;
  }

  function mkdirSync(path: unknown, options?: unknown): string | undefined {
    const w = where(path);
    const recursive = recursiveOption(options);
    if (w.area === 'tmp') {
      const first = host('fs.mkdir', [w.abs, recursive], w.shown) as string | undefined;
      return first === undefined ? undefined : recursive ? first : undefined;
    }
    if (w.area === 'task') {
      if (files.isDirectory(w.abs)) {
        if (recursive) return undefined;
        throw uvError('EEXIST', 'mkdir', w.shown);
      }
      if (files.isFile(w.abs)) throw uvError('EEXIST', 'mkdir', w.shown);
      throw uvError('EROFS', 'mkdir', w.shown);
    }
    throw uvError('EACCES', 'mkdir', w.shown);
  }

  function mkdtempSync(prefix: unknown, _options?: unknown): string {
    if (typeof prefix !== 'string') throw invalidArgType('prefix', 'of type string', prefix);
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const r = new Uint8ArrayCtor(6);
    for (let attempt = 0; attempt < 100; attempt++) {
      services.randomFill(r);
      let suffix = '';
      for (let i = 0; i < 6; i++) suffix += chars[(r[i] as number) % 62] as string;
      const candidate = `${prefix}${suffix}`;
      try {
        mkdirSync(candidate);
        return candidate;
      } catch (e) {
        const u = e as UvError;
        if (u.code !== 'EEXIST') throw uvError(u.code, 'mkdtemp', `${prefix}XXXXXX`);
      }
    }
    throw uvError('EEXIST', 'mkdtemp', `${prefix}XXXXXX`);
  }

  function rmSync(path: unknown, options?: unknown): void {
    const w = where(path);
    const recursive = recursiveOption(options);
    const force = typeof options === 'object' && options !== null && !!(options as { force?: unknown }).force;
    if (w.area === 'tmp') {
      host('fs.rm', [w.abs, recursive, force], w.shown);
      return;
    }
    if (!exists(w)) {
      if (force) return;
      throw uvError('ENOENT', 'lstat', w.shown);
    }
    if (w.area === 'task' && files.isDirectory(w.abs) && !recursive) throw rmIsDirectory(w.shown);
    throw uvError(w.area === 'task' ? 'EROFS' : 'EACCES', 'rm', w.shown);
  }

  function rmdirSync(path: unknown, options?: unknown): void {
    const w = where(path);
    if (w.area === 'tmp') {
      host('fs.rmdir', [w.abs, recursiveOption(options)], w.shown);
      return;
    }
    if (w.area === 'task' && files.isFile(w.abs)) throw uvError('ENOTDIR', 'rmdir', w.shown);
    refuseChange(w, 'rmdir');
  }

  function unlinkSync(path: unknown): void {
    const w = where(path);
    if (w.area === 'tmp') {
      host('fs.unlink', [w.abs], w.shown);
      return;
    }
    if (w.area === 'task' && files.isDirectory(w.abs)) throw uvError('EISDIR', 'unlink', w.shown);
    refuseChange(w, 'unlink');
  }

  function renameSync(oldPath: unknown, newPath: unknown): void {
    const from = where(oldPath, 'oldPath');
    const to = where(newPath, 'newPath');
    if (from.area === 'tmp' && to.area === 'tmp') {
      host('fs.rename', [from.abs, to.abs], from.shown, to.shown);
      return;
    }
    if (from.area === 'none' || to.area === 'none') throw uvError('EACCES', 'rename', from.shown, to.shown);
    if (!exists(from)) throw uvError('ENOENT', 'rename', from.shown, to.shown);
    throw uvError(from.area === to.area ? 'EROFS' : 'EXDEV', 'rename', from.shown, to.shown);
  }

  function copyFileSync(src: unknown, dest: unknown, mode?: unknown): void {
    const from = where(src, 'src');
    const to = where(dest, 'dest');
    const exclusive = typeof mode === 'number' && (mode & constants.COPYFILE_EXCL) !== 0;
    if (from.area === 'tmp' && to.area === 'tmp') {
      host('fs.copyFile', [from.abs, to.abs, exclusive], from.shown, to.shown);
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = readBytes(from);
    } catch (e) {
      const u = e as UvError;
      throw uvError(u.code, 'copyfile', from.shown, to.shown);
    }
    if (to.area !== 'tmp') {
      if (exclusive && exists(to)) throw uvError('EEXIST', 'copyfile', from.shown, to.shown);
      throw uvError(to.area === 'task' ? 'EROFS' : 'EACCES', 'copyfile', from.shown, to.shown);
    }
    try {
      host('fs.writeFile', [to.abs, bytes, exclusive ? 'wx' : 'w'], to.shown);
    } catch (e) {
      const u = e as UvError;
      if (u.code === 'ENOSPC') throw e;
      throw uvError(u.code, 'copyfile', from.shown, to.shown);
    }
  }

  function cpSync(src: unknown, dest: unknown, options?: unknown): void {
    const from = where(src, 'src');
    const to = where(dest, 'dest');
    const st = statOf(from, 'lstat');
    if (st.isDirectory()) {
      if (!recursiveOption(options)) {
        throw systemError('ERR_FS_EISDIR', `Recursive option is required to copy a directory: cp returned EISDIR (${from.shown} is a directory (not copied)) ${from.shown}`, {
          code: 'EISDIR', message: `${from.shown} is a directory (not copied)`, path: from.shown, syscall: 'cp', errno: 21,
        });
      }
      mkdirSync(to.abs, { recursive: true });
      const list = listDir(from);
      for (let i = 0; i < list.names.length; i++) {
        const n = list.names[i] as string;
        cpSync(`${from.abs}/${n}`, `${to.abs}/${n}`, options);
      }
      return;
    }
    const o = (typeof options === 'object' && options !== null ? options : {}) as { force?: unknown; errorOnExist?: unknown };
    if (o.force === false && exists(to)) {
      if (o.errorOnExist) throw systemError('ERR_FS_CP_EEXIST', `Target already exists: cp returned EEXIST (${to.shown} already exists) ${to.shown}`, { code: 'EEXIST', path: to.shown, syscall: 'cp', errno: 17 });
      return;
    }
    copyFileSync(from.abs, to.abs);
  }

  function truncateSync(path: unknown, len: unknown = 0): void {
    if (typeof path === 'number') throw notAvailable('fs.ftruncateSync()', 'the lab works with paths');
    const w = where(path);
    const n = typeof len === 'number' && len > 0 ? MathFloor(len) : 0;
    if (w.area === 'tmp') {
      host('fs.truncate', [w.abs, n], w.shown);
      return;
    }
    if (w.area === 'task' && files.isDirectory(w.abs)) throw uvError('EISDIR', 'open', w.shown);
    refuseChange(w, 'open');
  }

  function realpathSync(path: unknown): string {
    const w = where(path);
    statOf(w, 'lstat');
    return w.abs;
  }
  realpathSync.native = realpathSync;

  function readlinkSync(path: unknown): string {
    const w = where(path);
    statOf(w, 'readlink');
    throw uvError('EINVAL', 'readlink', w.shown);
  }

  /** chmod/chown/utimes: the lab keeps no modes or owners; they only check the path. */
  function metadataNoop(syscall: string) {
    return function (path: unknown): void {
      const w = where(path);
      statOf(w, syscall);
      if (w.area === 'task') throw uvError('EROFS', syscall, w.shown);
    };
  }

  function statfsSync(path: unknown): Record<string, number> {
    const w = where(path);
    statOf(w, 'statfs');
    if (w.area === 'tmp') {
      const u = host('fs.statfs', []) as { limit: number; used: number; entries: number; maxEntries: number };
      const blocks = MathFloor(u.limit / 4096);
      const free = MathMax(0, blocks - ceil(u.used / 4096));
      return { type: 0xef53, bsize: 4096, blocks, bfree: free, bavail: free, files: u.maxEntries, ffree: u.maxEntries - u.entries };
    }
    return { type: 0xef53, bsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0 };
  }

  const sync: Record<string, (...a: unknown[]) => unknown> = {
    readFileSync, writeFileSync, appendFileSync, existsSync, accessSync, statSync, lstatSync, readdirSync, mkdirSync,
    mkdtempSync, rmSync, rmdirSync, unlinkSync, renameSync, copyFileSync, cpSync, truncateSync, realpathSync, readlinkSync,
    statfsSync,
    chmodSync: metadataNoop('chmod'),
    lchmodSync: metadataNoop('lchmod'),
    chownSync: metadataNoop('chown'),
    lchownSync: metadataNoop('lchown'),
    utimesSync: metadataNoop('utime'),
    lutimesSync: metadataNoop('lutime'),
  };

  // ---- callback and promise forms ----

  const syncOnly = (e: unknown): boolean => {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    return code === 'ERR_INVALID_ARG_TYPE' || code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_FEATURE_NOT_AVAILABLE_IN_LAMBDA_LAB';
  };

  function callbackForm(name: string, fn: (...a: unknown[]) => unknown, noResult = false) {
    const f = function (...args: unknown[]): void {
      const cb = args[args.length - 1];
      if (typeof cb !== 'function') throw invalidArgType('cb', 'of type function', cb);
      args.length--;
      let result: unknown;
      let error: unknown = null;
      try {
        result = ReflectApply(fn, undefined, args);
      } catch (e) {
        if (syncOnly(e)) throw e;
        error = e;
      }
      deps.defer(() => {
        if (error !== null) (cb as (e: unknown) => void)(error);
        else if (noResult) (cb as (e: null) => void)(null);
        else (cb as (e: null, v: unknown) => void)(null, result);
      });
    };
    ObjectDefineProperty(f, 'name', { value: name });
    return f;
  }

  function promiseForm(name: string, fn: (...a: unknown[]) => unknown) {
    const f = function (...args: unknown[]): Promise<unknown> {
      return new PromiseCtor((resolve, reject) => {
        try {
          resolve(ReflectApply(fn, undefined, args));
        } catch (e) {
          reject(e);
        }
      });
    };
    ObjectDefineProperty(f, 'name', { value: name });
    return f;
  }

  const ASYNC_NAMES: [string, string, boolean][] = [
    ['readFile', 'readFileSync', false], ['writeFile', 'writeFileSync', true], ['appendFile', 'appendFileSync', true],
    ['access', 'accessSync', true], ['stat', 'statSync', false], ['lstat', 'lstatSync', false], ['readdir', 'readdirSync', false],
    ['mkdir', 'mkdirSync', false], ['mkdtemp', 'mkdtempSync', false], ['rm', 'rmSync', true], ['rmdir', 'rmdirSync', true],
    ['unlink', 'unlinkSync', true], ['rename', 'renameSync', true], ['copyFile', 'copyFileSync', true], ['cp', 'cpSync', true],
    ['truncate', 'truncateSync', true], ['realpath', 'realpathSync', false], ['readlink', 'readlinkSync', false],
    ['statfs', 'statfsSync', false], ['chmod', 'chmodSync', true], ['lchmod', 'lchmodSync', true], ['chown', 'chownSync', true],
    ['lchown', 'lchownSync', true], ['utimes', 'utimesSync', true], ['lutimes', 'lutimesSync', true],
  ];

  const fs: Record<string, unknown> = {};
  const promises: Record<string, unknown> = { constants };
  for (let i = 0; i < ASYNC_NAMES.length; i++) {
    const row = ASYNC_NAMES[i] as [string, string, boolean];
    const name = row[0];
    const syncName = row[1];
    const noResult = row[2];
    const fn = sync[syncName] as (...a: unknown[]) => unknown;
    fs[syncName] = fn;
    fs[name] = callbackForm(name, fn, noResult);
    promises[name] = promiseForm(name, fn);
  }
  fs['existsSync'] = existsSync;
  fs['exists'] = function exists(path: unknown, cb: unknown): void {
    if (typeof cb !== 'function') throw invalidArgType('cb', 'of type function', cb);
    const r = existsSync(path);
    deps.defer(() => (cb as (v: boolean) => void)(r));
  };
  const realpathCb = fs['realpath'] as Record<string, unknown>;
  realpathCb['native'] = fs['realpath'];

  const streams = createStreams({ readBytes: (p) => readBytes(where(p)), writeFile: writeFileSync, appendFile: appendFileSync, defer: deps.defer, EventEmitter: deps.EventEmitter });
  fs['createReadStream'] = streams.createReadStream;
  fs['createWriteStream'] = streams.createWriteStream;

  const unsupported = (name: string, hint: string) => () => {
    throw notAvailable(`fs.${name}()`, hint);
  };
  const FD_HINT = 'the lab works with whole files: use readFile/writeFile/appendFile';
  for (let i = 0; i < FD_FUNCTIONS.length; i++) fs[FD_FUNCTIONS[i] as string] = unsupported(FD_FUNCTIONS[i] as string, FD_HINT);
  for (let i = 0; i < LINK_FUNCTIONS.length; i++) {
    fs[LINK_FUNCTIONS[i] as string] = unsupported(LINK_FUNCTIONS[i] as string, 'links and file watching are not part of the lab\'s file system');
  }
  promises['open'] = unsupported('promises.open', FD_HINT);
  promises['opendir'] = unsupported('promises.opendir', FD_HINT);
  promises['watch'] = unsupported('promises.watch', 'file watching is not part of the lab\'s file system');
  fs['constants'] = constants;
  fs['F_OK'] = 0;
  fs['R_OK'] = 4;
  fs['W_OK'] = 2;
  fs['X_OK'] = 1;
  fs['Stats'] = Stats;
  fs['Dirent'] = Dirent;
  fs['promises'] = promises;
  return { fs, promises };
}


// The runner side of the isolate's one host capability (`__lab_host`): entropy, a clock, and the
// execution environment's /tmp. /tmp lives here, in memory, so it does not count against the
// isolate's heap and survives the isolate being replaced — as Lambda keeps /tmp across a reset.
// Every argument arrives from untrusted code: each op validates types, sizes and paths, confines
// paths to /tmp, never touches the real disk and never throws (plain data out, no host stacks).
import { randomFillSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export interface HostCallsOptions {
  /** The function's ephemeral storage (/tmp) size in bytes. */
  tmpLimitBytes: number;
  /** Most files + directories /tmp may hold (like a file system's inode count). */
  maxEntries?: number;
  /** Wall-clock time in epoch milliseconds, for file times. */
  now?: () => number;
  /** High-resolution epoch milliseconds, for `performance.now()` inside the isolate. */
  preciseNow?: () => number;
  /** Fills a buffer with cryptographically strong random bytes. */
  randomFill?: (bytes: Uint8Array) => void;
}

export interface HostCallError {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
  message: string;
}

export type HostCallResult = { ok: unknown } | { err: HostCallError };

export interface TmpStat {
  kind: 'file' | 'dir';
  size: number;
  ino: number;
  mode: number;
  nlink: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
}

/** Most bytes one `random` call returns (Web Crypto's getRandomValues quota). */
export const MAX_RANDOM_BYTES = 65_536;
const MAX_PATH = 4096;
const MAX_NAME_BYTES = 255;
const DEFAULT_MAX_ENTRIES = 100_000;

const DESCRIPTIONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file already exists',
  EISDIR: 'illegal operation on a directory',
  ENOTDIR: 'not a directory',
  ENOTEMPTY: 'directory not empty',
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
  EINVAL: 'invalid argument',
  ENAMETOOLONG: 'name too long',
  EBUSY: 'resource busy or locked',
  ENOSYS: 'function not implemented',
  EIO: 'i/o error',
};

interface Times {
  ino: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
}
interface FileNode extends Times {
  kind: 'file';
  /** Storage; may be longer than `size` (room for appends). */
  data: Uint8Array;
  size: number;
}
interface DirNode extends Times {
  kind: 'dir';
  children: Map<string, TmpNode>;
}
type TmpNode = FileNode | DirNode;

/** A failed operation, carried as a value (never thrown out of `handle`). */
class OpError {
  constructor(readonly error: HostCallError) {}
}

function fail(code: string, syscall: string, path?: string, dest?: string): never {
  let message = `${code}: ${DESCRIPTIONS[code] ?? 'error'}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  throw new OpError({ code, syscall, ...(path !== undefined ? { path } : {}), ...(dest !== undefined ? { dest } : {}), message });
}

/** A validated path: normalised, and its components below /tmp (undefined when outside /tmp). */
interface TmpPath {
  text: string;
  parts: string[] | undefined;
}

type Access = 'read' | 'write';

export class HostCalls {
  private readonly limit: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly preciseNow: () => number;
  private readonly randomFill: (bytes: Uint8Array) => void;
  private root: DirNode;
  private used = 0;
  private entries = 1;
  private nextIno = 2;
  private readonly ops: Map<string, (args: unknown[]) => unknown>;

  constructor(options: HostCallsOptions) {
    const limit = options.tmpLimitBytes;
    this.limit = Number.isSafeInteger(limit) && limit >= 0 ? limit : 0;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.now = options.now ?? Date.now;
    this.preciseNow = options.preciseNow ?? (() => performance.timeOrigin + performance.now());
    this.randomFill = options.randomFill ?? ((b) => randomFillSync(b));
    this.root = this.newDir();
    this.ops = new Map<string, (args: unknown[]) => unknown>([
      ['random', (a) => this.random(a[0])],
      ['now', () => this.preciseNow()],
      ['fs.readFile', (a) => this.readFile(a[0])],
      ['fs.writeFile', (a) => this.writeFile(a[0], a[1], a[2])],
      ['fs.truncate', (a) => this.truncate(a[0], a[1])],
      ['fs.stat', (a) => this.stat(a[0])],
      ['fs.readdir', (a) => this.readdir(a[0])],
      ['fs.mkdir', (a) => this.mkdir(a[0], a[1])],
      ['fs.rm', (a) => this.rm(a[0], a[1], a[2])],
      ['fs.unlink', (a) => this.unlink(a[0])],
      ['fs.rmdir', (a) => this.rmdir(a[0], a[1])],
      ['fs.rename', (a) => this.rename(a[0], a[1])],
      ['fs.copyFile', (a) => this.copyFile(a[0], a[1], a[2])],
      ['fs.exists', (a) => this.exists(a[0])],
      ['fs.statfs', () => ({ limit: this.limit, used: this.used, entries: this.entries, maxEntries: this.maxEntries })],
    ]);
  }

  /** The one entry point: `{ ok: value }` or `{ err: { code, syscall, path?, message } }`; never throws. */
  handle(op: unknown, args: unknown): HostCallResult {
    try {
      if (typeof op !== 'string' || !Array.isArray(args) || args.length > 8) return { err: this.error('EINVAL', 'hostcall') };
      const fn = this.ops.get(op);
      if (fn === undefined) return { err: this.error('ENOSYS', 'hostcall') };
      return { ok: fn(args) };
    } catch (e) {
      if (e instanceof OpError) return { err: e.error };
      // Anything else is a lab bug: report it without host details.
      return { err: this.error('EIO', 'hostcall') };
    }
  }

  /** Bytes of file data /tmp holds now. */
  get usedBytes(): number {
    return this.used;
  }

  /** Empties /tmp (the environment is gone for good). */
  clear(): void {
    this.root = this.newDir();
    this.used = 0;
    this.entries = 1;
  }

  private error(code: string, syscall: string): HostCallError {
    return { code, syscall, message: `${code}: ${DESCRIPTIONS[code] ?? 'error'}, ${syscall}` };
  }

  // ---- validation ------------------------------------------------------------------------------

  private path(value: unknown, syscall: string): TmpPath {
    if (typeof value !== 'string' || value.length === 0 || value.includes('\0') || value[0] !== '/') fail('EINVAL', syscall);
    if (value.length > MAX_PATH) fail('ENAMETOOLONG', syscall);
    const out: string[] = [];
    for (const seg of value.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else {
        if (Buffer.byteLength(seg, 'utf8') > MAX_NAME_BYTES) fail('ENAMETOOLONG', syscall);
        out.push(seg);
      }
    }
    const text = `/${out.join('/')}`;
    if (out[0] !== 'tmp') return { text, parts: undefined };
    return { text, parts: out.slice(1) };
  }

  /**
   * A path inside /tmp. Outside it, reads fail with ENOENT and writes with EACCES: the lab's
   * file system has nothing else a function could read, and Lambda lets a function write only
   * to /tmp (the isolate answers /var/task itself, read-only).
   */
  private tmpPath(value: unknown, syscall: string, access: Access, dest?: TmpPath): TmpPath & { parts: string[] } {
    const p = this.path(value, syscall);
    if (p.parts === undefined) {
      if (dest !== undefined) fail(access === 'read' ? 'ENOENT' : 'EACCES', syscall, dest.text, p.text);
      fail(access === 'read' ? 'ENOENT' : 'EACCES', syscall, p.text);
    }
    return p as TmpPath & { parts: string[] };
  }

  private bytes(value: unknown, syscall: string): Uint8Array {
    if (!(value instanceof Uint8Array)) fail('EINVAL', syscall);
    return value;
  }

  private flag(value: unknown, syscall: string): boolean {
    if (value === undefined) return false;
    if (typeof value !== 'boolean') fail('EINVAL', syscall);
    return value;
  }

  // ---- tree walking ----------------------------------------------------------------------------

  private newDir(): DirNode {
    const t = this.now();
    return { kind: 'dir', children: new Map(), ino: this.nextIno++, atimeMs: t, mtimeMs: t, ctimeMs: t, birthtimeMs: t };
  }

  private newFile(): FileNode {
    const t = this.now();
    return { kind: 'file', data: new Uint8Array(0), size: 0, ino: this.nextIno++, atimeMs: t, mtimeMs: t, ctimeMs: t, birthtimeMs: t };
  }

  /** The node at `parts`, or undefined; a file in the middle of the path is ENOTDIR. */
  private find(parts: string[], syscall: string, text: string): TmpNode | undefined {
    let node: TmpNode = this.root;
    for (const name of parts) {
      if (node.kind !== 'dir') fail('ENOTDIR', syscall, text);
      const next = node.children.get(name);
      if (next === undefined) return undefined;
      node = next;
    }
    return node;
  }

  /** The directory that holds the last component of `parts` (which must not be /tmp itself). */
  private parentDir(parts: string[], syscall: string, text: string): DirNode {
    const parent = this.find(parts.slice(0, -1), syscall, text);
    if (parent === undefined) fail('ENOENT', syscall, text);
    if (parent.kind !== 'dir') fail('ENOTDIR', syscall, text);
    return parent;
  }

  private touch(node: Times): void {
    const t = this.now();
    node.mtimeMs = t;
    node.ctimeMs = t;
  }

  private reserveEntry(): void {
    if (this.entries >= this.maxEntries) fail('ENOSPC', 'write');
    this.entries++;
  }

  private release(node: TmpNode): void {
    this.entries--;
    if (node.kind === 'file') this.used -= node.size;
    else for (const child of node.children.values()) this.release(child);
  }

  // ---- ops -------------------------------------------------------------------------------------

  private random(n: unknown): Uint8Array {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_RANDOM_BYTES) fail('EINVAL', 'getrandom');
    const out = new Uint8Array(n);
    this.randomFill(out);
    return out;
  }

  private readFile(pathArg: unknown): Uint8Array {
    const p = this.tmpPath(pathArg, 'open', 'read');
    const node = this.find(p.parts, 'open', p.text);
    if (node === undefined) fail('ENOENT', 'open', p.text);
    if (node.kind === 'dir') fail('EISDIR', 'read');
    node.atimeMs = this.now();
    // An exact-size copy: isolated-vm copies a typed array's whole buffer.
    return node.data.slice(0, node.size);
  }

  private writeFile(pathArg: unknown, dataArg: unknown, flagArg: unknown): undefined {
    const p = this.tmpPath(pathArg, 'open', 'write');
    const data = this.bytes(dataArg, 'write');
    if (flagArg !== 'w' && flagArg !== 'a' && flagArg !== 'wx' && flagArg !== 'ax') fail('EINVAL', 'open', p.text);
    if (p.parts.length === 0) fail('EISDIR', 'open', p.text);
    const parent = this.parentDir(p.parts, 'open', p.text);
    const name = p.parts[p.parts.length - 1] as string;
    let file = parent.children.get(name);
    if (file !== undefined) {
      if (flagArg === 'wx' || flagArg === 'ax') fail('EEXIST', 'open', p.text);
      if (file.kind === 'dir') fail('EISDIR', 'open', p.text);
    }
    const append = flagArg === 'a' || flagArg === 'ax';
    const oldSize = file?.size ?? 0;
    const newSize = append ? oldSize + data.length : data.length;
    if (this.used - oldSize + newSize > this.limit) {
      // Like a real disk: the file is created (and truncated) before the write fails.
      if (file === undefined) {
        this.reserveEntry();
        file = this.newFile();
        parent.children.set(name, file);
        this.touch(parent);
      } else if (!append) {
        this.used -= file.size;
        file.size = 0;
        file.data = new Uint8Array(0);
      }
      fail('ENOSPC', 'write');
    }
    if (file === undefined) {
      this.reserveEntry();
      file = this.newFile();
      parent.children.set(name, file);
      this.touch(parent);
    }
    if (append) {
      if (newSize > file.data.length) {
        const grown = new Uint8Array(Math.min(Math.max(newSize, file.data.length * 2, 256), Math.max(newSize, this.limit)));
        grown.set(file.data.subarray(0, file.size));
        file.data = grown;
      }
      file.data.set(data, oldSize);
    } else {
      file.data = new Uint8Array(data);
    }
    file.size = newSize;
    this.used += newSize - oldSize;
    this.touch(file);
    return undefined;
  }

  private truncate(pathArg: unknown, lenArg: unknown): undefined {
    const p = this.tmpPath(pathArg, 'open', 'write');
    if (typeof lenArg !== 'number' || !Number.isSafeInteger(lenArg) || lenArg < 0) fail('EINVAL', 'ftruncate');
    const node = this.find(p.parts, 'open', p.text);
    if (node === undefined) fail('ENOENT', 'open', p.text);
    if (node.kind === 'dir') fail('EISDIR', 'open', p.text);
    if (this.used - node.size + lenArg > this.limit) fail('ENOSPC', 'write');
    const data = new Uint8Array(lenArg);
    data.set(node.data.subarray(0, Math.min(node.size, lenArg)));
    this.used += lenArg - node.size;
    node.data = data;
    node.size = lenArg;
    this.touch(node);
    return undefined;
  }

  private stat(pathArg: unknown): TmpStat {
    const p = this.tmpPath(pathArg, 'stat', 'read');
    const node = this.find(p.parts, 'stat', p.text);
    if (node === undefined) fail('ENOENT', 'stat', p.text);
    const isRoot = p.parts.length === 0;
    return {
      kind: node.kind,
      size: node.kind === 'file' ? node.size : 4096,
      ino: node.ino,
      mode: node.kind === 'file' ? 0o100644 : isRoot ? 0o41777 : 0o40755,
      nlink: node.kind === 'file' ? 1 : 2,
      atimeMs: node.atimeMs,
      mtimeMs: node.mtimeMs,
      ctimeMs: node.ctimeMs,
      birthtimeMs: node.birthtimeMs,
    };
  }

  private readdir(pathArg: unknown): { names: string[]; dirs: boolean[] } {
    const p = this.tmpPath(pathArg, 'scandir', 'read');
    const node = this.find(p.parts, 'scandir', p.text);
    if (node === undefined) fail('ENOENT', 'scandir', p.text);
    if (node.kind !== 'dir') fail('ENOTDIR', 'scandir', p.text);
    const names = [...node.children.keys()].sort();
    return { names, dirs: names.map((n) => node.children.get(n)?.kind === 'dir') };
  }

  /** Returns the first directory created (recursive), like Node. */
  private mkdir(pathArg: unknown, recursiveArg: unknown): string | undefined {
    const p = this.tmpPath(pathArg, 'mkdir', 'write');
    const recursive = this.flag(recursiveArg, 'mkdir');
    if (!recursive) {
      if (p.parts.length === 0) fail('EEXIST', 'mkdir', p.text);
      const parent = this.parentDir(p.parts, 'mkdir', p.text);
      const name = p.parts[p.parts.length - 1] as string;
      if (parent.children.has(name)) fail('EEXIST', 'mkdir', p.text);
      this.reserveEntry();
      parent.children.set(name, this.newDir());
      this.touch(parent);
      return undefined;
    }
    let dir = this.root;
    let first: string | undefined;
    for (let i = 0; i < p.parts.length; i++) {
      const name = p.parts[i] as string;
      const next = dir.children.get(name);
      if (next === undefined) {
        this.reserveEntry();
        const made = this.newDir();
        dir.children.set(name, made);
        this.touch(dir);
        first ??= `/tmp/${p.parts.slice(0, i + 1).join('/')}`;
        dir = made;
      } else if (next.kind === 'file') {
        fail(i === p.parts.length - 1 ? 'EEXIST' : 'ENOTDIR', 'mkdir', p.text);
      } else dir = next;
    }
    return first;
  }

  private rm(pathArg: unknown, recursiveArg: unknown, forceArg: unknown): undefined {
    const p = this.tmpPath(pathArg, 'rm', 'write');
    const recursive = this.flag(recursiveArg, 'rm');
    const force = this.flag(forceArg, 'rm');
    let node: TmpNode | undefined;
    try {
      node = this.find(p.parts, 'lstat', p.text);
    } catch (e) {
      if (force && e instanceof OpError && e.error.code === 'ENOTDIR') return undefined;
      throw e;
    }
    if (node === undefined) {
      if (force) return undefined;
      fail('ENOENT', 'lstat', p.text);
    }
    if (node.kind === 'dir' && !recursive) {
      throw new OpError({
        code: 'ERR_FS_EISDIR',
        syscall: 'rm',
        path: p.text,
        message: `Path is a directory: rm returned EISDIR (is a directory) ${p.text}`,
      });
    }
    if (p.parts.length === 0) {
      // /tmp is a mount point: its contents go, the directory stays (as on Linux).
      for (const child of this.root.children.values()) this.release(child);
      this.root.children.clear();
      this.touch(this.root);
      fail('EBUSY', 'rm', p.text);
    }
    const parent = this.parentDir(p.parts, 'rm', p.text);
    this.release(node);
    parent.children.delete(p.parts[p.parts.length - 1] as string);
    this.touch(parent);
    return undefined;
  }

  private unlink(pathArg: unknown): undefined {
    const p = this.tmpPath(pathArg, 'unlink', 'write');
    const node = this.find(p.parts, 'unlink', p.text);
    if (node === undefined) fail('ENOENT', 'unlink', p.text);
    if (node.kind === 'dir') fail('EISDIR', 'unlink', p.text);
    const parent = this.parentDir(p.parts, 'unlink', p.text);
    this.release(node);
    parent.children.delete(p.parts[p.parts.length - 1] as string);
    this.touch(parent);
    return undefined;
  }

  private rmdir(pathArg: unknown, recursiveArg: unknown): undefined {
    const p = this.tmpPath(pathArg, 'rmdir', 'write');
    const recursive = this.flag(recursiveArg, 'rmdir');
    const node = this.find(p.parts, 'rmdir', p.text);
    if (node === undefined) fail('ENOENT', 'rmdir', p.text);
    if (node.kind !== 'dir') fail('ENOTDIR', 'rmdir', p.text);
    if (node.children.size > 0 && !recursive) fail('ENOTEMPTY', 'rmdir', p.text);
    if (p.parts.length === 0) fail('EBUSY', 'rmdir', p.text);
    const parent = this.parentDir(p.parts, 'rmdir', p.text);
    this.release(node);
    parent.children.delete(p.parts[p.parts.length - 1] as string);
    this.touch(parent);
    return undefined;
  }

  private rename(fromArg: unknown, toArg: unknown): undefined {
    const fromPath = this.path(fromArg, 'rename');
    const to = this.tmpPath(toArg, 'rename', 'write', fromPath);
    const from = this.tmpPath(fromArg, 'rename', 'write', undefined);
    const at = (code: string): never => fail(code, 'rename', from.text, to.text);
    const node = this.find(from.parts, 'rename', from.text);
    if (node === undefined) at('ENOENT');
    if (from.parts.length === 0 || to.parts.length === 0) at('EBUSY');
    const source = node as TmpNode;
    const fromParent = this.parentDir(from.parts, 'rename', from.text);
    const toParent = this.find(to.parts.slice(0, -1), 'rename', to.text);
    if (toParent === undefined) at('ENOENT');
    if ((toParent as TmpNode).kind !== 'dir') at('ENOTDIR');
    if (from.text === to.text) return undefined;
    if (source.kind === 'dir' && to.text.startsWith(`${from.text}/`)) at('EINVAL');
    const destDir = toParent as DirNode;
    const name = to.parts[to.parts.length - 1] as string;
    const existing = destDir.children.get(name);
    if (existing !== undefined) {
      if (source.kind === 'dir' && existing.kind === 'file') at('ENOTDIR');
      if (source.kind === 'file' && existing.kind === 'dir') at('EISDIR');
      if (existing.kind === 'dir' && existing.children.size > 0) at('ENOTEMPTY');
      this.release(existing);
    }
    fromParent.children.delete(from.parts[from.parts.length - 1] as string);
    destDir.children.set(name, source);
    this.touch(fromParent);
    this.touch(destDir);
    source.ctimeMs = this.now();
    return undefined;
  }

  private copyFile(fromArg: unknown, toArg: unknown, exclusiveArg: unknown): undefined {
    const fromPath = this.path(fromArg, 'copyfile');
    const to = this.tmpPath(toArg, 'copyfile', 'write', fromPath);
    const from = this.tmpPath(fromArg, 'copyfile', 'read', undefined);
    const exclusive = this.flag(exclusiveArg, 'copyfile');
    const at = (code: string): never => fail(code, 'copyfile', from.text, to.text);
    const source = this.find(from.parts, 'copyfile', from.text);
    if (source === undefined) at('ENOENT');
    if ((source as TmpNode).kind === 'dir') at('EISDIR');
    const file = source as FileNode;
    if (to.parts.length === 0) at('EISDIR');
    const destDir = this.find(to.parts.slice(0, -1), 'copyfile', to.text);
    if (destDir === undefined) at('ENOENT');
    if ((destDir as TmpNode).kind !== 'dir') at('ENOTDIR');
    const dir = destDir as DirNode;
    const name = to.parts[to.parts.length - 1] as string;
    const existing = dir.children.get(name);
    if (existing !== undefined) {
      if (exclusive) at('EEXIST');
      if (existing.kind === 'dir') at('EISDIR');
      if (existing === file) return undefined;
    }
    const oldSize = existing?.kind === 'file' ? existing.size : 0;
    if (this.used - oldSize + file.size > this.limit) fail('ENOSPC', 'write');
    let target = existing as FileNode | undefined;
    if (target === undefined) {
      this.reserveEntry();
      target = this.newFile();
      dir.children.set(name, target);
      this.touch(dir);
    }
    target.data = file.data.slice(0, file.size);
    target.size = file.size;
    this.used += file.size - oldSize;
    this.touch(target);
    return undefined;
  }

  private exists(pathArg: unknown): boolean {
    let p: TmpPath;
    try {
      p = this.path(pathArg, 'access');
    } catch {
      return false;
    }
    if (p.parts === undefined) return false;
    try {
      return this.find(p.parts, 'access', p.text) !== undefined;
    } catch {
      return false;
    }
  }
}


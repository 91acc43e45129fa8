// Node's file-system error objects: libuv errors (`ENOENT: no such file or directory, open '/tmp/x'`
// with errno/code/syscall/path/dest) and the SystemError Node throws for rm() of a directory.
import { ErrorCtor, ObjectDefineProperty, StringCtor } from '../intrinsics.ts';
import type { HostError } from './host.ts';

const UV: Record<string, [number, string]> = {
  __proto__: null as unknown as [number, string],
  EPERM: [-1, 'operation not permitted'],
  ENOENT: [-2, 'no such file or directory'],
  EIO: [-5, 'i/o error'],
  EBADF: [-9, 'bad file descriptor'],
  EACCES: [-13, 'permission denied'],
  EBUSY: [-16, 'resource busy or locked'],
  EEXIST: [-17, 'file already exists'],
  EXDEV: [-18, 'cross-device link not permitted'],
  ENOTDIR: [-20, 'not a directory'],
  EISDIR: [-21, 'illegal operation on a directory'],
  EINVAL: [-22, 'invalid argument'],
  ENOSPC: [-28, 'no space left on device'],
  EROFS: [-30, 'read-only file system'],
  ENAMETOOLONG: [-36, 'name too long'],
  ENOSYS: [-38, 'function not implemented'],
  ENOTEMPTY: [-39, 'directory not empty'],
};

export interface UvError extends Error {
  errno: number;
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

/** Node's libuv error: `ENOENT: no such file or directory, open '/tmp/x'` plus errno/code/syscall/path. */
export function uvError(code: string, syscall: string, path?: string, dest?: string): UvError {
  const entry = UV[code];
  const errno = entry === undefined ? -5 : entry[0];
  const description = entry === undefined ? 'i/o error' : entry[1];
  let message = `${code}: ${description}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const e = new ErrorCtor(message) as UvError;
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  if (path !== undefined) e.path = path;
  if (dest !== undefined) e.dest = dest;
  return e;
}

export function systemError(code: string, message: string, info: Record<string, unknown>): Error {
  const e = new ErrorCtor(message) as Error & Record<string, unknown>;
  ObjectDefineProperty(e, 'name', { value: `SystemError [${code}]`, configurable: true, writable: true, enumerable: false });
  void e.stack;
  ObjectDefineProperty(e, 'name', { value: 'SystemError', configurable: true, writable: true, enumerable: false });
  e['code'] = code;
  e['info'] = info;
  e['errno'] = info['errno'];
  e['syscall'] = info['syscall'];
  e['path'] = info['path'];
  return e;
}

export function rmIsDirectory(path: string): Error {
  return systemError('ERR_FS_EISDIR', `Path is a directory: rm returned EISDIR (is a directory) ${path}`, {
    code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21,
  });
}

/** A host error, shown with the paths as the caller wrote them. */
export function fromHost(e: HostError, shown?: string, shownDest?: string, syscall?: string): Error {
  if (e.code === 'ERR_FS_EISDIR') return rmIsDirectory(shown ?? StringCtor(e.path));
  return uvError(e.code, syscall ?? e.syscall, e.path !== undefined ? shown : undefined, e.dest !== undefined ? shownDest : undefined);
}

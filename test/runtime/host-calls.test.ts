// HostCalls: the runner side of `__lab_host`. Every argument is hostile until validated; /tmp
// lives in memory, confined, limited to the ephemeral storage size, with Node's error shapes.
import { describe, expect, it } from 'vitest';
import { HostCalls, MAX_RANDOM_BYTES, type HostCallResult } from '../../sandbox/runtime/host-calls.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (r: HostCallResult): string => new TextDecoder().decode(ok(r) as Uint8Array);

function ok(r: HostCallResult): unknown {
  if (!('ok' in r)) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.ok;
}
function err(r: HostCallResult) {
  if (!('err' in r)) throw new Error(`expected err, got ${JSON.stringify(r)}`);
  return r.err;
}

function fresh(limit = 1024 * 1024, extra: Partial<ConstructorParameters<typeof HostCalls>[0]> = {}): HostCalls {
  let t = 1_700_000_000_000;
  return new HostCalls({ tmpLimitBytes: limit, now: () => t++, ...extra });
}

describe('HostCalls: the call boundary', () => {
  it('rejects unknown ops, non-string ops and non-array arguments with plain error data', () => {
    const h = fresh();
    expect(err(h.handle('fs.format', []))).toEqual({ code: 'ENOSYS', syscall: 'hostcall', message: 'ENOSYS: function not implemented, hostcall' });
    expect(err(h.handle(42, []))).toMatchObject({ code: 'EINVAL' });
    expect(err(h.handle('fs.readFile', 'not-an-array'))).toMatchObject({ code: 'EINVAL' });
    expect(err(h.handle('fs.readFile', new Array(20).fill('/tmp/x')))).toMatchObject({ code: 'EINVAL' });
    expect(err(h.handle('__proto__', []))).toMatchObject({ code: 'ENOSYS' });
    expect(err(h.handle('constructor', []))).toMatchObject({ code: 'ENOSYS' });
  });

  it('validates argument types of every fs op without throwing', () => {
    const h = fresh();
    const hostile: unknown[] = [undefined, null, 1, {}, [], { toString: () => '/tmp/x' }, Symbol('s'), () => '/tmp/x', 10n];
    const ops = ['fs.readFile', 'fs.writeFile', 'fs.truncate', 'fs.stat', 'fs.readdir', 'fs.mkdir', 'fs.rm', 'fs.unlink', 'fs.rmdir', 'fs.rename', 'fs.copyFile', 'fs.exists', 'random'];
    for (const op of ops) {
      for (const a of hostile) {
        const r = h.handle(op, [a, a, a]);
        expect(r).toBeTypeOf('object');
        if ('err' in r) {
          expect(typeof r.err.code).toBe('string');
          expect(r.err.message).not.toMatch(/\/work|node_modules|at /);
        } else expect(['fs.exists', 'random']).toContain(op);
      }
    }
    expect(err(h.handle('fs.writeFile', ['/tmp/a', 'a string, not bytes', 'w']))).toMatchObject({ code: 'EINVAL' });
    expect(err(h.handle('fs.writeFile', ['/tmp/a', bytes('x'), 'r+']))).toMatchObject({ code: 'EINVAL' });
    expect(err(h.handle('fs.mkdir', ['/tmp/a', 'yes']))).toMatchObject({ code: 'EINVAL' });
  });

  it('confines paths to /tmp: traversal, relative paths, NUL bytes and long names', () => {
    const h = fresh();
    expect(err(h.handle('fs.readFile', ['/tmp/../etc/passwd']))).toEqual({
      code: 'ENOENT', syscall: 'open', path: '/etc/passwd', message: "ENOENT: no such file or directory, open '/etc/passwd'",
    });
    expect(err(h.handle('fs.writeFile', ['/tmp/../../var/task/index.js', bytes('x'), 'w']))).toMatchObject({ code: 'EACCES', path: '/var/task/index.js' });
    expect(err(h.handle('fs.writeFile', ['tmp/relative', bytes('x'), 'w']))).toMatchObject({ code: 'EINVAL' });
    expect(err(h.handle('fs.writeFile', ['/tmp/a\0b', bytes('x'), 'w']))).toMatchObject({ code: 'EINVAL' });
    expect(err(h.handle('fs.writeFile', [`/tmp/${'x'.repeat(256)}`, bytes('x'), 'w']))).toMatchObject({ code: 'ENAMETOOLONG' });
    expect(err(h.handle('fs.stat', [`/tmp/${'a/'.repeat(3000)}`]))).toMatchObject({ code: 'ENAMETOOLONG' });
    expect(err(h.handle('fs.rename', ['/tmp/a', '/tmp/../etc/x']))).toMatchObject({ code: 'EACCES', path: '/tmp/a', dest: '/etc/x' });
    expect(ok(h.handle('fs.exists', ['/tmp/../tmp']))).toBe(true);
    expect(ok(h.handle('fs.exists', ['/etc']))).toBe(false);
    // Normalised paths inside /tmp work.
    ok(h.handle('fs.writeFile', ['/tmp/./sub/../f.txt', bytes('hi'), 'w']));
    expect(text(h.handle('fs.readFile', ['//tmp//f.txt']))).toBe('hi');
  });

  it('treats __proto__ and other special names as plain file names', () => {
    const h = fresh();
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
      ok(h.handle('fs.writeFile', [`/tmp/${name}`, bytes(name), 'w']));
      expect(text(h.handle('fs.readFile', [`/tmp/${name}`]))).toBe(name);
    }
    ok(h.handle('fs.mkdir', ['/tmp/__proto__dir/__proto__', true]));
    expect(ok(h.handle('fs.readdir', ['/tmp']))).toEqual({
      names: ['__proto__', '__proto__dir', 'constructor', 'hasOwnProperty', 'toString'],
      dirs: [false, true, false, false, false],
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('__proto__dir');
  });

  it('gives random bytes within the Web Crypto quota', () => {
    const h = fresh(0, { randomFill: (b) => b.fill(7) });
    expect(ok(h.handle('random', [4]))).toEqual(new Uint8Array([7, 7, 7, 7]));
    expect((ok(h.handle('random', [MAX_RANDOM_BYTES])) as Uint8Array).length).toBe(65_536);
    for (const n of [65_537, -1, 1.5, Number.NaN, '16', 2 ** 40]) expect(err(h.handle('random', [n]))).toMatchObject({ code: 'EINVAL' });
    const real = new HostCalls({ tmpLimitBytes: 0 });
    expect(ok(real.handle('random', [32]))).not.toEqual(ok(real.handle('random', [32])));
  });

  it('gives a high-resolution clock', () => {
    const v = ok(fresh().handle('now', []));
    expect(typeof v).toBe('number');
    expect(Math.abs((v as number) - Date.now())).toBeLessThan(5_000);
  });
});

describe('HostCalls: /tmp', () => {
  it('writes, appends, reads, stats and lists files', () => {
    const h = fresh();
    ok(h.handle('fs.writeFile', ['/tmp/a.txt', bytes('hello'), 'w']));
    ok(h.handle('fs.writeFile', ['/tmp/a.txt', bytes(' world'), 'a']));
    expect(text(h.handle('fs.readFile', ['/tmp/a.txt']))).toBe('hello world');
    expect(ok(h.handle('fs.stat', ['/tmp/a.txt']))).toMatchObject({ kind: 'file', size: 11, mode: 0o100644 });
    expect(ok(h.handle('fs.stat', ['/tmp']))).toMatchObject({ kind: 'dir', mode: 0o41777 });
    expect(h.usedBytes).toBe(11);
    expect(err(h.handle('fs.writeFile', ['/tmp/a.txt', bytes('x'), 'wx']))).toMatchObject({ code: 'EEXIST', syscall: 'open' });
    expect(err(h.handle('fs.readFile', ['/tmp']))).toEqual({ code: 'EISDIR', syscall: 'read', message: 'EISDIR: illegal operation on a directory, read' });
    expect(err(h.handle('fs.writeFile', ['/tmp/missing/a.txt', bytes('x'), 'w']))).toMatchObject({ code: 'ENOENT', syscall: 'open', path: '/tmp/missing/a.txt' });
    expect(err(h.handle('fs.writeFile', ['/tmp/a.txt/b', bytes('x'), 'w']))).toMatchObject({ code: 'ENOTDIR' });
    expect(err(h.handle('fs.readdir', ['/tmp/a.txt']))).toMatchObject({ code: 'ENOTDIR', syscall: 'scandir' });
    ok(h.handle('fs.truncate', ['/tmp/a.txt', 5]));
    expect(text(h.handle('fs.readFile', ['/tmp/a.txt']))).toBe('hello');
    expect(h.usedBytes).toBe(5);
  });

  it('creates and removes directories like Node (recursive, ENOTEMPTY, ERR_FS_EISDIR)', () => {
    const h = fresh();
    expect(ok(h.handle('fs.mkdir', ['/tmp/a/b/c', true]))).toBe('/tmp/a');
    expect(ok(h.handle('fs.mkdir', ['/tmp/a/b/c', true]))).toBeUndefined();
    expect(err(h.handle('fs.mkdir', ['/tmp/a', false]))).toMatchObject({ code: 'EEXIST', syscall: 'mkdir', path: '/tmp/a' });
    expect(err(h.handle('fs.mkdir', ['/tmp/x/y', false]))).toMatchObject({ code: 'ENOENT', syscall: 'mkdir' });
    ok(h.handle('fs.writeFile', ['/tmp/a/b/c/f', bytes('123'), 'w']));
    expect(err(h.handle('fs.rmdir', ['/tmp/a', false]))).toMatchObject({ code: 'ENOTEMPTY', syscall: 'rmdir' });
    expect(err(h.handle('fs.unlink', ['/tmp/a']))).toMatchObject({ code: 'EISDIR', syscall: 'unlink' });
    expect(err(h.handle('fs.rm', ['/tmp/a', false, false]))).toEqual({
      code: 'ERR_FS_EISDIR', syscall: 'rm', path: '/tmp/a', message: 'Path is a directory: rm returned EISDIR (is a directory) /tmp/a',
    });
    expect(err(h.handle('fs.rm', ['/tmp/nope', false, false]))).toMatchObject({ code: 'ENOENT', syscall: 'lstat' });
    expect(ok(h.handle('fs.rm', ['/tmp/nope', false, true]))).toBeUndefined();
    ok(h.handle('fs.rm', ['/tmp/a', true, false]));
    expect(h.usedBytes).toBe(0);
    expect(ok(h.handle('fs.exists', ['/tmp/a']))).toBe(false);
    expect(err(h.handle('fs.rmdir', ['/tmp', false]))).toMatchObject({ code: 'EBUSY' });
  });

  it('renames and copies with Linux semantics', () => {
    const h = fresh();
    ok(h.handle('fs.writeFile', ['/tmp/f', bytes('data'), 'w']));
    ok(h.handle('fs.mkdir', ['/tmp/d', false]));
    expect(err(h.handle('fs.rename', ['/tmp/f', '/tmp/d']))).toMatchObject({ code: 'EISDIR', path: '/tmp/f', dest: '/tmp/d' });
    expect(err(h.handle('fs.rename', ['/tmp/d', '/tmp/f']))).toMatchObject({ code: 'ENOTDIR' });
    expect(err(h.handle('fs.rename', ['/tmp/d', '/tmp/d/inner']))).toMatchObject({ code: 'EINVAL' });
    expect(err(h.handle('fs.rename', ['/tmp/none', '/tmp/x']))).toEqual({
      code: 'ENOENT', syscall: 'rename', path: '/tmp/none', dest: '/tmp/x', message: "ENOENT: no such file or directory, rename '/tmp/none' -> '/tmp/x'",
    });
    ok(h.handle('fs.rename', ['/tmp/f', '/tmp/d/g']));
    expect(text(h.handle('fs.readFile', ['/tmp/d/g']))).toBe('data');
    ok(h.handle('fs.copyFile', ['/tmp/d/g', '/tmp/copy', false]));
    expect(err(h.handle('fs.copyFile', ['/tmp/d/g', '/tmp/copy', true]))).toMatchObject({ code: 'EEXIST', syscall: 'copyfile' });
    expect(err(h.handle('fs.copyFile', ['/tmp/d', '/tmp/copy2', false]))).toMatchObject({ code: 'EISDIR', syscall: 'copyfile' });
    expect(text(h.handle('fs.readFile', ['/tmp/copy']))).toBe('data');
    expect(h.usedBytes).toBe(8);
  });

  it('enforces the ephemeral storage size with ENOSPC', () => {
    const h = fresh(10);
    ok(h.handle('fs.writeFile', ['/tmp/a', bytes('12345678'), 'w']));
    expect(err(h.handle('fs.writeFile', ['/tmp/a', bytes('abc'), 'a']))).toEqual({ code: 'ENOSPC', syscall: 'write', message: 'ENOSPC: no space left on device, write' });
    expect(text(h.handle('fs.readFile', ['/tmp/a']))).toBe('12345678');
    expect(err(h.handle('fs.copyFile', ['/tmp/a', '/tmp/b', false]))).toMatchObject({ code: 'ENOSPC' });
    // Overwriting frees the old contents first.
    ok(h.handle('fs.writeFile', ['/tmp/a', bytes('0123456789'), 'w']));
    expect(h.usedBytes).toBe(10);
    expect(err(h.handle('fs.truncate', ['/tmp/a', 1e9]))).toMatchObject({ code: 'ENOSPC' });
    const big = new Uint8Array(64 * 1024 * 1024);
    expect(err(h.handle('fs.writeFile', ['/tmp/big', big, 'w']))).toMatchObject({ code: 'ENOSPC' });
    expect(h.usedBytes).toBe(10);
  });

  it('limits how many entries /tmp holds', () => {
    const h = fresh(1024, { maxEntries: 5 });
    for (let i = 0; i < 4; i++) ok(h.handle('fs.writeFile', [`/tmp/${i}`, new Uint8Array(0), 'w']));
    expect(err(h.handle('fs.mkdir', ['/tmp/more', false]))).toMatchObject({ code: 'ENOSPC' });
    ok(h.handle('fs.unlink', ['/tmp/0']));
    ok(h.handle('fs.mkdir', ['/tmp/more', false]));
  });

  it('keeps appends cheap and exact', () => {
    const h = fresh(1024 * 1024);
    for (let i = 0; i < 1000; i++) ok(h.handle('fs.writeFile', ['/tmp/log', bytes(`${i}\n`), 'a']));
    const all = text(h.handle('fs.readFile', ['/tmp/log']));
    expect(all.split('\n').length).toBe(1001);
    expect((ok(h.handle('fs.readFile', ['/tmp/log'])) as Uint8Array).buffer.byteLength).toBe(all.length);
  });

  it('copies data in and out, so callers cannot alias the stored file', () => {
    const h = fresh();
    const data = bytes('abc');
    ok(h.handle('fs.writeFile', ['/tmp/a', data, 'w']));
    data[0] = 0x7a;
    const read = ok(h.handle('fs.readFile', ['/tmp/a'])) as Uint8Array;
    read[1] = 0x7a;
    expect(text(h.handle('fs.readFile', ['/tmp/a']))).toBe('abc');
  });

  it('clear() empties /tmp', () => {
    const h = fresh();
    ok(h.handle('fs.writeFile', ['/tmp/a', bytes('abc'), 'w']));
    h.clear();
    expect(ok(h.handle('fs.exists', ['/tmp/a']))).toBe(false);
    expect(h.usedBytes).toBe(0);
  });
});

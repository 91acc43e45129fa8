// Memory: bombs of every shape. A clean limit error ends the invocation as Lambda would; what
// V8 cannot survive (isolated-vm's catastrophic error handler) aborts the runner, which the host
// respawns. WebAssembly, whose memory bypasses the isolate's limit, is not available at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecurityLab } from './harness.ts';

let s: SecurityLab;
beforeAll(async () => {
  s = await SecurityLab.start();
});
afterAll(async () => {
  await s.close();
});

const OOM = { status: 'error', errorType: 'Runtime.OutOfMemory' } as const;

describe.concurrent('memory bombs the isolate survives', () => {
  it('a bomb of flattened strings ends as Runtime.OutOfMemory', async ({ expect }) => {
    // A generous timeout: near the limit V8 spends its time in last-resort GCs.
    const inv = await s.attack({ code: `export const handler = async () => { const keep = []; for (let i = 0; ; i++) keep.push('y'.repeat(1 << 20) + i); };`, config: { timeoutSeconds: 5 } });
    await s.verdict(expect, inv, OOM, 5);
    expect(inv.record.maxMemoryUsedMB).toBe(128);
  });

  it('doubling a string until it is too long ends as a RangeError', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { let s = 'x'; while (true) s += s; };` });
    await s.verdict(expect, inv, { status: 'error', errorType: ['RangeError', 'Runtime.OutOfMemory'] });
  });

  it('an array bomb ends as Runtime.OutOfMemory', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { const a = []; for (;;) a.push(new Array(1e5).fill(1.5)); };` });
    await s.verdict(expect, inv, OOM);
  });

  it('ArrayBuffers count against the memory limit', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { const keep = []; for (let i = 0; i < 64; i++) keep.push(new ArrayBuffer(16 * 1024 * 1024)); return keep.length; };` });
    await s.verdict(expect, inv, { status: 'error', errorType: ['RangeError', 'Runtime.OutOfMemory'] });
  });

  it('SharedArrayBuffers count against the memory limit', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { const keep = []; for (let i = 0; i < 64; i++) keep.push(new SharedArrayBuffer(16 * 1024 * 1024)); return keep.length; };` });
    await s.verdict(expect, inv, { status: 'error', errorType: ['RangeError', 'Runtime.OutOfMemory'] });
  });

  it('a single 4 GiB ArrayBuffer is refused', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => new ArrayBuffer(2 ** 32).byteLength;` });
    await s.verdict(expect, inv, { status: 'error', errorType: ['RangeError', 'Runtime.OutOfMemory'] });
  });

  it('deep recursion ends as RangeError: Maximum call stack size exceeded', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { const f = (n) => f(n + 1) + 1; return f(0); };` });
    await s.verdict(expect, inv, { status: 'error', errorType: 'RangeError' });
    expect(inv.record.error?.errorMessage).toBe('Maximum call stack size exceeded');
  });

  it('a result nested a million levels deep ends as an error, not a crash', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { let a = []; for (let i = 0; i < 1e6; i++) a = [a]; return a; };`, config: { timeoutSeconds: 5 } });
    await s.verdict(expect, inv, { status: 'error', errorType: ['Runtime.JSONStringifyError', 'RangeError'] }, 5);
  });

  it('WebAssembly, whose memory would bypass the limit, is unavailable by every route', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => [typeof WebAssembly, typeof globalThis.WebAssembly, (0, eval)('typeof WebAssembly'),
        Function('return typeof WebAssembly')(), (async () => {}).constructor('return typeof WebAssembly') instanceof Function,
        Object.getOwnPropertyNames(globalThis).includes('WebAssembly'),
        (() => { try { return typeof new (Function('return this')().WebAssembly.Memory)({ initial: 1 }); } catch { return 'no Memory'; } })()];`,
    });
    await s.verdict(expect, inv, { status: 'success' });
    expect(JSON.parse(inv.record.response ?? '[]')).toEqual(['undefined', 'undefined', 'undefined', 'undefined', true, false, 'no Memory']);
  });

  it('memory leaked across warm invocations ends in Runtime.OutOfMemory, and the next invocation starts afresh', async ({ expect }) => {
    const name = await s.deploy({ code: `const keep = []; export const handler = async () => { for (let i = 0; i < 40; i++) keep.push(new Array(1e5).fill(i + 0.5)); return keep.length; };` });
    let oomAt = -1;
    for (let i = 0; i < 8 && oomAt < 0; i++) {
      const inv = await s.invoke(name);
      if (inv.record.status !== 'success') {
        oomAt = i;
        await s.verdict(expect, inv, OOM);
      }
    }
    expect(oomAt, 'the leak hits the limit within 8 invocations').toBeGreaterThan(0);
    const fresh = await s.invoke(name);
    await s.verdict(expect, fresh, { status: 'success' });
    expect(fresh.record.coldStart).toBe(true);
    expect(fresh.record.response).toBe('40');
  });
});

describe('/tmp bombs: ephemeral storage lives in the runner\'s memory (sequential)', () => {
  it('filling /tmp stops with ENOSPC at the ephemeral storage size', async () => {
    const inv = await s.attack({
      code: {
        'index.js': `exports.handler = async () => {
          const fs = require('fs'); const chunk = new Uint8Array(16 * 1024 * 1024).fill(1); let n = 0;
          try { for (let i = 0; i < 100; i++) { fs.appendFileSync('/tmp/fill', chunk); n++; } return { code: 'no limit', mb: n * 16 }; }
          catch (e) { return { code: e.code, mb: n * 16 }; }
        };`,
      },
      config: { handler: 'index.handler', timeoutSeconds: 5 },
    });
    await s.verdict(expect, inv, { status: 'success' }, 5);
    const out = JSON.parse(inv.record.response ?? '{}') as { code: string; mb: number };
    expect(out.code).toBe('ENOSPC');
    expect(out.mb).toBeLessThanOrEqual(512);
  });

  it('a flood of empty files and directories in /tmp stops with ENOSPC', async () => {
    const inv = await s.attack({
      code: {
        'index.js': `exports.handler = async () => {
          const fs = require('fs'); let n = 0;
          try { for (let i = 0; i < 300000; i++) { if (i % 2) fs.writeFileSync('/tmp/f' + i, ''); else fs.mkdirSync('/tmp/d' + i); n++; } return { code: 'no limit', n }; }
          catch (e) { return { code: e.code, n }; }
        };`,
      },
      config: { handler: 'index.handler', timeoutSeconds: 10 },
    });
    await s.verdict(expect, inv, { status: 'success' }, 10);
    expect(JSON.parse(inv.record.response ?? '{}')).toMatchObject({ code: 'ENOSPC' });
  });

  it('reading back a /tmp file larger than the function\'s memory ends as an out-of-memory error', async () => {
    const inv = await s.attack({
      code: {
        'index.js': `exports.handler = async () => {
          const fs = require('fs'); const chunk = new Uint8Array(64 * 1024 * 1024).fill(2);
          for (let i = 0; i < 5; i++) fs.appendFileSync('/tmp/big', chunk);
          return fs.readFileSync('/tmp/big').length;
        };`,
      },
      config: { handler: 'index.handler', timeoutSeconds: 10 },
    });
    await s.verdict(expect, inv, { status: 'error', errorType: ['Runtime.OutOfMemory', 'RangeError', 'Runtime.ExitError'] }, 10);
  });
});

describe('memory bombs V8 cannot survive: the runner aborts and is respawned (sequential)', () => {
  it('an object-key bomb ends the invocation and the runner is respawned', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { const o = {}; for (let i = 0; ; i += 7) o[i * 1000003] = i; };`, config: { timeoutSeconds: 5 } });
    await s.verdict(expect, inv, { status: ['error', 'timeout'], errorType: ['Runtime.OutOfMemory', 'Runtime.ExitError', 'Sandbox.Timedout'] }, 5);
  });

  it('a Map bomb ends the invocation and the runner is respawned', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { const m = new Map(); for (let i = 0; ; i++) m.set(i, i); };`, config: { timeoutSeconds: 5 } });
    await s.verdict(expect, inv, { status: ['error', 'timeout'], errorType: ['Runtime.OutOfMemory', 'Runtime.ExitError', 'Sandbox.Timedout'] }, 5);
  });
});

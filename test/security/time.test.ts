// Time: code that never stops, in every place isolated-vm's own timeout does not look. The
// invocation must still end on time with Lambda's error, the host stays responsive, and the
// next invocation of another function works.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeAll, environment, invoke } from '../helpers/environments.ts';
import { SecurityLab, endsWithin, initEndsWithin } from './harness.ts';

let s: SecurityLab;
beforeAll(async () => {
  s = await SecurityLab.start();
});
afterAll(async () => {
  await s.close();
  disposeAll();
});

const TIMED_OUT = { status: 'timeout', errorType: 'Sandbox.Timedout' } as const;

describe.concurrent('time, through the real lab', () => {
  it('a synchronous infinite loop in the handler times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { while (true) {} };` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('an endless chain of microtasks times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { function f() { Promise.resolve().then(f); } f(); await new Promise(() => {}); };` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('an endless queueMicrotask loop after the handler returned times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { function f() { queueMicrotask(f); } f(); return 'never delivered'; };` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('an infinite loop inside a timer callback times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { setTimeout(() => { while (true) {} }, 10); await new Promise(() => {}); };` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('a promise that never settles, with nothing else pending, ends at once as Node would exit', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = () => new Promise(() => {});` });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Runtime.ExitError', withinMs: 1000 });
  });

  it('a promise that never settles while an interval keeps the event loop busy times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = () => new Promise(() => { setInterval(() => {}, 5); });` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('Atomics.wait on a SharedArrayBuffer with an infinite timeout times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Infinity); return 'woke'; };` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('a result whose toJSON never returns times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => ({ toJSON() { while (true) {} } });` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('a result with a getter that never returns times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => ({ ok: 1, get late() { while (true) {} } });` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('a thrown error whose message getter never returns times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { while (true) {} } }); throw e; };` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('an unhandled rejection whose message toString never returns times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { Promise.reject({ message: { toString() { while (true) {} } } }); return 'ok'; };` });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('a timer armed in one invocation that loops when it fires in the next times out that next invocation, not the time between', async ({ expect }) => {
    const name = await s.deploy({
      code: `let first = true; export const handler = async () => {
        if (first) { first = false; setTimeout(() => { while (true) {} }, 100); return 'armed'; }
        await new Promise((r) => setTimeout(r, 500));
        return 'second';
      };`,
    });
    const first = await s.invoke(name);
    await s.verdict(expect, first, { status: 'success', noCanary: true });
    // Frozen between invocations: the loop does not run while nothing is invoked.
    await new Promise((r) => setTimeout(r, 400));
    await s.canary(expect, 'between the invocations');
    const second = await s.invoke(name);
    await s.verdict(expect, second, TIMED_OUT);
  });

  it('an infinite loop at the top level of an ES module times out in INIT and in the retried INIT', async ({ expect }) => {
    const inv = await s.attack({ code: `while (true) {} export const handler = async () => 1;` });
    await s.verdict(expect, inv, { ...TIMED_OUT, withinMs: initEndsWithin(1) });
    expect.soft(inv.record.logs).toMatch(/INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: timeout/);
    expect.soft(inv.record.logs).toMatch(/INIT_REPORT Init Duration: [\d.]+ ms\tPhase: invoke\tStatus: timeout/);
  });

  it('an infinite loop at the top level of a CommonJS module times out in INIT and in the retried INIT', async ({ expect }) => {
    const inv = await s.attack({ code: { 'index.js': `while (true) {} exports.handler = async () => 1;` }, config: { handler: 'index.handler' } });
    await s.verdict(expect, inv, { ...TIMED_OUT, withinMs: initEndsWithin(1) });
  });
});

describe('time: attacks that need the runner killed (sequential)', () => {
  // isolated-vm copies the rejection reason outside any timeout once the first getter was
  // terminated, so only killing the runner stops it: it must not share the runner with others.
  it('an unhandled rejection whose message and stack getters never return times out (the runner is killed)', async () => {
    const inv = await s.attack({
      code: `export const handler = async () => {
        const e = new Error('x');
        Object.defineProperty(e, 'message', { get() { while (true) {} } });
        Object.defineProperty(e, 'stack', { get() { while (true) {} } });
        Promise.reject(e);
        return 'ok';
      };`,
    });
    await s.verdict(expect, inv, TIMED_OUT);
  });

  it('a FinalizationRegistry callback that never returns: the next invocation still ends on time and other functions keep working', async () => {
    const name = await s.deploy({
      code: `const registry = new FinalizationRegistry(() => { while (true) {} });
        let first = true;
        export const handler = async () => {
          if (first) { first = false; for (let i = 0; i < 2000; i++) registry.register({ garbage: new Array(1000).fill(i) }, i); return 'registered'; }
          const churn = []; for (let i = 0; i < 200; i++) churn.push(new Array(10000).fill(i)); churn.length = 0;
          await new Promise((r) => setTimeout(r, 300));
          return 'second';
        };`,
    });
    const first = await s.invoke(name);
    await s.verdict(expect, first, { status: 'success' });
    await new Promise((r) => setTimeout(r, 300));
    await s.canary(expect, 'after the registry callbacks were queued');
    // The cleanup callbacks run as a platform task outside any turn: dispose() does not stop
    // them, so the host's watchdog has to kill the runner. The invocation still ends on time.
    const second = await s.invoke(name);
    await s.verdict(expect, second, TIMED_OUT);
  });
});

describe('time: a host-call flood next to another function (sequential, for clean timing)', () => {
  it('a function spinning on host calls (fs, crypto, clock) until its timeout does not delay another function', async () => {
    const flood = s.attack({
      code: {
        'index.js': `exports.handler = async () => {
          const fs = require('fs'); const crypto = require('crypto');
          for (let i = 0; ; i++) { fs.statSync('/tmp'); crypto.randomBytes(64); performance.now(); fs.existsSync('/tmp/nothing-' + (i & 7)); }
        };`,
      },
      config: { handler: 'index.handler', timeoutSeconds: 2 },
    });
    await new Promise((r) => setTimeout(r, 700));
    const t = performance.now();
    await s.canary(expect, 'during the host-call flood');
    expect(performance.now() - t, 'the other function answered promptly').toBeLessThan(1000);
    await s.verdict(expect, await flood, TIMED_OUT, 2);
  });
});

describe('time, in-process (the environment\'s own deadline, no runner watchdog)', () => {
  it('Atomics.wait honours a finite timeout, and an infinite wait is ended by the environment\'s deadline', async () => {
    const env = await environment({
      'index.mjs': `export const handler = async (event) => {
        const cell = new Int32Array(new SharedArrayBuffer(4));
        return Atomics.wait(cell, 0, 0, event.forever ? Infinity : 50);
      };`,
    }, { timeoutSeconds: 1 });
    const finite = await invoke(env);
    expect(finite.response).toBe('"timed-out"');
    const started = Date.now();
    const forever = await invoke(env, { forever: true });
    expect(Date.now() - started).toBeLessThanOrEqual(endsWithin(1));
    expect(forever.status).toBe('timeout');
    expect(forever.error?.errorType).toBe('Sandbox.Timedout');
    expect(env.isEnded).toBe(true);
  });
});

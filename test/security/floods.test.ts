// Floods: console output, huge results, and hundreds of thousands of calls into the lab's
// callbacks (timers: each one crosses to the runner) in one invocation. Everything stays
// bounded, the host stays responsive, and other functions keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { SYNC_PAYLOAD_BYTES } from '../../sandbox/api/index.ts';
import { LOG_BUFFER_BYTES, MAX_LOG_EVENT_BYTES } from '../../sandbox/runtime/isolate/log-buffer-layout.ts';
import { SecurityLab, endsWithin, maxLagBetween, MAX_EVENT_LOOP_LAG_MS } from './harness.ts';

let s: SecurityLab;
beforeAll(async () => {
  s = await SecurityLab.start();
});
afterAll(async () => {
  await s.close();
});

const TWO_S = { timeoutSeconds: 2 };

// Sequential: each flood is held to the host's event-loop lag on its own.
describe('floods', () => {
  it('a console.log flood keeps 1 MB of log and says how much was dropped', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { for (let i = 0; i < 300000; i++) console.log('line ' + i + ' ' + 'x'.repeat(50)); return 'done'; };`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'success' }, 2);
    expect(inv.record.logs.length).toBeGreaterThan(LOG_BUFFER_BYTES / 2);
    expect(inv.record.logs).toMatch(/\[Lambda Lab\] \d+ log events \(\d+ bytes\) were dropped/);
    expect(inv.record.logs).toMatch(/REPORT RequestId: /);
  });

  it('a process.stdout.write flood of one 20 MB chunk is bounded the same way', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { process.stdout.write(('y'.repeat(99) + '\\n').repeat(200000)); return 'done'; };`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'success' }, 2);
  });

  it('one 5 MB log line is cut to one CloudWatch-sized event', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { console.log('z'.repeat(5e6)); return 'done'; };`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'success' }, 2);
    expect(inv.record.logs.length).toBeLessThan(MAX_LOG_EVENT_BYTES + 4096);
  });

  it('a flood of logged errors with stacks stays bounded', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { for (let i = 0; i < 20000; i++) console.error(new Error('e' + i)); return 'done'; };`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'success' }, 2);
  });

  it('a 7 MB result ends as Function.ResponseSizeTooLarge, and a 6 MB one is delivered whole', async () => {
    const big = await s.attack({ code: `export const handler = async () => 'r'.repeat(7e6);`, config: TWO_S });
    await s.verdict(expect, big, { status: 'error', errorType: 'Function.ResponseSizeTooLarge', noCanary: true }, 2);
    const fits = await s.attack({ code: `export const handler = async () => 'r'.repeat(6e6);`, config: TWO_S });
    await s.verdict(expect, fits, { status: 'success' }, 2);
    expect(fits.record.response?.length).toBe(6e6 + 2);
    expect(fits.record.response?.length).toBeLessThanOrEqual(SYNC_PAYLOAD_BYTES);
  });

  it('a result of 3.2 million two-byte characters is measured in bytes, not characters', async () => {
    const inv = await s.attack({ code: `export const handler = async () => '\\u00e9'.repeat(3.2e6);`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Function.ResponseSizeTooLarge' }, 2);
  });

  it('100,000 timers set and cleared in one invocation', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { for (let i = 0; i < 100000; i++) clearTimeout(setTimeout(() => {}, 1000)); return 'done'; };`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'success' }, 2);
  });

  it('a million timer calls (set, unref, ref, clear) in one invocation do not exhaust the function\'s memory', async () => {
    const inv = await s.attack({
      code: `export const handler = async () => { for (let i = 0; i < 250000; i++) { const t = setTimeout(() => {}, 1000); t.unref(); t.ref(); clearTimeout(t); } return 'done'; };`,
      config: TWO_S,
    });
    await s.verdict(expect, inv, { status: 'success' }, 2);
  });

  it('ninety thousand host calls (random bytes, clock, /tmp) in one invocation complete', async () => {
    const inv = await s.attack({
      code: {
        'index.js': `exports.handler = async () => {
          const fs = require('fs'); const crypto = require('crypto'); let sum = 0;
          for (let i = 0; i < 30000; i++) { sum += crypto.randomBytes(16).length; performance.now(); if (fs.existsSync('/tmp')) sum++; }
          return sum;
        };`,
      },
      config: { handler: 'index.handler', timeoutSeconds: 10 },
    });
    await s.verdict(expect, inv, { status: 'success' }, 10);
    expect(inv.record.response).toBe(String(30000 * 17));
  });

  it('a chain of 20,000 setImmediate turns completes', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { let n = 0; await new Promise((r) => { const step = () => (++n >= 20000 ? r() : setImmediate(step)); step(); }); return n; };`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'success' }, 2);
    expect(inv.record.response).toBe('20000');
  });

  it('200 endless setImmediate chains time out with the host responsive', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { const step = () => setImmediate(step); for (let i = 0; i < 200; i++) step(); await new Promise(() => {}); };`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'timeout', errorType: 'Sandbox.Timedout' }, 2);
  });

  it('2,000 one-millisecond intervals time out with the host responsive', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { for (let i = 0; i < 2000; i++) setInterval(() => {}, 1); await new Promise(() => {}); };`, config: TWO_S });
    await s.verdict(expect, inv, { status: 'timeout', errorType: 'Sandbox.Timedout' }, 2);
  });

  it('100,000 timers left pending by one invocation fire harmlessly in the next', async () => {
    const name = await s.deploy({ code: `let n = 0; export const handler = async () => { n++; for (let i = 0; i < 100000; i++) setTimeout(() => { n++; }, 1); return n; };`, config: TWO_S });
    const first = await s.invoke(name);
    await s.verdict(expect, first, { status: 'success', noCanary: true }, 2);
    const second = await s.invoke(name);
    await s.verdict(expect, second, { status: 'success' }, 2);
  });

  it('twenty concurrent runaway invocations all time out on time, and another function still works', async () => {
    const name = await s.deploy({ code: `export const handler = async () => { while (true) {} };` });
    const t0 = performance.now();
    const all = await Promise.all(Array.from({ length: 20 }, () => s.lab.api['invoke:run']({ functionName: name, event: '{}' })));
    const wall = performance.now() - t0;
    expect(all.map((r) => r.errorType)).toEqual(Array.from({ length: 20 }, () => 'Sandbox.Timedout'));
    expect(wall).toBeLessThanOrEqual(endsWithin(1));
    expect(maxLagBetween(t0, performance.now())).toBeLessThan(MAX_EVENT_LOOP_LAG_MS);
    await s.canary(expect);
  });
});

// The host's own work on attacker-shaped data. Results, logs and errors are serialised and
// bounded inside the isolate, under its limits; the host only ever handles short, bounded text,
// stays responsive, and never lets a function's data reach its own prototypes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecurityLab, hostPollution } from './harness.ts';

let s: SecurityLab;
beforeAll(async () => {
  s = await SecurityLab.start();
});
afterAll(async () => {
  await s.close();
});

const LAUGHS = `let lol = ['lol']; for (let i = 0; i < 40; i++) lol = [lol, lol];`;
const SPARSE = `const sparse = []; sparse.length = 2 ** 32 - 1; sparse[2 ** 32 - 2] = 'last';`;

// Sequential: each case is held to the host's event-loop lag on its own.
describe('attacker-shaped results, errors and logs', () => {
  it('a shared-reference "billion laughs" result is refused inside the isolate', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { ${LAUGHS} return lol; };` });
    await s.verdict(expect, inv, { status: ['timeout', 'error'], errorType: ['Sandbox.Timedout', 'Runtime.OutOfMemory', 'Runtime.JSONStringifyError', 'RangeError'] });
  });

  it('a "billion laughs" structure on a thrown error is refused inside the isolate', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { ${LAUGHS} const e = new Error('laughs'); e.data = lol; throw e; };` });
    await s.verdict(expect, inv, { status: ['timeout', 'error'], errorType: ['Sandbox.Timedout', 'Runtime.OutOfMemory', 'Error'] });
  });

  it('a "billion laughs" structure logged in Text and JSON log formats stays a short log line', async () => {
    for (const logFormat of ['Text', 'JSON'] as const) {
      const inv = await s.attack({ code: `export const handler = async () => { ${LAUGHS} console.log(lol); console.log('two', lol); return 'ok'; };`, config: { logFormat } });
      await s.verdict(expect, inv, { status: ['success', 'timeout'], errorType: 'Sandbox.Timedout' });
    }
  });

  it('a sparse array of length 2^32-1 as the result ends as Runtime.JSONStringifyError', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { ${SPARSE} return sparse; };` });
    await s.verdict(expect, inv, { status: 'error', errorType: ['Runtime.JSONStringifyError', 'RangeError'] });
  });

  it('a sparse array of length 2^32-1 logged and attached to an error stays bounded', async () => {
    const inv = await s.attack({ code: `export const handler = async () => { ${SPARSE} console.log(sparse); const e = new Error('sparse'); e.sparse = sparse; throw e; };` });
    await s.verdict(expect, inv, { status: ['error', 'timeout'], errorType: ['Error', 'Sandbox.Timedout'] });
  });

  it('cyclic results and cyclic errors are refused or cut inside the isolate', async () => {
    const result = await s.attack({ code: `export const handler = async () => { const o = { a: 1 }; o.self = o; o.list = [o, { o }]; return o; };` });
    await s.verdict(expect, result, { status: 'error', errorType: 'Runtime.JSONStringifyError', noCanary: true });
    const error = await s.attack({ code: `export const handler = async () => { const e = new Error('cyclic'); e.self = e; e.nested = { e, list: [e] }; console.log(e); throw e; };`, config: { timeoutSeconds: 3 } });
    await s.verdict(expect, error, { status: 'error', errorType: 'Error' }, 3);
    expect(error.record.error?.errorMessage).toBe('cyclic');
  });

  it('a thrown error with a 20 MB message, name and stack is cut inside the isolate', async () => {
    const inv = await s.attack({
      code: `export const handler = async () => { const e = new Error('m'.repeat(20e6)); e.name = 'N'.repeat(20e6); e.stack = 'S'.repeat(20e6); throw e; };`,
      config: { memorySizeMB: 512 },
    });
    await s.verdict(expect, inv, { status: 'error' });
    expect(inv.record.error?.errorMessage.length).toBeLessThan(70_000);
    expect(inv.record.error?.errorType.length).toBeLessThan(70_000);
  });

  it('an error with a thousand 60 KB stack lines stays within the response payload limit', async () => {
    const inv = await s.attack({
      code: `export const handler = async () => { const e = new Error('x'); e.stack = ('L'.repeat(60000) + '\\n').repeat(1000); throw e; };`,
      config: { memorySizeMB: 512 },
    });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Error' });
  });

  it('an unhandled rejection with a 30 MB message is bounded before it reaches the host', async () => {
    const inv = await s.attack({
      code: `export const handler = async () => { Promise.reject(new Error('m'.repeat(30e6))); return 'ok'; };`,
      config: { memorySizeMB: 512 },
    });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Runtime.UnhandledPromiseRejection' });
    expect(inv.record.error?.errorMessage.length ?? 0).toBeLessThan(70_000);
  });

  it('a 20 MB string smuggled into the turn output through a poisoned Math.trunc does not reach the host\'s logs', async () => {
    const inv = await s.attack({
      code: `export const handler = async () => { const big = 'A'.repeat(20e6); Math.trunc = () => '0]],"exit":"' + big + '","zz":[[0'; setTimeout(() => {}, 5); return 'fine'; };`,
      config: { memorySizeMB: 512 },
    });
    await s.verdict(expect, inv, { status: 'success' });
  });

  it('"__proto__" and "constructor" keys in the event and the response are stored verbatim and pollute nothing', async () => {
    const evil = '{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"a":1}';
    const inv = await s.attack(
      { code: `export const handler = async (event) => ({ seen: Object.keys(event), echo: JSON.parse(${JSON.stringify(evil)}), inherited: ({}).polluted ?? null });` },
      evil,
    );
    await s.verdict(expect, inv, { status: 'success' });
    const stored = await s.lab.api['invocations:get']({ requestId: inv.record.requestId });
    expect(stored.event).toBe(evil);
    const response = JSON.parse(stored.response ?? '{}') as { seen: string[]; inherited: unknown };
    expect(response.seen).toEqual(['__proto__', 'constructor', 'a']);
    expect(response.inherited).toBeNull();
    expect(hostPollution()).toEqual([]);
  });

  it('"__proto__", "constructor" and Object.prototype names in function settings, variables and file names pollute nothing', async () => {
    const config = JSON.parse('{"__proto__":{"polluted":"yes","timeoutSeconds":900},"timeoutSeconds":1,"handler":"constructor.handler","environment":{"constructor":"c","toString":"t","hasOwnProperty":"h","valueOf":"v"}}') as Record<string, unknown>;
    let created = true;
    try {
      await s.lab.api['functions:create']({
        name: 'proto-names',
        description: '__proto__',
        config: config as never,
        files: [
          { path: 'constructor.mjs', content: `export const handler = async () => ({ env: [process.env.constructor, process.env.toString, process.env.hasOwnProperty, process.env.valueOf], proto: Object.getPrototypeOf({}) === Object.prototype });` },
          { path: '__proto__/index.js', content: `exports.x = 1;` },
        ],
      });
    } catch {
      created = false; // refusing such names is fine too; polluting is not
    }
    expect(hostPollution()).toEqual([]);
    if (created) {
      const fn = await s.lab.api['functions:get']({ name: 'proto-names' });
      expect(fn.config.timeoutSeconds).toBe(1);
      const inv = await s.invoke('proto-names');
      await s.verdict(expect, inv, { status: 'success' });
      expect(JSON.parse(inv.record.response ?? '{}')).toEqual({ env: ['c', 't', 'h', 'v'], proto: true });
    }
    await s.lab.api['functions:list']({});
    expect(hostPollution()).toEqual([]);
  });
});

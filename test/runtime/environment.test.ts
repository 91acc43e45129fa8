// An execution environment runs a handler the way Lambda's Node.js runtime does.
import { afterAll, describe, expect, it } from 'vitest';
import { appLines, disposeAll, environment, invoke, runOnce } from '../helpers/environments.ts';

afterAll(disposeAll);

describe('handler contract', () => {
  it('runs an ES module async handler and returns its result as JSON', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async (event) => ({ message: 'Hello, ' + event.name });` }, { name: 'Ada' });
    expect(r.status).toBe('success');
    expect(JSON.parse(r.response ?? '')).toEqual({ message: 'Hello, Ada' });
  });

  it('runs a CommonJS handler (exports.handler)', async () => {
    const r = await runOnce({ 'index.js': `exports.handler = async (event) => event.a + event.b;` }, { a: 2, b: 3 }, { handler: 'index.handler' });
    expect(r.response).toBe('5');
  });

  it('returns null for an async handler that returns undefined', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => {};` });
    expect(r.status).toBe('success');
    expect(r.response).toBe('null');
  });

  it('waits for promises that settle on timers', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { await new Promise(r => setTimeout(r, 30)); return 'late'; };` });
    expect(r.response).toBe('"late"');
    expect(r.durationMs).toBeGreaterThanOrEqual(25);
  });

  it('reports a thrown error with Lambda\'s error shape and an Invoke Error log line', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { throw new TypeError('bad input'); };` });
    expect(r.status).toBe('error');
    expect(r.error?.errorType).toBe('TypeError');
    expect(r.error?.errorMessage).toBe('bad input');
    expect(r.error?.trace[0]).toBe('TypeError: bad input');
    expect(r.error?.trace[1]).toContain('/var/task/index.mjs:1:');
    const invokeError = appLines(r.logs).find((l) => l.includes('Invoke Error'));
    expect(invokeError).toMatch(/\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"bad input"/);
  });

  it('reports Runtime.HandlerNotFound when the export is missing', async () => {
    const r = await runOnce({ 'index.mjs': `export const other = async () => 1;` });
    expect(r.error?.errorType).toBe('Runtime.HandlerNotFound');
    expect(r.error?.errorMessage).toBe('index.handler is undefined or not exported');
  });
});

describe('logs', () => {
  it('writes START, the console lines, END and REPORT in Lambda\'s text format', async () => {
    const r = await runOnce({ 'index.mjs': `console.log('init'); export const handler = async (e) => { console.log('got', e, [1, 2]); console.warn('careful'); return 1; };` }, { a: 1 });
    const lines = r.logs.split('\n');
    expect(lines[0]).toMatch(/^INIT_START Runtime Version: nodejs:24\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\tundefined\tINFO\tinit$/);
    expect(lines[2]).toBe(`START RequestId: ${r.requestId} Version: $LATEST`);
    expect(lines[3]).toMatch(new RegExp(`^\\S+Z\\t${r.requestId}\\tINFO\\tgot \\{ a: 1 \\} \\[ 1, 2 \\]$`));
    expect(lines[4]).toMatch(new RegExp(`^\\S+Z\\t${r.requestId}\\tWARN\\tcareful$`));
    expect(lines[5]).toBe(`END RequestId: ${r.requestId}`);
    expect(lines[6]).toMatch(new RegExp(`^REPORT RequestId: ${r.requestId}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms\\t$`));
  });

  it('keeps one console call as one log event, with newlines as \\r', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { console.log('a\\nb'); };` });
    expect(appLines(r.logs)[0]).toMatch(/\tINFO\ta\rb$/);
  });

  it('bills duration plus init, rounded up to the millisecond', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => 1;` });
    expect(r.billedDurationMs).toBe(Math.ceil(r.durationMs + (r.initDurationMs ?? 0)));
  });
});

describe('execution environment lifecycle', () => {
  it('keeps global state across warm invocations and reports only the first as cold', async () => {
    const env = await environment({ 'index.mjs': `let count = 0; export const handler = async () => ++count;` });
    const first = await invoke(env);
    const second = await invoke(env);
    expect([first.response, second.response]).toEqual(['1', '2']);
    expect(first.coldStart).toBe(true);
    expect(first.initDurationMs).toBeGreaterThan(0);
    expect(second.coldStart).toBe(false);
    expect(second.initDurationMs).toBeUndefined();
    expect(second.logs).not.toContain('INIT_START');
    env.dispose();
  });

  it('times out a handler stuck in a synchronous loop, keeping the lines it logged', async () => {
    const env = await environment({ 'index.js': `exports.handler = async () => { console.log('working'); while (true) {} };` }, { timeoutSeconds: 1 });
    const started = Date.now();
    const r = await invoke(env);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.status).toBe('timeout');
    expect(r.error).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${r.requestId} Error: Task timed out after 1.00 seconds`, trace: [] });
    expect(r.logs).toContain('\tINFO\tworking');
    expect(r.logs).toMatch(new RegExp(`Z ${r.requestId} Task timed out after 1\\.00 seconds\\nEND RequestId`));
    expect(r.logs).toMatch(/\tStatus: timeout$/);
    expect(r.environmentEnded).toBe(true);
  });

  it('times out a promise that never settles while timers keep the loop busy', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = () => new Promise(() => { setInterval(() => {}, 10); });` }, {}, { timeoutSeconds: 1 });
    expect(r.status).toBe('timeout');
  });

  it('stops a handler that exceeds its memory with Runtime.OutOfMemory', async () => {
    const r = await runOnce({ 'index.js': `exports.handler = async () => { const a = []; for (;;) a.push(new Array(1e5).fill(Math.random())); };` }, {}, { timeoutSeconds: 20, memorySizeMB: 128 });
    expect(r.status).toBe('error');
    expect(r.error?.errorType).toBe('Runtime.OutOfMemory');
    expect(r.maxMemoryUsedMB).toBe(128);
    expect(r.logs).toMatch(/\tStatus: error\tError Type: Runtime\.OutOfMemory$/);
    expect(r.environmentEnded).toBe(true);
  });

  it('starts cold again after a timeout ended the environment', async () => {
    const env = await environment({ 'index.js': `let n = 0; exports.handler = async (e) => { n++; if (e.hang) while (true) {} return n; };` }, { timeoutSeconds: 1 });
    expect((await invoke(env)).response).toBe('1');
    expect((await invoke(env, { hang: true })).status).toBe('timeout');
    expect(env.isEnded).toBe(true);
  });
});

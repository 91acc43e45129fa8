// The history: filters (function, status, cold start, time), counts, keyset pages, re-runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../../sandbox/lab.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

let now = new Date('2026-05-01T12:00:00.000Z');
const clock = { now: () => new Date(now.getTime()) };
let lab: Lab;
const code = `let n = 0;
export const handler = async (event) => {
  n++;
  if (event.fail) throw new Error('asked to fail');
  if (event.sleep) await new Promise((r) => setTimeout(r, event.sleep));
  return n;
};`;

beforeAll(async () => {
  lab = await createLab({ dataDir: tempDir(), version: '0.0.0-test', clock, seed: false });
  await lab.api['functions:create']({ name: 'a', config: { timeoutSeconds: 1 }, files: [{ path: 'index.mjs', content: code }] });
  await lab.api['functions:create']({ name: 'b', config: {}, files: [{ path: 'index.mjs', content: code }] });
  const run = async (fn: string, event: object) => {
    await lab.api['invoke:run']({ functionName: fn, event: JSON.stringify(event) });
    now = new Date(now.getTime() + 60_000);
  };
  await run('a', {}); // 12:00 cold success
  await run('a', {}); // 12:01 warm success
  await run('a', { fail: true }); // 12:02 warm error
  await run('b', {}); // 12:03 cold success
  await run('a', { sleep: 1500 }); // 12:04 warm timeout
  await run('a', {}); // 12:05 cold success (a timeout ends the environment)
});
afterAll(async () => {
  await lab.close();
  removeTempDirs();
});

const list = async (q: Parameters<Lab['api']['invocations:list']>[0]) => (await lab.api['invocations:list'](q)).map((i) => `${i.functionName}@${i.startedAt.slice(11, 16)}:${i.status}${i.coldStart ? '*' : ''}`);

describe('invocations:list and invocations:count', () => {
  it('filters by function, status and cold start, newest first', async () => {
    expect(await list({ limit: 100 })).toEqual(['a@12:05:success*', 'a@12:04:timeout', 'b@12:03:success*', 'a@12:02:error', 'a@12:01:success', 'a@12:00:success*']);
    expect(await list({ functionName: 'a', status: 'success', limit: 100 })).toEqual(['a@12:05:success*', 'a@12:01:success', 'a@12:00:success*']);
    expect(await list({ coldStart: true, limit: 100 })).toEqual(['a@12:05:success*', 'b@12:03:success*', 'a@12:00:success*']);
    expect(await list({ coldStart: false, functionName: 'a', limit: 100 })).toEqual(['a@12:04:timeout', 'a@12:02:error', 'a@12:01:success']);
    expect(await list({ status: 'timeout', limit: 100 })).toEqual(['a@12:04:timeout']);
    expect(await lab.api['invocations:count']({})).toEqual({ count: 6 });
    expect(await lab.api['invocations:count']({ functionName: 'a', coldStart: false })).toEqual({ count: 3 });
    expect(await lab.api['invocations:count']({ status: 'error' })).toEqual({ count: 1 });
  });

  it('filters by time range (from inclusive, to exclusive), accepting offsets', async () => {
    expect(await list({ from: '2026-05-01T12:01:00Z', to: '2026-05-01T12:04:00.000Z', limit: 100 })).toEqual(['b@12:03:success*', 'a@12:02:error', 'a@12:01:success']);
    expect(await list({ from: '2026-05-01T14:04:00+02:00', limit: 100 })).toEqual(['a@12:05:success*', 'a@12:04:timeout']);
    expect(await lab.api['invocations:count']({ to: '2026-05-01T12:02:00Z' })).toEqual({ count: 2 });
    await expect(lab.api['invocations:list']({ from: '2026-05-01T13:00:00Z', to: '2026-05-01T12:00:00Z', limit: 10 })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('The time range is empty') });
  });

  it('pages with beforeSeq under the same filters', async () => {
    const first = await lab.api['invocations:list']({ functionName: 'a', limit: 2 });
    const second = await lab.api['invocations:list']({ functionName: 'a', limit: 2, beforeSeq: first[1]?.seq });
    const third = await lab.api['invocations:list']({ functionName: 'a', limit: 2, beforeSeq: second[1]?.seq });
    expect([...first, ...second, ...third].map((i) => i.startedAt.slice(11, 16))).toEqual(['12:05', '12:04', '12:02', '12:01', '12:00']);
  });
});

describe('invocations:rerun', () => {
  it('invokes again with the stored event and records a new invocation', async () => {
    const [failed] = await lab.api['invocations:list']({ status: 'error', limit: 1 });
    const again = await lab.api['invocations:rerun']({ requestId: failed?.requestId ?? '' });
    expect(again.requestId).not.toBe(failed?.requestId);
    expect([again.functionName, again.event, again.status, again.error?.errorMessage]).toEqual(['a', '{"fail":true}', 'error', 'asked to fail']);
    await expect(lab.api['invocations:rerun']({ requestId: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

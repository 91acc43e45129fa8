// The Lambda service seeds `hello`, runs invokes through the runner process and records them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEvent } from '../../sandbox/api/index.ts';
import type { Lab } from '../../sandbox/lab.ts';
import { startLab } from '../helpers/lab.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

let lab: Lab;
const events: PushEvent[] = [];
beforeAll(async () => {
  lab = await startLab();
  lab.subscribe((e) => events.push(e));
});
afterAll(async () => {
  await lab.close();
  removeTempDirs();
});

describe('a new lab', () => {
  it('has the function hello: Node.js 24, index.mjs, index.handler, 128 MB, 3 s', async () => {
    expect(await lab.api['functions:list']({})).toEqual([expect.objectContaining({ name: 'hello', runtime: 'nodejs24.x', handler: 'index.handler', memorySizeMB: 128, timeoutSeconds: 3 })]);
    const hello = await lab.api['functions:get']({ name: 'hello' });
    expect(hello.files.map((f) => f.path)).toEqual(['index.mjs']);
  });

  it('does not seed hello again once the lab has functions', async () => {
    const dir = tempDir();
    const a = await startLab({ dataDir: dir });
    await a.api['functions:create']({ name: 'other', description: '', config: {}, files: [{ path: 'index.mjs', content: 'export const handler = async () => 1;' }] });
    await a.close();
    const b = await startLab({ dataDir: dir });
    expect((await b.api['functions:list']({})).map((f) => f.name)).toEqual(['hello', 'other']);
    await b.close();
  });
});

describe('invoke', () => {
  it('runs hello, records the invocation and pushes invocation:finished', async () => {
    const r = await lab.api['invoke:run']({ functionName: 'hello', event: '{"key1":"value1"}' });
    expect(r.status).toBe('success');
    expect(JSON.parse(r.response ?? '')).toEqual({ statusCode: 200, body: '"Hello from Lambda!"' });
    expect(r.logs).toContain('Received event: {"key1":"value1"}');
    expect(await lab.api['invocations:get']({ requestId: r.requestId })).toEqual(r);
    const history = await lab.api['invocations:list']({ functionName: 'hello', limit: 10 });
    expect(history[0]?.requestId).toBe(r.requestId);
    expect(events).toContainEqual({ type: 'invocation:finished', invocation: expect.objectContaining({ requestId: r.requestId, status: 'success' }) });
  });

  it('reuses the warm environment, and starts cold again after the code changes', async () => {
    await lab.api['functions:create']({ name: 'counter', description: '', config: {}, files: [{ path: 'index.mjs', content: 'let n = 0; export const handler = async () => ++n;' }] });
    const a = await lab.api['invoke:run']({ functionName: 'counter', event: '{}' });
    const b = await lab.api['invoke:run']({ functionName: 'counter', event: '{}' });
    expect([a.coldStart, b.coldStart, a.response, b.response]).toEqual([true, false, '1', '2']);
    expect(b.environmentId).toBe(a.environmentId);
    await lab.api['functions:save-code']({ name: 'counter', files: [{ path: 'index.mjs', content: 'let n = 100; export const handler = async () => ++n;' }] });
    const c = await lab.api['invoke:run']({ functionName: 'counter', event: '{}' });
    expect([c.coldStart, c.response]).toEqual([true, '101']);
    expect(c.environmentId).not.toBe(a.environmentId);
  });

  it('refuses an event that is not JSON, with the parser message', async () => {
    await expect(lab.api['invoke:run']({ functionName: 'hello', event: '{"a":' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^Could not parse request body into json: /) });
  });

  it('refuses an event over 6 MB with Lambda\'s message', async () => {
    const big = JSON.stringify({ data: 'x'.repeat(6_291_456) });
    await expect(lab.api['invoke:run']({ functionName: 'hello', event: big })).rejects.toMatchObject({ code: 'payload-too-large', message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation' });
  });

  it('answers not-found for an unknown function with its ARN', async () => {
    await expect(lab.api['invoke:run']({ functionName: 'nope', event: '{}' })).rejects.toMatchObject({ code: 'not-found', message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope' });
  });

  it('refuses reserved environment variables with Lambda\'s message', async () => {
    await expect(lab.api['functions:create']({ name: 'envy', description: '', config: { environment: { AWS_REGION: 'x' } }, files: [{ path: 'index.mjs', content: '' }] }))
      .rejects.toMatchObject({ message: expect.stringContaining('Reserved keys used in this request: AWS_REGION') });
  });
});

// Every blueprint creates a function that runs with its sample event through the real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLUEPRINT_IDS, type InvocationRecord } from '../../sandbox/api/index.ts';
import type { Lab } from '../../sandbox/lab.ts';
import { startLab } from '../helpers/lab.ts';
import { removeTempDirs } from '../helpers/temp.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
  removeTempDirs();
});

/** Creates a function from the blueprint and invokes it with its saved sample event. */
async function runBlueprint(id: (typeof BLUEPRINT_IDS)[number]): Promise<InvocationRecord> {
  const name = `bp-${id}`;
  await lab.api['functions:create']({ name, config: {}, blueprint: id });
  const [event, ...more] = await lab.api['test-events:list']({ functionName: name });
  expect(more).toEqual([]);
  const record = await lab.api['invoke:run']({ functionName: name, event: event?.content ?? '' });
  expect(record.error).toBeUndefined();
  expect(record.status).toBe('success');
  return record;
}

describe('blueprints:list', () => {
  it('lists every blueprint with code, runtime, handler and a sample event that is JSON', async () => {
    const list = await lab.api['blueprints:list']({});
    expect(list.map((b) => b.id)).toEqual([...BLUEPRINT_IDS]);
    for (const b of list) {
      expect(b.title.length).toBeGreaterThan(3);
      expect(b.description.length).toBeGreaterThan(40);
      expect(b.files.length).toBeGreaterThan(0);
      expect(() => JSON.parse(b.sampleEvent.content), b.id).not.toThrow();
    }
  });
});

describe('functions:create from a blueprint', () => {
  it('hello world returns the first key and logs all three', async () => {
    const r = await runBlueprint('hello-world');
    expect(JSON.parse(r.response ?? '')).toBe('value1');
    expect(r.logs).toContain('value3 = value3');
    const fn = await lab.api['functions:get']({ name: 'bp-hello-world' });
    expect(fn.description).toBe('Hello world');
    expect(fn.config).toMatchObject({ runtime: 'nodejs24.x', handler: 'index.handler' });
  });

  it('API Gateway answers 200 with a JSON body string', async () => {
    const r = await runBlueprint('api-gateway');
    const response = JSON.parse(r.response ?? '') as { statusCode: number; headers: Record<string, string>; body: string };
    expect(response.statusCode).toBe(200);
    expect(response.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual({ message: 'Hello, Ada!', path: '/hello' });
  });

  it('S3 decodes the URL-encoded key', async () => {
    const r = await runBlueprint('s3-object');
    expect(JSON.parse(r.response ?? '')).toEqual({ processed: 1, objects: [{ bucket: 'lab-uploads', key: 'uploads/summer photo (1).jpg', size: 1024 }] });
  });

  it('SQS returns exactly the failing message ids in batchItemFailures', async () => {
    const r = await runBlueprint('sqs-batch');
    expect(JSON.parse(r.response ?? '')).toEqual({
      batchItemFailures: [{ itemIdentifier: '2e1424d4-f796-459a-8184-9c92662be6da' }, { itemIdentifier: '8a5b2c1e-3d4f-4a6b-9c7d-0e1f2a3b4c5d' }],
    });
    expect(r.logs).toContain('Order 1001: 2 x coffee beans');
    expect(r.logs).toContain('Message 8a5b2c1e-3d4f-4a6b-9c7d-0e1f2a3b4c5d failed');
  });

  it('the scheduled job reads the rule and the time from the EventBridge event', async () => {
    const r = await runBlueprint('scheduled-job');
    expect(JSON.parse(r.response ?? '')).toEqual({ rule: 'nightly-cleanup', firedAt: '2026-05-01T03:00:00.000Z', cutoff: '2026-04-24T03:00:00.000Z' });
  });

  it('the TypeScript handler runs from index.ts', async () => {
    const r = await runBlueprint('typescript');
    expect(JSON.parse(r.response ?? '')).toEqual({ orderId: 'A-1001', items: 7, subtotal: 31, discount: 3.1, total: 27.9 });
  });

  it('lets the caller override settings and the description, and refuses files together with a blueprint', async () => {
    const fn = await lab.api['functions:create']({ name: 'bp-custom', description: 'mine', config: { memorySizeMB: 256 }, blueprint: 'sqs-batch' });
    expect([fn.description, fn.config.memorySizeMB, fn.config.handler]).toEqual(['mine', 256, 'index.handler']);
    await expect(lab.api['functions:create']({ name: 'bp-both', config: {}, blueprint: 'hello-world', files: [{ path: 'a.mjs', content: '' }] }))
      .rejects.toMatchObject({ code: 'bad-request', message: 'Give the function files or a blueprint, not both' });
  });

  it('creates a blank function with the console starter code when given neither files nor a blueprint', async () => {
    const fn = await lab.api['functions:create']({ name: 'blank', config: {} });
    expect(fn.files.map((f) => f.path)).toEqual(['index.mjs']);
    expect(fn.description).toBe('');
    expect(await lab.api['test-events:list']({ functionName: 'blank' })).toEqual([]);
    const r = await lab.api['invoke:run']({ functionName: 'blank', event: '{}' });
    expect(JSON.parse(r.response ?? '')).toEqual({ statusCode: 200, body: '"Hello from Lambda!"' });
  });
});

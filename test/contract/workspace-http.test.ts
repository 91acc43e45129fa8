// The new calls through the HTTP host (the path the UI takes): one or more per domain.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../sandbox/host/server.ts';
import type { Lab } from '../../sandbox/lab.ts';
import { startLab } from '../helpers/lab.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const TOKEN = 'c'.repeat(48);
let lab: Lab;
let server: RunningServer;

beforeAll(async () => {
  lab = await startLab();
  const staticDir = tempDir();
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  server = await startServer({ lab, token: TOKEN, port: 0, staticDir });
});
afterAll(async () => {
  await server.close();
  await lab.close();
  removeTempDirs();
});

async function call<T = unknown>(name: string, body: unknown): Promise<{ status: number; ok: boolean; result: T; error: { code: string; message: string; details?: unknown } }> {
  const res = await fetch(`${server.url}api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lab-token': TOKEN }, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as { ok: boolean; result: T; error: { code: string; message: string } }) };
}

describe('over HTTP', () => {
  it('blueprints:list and functions:create from a blueprint', async () => {
    const list = await call<{ id: string }[]>('blueprints:list', {});
    expect(list.result.map((b) => b.id)).toContain('sqs-batch');
    const created = await call<{ name: string; description: string }>('functions:create', { name: 'queue-worker', blueprint: 'sqs-batch' });
    expect(created.result).toMatchObject({ name: 'queue-worker', description: 'SQS batch handler with partial failures' });
    expect((await call('functions:create', { name: 'x', blueprint: 'nope' })).status).toBe(400);
  });

  it('test-events: save, list, and a JSON error with its line and column', async () => {
    expect((await call('test-events:save', { functionName: 'hello', name: 'mine', content: '{"a":1}' })).ok).toBe(true);
    const listed = await call<{ name: string }[]>('test-events:list', { functionName: 'hello' });
    expect(listed.result.map((e) => e.name)).toEqual(['mine']);
    const bad = await call('test-events:save', { functionName: 'hello', name: 'bad', content: '{\n"a":\n}' });
    expect([bad.status, bad.error.code, bad.error.details]).toEqual([400, 'bad-request', { line: 3, column: 1, offset: 7 }]);
  });

  it('event-templates: list and render', async () => {
    const list = await call<unknown[]>('event-templates:list', {});
    expect(list.result).toHaveLength(68);
    const rendered = await call<{ content: string; stamped: string[] }>('event-templates:render', { service: 's3', type: 'put', values: { key: 'a b.txt' } });
    expect(JSON.parse(rendered.result.content).Records[0].s3.object.key).toBe('a%20b.txt');
    expect(rendered.result.stamped).toContain('Records[0].eventTime');
    const missing = await call('event-templates:render', { service: 's3', type: 'get' });
    expect([missing.status, missing.error.code]).toEqual([404, 'not-found']);
  });

  it('functions: export and import as base64 zip, rename, delete and restore', async () => {
    const exported = await call<{ fileName: string; base64: string }>('functions:export', { name: 'hello', format: 'sam' });
    expect(exported.result.fileName).toBe('hello-sam.zip');
    expect(Object.keys(unzipSync(Buffer.from(exported.result.base64, 'base64'))).sort()).toEqual(['src/hello/index.mjs', 'template.yaml']);
    const imported = await call<{ name: string; warnings: string[] }>('functions:import', { fileName: 'hello-sam.zip', base64: exported.result.base64, name: 'hello-copy' });
    expect([imported.result.name, imported.result.warnings]).toEqual(['hello-copy', []]);
    const conflict = await call('functions:import', { fileName: 'hello-sam.zip', base64: exported.result.base64 });
    expect([conflict.status, conflict.error.code]).toEqual([409, 'conflict']);
    const slip = await call('functions:import', { fileName: 'slip.zip', base64: Buffer.from(zipSync({ '../x.js': strToU8('1') })).toString('base64') });
    expect([slip.status, slip.error.code]).toEqual([400, 'bad-request']);
    expect((await call<{ name: string }>('functions:rename', { name: 'hello-copy', newName: 'hello-two' })).result.name).toBe('hello-two');
    const deleted = await call<{ restorableUntil: string }>('functions:delete', { name: 'hello-two' });
    expect(deleted.ok).toBe(true);
    expect((await call<{ name: string }>('functions:restore', { name: 'hello-two' })).result.name).toBe('hello-two');
  });

  it('invocations: filtered list with cost, count, and rerun', async () => {
    const run = await call<{ requestId: string; costUsd: number }>('invoke:run', { functionName: 'hello', event: '{}' });
    expect(run.result.costUsd).toBeGreaterThan(0);
    const list = await call<{ requestId: string; costUsd: number }[]>('invocations:list', { functionName: 'hello', status: 'success', coldStart: true, from: '2000-01-01T00:00:00Z' });
    expect(list.result.map((i) => i.requestId)).toEqual([run.result.requestId]);
    expect((await call('invocations:count', { functionName: 'hello' })).result).toEqual({ count: 1 });
    const rerun = await call<{ requestId: string; coldStart: boolean }>('invocations:rerun', { requestId: run.result.requestId });
    expect(rerun.result.coldStart).toBe(false);
    expect((await call('invocations:count', { functionName: 'hello', coldStart: false })).result).toEqual({ count: 1 });
    const badTime = await call('invocations:count', { from: 'last tuesday' });
    expect([badTime.status, badTime.error.message]).toEqual([400, 'Invalid input for invocations:count: from: Expected an ISO 8601 date-time such as 2026-05-01T12:00:00Z']);
  });
});

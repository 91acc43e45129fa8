// The engine host: token, Host header, validated inputs, typed errors, push events, the UI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Lab } from '../../sandbox/lab.ts';
import { type RunningServer, startServer } from '../../sandbox/host/server.ts';
import { startLab } from '../helpers/lab.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const TOKEN = 'a'.repeat(48);
let lab: Lab;
let server: RunningServer;
let staticDir: string;

beforeAll(async () => {
  lab = await startLab();
  staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Lambda Lab</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startServer({ lab, token: TOKEN, port: 0, staticDir });
});
afterAll(async () => {
  await server.close();
  await lab.close();
  removeTempDirs();
});

const call = (name: string, body: unknown, headers: Record<string, string> = { 'x-lab-token': TOKEN }) =>
  fetch(`${server.url}api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('API', () => {
  it('answers a call made with the token', async () => {
    const res = await call('functions:list', {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; result: { name: string }[] };
    expect(body.ok).toBe(true);
    expect(body.result.map((f) => f.name)).toContain('hello');
  });

  it('refuses calls without the right token', async () => {
    expect((await call('functions:list', {}, {})).status).toBe(401);
    const res = await call('functions:list', {}, { 'x-lab-token': 'b'.repeat(48) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong engine token' } });
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/functions:list', method: 'POST', headers: { host: `evil.example:${server.port}`, 'x-lab-token': TOKEN } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('validates input with the contract and says which field is wrong', async () => {
    const res = await call('invoke:run', { functionName: 'has spaces', event: '{}' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad-request');
    expect(body.error.message).toContain('functionName');
    expect((await call('functions:list', '{not json')).status).toBe(400);
    expect((await call('no:such-call', {})).status).toBe(404);
  });

  it('lets a function import carry up to a 50 MB zip, while other calls stay at 6 MB', async () => {
    const sevenMb = Buffer.alloc(7 * 1024 * 1024, 1).toString('base64');
    const imported = await call('functions:import', { fileName: 'big.zip', base64: sevenMb });
    // The engine reads it (and says it is not a zip); the host did not refuse the size.
    expect(imported.status).toBe(400);
    expect(((await imported.json()) as { error: { code: string } }).error.code).toBe('bad-request');
    const invoke = await call('invoke:run', { functionName: 'hello', event: JSON.stringify({ data: sevenMb }) });
    expect(invoke.status).toBe(413);
  });

  it('returns typed errors from the service without a stack', async () => {
    const res = await call('functions:get', { name: 'missing' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'not-found', message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing' } });
  });

  it('pushes invocation:finished over the WebSocket to token holders only', async () => {
    const wsUrl = server.url.replace('http', 'ws');
    const refused = new WebSocket(`${wsUrl}api/events?token=wrong`);
    await expect(new Promise((resolve, reject) => { refused.on('open', resolve); refused.on('error', reject); })).rejects.toThrow(/401/);
    const ws = new WebSocket(`${wsUrl}api/events?token=${TOKEN}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const received = new Promise<unknown>((resolve) =>
      ws.on('message', (data) => {
        const event = JSON.parse(String(data)) as { type: string };
        if (event.type === 'invocation:finished') resolve(event);
      }),
    );
    const res = await call('invoke:run', { functionName: 'hello', event: '{}' });
    const { result } = (await res.json()) as { result: { requestId: string } };
    expect(await received).toMatchObject({ type: 'invocation:finished', invocation: { requestId: result.requestId, functionName: 'hello' } });
    ws.close();
  });
});

describe('UI files', () => {
  it('serves the app with a strict Content-Security-Policy', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect((await fetch(`${server.url}assets/app.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('never serves files outside the UI folder', async () => {
    const res = await fetch(`${server.url}..%2f..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('root:');
  });
});

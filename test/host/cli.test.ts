// The lambda-lab command, run as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const BIN = fileURLToPath(new URL('../../bin/lambda-lab.mjs', import.meta.url));
afterAll(removeTempDirs);

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const p = join(tempDir(), name);
  writeFileSync(p, content);
  return p;
}

describe('lambda-lab invoke', () => {
  const orders = file('orders.mjs', `export const handler = async (event) => { console.log('order', event.id); return { id: event.id, total: 42 }; };`);

  it('prints exactly one JSON object with --json and exits 0', () => {
    const r = run(['invoke', orders, '--event', '{"id":7}', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['billedDurationMs', 'coldStart', 'durationMs', 'environmentId', 'initDurationMs', 'logs', 'maxMemoryUsedMB', 'memorySizeMB', 'requestId', 'response', 'runtime', 'status'].sort());
    expect(out).toMatchObject({ runtime: 'nodejs24.x', coldStart: true, environmentId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(out['status']).toBe('success');
    expect(out['response']).toEqual({ id: 7, total: 42 });
    expect(out['memorySizeMB']).toBe(128);
    expect(out['logs']).toMatch(/\tINFO\torder 7\n/);
    expect(out['logs']).toMatch(/REPORT RequestId: [0-9a-f-]{36}\tDuration: /);
  });

  it('uses <file name>.handler by default and honours --handler, --memory, --timeout and --env', () => {
    const f = file('multi.js', `exports.main = async () => ({ region: process.env.AWS_REGION, stage: process.env.STAGE, mem: Number(process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE) });`);
    expect(JSON.parse(run(['invoke', f, '--json']).stdout).error.errorMessage).toBe('multi.handler is undefined or not exported');
    const r = JSON.parse(run(['invoke', f, '--handler', 'multi.main', '--memory', '256', '--timeout', '5', '--env', 'STAGE=dev', '--json']).stdout);
    expect(r.response).toEqual({ region: 'us-east-1', stage: 'dev', mem: 256 });
    expect(r.memorySizeMB).toBe(256);
  });

  it('reads the event from a file or from standard input', () => {
    const event = file('event.json', '{"id": 11}');
    expect(JSON.parse(run(['invoke', orders, '--event', event, '--json']).stdout).response.id).toBe(11);
    expect(JSON.parse(run(['invoke', orders, '--event', '-', '--json'], '{"id": 12}').stdout).response.id).toBe(12);
  });

  it('exits 0 when the function fails: the invocation ran', () => {
    const f = file('boom.mjs', `export const handler = async () => { throw new Error('boom'); };`);
    const r = run(['invoke', f, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', error: { errorType: 'Error', errorMessage: 'boom' } });
  });

  it('runs a folder as the function\'s file tree, with --runtime and --repeat in one environment', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.js'), `const { double } = require('./lib/math'); let n = 0; exports.handler = async (e) => ({ n: ++n, v: double(e.v), node: process.version });`);
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'math.js'), 'exports.double = (x) => x * 2;');
    const r = run(['invoke', dir, '--event', '{"v":21}', '--runtime', 'nodejs20.x', '--repeat', '3', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { response: { n: number; v: number; node: string }; runtime: string; coldStart: boolean; environmentId: string }[];
    expect(out.map((o) => o.response.n)).toEqual([1, 2, 3]);
    expect(out.map((o) => o.coldStart)).toEqual([true, false, false]);
    expect(new Set(out.map((o) => o.environmentId)).size).toBe(1);
    expect(out[0]?.response.v).toBe(42);
    expect(out[0]?.runtime).toBe('nodejs20.x');
    expect(out[0]?.response.node).toMatch(/^v20\./);
  });

  it('writes JSON log lines with --log-format JSON', () => {
    const r = JSON.parse(run(['invoke', orders, '--event', '{"id":1}', '--log-format', 'JSON', '--json']).stdout) as { logs: string };
    const lines = r.logs.split('\n').map((l) => JSON.parse(l) as { type?: string; level?: string });
    expect(lines.map((l) => l.type ?? l.level)).toEqual(['platform.initStart', 'platform.start', 'INFO', 'platform.report']);
  });

  it('prints the logs, then the response, without --json', () => {
    const r = run(['invoke', orders, '--event', '{"id":3}']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/START RequestId[\s\S]*order 3[\s\S]*REPORT RequestId/);
    expect(JSON.parse(r.stdout)).toEqual({ id: 3, total: 42 });
  });

  it.each([
    [['invoke'], /needs the handler file/],
    [['invoke', '/no/such/file.mjs'], /No such file or folder: \/no\/such\/file\.mjs/],
    [['invoke', 'FILE', '--runtime', 'nodejs18.x'], /--runtime must be one of nodejs20\.x, nodejs22\.x, nodejs24\.x/],
    [['invoke', 'FILE', '--log-format', 'XML'], /--log-format must be one of Text, JSON/],
    [['invoke', 'FILE', '--ephemeral-storage', '100'], /--ephemeral-storage must be a whole number of MB from 512 to 10240/],
    [['invoke', 'FILE', '--repeat', '0'], /--repeat must be a whole number/],
    [['invoke', 'FILE', '--event', '{bad'], /not valid JSON/],
    [['invoke', 'FILE', '--memory', '64'], /--memory must be a whole number of MB from 128 to 10240/],
    [['invoke', 'FILE', '--timeout', '901'], /--timeout must be a whole number of seconds from 1 to 900/],
    [['invoke', 'FILE', '--env', 'NOVALUE'], /--env takes KEY=VALUE/],
    [['invoke', 'FILE', '--env', 'AWS_REGION=x'], /Reserved keys used in this request: AWS_REGION/],
    [['invoke', 'FILE', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const r = run(args.map((a) => (a === 'FILE' ? orders : a)));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('lambda-lab serve', () => {
  it('prints one line with the URL and token, and serves the contract there', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-open', '--data-dir', tempDir()], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const m = /^Lambda Lab running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([0-9a-f]{48})$/.exec(line);
      expect(m).not.toBeNull();
      const res = await fetch(`${m?.[1]}/api/functions:list`, { method: 'POST', headers: { 'x-lab-token': m?.[2] ?? '' }, body: '{}' });
      expect(((await res.json()) as { result: { name: string }[] }).result[0]?.name).toBe('hello');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

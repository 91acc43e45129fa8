// The runner process: invocations go through it, and the host recovers when it dies.
import { afterAll, describe, expect, it } from 'vitest';
import type { EnvironmentSpec } from '../../sandbox/runtime/environment.ts';
import { RunnerClient } from '../../sandbox/runtime/runner-client.ts';
import { enginePaths } from '../../sandbox/host/paths.ts';

const respawns: string[] = [];
const runner = new RunnerClient({ ...enginePaths, heapCapMB: 1024, graceMs: 1500, onRespawn: (r) => respawns.push(r) });
afterAll(() => runner.close());

function spec(id: string, code: string, timeoutSeconds = 3): EnvironmentSpec {
  return {
    environmentId: id, logStreamId: id.padStart(32, '0'), functionName: 'fn', runtime: 'nodejs24.x', handler: 'index.handler',
    files: [{ path: 'index.mjs', content: code }], memorySizeMB: 128, timeoutSeconds, variables: {}, logFormat: 'Text',
    applicationLogLevel: 'INFO', architecture: 'x86_64', region: 'us-east-1', accountId: '123456789012',
  };
}

describe('runner process', () => {
  it('runs invocations and keeps the environment warm between them', async () => {
    const s = spec('a1', 'let n = 0; export const handler = async () => ++n;');
    const first = await runner.invoke('a1', s, { requestId: 'req-1', event: '{}' });
    const second = await runner.invoke('a1', s, { requestId: 'req-2', event: '{}' });
    expect([first.response, second.response, first.coldStart, second.coldStart]).toEqual(['1', '2', true, false]);
  });

  it('does not pass the host\'s environment variables into functions', async () => {
    process.env['AWS_SECRET_ACCESS_KEY_FOR_TEST'] = 'host-secret';
    const r = await runner.invoke('env1', spec('env1', 'export const handler = async () => Object.keys(process.env).filter(k => k.includes("FOR_TEST"));'), { requestId: 'req-env', event: '{}' });
    expect(r.response).toBe('[]');
  });

  it('ends affected invocations with Runtime.ExitError when the runner dies, then works again', async () => {
    const slow = runner.invoke('b1', spec('b1', 'export const handler = () => new Promise(r => setTimeout(r, 5000));', 10), { requestId: 'req-crash', event: '{}' });
    await new Promise((r) => setTimeout(r, 300));
    process.kill(runner.pid ?? 0, 'SIGKILL');
    const crashed = await slow;
    expect(crashed.status).toBe('error');
    expect(crashed.error?.errorType).toBe('Runtime.ExitError');
    expect(crashed.error?.errorMessage).toBe('RequestId: req-crash Error: Runtime exited with error: signal: killed');
    expect(crashed.logs).toContain('END RequestId: req-crash');
    expect(respawns.length).toBe(1);
    const after = await runner.invoke('c1', spec('c1', 'export const handler = async () => "alive";'), { requestId: 'req-after', event: '{}' });
    expect(after.response).toBe('"alive"');
  });
});

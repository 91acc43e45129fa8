// The price of one invocation, and the cost recorded with every invocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../sandbox/lab.ts';
import { LAMBDA_PRICES_USD, billInvocation } from '../../sandbox/observe/billing.ts';
import { startLab } from '../helpers/lab.ts';
import { removeTempDirs } from '../helpers/temp.ts';

describe('billInvocation', () => {
  it('charges a request plus GB-seconds at the x86_64 or arm64 price', () => {
    // 1 GB for 1 s: $0.0000166667 (x86) / $0.0000133334 (arm) + $0.0000002 per request.
    expect(billInvocation({ billedDurationMs: 1000, memorySizeMB: 1024, architecture: 'x86_64', ephemeralStorageMB: 512 })).toBeCloseTo(0.0000002 + 0.0000166667, 15);
    expect(billInvocation({ billedDurationMs: 1000, memorySizeMB: 1024, architecture: 'arm64', ephemeralStorageMB: 512 })).toBeCloseTo(0.0000002 + 0.0000133334, 15);
    // 128 MB for 3 ms.
    expect(billInvocation({ billedDurationMs: 3, memorySizeMB: 128, architecture: 'x86_64', ephemeralStorageMB: 512 })).toBeCloseTo(0.0000002 + 0.125 * 0.003 * 0.0000166667, 18);
    // A million 100 ms invocations at 512 MB: $0.20 + 50,000 GB-s.
    expect(1e6 * billInvocation({ billedDurationMs: 100, memorySizeMB: 512, architecture: 'x86_64', ephemeralStorageMB: 512 })).toBeCloseTo(0.2 + 50_000 * 0.0000166667, 9);
  });

  it('adds ephemeral storage above 512 MB only', () => {
    const base = billInvocation({ billedDurationMs: 2000, memorySizeMB: 1024, architecture: 'x86_64', ephemeralStorageMB: 512 });
    const extra = billInvocation({ billedDurationMs: 2000, memorySizeMB: 1024, architecture: 'x86_64', ephemeralStorageMB: 10_240 });
    expect(extra - base).toBeCloseTo(((10_240 - 512) / 1024) * 2 * LAMBDA_PRICES_USD.ephemeralPerGbSecond, 18);
  });
});

describe('costUsd of recorded invocations', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab.close();
    removeTempDirs();
  });

  it('is computed from the billed duration, memory, architecture and storage at invoke time, and listed', async () => {
    await lab.api['functions:create']({ name: 'arm', config: { architecture: 'arm64', memorySizeMB: 2048, ephemeralStorageMB: 1024 }, files: [{ path: 'index.mjs', content: 'export const handler = async () => 1;' }] });
    const r = await lab.api['invoke:run']({ functionName: 'arm', event: '{}' });
    expect(r.costUsd).toBeCloseTo(billInvocation({ billedDurationMs: r.billedDurationMs, memorySizeMB: 2048, architecture: 'arm64', ephemeralStorageMB: 1024 }), 18);
    expect(r.costUsd).toBeGreaterThan(0.0000002);
    const [listed] = await lab.api['invocations:list']({ functionName: 'arm', limit: 1 });
    expect(listed?.costUsd).toBe(r.costUsd);
    expect((await lab.api['invocations:get']({ requestId: r.requestId })).costUsd).toBe(r.costUsd);
    await lab.api['functions:update-config']({ name: 'arm', config: { architecture: 'x86_64' } });
    const x86 = await lab.api['invoke:run']({ functionName: 'arm', event: '{}' });
    expect(x86.costUsd).toBeCloseTo(billInvocation({ billedDurationMs: x86.billedDurationMs, memorySizeMB: 2048, architecture: 'x86_64', ephemeralStorageMB: 1024 }), 18);
  });
});

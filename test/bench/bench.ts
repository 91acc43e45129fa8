// `npm run bench`: how fast the lab runs a handler, next to the floors it is built on and to
// an in-process runner without isolation (lambda-local), all measured in this one run on the
// same 1 KB handler and event. Prints a table; targets are reported, never asserted.
import ivm from 'isolated-vm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { createLab } from '../../sandbox/lab.ts';
import { enginePaths } from '../../sandbox/host/paths.ts';
import type { EnvironmentSpec } from '../../sandbox/runtime/environment.ts';
import { RunnerClient } from '../../sandbox/runtime/runner-client.ts';

const require = createRequire(import.meta.url);

/** A realistic small handler (about 1 KB): validates an order and prices it. */
const HANDLER_SOURCE = `
// Prices an order: the kind of small handler a student writes first.
const TAX_RATES = { DE: 0.19, FR: 0.2, US: 0.07, GB: 0.2, NL: 0.21, ES: 0.21, IT: 0.22, PL: 0.23 };
const SHIPPING = { standard: 4.95, express: 12.5, pickup: 0 };

function lineTotal(line) {
  if (typeof line.price !== 'number' || typeof line.qty !== 'number') {
    throw new TypeError('each line needs a numeric price and qty');
  }
  return Math.round(line.price * line.qty * 100) / 100;
}

export const handler = async (event) => {
  const lines = Array.isArray(event.lines) ? event.lines : [];
  const subtotal = lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const rate = TAX_RATES[event.country] ?? 0;
  const shipping = SHIPPING[event.shipping] ?? SHIPPING.standard;
  const tax = Math.round(subtotal * rate * 100) / 100;
  return {
    orderId: event.orderId,
    subtotal,
    tax,
    shipping,
    total: Math.round((subtotal + tax + shipping) * 100) / 100,
    items: lines.length,
  };
};
`;
const EVENT = JSON.stringify({
  orderId: 'o-1001',
  country: 'DE',
  shipping: 'express',
  lines: [{ sku: 'a', price: 9.99, qty: 2 }, { sku: 'b', price: 24.5, qty: 1 }],
});

interface Row {
  name: string;
  samples: number[];
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

async function measure(name: string, iterations: number, warmup: number, fn: () => Promise<unknown>, note?: string): Promise<Row> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push((performance.now() - t) * 1000);
  }
  return { name, samples, ...(note !== undefined ? { note } : {}) };
}

const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-lab-bench-'));
  const rows: Row[] = [];
  const N = Number(process.env['BENCH_N'] ?? 5000);
  try {
    // 1. The floor: the same handler called in this process.
    const handlerFile = join(dir, 'handler.mjs');
    writeFileSync(handlerFile, HANDLER_SOURCE);
    const mod = (await import(pathToFileURL(handlerFile).href)) as { handler: (e: unknown) => Promise<unknown> };
    rows.push(await measure('in-process call (floor)', N, 500, async () => JSON.stringify(await mod.handler(JSON.parse(EVENT)))));

    // 2. The floor for this design: one isolated-vm round trip (event in, result JSON out).
    const iso = new ivm.Isolate({ memoryLimit: 128 });
    const ctx = await iso.createContext();
    const m = await iso.compileModule(HANDLER_SOURCE, { filename: 'file:///var/task/index.mjs' });
    await m.instantiate(ctx, () => {
      throw new Error('no imports');
    });
    await m.evaluate();
    await ctx.global.set('__h', m.namespace.derefInto());
    const call = (await ctx.eval('(async (e) => JSON.stringify(await __h.handler(JSON.parse(e))))', { reference: true })) as ivm.Reference<(e: string) => Promise<string>>;
    rows.push(await measure('raw isolated-vm round trip', N, 500, () => call.apply(undefined, [EVENT], { result: { promise: true, copy: true } })));
    iso.dispose();

    // 3. The lab, warm: service → runner process → isolate → SQLite history write.
    const lab = await createLab({ dataDir: dir, version: 'bench', seed: false });
    await lab.api['functions:create']({ name: 'orders', description: '', config: {}, files: [{ path: 'index.mjs', content: HANDLER_SOURCE }] });
    const warm = await measure('lambda-lab warm invoke', N, 500, () => lab.api['invoke:run']({ functionName: 'orders', event: EVENT }), 'includes the history write');
    rows.push(warm);
    const check = await lab.api['invoke:run']({ functionName: 'orders', event: EVENT });
    if (check.status !== 'success' || check.coldStart) throw new Error(`bench sanity check failed: ${check.status} ${JSON.stringify(check.error)}`);
    await lab.close();

    // 4. The lab, cold: a new execution environment (isolate + glue + INIT of the handler) each time.
    const runner = new RunnerClient({ ...enginePaths, heapCapMB: 1024 });
    await runner.start();
    let envs = 0;
    const spec = (id: string): EnvironmentSpec => ({
      environmentId: id, logStreamId: id.padStart(32, '0'), functionName: 'orders', runtime: 'nodejs24.x', handler: 'index.handler',
      files: [{ path: 'index.mjs', content: HANDLER_SOURCE }], memorySizeMB: 128, timeoutSeconds: 3, variables: {}, logFormat: 'Text',
      applicationLogLevel: 'INFO', architecture: 'x86_64', region: 'us-east-1', accountId: '123456789012',
    });
    const cold = await measure('lambda-lab cold start', 300, 20, async () => {
      const id = `cold${++envs}`;
      const r = await runner.invoke(id, spec(id), { requestId: `r${envs}`, event: EVENT });
      if (!r.coldStart || r.status !== 'success') throw new Error('expected a successful cold start');
      runner.disposeEnvironment(id);
    }, 'new isolate + INIT + invoke, via the runner');
    rows.push(cold);
    await runner.close();

    // 5. lambda-local: an in-process runner with no isolation, on the same handler and event.
    const lambdaLocal = require('lambda-local') as { execute(o: Record<string, unknown>): Promise<unknown>; setLogger(l: unknown): void };
    const silent = { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, transports: [], level: 'error' };
    lambdaLocal.setLogger(silent);
    rows.push(await measure('lambda-local', Math.min(N, 2000), 100, () => lambdaLocal.execute({ event: JSON.parse(EVENT), lambdaFunc: mod, lambdaHandler: 'handler', timeoutMs: 3000, verboseLevel: 0, envfile: undefined }), 'no isolation'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // ---- report ----
  const stats = rows.map((r) => {
    const sorted = [...r.samples].sort((a, b) => a - b);
    const total = r.samples.reduce((a, b) => a + b, 0);
    return { ...r, median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), perSecond: (r.samples.length / total) * 1e6 };
  });
  const w = Math.max(...stats.map((s) => s.name.length));
  process.stdout.write(`\n${'case'.padEnd(w)}  ${'median'.padStart(10)}  ${'p99'.padStart(10)}  ${'per second'.padStart(11)}  note\n`);
  for (const s of stats) {
    process.stdout.write(`${s.name.padEnd(w)}  ${fmt(s.median).padStart(10)}  ${fmt(s.p99).padStart(10)}  ${Math.round(s.perSecond).toString().padStart(11)}  ${s.note ?? ''}\n`);
  }
  const by = (n: string) => stats.find((s) => s.name === n) as (typeof stats)[number];
  const floor = by('in-process call (floor)');
  const raw = by('raw isolated-vm round trip');
  const labWarm = by('lambda-lab warm invoke');
  const labCold = by('lambda-lab cold start');
  const overhead = labWarm.median - floor.median;
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  process.stdout.write(`\nTargets (this machine):\n`);
  process.stdout.write(`  warm overhead (lab − handler) median ${fmt(overhead)} = ${(overhead / raw.median).toFixed(2)}× the raw isolated-vm round trip (target ≤ 3×, < 250 µs): ${verdict(overhead <= 3 * raw.median && overhead < 250)}\n`);
  process.stdout.write(`  cold start median ${fmt(labCold.median)} (target < 15 ms): ${verdict(labCold.median < 15_000)}\n`);
  process.stdout.write(`  sequential warm invocations incl. history write: ${Math.round(labWarm.perSecond)}/s (target ≥ 5,000/s): ${verdict(labWarm.perSecond >= 5000)}\n`);
}

await main();

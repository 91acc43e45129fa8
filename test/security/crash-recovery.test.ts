// Crash recovery: the runner process dies (killed, aborted by isolated-vm's catastrophic error
// handler) or stops answering (stopped, or stuck in code that dispose() cannot interrupt). The
// host kills and respawns it, the invocations caught in it end on time (Runtime.ExitError for
// a crash, Sandbox.Timedout for the one that ran past its deadline), and the lab carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecurityLab } from './harness.ts';

let s: SecurityLab;
beforeAll(async () => {
  s = await SecurityLab.start({ ownRunner: true });
});
afterAll(async () => {
  await s.close();
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const runnerPid = (): number => {
  const pid = s.runner?.pid;
  if (pid === undefined) throw new Error('the runner is not running');
  return pid;
};
const SLOW = `export const handler = async (event) => { if (event.wait) await new Promise((r) => setTimeout(r, event.wait)); return 'ok'; };`;
const MAP_BOMB = `export const handler = async () => { const m = new Map(); for (let i = 0; ; i++) m.set(i, i); };`;
const UNSTOPPABLE = `let warm = false; export const handler = async (event) => { if (event.warmup) { warm = true; return 'warm'; } return new Array(2 ** 32 - 1).fill(0).length; };`;

// Sequential: every case here takes the shared runner down.
describe('runner crashes and hangs', () => {
  it('a runner killed mid-invocation: the invocation ends as Runtime.ExitError and the function works again, cold', async () => {
    const name = await s.deploy({ code: SLOW, config: { timeoutSeconds: 3 } });
    await s.invoke(name);
    const pid = runnerPid();
    const pending = s.invoke(name, '{"wait":2000}');
    await sleep(300);
    process.kill(pid, 'SIGKILL');
    const killed = await pending;
    await s.verdict(expect, killed, { status: 'error', errorType: 'Runtime.ExitError', noCanary: true }, 3);
    expect(killed.record.error?.errorMessage).toMatch(/Runtime exited with error: signal: killed$/);
    expect(killed.respawnsAfter).toBe(killed.respawnsBefore + 1);
    const again = await s.invoke(name);
    await s.verdict(expect, again, { status: 'success' }, 3);
    expect(again.record.coldStart).toBe(true);
    expect(runnerPid()).not.toBe(pid);
  });

  it('a bystander invocation in flight when another function crashes the runner ends as Runtime.ExitError; both functions work afterwards', async () => {
    const bystander = await s.deploy({ code: SLOW, config: { timeoutSeconds: 5 } });
    const attacker = await s.deploy({ code: MAP_BOMB, config: { timeoutSeconds: 5 } });
    const pending = s.invoke(bystander, '{"wait":3000}');
    await sleep(200);
    const crash = await s.invoke(attacker);
    await s.verdict(expect, crash, { status: 'error', errorType: ['Runtime.ExitError', 'Runtime.OutOfMemory'], noCanary: true }, 5);
    const hit = await pending;
    // The bomb either crashes V8 (the runner dies, taking the bystander with it) or is caught
    // as a clean out-of-memory (only the attacker's environment ends, the bystander finishes).
    if (crash.record.error?.errorType === 'Runtime.ExitError') {
      await s.verdict(expect, hit, { status: 'error', errorType: 'Runtime.ExitError', noCanary: true }, 5);
    } else {
      await s.verdict(expect, hit, { status: 'success', noCanary: true }, 5);
    }
    const after = await s.invoke(bystander);
    await s.verdict(expect, after, { status: 'success' }, 5);
  });

  it('functions warmed before a crash start cold afterwards and work', async () => {
    const warmed = await Promise.all([1, 2, 3].map(() => s.deploy({ code: `let n = 0; export const handler = async () => ++n;` })));
    for (const name of warmed) await s.invoke(name);
    process.kill(runnerPid(), 'SIGKILL');
    await sleep(300);
    for (const name of warmed) {
      const inv = await s.invoke(name);
      await s.verdict(expect, inv, { status: 'success', noCanary: true });
      expect.soft(inv.record.response, 'a fresh environment').toBe('1');
      expect.soft(inv.record.coldStart).toBe(true);
    }
    await s.canary(expect);
  });

  it('six runner crashes in a row are each recovered', async () => {
    const attacker = await s.deploy({ code: MAP_BOMB, config: { timeoutSeconds: 5 } });
    const before = s.respawns.length;
    for (let i = 0; i < 6; i++) {
      const crash = await s.invoke(attacker);
      await s.verdict(expect, crash, { status: 'error', errorType: ['Runtime.ExitError', 'Runtime.OutOfMemory'], noCanary: true }, 5);
    }
    expect(s.respawns.length - before).toBeGreaterThanOrEqual(1);
    await s.canary(expect);
  });

  it('a runner that stops answering during a warm invocation is killed and respawned: the invocation ends on time', async () => {
    const name = await s.deploy({ code: SLOW });
    await s.invoke(name);
    const pending = s.invoke(name, '{"wait":800}');
    await sleep(200);
    process.kill(runnerPid(), 'SIGSTOP');
    const stuck = await pending;
    await s.verdict(expect, stuck, { status: 'timeout', errorType: 'Sandbox.Timedout' });
    expect(stuck.respawnsAfter).toBe(stuck.respawnsBefore + 1);
  });

  it('a runner that stops answering during a cold invocation is killed and respawned: the invocation ends on time', async () => {
    const name = await s.deploy({ code: SLOW });
    const pending = s.invoke(name, '{"wait":800}');
    await sleep(300);
    process.kill(runnerPid(), 'SIGSTOP');
    const stuck = await pending;
    await s.verdict(expect, stuck, { status: 'timeout', errorType: 'Sandbox.Timedout' });
  });

  it('code that dispose() cannot interrupt (filling a 2^32-1 array), on a warm environment, ends on time: the runner is killed', async () => {
    const name = await s.deploy({ code: UNSTOPPABLE });
    const warm = await s.invoke(name, '{"warmup":true}');
    expect(warm.record.response).toBe('"warm"');
    const inv = await s.invoke(name);
    await s.verdict(expect, inv, { status: 'timeout', errorType: 'Sandbox.Timedout' });
  });

  it('an unhandled rejection whose message and stack getters never return (isolated-vm swallows the termination between them), on a warm environment, ends on time', async () => {
    const name = await s.deploy({
      code: `export const handler = async (event) => {
        if (event.warmup) return 'warm';
        const e = new Error('x');
        Object.defineProperty(e, 'message', { get() { while (true) {} } });
        Object.defineProperty(e, 'stack', { get() { while (true) {} } });
        Promise.reject(e);
        return 'ok';
      };`,
    });
    expect((await s.invoke(name, '{"warmup":true}')).record.response).toBe('"warm"');
    const inv = await s.invoke(name);
    await s.verdict(expect, inv, { status: 'timeout', errorType: 'Sandbox.Timedout' });
  });

  it('code that dispose() cannot interrupt (filling a 2^32-1 array), on a cold start, ends on time: the runner is killed', async () => {
    const inv = await s.attack({ code: UNSTOPPABLE });
    await s.verdict(expect, inv, { status: 'timeout', errorType: 'Sandbox.Timedout' });
  });
});

// The engine supervisor with real child processes: a small stand-in engine (fixtures/fake-engine.mjs)
// for start, ready, crash → restart, quit and the failure paths; and the real engine
// (`lambda-lab serve`) for a kill in the middle of its work, with the data checked afterwards.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { engineArgs, engineCliPath } from '../../electron/engine-process.ts';
import { type EngineSupervisorOptions, EngineStartError, EngineSupervisor, type SupervisorEvent } from '../../electron/engine-supervisor.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { FAKE_ENGINE, REPO_ROOT, isAlive, nextEvent, recordingLog, signalsReceived, waitFor } from './helpers.ts';

const running: EngineSupervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});
afterAll(() => removeTempDirs());

function fakeSupervisor(mode: string, extra: Partial<EngineSupervisorOptions> = {}, env: NodeJS.ProcessEnv = {}) {
  const log = recordingLog();
  const signals = join(tempDir('lambda-lab-supervisor-'), 'signals.txt');
  const events: SupervisorEvent[] = [];
  const supervisor = new EngineSupervisor({
    command: process.execPath,
    args: [FAKE_ENGINE],
    env: { ...process.env, FAKE_ENGINE_MODE: mode, FAKE_ENGINE_SIGNALS: signals, ...env },
    log,
    restart: { maxCrashes: 3, windowMs: 60_000, delayMs: () => 50 },
    ...extra,
  });
  supervisor.subscribe((e) => events.push(e));
  running.push(supervisor);
  return { supervisor, log, signals, events };
}

describe('EngineSupervisor with a stand-in engine', () => {
  it('starts the engine and reads its endpoint from the ready line', async () => {
    const { supervisor, events } = fakeSupervisor('ready');
    const endpoint = await supervisor.start();
    expect(endpoint.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(endpoint.token).toMatch(/^[0-9a-f]{48}$/);
    expect(isAlive(endpoint.pid)).toBe(true);
    expect(supervisor.state).toBe('running');
    expect(supervisor.endpoint).toEqual(endpoint);
    expect(events).toEqual([{ type: 'ready', endpoint, restarted: false }]);
    // The origin is real: the stand-in listens there.
    expect(await (await fetch(`${endpoint.origin}/`)).text()).toBe('fake engine\n');
    // A second start while running returns the same engine.
    expect(await supervisor.start()).toEqual(endpoint);
  });

  it('restarts the engine after it is killed, with a new endpoint, and says so', async () => {
    const { supervisor, events } = fakeSupervisor('ready');
    const first = await supervisor.start();
    const crashed = nextEvent(supervisor, 'crashed');
    const ready = nextEvent(supervisor, 'ready');
    process.kill(first.pid, 'SIGKILL');
    expect(await crashed).toMatchObject({ type: 'crashed', code: null, signal: 'SIGKILL', willRestart: true });
    expect(supervisor.endpoint).toBeUndefined(); // nothing points at the dead engine meanwhile
    const second = await ready;
    expect(second.restarted).toBe(true);
    expect(second.endpoint.pid).not.toBe(first.pid);
    expect(second.endpoint.token).not.toBe(first.token);
    expect(second.endpoint.origin).not.toBe(first.origin);
    expect(supervisor.endpoint).toEqual(second.endpoint);
    expect(isAlive(first.pid)).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['ready', 'crashed', 'ready']);
  });

  it('stops the engine with SIGTERM and waits for it to exit, with no restart', async () => {
    const { supervisor, signals, events } = fakeSupervisor('ready');
    const { pid } = await supervisor.start();
    await supervisor.stop();
    expect(isAlive(pid)).toBe(false);
    expect(signalsReceived(signals)).toEqual([`${pid} SIGTERM`]);
    expect(supervisor.state).toBe('stopped');
    expect(supervisor.endpoint).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['ready', 'stopped']);
  });

  it('kills an engine that ignores SIGTERM after the grace period', async () => {
    const { supervisor, signals, log } = fakeSupervisor('ignore-sigterm', { stopTimeoutMs: 300 });
    const { pid } = await supervisor.start();
    const started = Date.now();
    await supervisor.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(isAlive(pid)).toBe(false);
    expect(signalsReceived(signals)).toEqual([`${pid} SIGTERM`]);
    expect(log.lines.some((l) => l.includes('did not stop within 300 ms; killing it'))).toBe(true);
  });

  it('reports an engine that exits before it is ready, with its last output', async () => {
    const { supervisor } = fakeSupervisor('exit-before-ready');
    const error = await supervisor.start().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(EngineStartError);
    expect((error as EngineStartError).message).toBe('The Lambda Lab engine stopped before it was ready (exit code 3)');
    expect((error as EngineStartError).output).toContain('could not open the lab database (fake failure)');
    expect(supervisor.state).toBe('failed');
  });

  it('gives up on an engine that is not ready in time, and kills it', async () => {
    const { supervisor, log } = fakeSupervisor('never-ready', { readyTimeoutMs: 400 });
    await expect(supervisor.start()).rejects.toThrow('The Lambda Lab engine was not ready within 0.4 s');
    expect(supervisor.state).toBe('failed');
    expect(log.lines.some((l) => l.includes('not ready within'))).toBe(true);
  });

  it('reports a Node that cannot be started', async () => {
    const log = recordingLog();
    const supervisor = new EngineSupervisor({ command: join(tempDir(), 'no-such-node'), args: [], log });
    running.push(supervisor);
    await expect(supervisor.start()).rejects.toThrow(/Could not start the Lambda Lab engine with .*no-such-node: spawn .* ENOENT/);
  });

  it('stops restarting after too many crashes in the window, and a manual start works again', async () => {
    const { supervisor } = fakeSupervisor('ready', { restart: { maxCrashes: 2, windowMs: 60_000, delayMs: () => 20 } });
    let endpoint = await supervisor.start();
    for (let i = 0; i < 2; i++) {
      const ready = nextEvent(supervisor, 'ready');
      process.kill(endpoint.pid, 'SIGKILL');
      endpoint = (await ready).endpoint;
    }
    const gaveUp = nextEvent(supervisor, 'gave-up');
    const crashed = nextEvent(supervisor, 'crashed');
    process.kill(endpoint.pid, 'SIGKILL');
    expect((await crashed).willRestart).toBe(false);
    expect((await gaveUp).crashes).toBe(3);
    expect(supervisor.state).toBe('failed');
    expect(supervisor.endpoint).toBeUndefined();
    const again = await supervisor.start();
    expect(isAlive(again.pid)).toBe(true);
  });

  it('counts a restart that fails as another crash', async () => {
    const state = join(tempDir(), 'starts.txt');
    const { supervisor, events } = fakeSupervisor('fail-restarts', { restart: { maxCrashes: 2, windowMs: 60_000, delayMs: () => 20 } }, { FAKE_ENGINE_STATE: state });
    const { pid } = await supervisor.start();
    const gaveUp = nextEvent(supervisor, 'gave-up');
    process.kill(pid, 'SIGKILL');
    const event = await gaveUp;
    expect(event.output).toContain('fake failure');
    expect(events.map((e) => e.type)).toEqual(['ready', 'crashed', 'restart-failed', 'restart-failed', 'gave-up']);
    expect(events.filter((e) => e.type === 'restart-failed').map((e) => e.willRestart)).toEqual([true, false]);
    expect(supervisor.state).toBe('failed');
  });

  it('does not restart an engine that crashed while it was being stopped', async () => {
    const { supervisor, events } = fakeSupervisor('ready', { restart: { maxCrashes: 3, windowMs: 60_000, delayMs: () => 300 } });
    const { pid } = await supervisor.start();
    const crashed = nextEvent(supervisor, 'crashed');
    process.kill(pid, 'SIGKILL');
    await crashed; // a restart is now scheduled in 300 ms
    await supervisor.stop();
    await new Promise((r) => setTimeout(r, 500));
    expect(supervisor.state).toBe('stopped');
    expect(events.map((e) => e.type)).toEqual(['ready', 'crashed']);
  });

  it('restarts on request (stop, then start) without taking the stop for a crash', async () => {
    // The stopped engine's output pipes stay open a little longer (as with the real runner).
    const { supervisor, events, signals } = fakeSupervisor('ready', {}, { FAKE_ENGINE_LINGER_MS: '150' });
    const first = await supervisor.start();
    const second = await supervisor.restart();
    expect(second.pid).not.toBe(first.pid);
    expect(isAlive(first.pid)).toBe(false);
    await new Promise((r) => setTimeout(r, 500)); // longer than the supervisor waits for a dead engine's output
    expect(events.map((e) => e.type)).toEqual(['ready', 'stopped', 'ready']);
    expect(supervisor.endpoint).toEqual(second);
    expect(signalsReceived(signals)).toEqual([`${first.pid} SIGTERM`]);
  });

  it('never logs the token, even split across writes', async () => {
    const { supervisor, log } = fakeSupervisor('ready');
    const { token } = await supervisor.start();
    await waitFor(() => log.lines.some((l) => l.includes('after ready')), 'the line printed after the ready line');
    await waitFor(() => log.lines.some((l) => l.includes('(raw: ')), 'the split token on stderr');
    const text = log.lines.join('\n');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(0, 24));
    expect(text).toContain('debug: starting with token=<redacted>');
    expect(text).toContain('after ready: the token is <redacted>');
    expect(text).toMatch(/engine ready at http:\/\/127\.0\.0\.1:\d+ \(pid \d+\)/);
  });
});

describe('EngineSupervisor with the real engine (lambda-lab serve)', () => {
  it('keeps the lab data through a kill, restarts on a new origin, and stops cleanly', async () => {
    const dataDir = tempDir('lambda-lab-supervisor-data-');
    const log = recordingLog();
    const supervisor = new EngineSupervisor({
      command: process.execPath,
      args: engineArgs(engineCliPath(REPO_ROOT), dataDir),
      env: { ...process.env },
      cwd: REPO_ROOT,
      log,
      restart: { maxCrashes: 3, windowMs: 60_000, delayMs: () => 50 },
    });
    running.push(supervisor);
    const call = async (origin: string, token: string, name: string, body: unknown) => {
      const res = await fetch(`${origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lab-token': token }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { ok: boolean; result?: unknown } };
    };

    const first = await supervisor.start();
    const code = 'export const handler = async () => "kept through a kill";\n';
    const saved = await call(first.origin, first.token, 'functions:save-code', { name: 'hello', files: [{ path: 'index.mjs', content: code }] });
    expect(saved.status).toBe(200);

    const restarted = nextEvent(supervisor, 'ready', 30_000);
    process.kill(first.pid, 'SIGKILL');
    const second = (await restarted).endpoint;
    expect(second.origin).not.toBe(first.origin);
    expect((await call(second.origin, first.token, 'functions:list', {})).status).toBe(401); // the old token is dead
    const hello = await call(second.origin, second.token, 'functions:get', { name: 'hello' });
    expect((hello.body.result as { files: { path: string; content: string }[] }).files).toEqual([{ path: 'index.mjs', content: code }]);

    await supervisor.stop();
    expect(isAlive(second.pid)).toBe(false);
    // A clean stop closes the database: SQLite folds the WAL back in and removes it.
    expect(existsSync(join(dataDir, 'lab.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'lab.db-wal'))).toBe(false);
    const logged = log.lines.join('\n');
    expect(logged).not.toContain(first.token);
    expect(logged).not.toContain(second.token);
  }, 60_000);
});

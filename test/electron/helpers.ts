// Helpers for the desktop shell's tests: a log that records every line, process checks, waits.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EngineSupervisor, SupervisorEvent } from '../../electron/engine-supervisor.ts';
import { type ShellLog, createShellLog } from '../../electron/log.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FAKE_ENGINE = fileURLToPath(new URL('./fixtures/fake-engine.mjs', import.meta.url));

export interface RecordedLog extends ShellLog {
  lines: string[];
}

/** A ShellLog whose lines are kept for the test to inspect (they are the scrubbed lines). */
export function recordingLog(): RecordedLog {
  const lines: string[] = [];
  const log = createShellLog((_level, line) => lines.push(line));
  return Object.assign(log, { lines });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds (state changes, never sleeps for their own sake). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The next event of `type` from the supervisor. */
export function nextEvent<T extends SupervisorEvent['type']>(supervisor: EngineSupervisor, type: T, timeoutMs = 15_000): Promise<Extract<SupervisorEvent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no ${type} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = supervisor.subscribe((event) => {
      if (event.type !== type) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event as Extract<SupervisorEvent, { type: T }>);
    });
  });
}

export function signalsReceived(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter((l) => l !== '') : [];
}

// Messages between the engine host and the runner process (child-process IPC, JSON).
import type { EnvironmentSpec, InvokeRequest, InvokeResult } from './environment.ts';

export type HostToRunner =
  | { t: 'invoke'; id: number; envId: string; spec?: EnvironmentSpec; request: InvokeRequest }
  | { t: 'dispose'; envId: string }
  | { t: 'ping'; id: number };

export type RunnerToHost =
  | { t: 'ready'; pid: number }
  | { t: 'result'; id: number; result: InvokeResult }
  /** INIT is over for this invocation: only the function's timeout applies from now on. */
  | { t: 'init-done'; id: number }
  /** The runner does not hold that environment (e.g. it was respawned): send the spec again. */
  | { t: 'unknown-env'; id: number }
  | { t: 'failed'; id: number; message: string }
  | { t: 'pong'; id: number };

// What crosses the isolate boundary between the runner and the glue: only strings and numbers.
// These types are shared by both sides; nothing here runs code.
import type { RapidError } from './errors.ts';
import type { TaskFile } from './files.ts';
import type { TimerOp } from './timers.ts';

export interface BootConfig {
  runtime: 'nodejs20.x' | 'nodejs22.x' | 'nodejs24.x';
  handler: string;
  files: TaskFile[];
  /** The complete environment: reserved variables plus the function's own. */
  env: Record<string, string>;
  logFormat: 'Text' | 'JSON';
  /** Lowest application log level written (1 = TRACE ... 6 = FATAL). */
  minLogLevel: number;
  architecture: 'x86_64' | 'arm64';
  startTime: number;
}

export interface InvokeInput {
  requestId: string;
  /** Event JSON text (already validated by the host). */
  event: string;
  deadlineMs: number;
  invokedFunctionArn: string;
  clientContext?: string;
  identity?: string;
  traceId?: string;
}

export type Outcome = { ok: true } | { ok: false; error: RapidError };

/** Result of one entry into the isolate. A successful response's JSON follows after a '\n'. */
export interface TurnOutput {
  ops: TimerOp[];
  /** Set once the handler has produced its result (or failed). */
  outcome?: Outcome;
  /** The result waits for the event loop to drain (callback + callbackWaitsForEmptyEventLoop). */
  deferred?: boolean;
  /** Outcome of loading the handler (INIT). */
  init?: Outcome;
  /** process.exit(code) was called: the environment ends (Runtime.ExitError). */
  exit?: number;
  /** An exception escaped a timer or callback: Lambda reports it and the environment ends. */
  uncaught?: RapidError;
  /** The sandbox ran out of memory outside V8's own limit check (e.g. a huge host result). */
  oom?: boolean;
  /** The ES module handler (top-level await included) finished evaluating. */
  esmReady?: boolean;
}

/** The functions the glue exposes to the runner (names of `__lab_glue` members). */
export const GLUE_FUNCTIONS = [
  'loadCjsHandler',
  'bindEsmHandler',
  'loadFailed',
  'flush',
  'invoke',
  'fireTimers',
  'emptyLoop',
  'builtinExports',
  'cjsExportsForEsm',
] as const;
export type GlueFunction = (typeof GLUE_FUNCTIONS)[number];

/** Global symbol through which generated ES module wrappers reach built-ins and CommonJS files. */
export const ESM_BRIDGE_SYMBOL = 'lambda-lab.esm-bridge';

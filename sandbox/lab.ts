// Composition root: builds the engine's parts and implements the contract with them.
// The only place that wires parts together.
import { totalmem } from 'node:os';
import { LabError, type LabApi, type PushEvent, RUNTIMES } from './api/index.ts';
import { databasePath } from './host/data-dir.ts';
import { enginePaths } from './host/paths.ts';
import { RunnerClient } from './runtime/runner-client.ts';
import { type Clock, type IdGenerator, randomIds, systemClock } from './service/clock.ts';
import { type InvocationRunner, LambdaService } from './service/lambda-service.ts';
import { HELLO_FUNCTION } from './service/seed.ts';
import { openStore } from './store/index.ts';

export interface LabOptions {
  /** Data directory, or null for a lab that lives in memory only (the CLI's one-off invokes). */
  dataDir: string | null;
  version: string;
  clock?: Clock;
  ids?: IdGenerator;
  /** Seed the `hello` function into an empty lab (default true). */
  seed?: boolean;
  /** Replace the runner process (tests). */
  runner?: InvocationRunner & { close(): Promise<void> };
  onRunnerRespawn?: (reason: string) => void;
}

export interface Lab {
  api: LabApi;
  subscribe(listener: (event: PushEvent) => void): () => void;
  /** Set when a damaged database was moved aside at start. */
  recoveredFrom: string | undefined;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

/** The largest isolate heap this machine gives a function: a quarter of RAM, within Lambda's range. */
export function machineHeapCapMB(): number {
  return Math.max(512, Math.min(10_240, Math.floor(totalmem() / MB / 4)));
}

export async function createLab(options: LabOptions): Promise<Lab> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const listeners = new Set<(event: PushEvent) => void>();
  const emit = (event: PushEvent): void => {
    for (const l of listeners) l(event);
  };
  const heapCapMB = machineHeapCapMB();
  const store = openStore(options.dataDir === null ? ':memory:' : databasePath(options.dataDir), () => clock.now());
  const runner =
    options.runner ??
    new RunnerClient({
      runnerEntry: enginePaths.runnerEntry,
      gluePath: enginePaths.gluePath,
      heapCapMB,
      ...(options.onRunnerRespawn !== undefined ? { onRespawn: options.onRunnerRespawn } : {}),
    });
  if ('start' in runner && typeof runner.start === 'function') await (runner as RunnerClient).start();
  const lambda = new LambdaService({ store, runner, clock, ids, region: 'us-east-1', accountId: '123456789012', emit });
  if ((options.seed ?? true) && store.functions.count() === 0) {
    lambda.createFunction(HELLO_FUNCTION.name, HELLO_FUNCTION.description, HELLO_FUNCTION.config, HELLO_FUNCTION.files);
  }

  const api = {
    'lab:get-info': async () => ({
      version: options.version,
      dataDir: options.dataDir ?? ':memory:',
      runtimes: [...RUNTIMES],
      memoryCapMB: heapCapMB,
    }),
    'functions:list': async () => lambda.listFunctions(),
    'functions:get': async ({ name }) => lambda.getFunction(name),
    'functions:create': async ({ name, description, config, files }) => lambda.createFunction(name, description, config, files),
    'functions:save-code': async ({ name, files }) => lambda.saveCode(name, files),
    'functions:update-config': async ({ name, config }) => lambda.updateConfig(name, config),
    'invoke:run': async ({ functionName, event }) => lambda.invoke(functionName, event),
    'invocations:list': async (q) =>
      store.invocations.list({
        limit: q.limit,
        ...(q.functionName !== undefined ? { functionName: q.functionName } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.beforeSeq !== undefined ? { beforeSeq: q.beforeSeq } : {}),
      }),
    'invocations:get': async ({ requestId }) => {
      const r = store.invocations.get(requestId);
      if (r === undefined) throw new LabError('not-found', `No invocation with request id ${requestId}`);
      return r;
    },
  } satisfies LabApi;

  return {
    api,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recoveredFrom: store.recoveredFrom,
    async close() {
      listeners.clear();
      await runner.close();
      store.close();
    },
  };
}

// Composition root: builds the engine's parts and implements the contract with them.
// The only place that wires parts together.
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { LabError, type InvocationFilter, type LabApi, type PushEvent, RUNTIMES } from './api/index.ts';
import { databasePath } from './host/data-dir.ts';
import { PACKAGE_ROOT, enginePaths } from './host/paths.ts';
import { RunnerClient } from './runtime/runner-client.ts';
import { BLUEPRINTS } from './service/blueprints/index.ts';
import { type Clock, type IdGenerator, randomIds, systemClock } from './service/clock.ts';
import { FunctionWorkspace } from './service/function-workspace.ts';
import { type InvocationRunner, LambdaService } from './service/lambda-service.ts';
import { HELLO_FUNCTION } from './service/seed.ts';
import { TestEventService } from './service/test-events.ts';
import { type SamEventCatalog, loadSamEventCatalog } from './services/events/sam-catalog.ts';
import { listEventTemplates, renderEventTemplate } from './services/events/sam-render.ts';
import { openStore } from './store/index.ts';
import type { InvocationFilter as StoreInvocationFilter } from './store/invocations-repo.ts';

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
  /** The SAM CLI event templates (default: resources/sam-events of the package). */
  samEventsDir?: string;
}

export interface Lab {
  api: LabApi;
  subscribe(listener: (event: PushEvent) => void): () => void;
  /** Set when a damaged database was moved aside at start. */
  recoveredFrom: string | undefined;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

/** The SAM CLI's sample event templates shipped with the app (Apache-2.0: see their NOTICE). */
export const SAM_EVENTS_DIR = join(PACKAGE_ROOT, 'resources', 'sam-events');

/** Contract filters → store filters: ISO times normalised so they compare as text with stored ones. */
function storeFilter(f: InvocationFilter): StoreInvocationFilter {
  const iso = (t: string): string => new Date(t).toISOString();
  const out: StoreInvocationFilter = {
    ...(f.functionName !== undefined ? { functionName: f.functionName } : {}),
    ...(f.status !== undefined ? { status: f.status } : {}),
    ...(f.coldStart !== undefined ? { coldStart: f.coldStart } : {}),
    ...(f.from !== undefined ? { from: iso(f.from) } : {}),
    ...(f.to !== undefined ? { to: iso(f.to) } : {}),
  };
  if (out.from !== undefined && out.to !== undefined && out.from > out.to) {
    throw new LabError('bad-request', `The time range is empty: from (${f.from}) is after to (${f.to})`);
  }
  return out;
}

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
  lambda.purgeExpired();
  // Only a new lab gets `hello`: not one whose functions were all deleted (its history remains).
  if ((options.seed ?? true) && store.functions.count() === 0 && store.invocations.count({}) === 0) {
    lambda.createFunction(HELLO_FUNCTION.name, HELLO_FUNCTION.description, HELLO_FUNCTION.config, HELLO_FUNCTION.files);
  }
  const workspace = new FunctionWorkspace({ lambda, store, clock });
  const testEvents = new TestEventService({ store, requireFunction: (name) => void lambda.getFunction(name) });
  let samEvents: SamEventCatalog | undefined;
  const samCatalog = (): SamEventCatalog => (samEvents ??= loadSamEventCatalog(options.samEventsDir ?? SAM_EVENTS_DIR));

  const api = {
    'lab:get-info': async () => ({
      version: options.version,
      dataDir: options.dataDir ?? ':memory:',
      runtimes: [...RUNTIMES],
      memoryCapMB: heapCapMB,
    }),
    'functions:list': async ({ query }) => lambda.listFunctions(query),
    'functions:get': async ({ name }) => lambda.getFunction(name),
    'functions:create': async (input) => workspace.create(input),
    'functions:save-code': async ({ name, files }) => lambda.saveCode(name, files),
    'functions:update-config': async ({ name, config, description }) => lambda.updateConfig(name, config, description),
    'functions:rename': async ({ name, newName }) => lambda.renameFunction(name, newName),
    'functions:duplicate': async ({ name, newName }) => lambda.duplicateFunction(name, newName),
    'functions:delete': async ({ name }) => lambda.deleteFunction(name),
    'functions:restore': async ({ name }) => lambda.restoreFunction(name),
    'functions:export': async ({ name, format }) => workspace.export(name, format),
    'functions:import': async ({ fileName, base64, name }) => workspace.import(fileName, base64, name),
    'blueprints:list': async () => [...BLUEPRINTS],
    'test-events:list': async ({ functionName }) => testEvents.list(functionName),
    'test-events:save': async ({ functionName, name, content }) => testEvents.save(functionName, name, content),
    'test-events:rename': async ({ functionName, name, newName }) => testEvents.rename(functionName, name, newName),
    'test-events:delete': async ({ functionName, name }) => testEvents.delete(functionName, name),
    'test-events:export': async ({ functionName, name }) => testEvents.export(functionName, name),
    'test-events:import': async ({ functionName, fileName, content, name, replace }) =>
      testEvents.import(functionName, fileName, content, { ...(name !== undefined ? { name } : {}), replace }),
    'event-templates:list': async () => listEventTemplates(samCatalog()),
    'event-templates:render': async ({ service, type, values, fresh }) => renderEventTemplate(samCatalog(), { service, type, values, fresh }, clock, ids),
    'invoke:run': async ({ functionName, event }) => lambda.invoke(functionName, event),
    'invocations:list': async ({ limit, beforeSeq, ...filter }) =>
      store.invocations.list({ ...storeFilter(filter), limit, ...(beforeSeq !== undefined ? { beforeSeq } : {}) }),
    'invocations:count': async (filter) => ({ count: store.invocations.count(storeFilter(filter)) }),
    'invocations:get': async ({ requestId }) => {
      const r = store.invocations.get(requestId);
      if (r === undefined) throw new LabError('not-found', `No invocation with request id ${requestId}`);
      return r;
    },
    'invocations:rerun': async ({ requestId }) => {
      const r = store.invocations.get(requestId);
      if (r === undefined) throw new LabError('not-found', `No invocation with request id ${requestId}`);
      return lambda.invoke(r.functionName, r.event);
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

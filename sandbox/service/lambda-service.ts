// The Lambda service: functions, their execution environments, and synchronous invokes
// recorded in the history. It knows nothing of HTTP or isolates: it talks to a runner
// through a small interface and to SQLite through the store.
import {
  FunctionConfig, LabError, RESTORE_WINDOW_MS, SYNC_PAYLOAD_BYTES, type DeletedFunction, type FunctionConfigChanges, type FunctionDetail,
  type FunctionFile, type FunctionSummary, type InvocationListItem, type InvocationRecord, type InvocationStatus, type PushEvent,
} from '../api/index.ts';
import { billInvocation } from '../observe/billing.ts';
import type { EnvironmentSpec, InvokeRequest, InvokeResult } from '../runtime/environment.ts';
import type { Store } from '../store/index.ts';
import type { Clock, IdGenerator } from './clock.ts';
import { EnvironmentPool } from './environment-pool.ts';
import { validateEnvironmentVariables } from './environment-variables.ts';

/** Runs invocations in execution environments (the runner process, seen from the host). */
export interface InvocationRunner {
  invoke(envId: string, spec: EnvironmentSpec, request: InvokeRequest): Promise<InvokeResult>;
  disposeEnvironment(envId: string): void;
}

export interface LambdaServiceDeps {
  store: Store;
  runner: InvocationRunner;
  clock: Clock;
  ids: IdGenerator;
  region: string;
  accountId: string;
  emit: (event: PushEvent) => void;
}

export class LambdaService {
  private readonly pool = new EnvironmentPool();
  /** Function details by name, so the invoke path does not re-read SQLite; dropped on any change. */
  private readonly details = new Map<string, FunctionDetail>();
  constructor(private readonly deps: LambdaServiceDeps) {}

  functionArn(name: string): string {
    return `arn:aws:lambda:${this.deps.region}:${this.deps.accountId}:function:${name}`;
  }

  /** Live functions by name; `query` keeps those whose name or description contains it (any case). */
  listFunctions(query?: string): FunctionSummary[] {
    this.purgeExpired();
    const all = this.deps.store.functions.list();
    const q = query?.trim().toLocaleLowerCase() ?? '';
    if (q === '') return all;
    return all.filter((f) => f.name.toLocaleLowerCase().includes(q) || f.description.toLocaleLowerCase().includes(q));
  }

  getFunction(name: string): FunctionDetail {
    const cached = this.details.get(name);
    if (cached !== undefined) return cached;
    const fn = this.deps.store.functions.get(name);
    if (fn === undefined) throw new LabError('not-found', `Function not found: ${this.functionArn(name)}`);
    this.details.set(name, fn);
    return fn;
  }

  createFunction(name: string, description: string, config: FunctionConfigChanges, files: readonly FunctionFile[]): FunctionDetail {
    const parsed = completeConfig(config);
    checkDistinctPaths(files);
    this.claimName(name);
    this.deps.store.functions.create(name, description, parsed, files);
    return this.changed(name);
  }

  saveCode(name: string, files: readonly FunctionFile[]): FunctionDetail {
    this.getFunction(name);
    checkDistinctPaths(files);
    this.deps.store.functions.saveFiles(name, files);
    return this.changed(name);
  }

  /** Changes some settings; Lambda's ranges and messages apply (a new configuration starts cold). */
  updateConfig(name: string, changes: FunctionConfigChanges, description?: string): FunctionDetail {
    const current = this.getFunction(name);
    const config = Object.keys(changes).length > 0 ? completeConfig({ ...current.config, ...changes }) : undefined;
    this.deps.store.transaction(() => {
      if (config !== undefined) this.deps.store.functions.saveConfig(name, config);
      if (description !== undefined && description !== current.description) this.deps.store.functions.saveDescription(name, description);
    });
    return this.changed(name);
  }

  /** Renames a function; code, settings, test events and history move along. Environments start cold. */
  renameFunction(name: string, newName: string): FunctionDetail {
    this.getFunction(name);
    if (newName === name) throw new LabError('bad-request', `The function is already called ${name}`);
    this.claimName(newName);
    this.deps.store.functions.rename(name, newName);
    this.retireAll(name);
    this.details.delete(name);
    this.deps.emit({ type: 'function:renamed', from: name, to: newName });
    return this.changed(newName);
  }

  /** Copies a function (code, settings, description, test events; not its history). */
  duplicateFunction(name: string, newName: string): FunctionDetail {
    this.getFunction(name);
    this.claimName(newName);
    this.deps.store.functions.duplicate(name, newName);
    return this.changed(newName);
  }

  /**
   * Deletes a function, restorable for RESTORE_WINDOW_MS (the UI's undo); then it is purged with
   * its files and test events. Its invocation history stays.
   */
  deleteFunction(name: string): DeletedFunction {
    this.getFunction(name);
    const now = this.deps.clock.now();
    this.deps.store.functions.softDelete(name, now.toISOString());
    this.details.delete(name);
    this.retireAll(name);
    const restorableUntil = new Date(now.getTime() + RESTORE_WINDOW_MS).toISOString();
    this.deps.emit({ type: 'function:deleted', name, restorableUntil });
    return { name, deletedAt: now.toISOString(), restorableUntil };
  }

  /** Undoes a delete within the restore window. */
  restoreFunction(name: string): FunctionDetail {
    this.purgeExpired();
    if (this.deps.store.functions.deletedAt(name) === undefined) {
      if (this.deps.store.functions.get(name) !== undefined) throw new LabError('conflict', `Function ${name} is not deleted`);
      throw new LabError('not-found', `Function ${name} can no longer be restored: a deleted function is kept for ${RESTORE_WINDOW_MS / 1000} seconds`);
    }
    this.deps.store.functions.restore(name);
    return this.changed(name);
  }

  /** Purges the functions whose restore window is over. */
  purgeExpired(): void {
    const cutoff = new Date(this.deps.clock.now().getTime() - RESTORE_WINDOW_MS).toISOString();
    this.deps.store.functions.purgeDeletedBefore(cutoff);
  }

  /** Makes `name` free for a new function: a live one is a conflict; a deleted one is purged (its undo is lost). */
  private claimName(name: string): void {
    this.purgeExpired();
    if (this.deps.store.functions.get(name) !== undefined) throw new LabError('conflict', `Function already exist: ${name}`);
    if (this.deps.store.functions.deletedAt(name) !== undefined) this.deps.store.functions.purge(name);
  }

  /** Retires a function's environments: idle ones now, busy ones when their invocation ends (they are stale). */
  private retireAll(name: string): void {
    for (const envId of this.pool.retireIdle(name)) {
      this.deps.runner.disposeEnvironment(envId);
      this.deps.emit({ type: 'environment:changed', functionName: name, environmentId: envId, state: 'reclaimed' });
    }
  }

  private changed(name: string): FunctionDetail {
    this.details.delete(name);
    const fn = this.getFunction(name);
    // New code or configuration: Lambda starts new environments (cold) for the new version.
    for (const envId of this.pool.retireStale(name, fn.revision)) this.deps.runner.disposeEnvironment(envId);
    const summary = this.deps.store.functions.list().find((f) => f.name === name);
    if (summary !== undefined) this.deps.emit({ type: 'function:changed', function: summary });
    return fn;
  }

  /** A synchronous (RequestResponse) invoke; the event is JSON text. */
  async invoke(functionName: string, eventText: string): Promise<InvocationRecord> {
    const fn = this.getFunction(functionName);
    if (Buffer.byteLength(eventText, 'utf8') > SYNC_PAYLOAD_BYTES) {
      throw new LabError('payload-too-large', `Request must be smaller than ${SYNC_PAYLOAD_BYTES} bytes for the InvokeFunction operation`);
    }
    try {
      JSON.parse(eventText);
    } catch (e) {
      throw new LabError('bad-request', `Could not parse request body into json: ${(e as Error).message}`);
    }
    let env = this.pool.acquire(functionName, fn.revision);
    if (env === undefined) {
      env = { id: this.deps.ids.environmentId(), revision: fn.revision, busy: true };
      this.pool.add(functionName, env);
      this.deps.emit({ type: 'environment:changed', functionName, environmentId: env.id, state: 'started' });
    }
    const requestId = this.deps.ids.requestId();
    const startedAt = this.deps.clock.now().toISOString();
    const result = await this.deps.runner.invoke(env.id, this.specFor(fn, env.id), { requestId, event: eventText });
    if (result.environmentEnded) {
      this.pool.remove(functionName, env.id);
      this.deps.emit({ type: 'environment:changed', functionName, environmentId: env.id, state: 'reclaimed' });
    } else if (this.pool.isStale(functionName, env.id, this.currentRevision(functionName))) {
      this.pool.remove(functionName, env.id);
      this.deps.runner.disposeEnvironment(env.id);
    } else {
      this.pool.release(functionName, env.id);
    }
    const record: InvocationRecord = {
      requestId,
      functionName,
      status: result.status as InvocationStatus,
      ...(result.error !== undefined ? { errorType: result.error.errorType, error: result.error } : {}),
      startedAt,
      durationMs: result.durationMs,
      billedDurationMs: result.billedDurationMs,
      ...(result.initDurationMs !== undefined ? { initDurationMs: result.initDurationMs } : {}),
      coldStart: result.coldStart,
      runtime: fn.config.runtime,
      environmentId: env.id,
      event: eventText,
      ...(result.response !== undefined ? { response: result.response } : {}),
      logs: result.logs,
      memorySizeMB: result.memorySizeMB,
      maxMemoryUsedMB: result.maxMemoryUsedMB,
      costUsd: billInvocation({
        billedDurationMs: result.billedDurationMs,
        memorySizeMB: result.memorySizeMB,
        architecture: fn.config.architecture,
        ephemeralStorageMB: fn.config.ephemeralStorageMB,
      }),
    };
    const seq = this.deps.store.invocations.insert(record);
    const { runtime: _r, environmentId: _e, event: _ev, response: _res, error: _err, logs: _l, memorySizeMB: _m, maxMemoryUsedMB: _mu, ...summary } = record;
    this.deps.emit({ type: 'invocation:finished', invocation: { ...(summary as Omit<InvocationListItem, 'seq'>), seq } });
    return record;
  }

  private currentRevision(name: string): number {
    return this.details.get(name)?.revision ?? this.deps.store.functions.get(name)?.revision ?? -1;
  }

  private specFor(fn: FunctionDetail, environmentId: string): EnvironmentSpec {
    return {
      environmentId,
      logStreamId: environmentId,
      functionName: fn.name,
      runtime: fn.config.runtime,
      handler: fn.config.handler,
      files: fn.files,
      memorySizeMB: fn.config.memorySizeMB,
      timeoutSeconds: fn.config.timeoutSeconds,
      variables: fn.config.environment,
      logFormat: fn.config.logFormat,
      applicationLogLevel: fn.config.applicationLogLevel,
      architecture: fn.config.architecture,
      region: this.deps.region,
      accountId: this.deps.accountId,
      ephemeralStorageMB: fn.config.ephemeralStorageMB,
    };
  }
}

function checkDistinctPaths(files: readonly FunctionFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new LabError('bad-request', `The file ${f.path} appears twice`);
    seen.add(f.path);
  }
}

/** A full configuration from some settings, with Lambda's defaults, ranges and messages. */
function completeConfig(settings: FunctionConfigChanges): FunctionConfig {
  const parsed = FunctionConfig.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LabError('bad-request', issue === undefined ? 'Invalid configuration' : issue.message, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  validateEnvironmentVariables(parsed.data.environment);
  return parsed.data;
}

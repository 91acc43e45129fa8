// The Lambda service: functions, their execution environments, and synchronous invokes
// recorded in the history. It knows nothing of HTTP or isolates: it talks to a runner
// through a small interface and to SQLite through the store.
import {
  FunctionConfig, LabError, SYNC_PAYLOAD_BYTES, type FunctionConfigChanges, type FunctionDetail, type FunctionFile, type FunctionSummary,
  type InvocationRecord, type InvocationStatus, type InvocationSummary, type PushEvent,
} from '../api/index.ts';
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

  listFunctions(): FunctionSummary[] {
    return this.deps.store.functions.list();
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
    if (this.deps.store.functions.get(name) !== undefined) {
      throw new LabError('conflict', `Function already exist: ${name}`);
    }
    const parsed = completeConfig(config);
    this.deps.store.functions.create(name, description, parsed, files);
    return this.changed(name);
  }

  saveCode(name: string, files: readonly FunctionFile[]): FunctionDetail {
    this.getFunction(name);
    const seen = new Set<string>();
    for (const f of files) {
      if (seen.has(f.path)) throw new LabError('bad-request', `The file ${f.path} appears twice`);
      seen.add(f.path);
    }
    this.deps.store.functions.saveFiles(name, files);
    return this.changed(name);
  }

  /** Changes some settings; Lambda's ranges and messages apply (a new configuration starts cold). */
  updateConfig(name: string, changes: FunctionConfigChanges): FunctionDetail {
    const current = this.getFunction(name);
    this.deps.store.functions.saveConfig(name, completeConfig({ ...current.config, ...changes }));
    return this.changed(name);
  }

  private changed(name: string): FunctionDetail {
    this.details.delete(name);
    const fn = this.getFunction(name);
    // New code or configuration: Lambda starts new environments (cold) for the new version.
    for (const envId of this.pool.retireStale(name, fn.revision)) this.deps.runner.disposeEnvironment(envId);
    const summary = this.listFunctions().find((f) => f.name === name);
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
    };
    const seq = this.deps.store.invocations.insert(record);
    const { runtime: _r, environmentId: _e, event: _ev, response: _res, error: _err, logs: _l, memorySizeMB: _m, maxMemoryUsedMB: _mu, ...summary } = record;
    this.deps.emit({ type: 'invocation:finished', invocation: { ...(summary as InvocationSummary), seq } });
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
    };
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

// Which execution environments each function has, and which are busy. Lambda runs one
// invocation at a time per environment: a busy pool grows (a cold start); a changed function
// (new revision) gets fresh environments, and the old ones are retired.

export interface PooledEnvironment {
  id: string;
  revision: number;
  busy: boolean;
}

export class EnvironmentPool {
  private readonly byFunction = new Map<string, PooledEnvironment[]>();

  /** Takes an idle environment of this revision, or returns undefined (the caller creates one). */
  acquire(functionName: string, revision: number): PooledEnvironment | undefined {
    const envs = this.byFunction.get(functionName) ?? [];
    const idle = envs.find((e) => !e.busy && e.revision === revision);
    if (idle !== undefined) idle.busy = true;
    return idle;
  }

  add(functionName: string, env: PooledEnvironment): void {
    const envs = this.byFunction.get(functionName) ?? [];
    envs.push(env);
    this.byFunction.set(functionName, envs);
  }

  release(functionName: string, id: string): void {
    const env = this.byFunction.get(functionName)?.find((e) => e.id === id);
    if (env !== undefined) env.busy = false;
  }

  remove(functionName: string, id: string): void {
    const envs = this.byFunction.get(functionName);
    if (envs === undefined) return;
    this.byFunction.set(functionName, envs.filter((e) => e.id !== id));
  }

  /** Environments of older revisions that are idle now (busy ones retire when they finish). */
  retireStale(functionName: string, currentRevision: number): string[] {
    const envs = this.byFunction.get(functionName) ?? [];
    const stale = envs.filter((e) => e.revision !== currentRevision && !e.busy).map((e) => e.id);
    this.byFunction.set(functionName, envs.filter((e) => !stale.includes(e.id)));
    return stale;
  }

  /** Retires every environment of a function (e.g. when it is deleted or renamed). */
  retireAll(functionName: string): string[] {
    const ids = (this.byFunction.get(functionName) ?? []).map((e) => e.id);
    this.byFunction.delete(functionName);
    return ids;
  }

  /**
   * Forgets every environment of a function (deleted or renamed) and returns the idle ones to
   * dispose now; busy ones are disposed when their invocation ends (isStale is then true).
   */
  retireIdle(functionName: string): string[] {
    const envs = this.byFunction.get(functionName) ?? [];
    this.byFunction.delete(functionName);
    return envs.filter((e) => !e.busy).map((e) => e.id);
  }

  isStale(functionName: string, id: string, currentRevision: number): boolean {
    const env = this.byFunction.get(functionName)?.find((e) => e.id === id);
    return env === undefined || env.revision !== currentRevision;
  }
}

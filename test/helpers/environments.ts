// Builds execution environments in-process, with the real glue bundle, for runtime tests.
import { ExecutionEnvironment, GlueProgram, type EnvironmentSpec, type InvokeResult } from '../../sandbox/runtime/environment.ts';
import { bundleGlue } from '../../sandbox/runtime/glue-bundle.ts';

let program: Promise<GlueProgram> | undefined;
function glue(): Promise<GlueProgram> {
  program ??= bundleGlue().then((src) => new GlueProgram(src));
  return program;
}

let counter = 0;
const live = new Set<ExecutionEnvironment>();

export type Files = Record<string, string>;

export async function environment(files: Files, overrides: Partial<EnvironmentSpec> = {}): Promise<ExecutionEnvironment> {
  counter++;
  const spec: EnvironmentSpec = {
    environmentId: `env${counter}`,
    logStreamId: counter.toString(16).padStart(32, '0'),
    functionName: 'fn',
    runtime: 'nodejs24.x',
    handler: 'index.handler',
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    memorySizeMB: 128,
    timeoutSeconds: 3,
    variables: {},
    logFormat: 'Text',
    applicationLogLevel: 'INFO',
    architecture: 'x86_64',
    region: 'us-east-1',
    accountId: '123456789012',
    ...overrides,
  };
  const env = new ExecutionEnvironment(spec, await glue(), { heapCapMB: 2048 });
  live.add(env);
  return env;
}

let requests = 0;
export function invoke(env: ExecutionEnvironment, event: unknown = {}): Promise<InvokeResult> {
  requests++;
  return env.invoke({ requestId: `00000000-0000-4000-8000-${requests.toString().padStart(12, '0')}`, event: JSON.stringify(event) });
}

/** Invokes once in a fresh environment and disposes it. */
export async function runOnce(files: Files, event: unknown = {}, overrides: Partial<EnvironmentSpec> = {}): Promise<InvokeResult> {
  const env = await environment(files, overrides);
  try {
    return await invoke(env, event);
  } finally {
    env.dispose();
    live.delete(env);
  }
}

export function disposeAll(): void {
  for (const env of live) env.dispose();
  live.clear();
}

export function appLines(logs: string): string[] {
  return logs.split('\n').filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));
}

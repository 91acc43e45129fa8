// Entry of the runner process: holds the execution environments (isolates) and answers the
// host over IPC. Kept apart from the host so hostile code that crashes V8 takes only this
// process down; the host respawns it.
import { readFileSync } from 'node:fs';
import { ExecutionEnvironment, GlueProgram } from './environment.ts';
import type { HostToRunner, RunnerToHost } from './runner-protocol.ts';

const send = (msg: RunnerToHost): void => {
  // The host may already be gone (stopping); a closed channel is not an error worth a stack.
  if (process.connected) process.send?.(msg, undefined, {}, () => undefined);
};

const gluePath = process.env['LAMBDA_LAB_GLUE'] ?? new URL('./isolate-glue.js', import.meta.url);
const program = new GlueProgram(readFileSync(gluePath, 'utf8'));
const heapCapMB = Number(process.env['LAMBDA_LAB_HEAP_CAP_MB'] ?? '2048');
const environments = new Map<string, ExecutionEnvironment>();

async function handle(msg: HostToRunner): Promise<void> {
  switch (msg.t) {
    case 'ping':
      send({ t: 'pong', id: msg.id });
      return;
    case 'dispose': {
      environments.get(msg.envId)?.dispose();
      environments.delete(msg.envId);
      return;
    }
    case 'invoke': {
      let env = environments.get(msg.envId);
      if (env === undefined) {
        if (msg.spec === undefined) {
          send({ t: 'unknown-env', id: msg.id });
          return;
        }
        env = new ExecutionEnvironment(msg.spec, program, { heapCapMB });
        environments.set(msg.envId, env);
      }
      try {
        const result = await env.invoke(msg.request, { onInitDone: () => send({ t: 'init-done', id: msg.id }) });
        if (result.environmentEnded) environments.delete(msg.envId);
        send({ t: 'result', id: msg.id, result });
      } catch (e) {
        environments.get(msg.envId)?.dispose();
        environments.delete(msg.envId);
        send({ t: 'failed', id: msg.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    }
  }
}

process.on('message', (msg: HostToRunner) => {
  void handle(msg);
});
process.on('disconnect', () => process.exit(0));
send({ t: 'ready', pid: process.pid });

// Starts the engine host (`lambda-lab serve`) on a real Node 24 and reads the address and
// token it prints. The engine owns all logic; the desktop shell only launches and shows it.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface EngineEndpoint {
  origin: string;
  token: string;
  child: ChildProcess;
}

const READY_LINE = /^Lambda Lab running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([0-9a-f]+)$/m;

/** The Node binary that runs the engine: shipped with the packaged app, the toolchain's in development. */
export function engineNodePath(isPackaged: boolean, resourcesPath: string): string {
  if (process.env['LAMBDA_LAB_NODE'] !== undefined) return process.env['LAMBDA_LAB_NODE'];
  if (isPackaged) return join(resourcesPath, 'node', process.platform === 'win32' ? 'node.exe' : join('bin', 'node'));
  return 'node';
}

export function startEngine(nodePath: string, cliPath: string, dataDir: string): Promise<EngineEndpoint> {
  const child = spawn(nodePath, [cliPath, 'serve', '--port', '0', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const m = READY_LINE.exec(seen);
      if (m !== null) {
        child.stdout?.off('data', onData);
        resolve({ origin: m[1] as string, token: m[2] as string, child });
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', (e) => reject(new Error(`Could not start the Lambda Lab engine with ${nodePath}: ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`The Lambda Lab engine stopped before it was ready (exit code ${code})`)));
  });
}

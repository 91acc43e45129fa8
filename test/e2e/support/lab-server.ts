// Starts `lambda-lab serve` (the real engine, browser mode) in its own data directory.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file (or its bundle) with lambda-lab's package.json. */
export const REPO_ROOT = ((): string => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lambda-lab') return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the Lambda Lab repository above the test helpers');
  }
})();

export interface LabServer {
  /** The URL printed by serve, token included. */
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `lambda-lab serve`; in `dataDir` when given (it is then left in place), else in a fresh temporary one. */
export async function startLabServer(options: { dataDir?: string } = {}): Promise<LabServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lambda-lab-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(REPO_ROOT, 'bin/lambda-lab.mjs'), 'serve', '--port', '0', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Lambda Lab running at (\S+)/.exec(out);
      if (m !== null) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`lambda-lab serve exited with code ${code} before it was ready`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

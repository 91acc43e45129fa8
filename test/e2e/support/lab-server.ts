// Starts `lambda-lab serve` (the real engine, browser mode) in its own data directory.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface LabServer {
  /** The URL printed by serve, token included. */
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startLabServer(): Promise<LabServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lambda-lab-e2e-'));
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
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

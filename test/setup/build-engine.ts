// Runner processes spawned by tests run the built engine: build it once per test run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-engine.mjs', import.meta.url))], { stdio: 'inherit' });
}

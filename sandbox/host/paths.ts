// Where the built pieces live: next to the bundled engine (dist/engine/*.js) when running
// the build, or found from the repository root when running from source (tests).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Repository (or installed package) root: the nearest folder above with lambda-lab's package.json. */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lambda-lab') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) throw new Error(`Lambda Lab could not find its own folder above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(here);
const ENGINE_DIR = join(PACKAGE_ROOT, 'dist', 'engine');

export const enginePaths = {
  runnerEntry: join(ENGINE_DIR, 'runner.js'),
  gluePath: join(ENGINE_DIR, 'isolate-glue.js'),
  /** The built UI (electron-vite's renderer output). */
  rendererDir: join(PACKAGE_ROOT, 'out', 'renderer'),
};

export function assertEngineBuilt(): void {
  for (const p of [enginePaths.runnerEntry, enginePaths.gluePath]) {
    if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run build\` first`);
  }
}

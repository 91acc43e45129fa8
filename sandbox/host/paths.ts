// Where the built pieces live: next to the bundled engine (dist/engine/*.js) when running
// the build, or found from the repository root when running from source (tests).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bundled = existsSync(join(here, 'runner.js'));
/** Repository (or installed package) root. */
export const PACKAGE_ROOT = bundled ? resolve(here, '..', '..') : resolve(here, '..', '..');
const ENGINE_DIR = bundled ? here : join(PACKAGE_ROOT, 'dist', 'engine');

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

// Where the engine and the Node that runs it live, and how `lambda-lab serve` is called.
// Pure functions (no electron import): main passes in what Electron knows.
import { join } from 'node:path';

/**
 * The folder holding what the engine reads at run time (package.json, dist/engine, out/renderer,
 * node_modules, resources/): the app folder in development; in the packaged app, the part of
 * app.asar that electron-builder unpacked, because the engine runs on plain Node 24, which
 * cannot read asar archives (see electron-builder.yml, asarUnpack).
 */
export function engineRoot(appPath: string): string {
  return appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath;
}

export function engineCliPath(appPath: string): string {
  return join(engineRoot(appPath), 'dist', 'engine', 'cli.js');
}

export interface NodeLocation {
  isPackaged: boolean;
  resourcesPath: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

/**
 * The Node binary that runs the engine. `LAMBDA_LAB_NODE` wins (`npm start` and the tests set
 * it to the toolchain's Node). The packaged app ships the registry's `node-<os>-<arch>` package
 * in resources/node/ with that package's layout: `bin/node`, or `bin/node.exe` on Windows
 * (scripts/fetch-node-runtime.mjs). In development, the `node` on PATH.
 */
export function engineNodePath(where: NodeLocation): string {
  const override = where.env['LAMBDA_LAB_NODE'];
  if (override !== undefined && override !== '') return override;
  if (where.isPackaged) return join(where.resourcesPath, 'node', 'bin', where.platform === 'win32' ? 'node.exe' : 'node');
  return 'node';
}

/** `lambda-lab serve` on a free port, no browser, in the given data folder. */
export function engineArgs(cliPath: string, dataDir: string): string[] {
  return [cliPath, 'serve', '--port', '0', '--no-open', '--data-dir', dataDir];
}

/**
 * The engine's environment: the shell's, minus what would turn a Node into something else.
 * In the packaged app NODE_OPTIONS is dropped too, so a user's setting cannot load code into
 * the shipped engine or break it; in development it is kept on purpose.
 */
export function engineEnv(env: NodeJS.ProcessEnv, isPackaged: boolean): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  delete out['ELECTRON_RUN_AS_NODE'];
  delete out['ELECTRON_NO_ATTACH_CONSOLE'];
  if (isPackaged) delete out['NODE_OPTIONS'];
  return out;
}

const READY_LINE = /^Lambda Lab running at (http:\/\/127\.0\.0\.1:\d{1,5})\/\?token=([0-9a-f]{16,128})\r?$/;

/** Reads the one line `serve` prints when it is ready. */
export function parseReadyLine(line: string): { origin: string; token: string } | undefined {
  const m = READY_LINE.exec(line);
  return m === null ? undefined : { origin: m[1] as string, token: m[2] as string };
}

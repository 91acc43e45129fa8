// Where the lab keeps its database when not run by the desktop app (which passes Electron's
// userData): --data-dir, else $XDG_DATA_HOME/lambda-lab, else ~/.local/share/lambda-lab.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env['XDG_DATA_HOME'];
  if (xdg !== undefined && xdg !== '') return join(resolve(xdg), 'lambda-lab');
  return join(home, '.local', 'share', 'lambda-lab');
}

export function databasePath(dataDir: string): string {
  return join(dataDir, 'lab.db');
}

// A real lab (store + runner process) in a temporary data directory.
import { createLab, type Lab } from '../../sandbox/lab.ts';
import { tempDir } from './temp.ts';

export async function startLab(options: { dataDir?: string | null } = {}): Promise<Lab> {
  return createLab({ dataDir: options.dataDir === undefined ? tempDir() : options.dataDir, version: '0.0.0-test' });
}

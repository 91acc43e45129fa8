// "Reset lab data": the engine's database files are moved aside, never deleted. The engine is
// stopped first (main does that), so SQLite has no file open. The names stay SQLite-compatible
// (`X` with `X-wal` and `X-shm`), so a kept copy opens with everything it had committed.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** The engine's database file name (sandbox/host/data-dir.ts `databasePath`). */
export const DATABASE_FILE = 'lab.db';
const COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;

/** `2026-11-26T16-04-05Z`: sortable and valid in file names everywhere. */
export function resetStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

/** Moves `lab.db`, `lab.db-wal`, ... to `lab.db.reset-<stamp>`, ...; returns the new names. */
export function moveLabDataAside(dataDir: string, stamp: string): string[] {
  let base = `${DATABASE_FILE}.reset-${stamp}`;
  for (let n = 2; COMPANIONS.some((s) => existsSync(join(dataDir, `${base}${s}`))); n++) base = `${DATABASE_FILE}.reset-${stamp}-${n}`;
  const moved: string[] = [];
  for (const suffix of COMPANIONS) {
    const from = join(dataDir, `${DATABASE_FILE}${suffix}`);
    if (!existsSync(from)) continue;
    const to = `${base}${suffix}`;
    renameSync(from, join(dataDir, to));
    moved.push(to);
  }
  return moved;
}

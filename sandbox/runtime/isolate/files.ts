// The function's files as the isolate sees them under /var/task (read-only).
import { MapCtor, SetCtor } from './intrinsics.ts';
import { type FileLookup, TASK_ROOT, dirname } from './module-resolution.ts';

export interface TaskFile {
  /** Absolute path under /var/task. */
  path: string;
  /** The file as the student wrote it (what fs reads return). */
  source: string;
  /** Executable JavaScript when it differs from `source` (TypeScript transpiled by esbuild). */
  code?: string;
}

export class TaskFiles implements FileLookup {
  private readonly files = new MapCtor<string, TaskFile>();
  private readonly dirs = new SetCtor<string>();
  constructor(list: TaskFile[]) {
    this.dirs.add(TASK_ROOT);
    for (const f of list) {
      this.files.set(f.path, f);
      let d = dirname(f.path);
      while (d.length > 1 && !this.dirs.has(d)) {
        this.dirs.add(d);
        d = dirname(d);
      }
    }
  }
  isFile(path: string): boolean {
    return this.files.has(path);
  }
  isDirectory(path: string): boolean {
    return this.dirs.has(path);
  }
  read(path: string): string | undefined {
    return this.files.get(path)?.source;
  }
  get(path: string): TaskFile | undefined {
    return this.files.get(path);
  }
  /** Names directly inside a directory (files and sub-directories). */
  list(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const out = new SetCtor<string>();
    for (const p of this.files.keys()) {
      if (p.startsWith(prefix)) out.add(p.slice(prefix.length).split('/')[0] as string);
    }
    return [...out];
  }
}

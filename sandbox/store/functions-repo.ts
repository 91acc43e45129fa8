// Functions and their files.
import type { FunctionConfig, FunctionDetail, FunctionFile, FunctionSummary } from '../api/index.ts';
import type { Db } from './database.ts';

interface FunctionRow {
  name: string;
  description: string;
  config: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export class FunctionsRepo {
  private readonly stmts;
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.stmts = {
      list: db.prepare<[], FunctionRow>('SELECT * FROM functions ORDER BY name COLLATE NOCASE'),
      get: db.prepare<[string], FunctionRow>('SELECT * FROM functions WHERE name = ?'),
      files: db.prepare<[string], { path: string; content: string }>('SELECT path, content FROM function_files WHERE function_name = ? ORDER BY path'),
      insert: db.prepare('INSERT INTO functions (name, description, config, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)'),
      insertFile: db.prepare('INSERT INTO function_files (function_name, path, content) VALUES (?, ?, ?)'),
      deleteFiles: db.prepare('DELETE FROM function_files WHERE function_name = ?'),
      touch: db.prepare('UPDATE functions SET revision = revision + 1, updated_at = ? WHERE name = ?'),
      setConfig: db.prepare('UPDATE functions SET config = ?, revision = revision + 1, updated_at = ? WHERE name = ?'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM functions'),
    };
  }

  count(): number {
    return this.stmts.count.get()?.n ?? 0;
  }

  list(): FunctionSummary[] {
    return this.stmts.list.all().map((r) => {
      const config = parseConfig(r);
      return {
        name: r.name,
        description: r.description,
        runtime: config.runtime,
        handler: config.handler,
        memorySizeMB: config.memorySizeMB,
        timeoutSeconds: config.timeoutSeconds,
        updatedAt: r.updated_at,
      };
    });
  }

  get(name: string): FunctionDetail | undefined {
    const r = this.stmts.get.get(name);
    if (r === undefined) return undefined;
    return {
      name: r.name,
      description: r.description,
      config: parseConfig(r),
      files: this.stmts.files.all(name),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      revision: r.revision,
    };
  }

  create(name: string, description: string, config: FunctionConfig, files: readonly FunctionFile[]): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.stmts.insert.run(name, description, JSON.stringify(config), at, at);
      for (const f of files) this.stmts.insertFile.run(name, f.path, f.content);
    })();
  }

  /** Replaces all files of a function (a new revision: its warm environments are retired). */
  saveFiles(name: string, files: readonly FunctionFile[]): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.stmts.deleteFiles.run(name);
      for (const f of files) this.stmts.insertFile.run(name, f.path, f.content);
      this.stmts.touch.run(at, name);
    })();
  }

  saveConfig(name: string, config: FunctionConfig): void {
    this.stmts.setConfig.run(JSON.stringify(config), this.now().toISOString(), name);
  }
}

function parseConfig(r: FunctionRow): FunctionConfig {
  try {
    return JSON.parse(r.config) as FunctionConfig;
  } catch (e) {
    throw new Error(`the stored configuration of function ${r.name} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}

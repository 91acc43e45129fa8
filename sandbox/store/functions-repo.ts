// Functions and their files. A deleted function is only marked (`deleted_at`) until it is purged,
// so it can be restored for a short time; purging removes its files and test events (not its history).
import type { FunctionConfig, FunctionDetail, FunctionFile, FunctionSummary } from '../api/index.ts';
import type { Db } from './database.ts';

interface FunctionRow {
  name: string;
  description: string;
  config: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export class FunctionsRepo {
  private readonly stmts;
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    /** Writes queued invocation rows (the history is renamed along with the function). */
    private readonly flushHistory: () => void = () => undefined,
  ) {
    this.stmts = {
      list: db.prepare<[], FunctionRow>('SELECT * FROM functions WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE'),
      get: db.prepare<[string], FunctionRow>('SELECT * FROM functions WHERE name = ? AND deleted_at IS NULL'),
      getAny: db.prepare<[string], FunctionRow>('SELECT * FROM functions WHERE name = ?'),
      files: db.prepare<[string], { path: string; content: string }>('SELECT path, content FROM function_files WHERE function_name = ? ORDER BY path'),
      insert: db.prepare('INSERT INTO functions (name, description, config, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)'),
      insertFile: db.prepare('INSERT INTO function_files (function_name, path, content) VALUES (?, ?, ?)'),
      deleteFiles: db.prepare('DELETE FROM function_files WHERE function_name = ?'),
      touch: db.prepare('UPDATE functions SET revision = revision + 1, updated_at = ? WHERE name = ?'),
      setConfig: db.prepare('UPDATE functions SET config = ?, revision = revision + 1, updated_at = ? WHERE name = ?'),
      setDescription: db.prepare('UPDATE functions SET description = ?, updated_at = ? WHERE name = ?'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM functions'),
      softDelete: db.prepare('UPDATE functions SET deleted_at = ? WHERE name = ? AND deleted_at IS NULL'),
      restore: db.prepare('UPDATE functions SET deleted_at = NULL, revision = revision + 1, updated_at = ? WHERE name = ? AND deleted_at IS NOT NULL'),
      purgeOne: db.prepare('DELETE FROM functions WHERE name = ? AND deleted_at IS NOT NULL'),
      expired: db.prepare<[string], { name: string }>('SELECT name FROM functions WHERE deleted_at IS NOT NULL AND deleted_at <= ?'),
      rename: db.prepare('UPDATE functions SET name = ?, revision = revision + 1, updated_at = ? WHERE name = ? AND deleted_at IS NULL'),
      renameHistory: db.prepare('UPDATE invocations SET function_name = ? WHERE function_name = ?'),
      copyFunction: db.prepare(`INSERT INTO functions (name, description, config, revision, created_at, updated_at)
        SELECT @to, description, config, 1, @at, @at FROM functions WHERE name = @from AND deleted_at IS NULL`),
      copyFiles: db.prepare('INSERT INTO function_files (function_name, path, content) SELECT @to, path, content FROM function_files WHERE function_name = @from'),
      copyTestEvents: db.prepare(`INSERT INTO test_events (function_name, name, content, created_at, updated_at)
        SELECT @to, name, content, @at, @at FROM test_events WHERE function_name = @from`),
    };
  }

  /** All functions, deleted ones (still restorable) included. */
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

  /** A function that is not deleted. */
  get(name: string): FunctionDetail | undefined {
    const r = this.stmts.get.get(name);
    return r === undefined ? undefined : this.detail(r);
  }

  /** When the function with this name was deleted, if it is deleted (and not purged yet). */
  deletedAt(name: string): string | undefined {
    return this.stmts.getAny.get(name)?.deleted_at ?? undefined;
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

  /** A new description is not a new revision: warm environments stay. */
  saveDescription(name: string, description: string): void {
    this.stmts.setDescription.run(description, this.now().toISOString(), name);
  }

  /** Marks the function deleted at `at`; returns false if there is no such (live) function. */
  softDelete(name: string, at: string): boolean {
    return this.stmts.softDelete.run(at, name).changes === 1;
  }

  /** Brings a deleted function back (as a new revision); returns false if it is not deleted. */
  restore(name: string): boolean {
    return this.stmts.restore.run(this.now().toISOString(), name).changes === 1;
  }

  /** Removes a deleted function for good, with its files and test events; its invocation history stays. */
  purge(name: string): void {
    this.stmts.purgeOne.run(name);
  }

  /** Purges every function deleted at or before `cutoff` (ISO time); returns their names. */
  purgeDeletedBefore(cutoff: string): string[] {
    return this.db.transaction(() => {
      const names = this.stmts.expired.all(cutoff).map((r) => r.name);
      for (const n of names) this.stmts.purgeOne.run(n);
      return names;
    })();
  }

  /**
   * Renames a function: its files and test events follow (foreign keys cascade), and so does its
   * invocation history, so the renamed function keeps what it did.
   */
  rename(name: string, newName: string): void {
    this.flushHistory();
    this.db.transaction(() => {
      this.stmts.rename.run(newName, this.now().toISOString(), name);
      this.stmts.renameHistory.run(newName, name);
    })();
  }

  /** Copies a function with its files and test events (not its history) under a new name. */
  duplicate(name: string, newName: string): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.stmts.copyFunction.run({ from: name, to: newName, at });
      this.stmts.copyFiles.run({ from: name, to: newName });
      this.stmts.copyTestEvents.run({ from: name, to: newName, at });
    })();
  }

  private detail(r: FunctionRow): FunctionDetail {
    return {
      name: r.name,
      description: r.description,
      config: parseConfig(r),
      files: this.stmts.files.all(r.name),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      revision: r.revision,
    };
  }
}

function parseConfig(r: FunctionRow): FunctionConfig {
  try {
    return JSON.parse(r.config) as FunctionConfig;
  } catch (e) {
    throw new Error(`the stored configuration of function ${r.name} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}

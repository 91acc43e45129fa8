// Saved test events: any number per function, by name. They belong to their function: a rename
// carries them along and purging a deleted function removes them (foreign keys cascade).
import type { TestEvent } from '../api/index.ts';
import type { Db } from './database.ts';

interface TestEventRow {
  function_name: string;
  name: string;
  content: string;
  created_at: string;
  updated_at: string;
}

export class TestEventsRepo {
  private readonly stmts;
  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.stmts = {
      list: db.prepare<[string], TestEventRow>('SELECT * FROM test_events WHERE function_name = ? ORDER BY name COLLATE NOCASE, name'),
      get: db.prepare<[string, string], TestEventRow>('SELECT * FROM test_events WHERE function_name = ? AND name = ?'),
      insert: db.prepare('INSERT INTO test_events (function_name, name, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE test_events SET content = ?, updated_at = ? WHERE function_name = ? AND name = ?'),
      rename: db.prepare('UPDATE test_events SET name = ?, updated_at = ? WHERE function_name = ? AND name = ?'),
      delete: db.prepare('DELETE FROM test_events WHERE function_name = ? AND name = ?'),
    };
  }

  list(functionName: string): TestEvent[] {
    return this.stmts.list.all(functionName).map(toTestEvent);
  }

  get(functionName: string, name: string): TestEvent | undefined {
    const row = this.stmts.get.get(functionName, name);
    return row === undefined ? undefined : toTestEvent(row);
  }

  /** Creates the event, or replaces the content of the one with this name. */
  save(functionName: string, name: string, content: string): TestEvent {
    const at = this.now().toISOString();
    if (this.stmts.update.run(content, at, functionName, name).changes === 0) {
      this.stmts.insert.run(functionName, name, content, at, at);
    }
    return this.get(functionName, name) as TestEvent;
  }

  rename(functionName: string, name: string, newName: string): TestEvent | undefined {
    if (this.stmts.rename.run(newName, this.now().toISOString(), functionName, name).changes === 0) return undefined;
    return this.get(functionName, newName);
  }

  delete(functionName: string, name: string): boolean {
    return this.stmts.delete.run(functionName, name).changes === 1;
  }
}

function toTestEvent(r: TestEventRow): TestEvent {
  return { functionName: r.function_name, name: r.name, content: r.content, createdAt: r.created_at, updatedAt: r.updated_at };
}

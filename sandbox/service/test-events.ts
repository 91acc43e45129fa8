// Saved test events of a function: any number, by name, as JSON text kept exactly as typed.
// Import and export them as .json files.
import { LabError, SYNC_PAYLOAD_BYTES, TEST_EVENT_NAME_MAX, checkJson, type TestEvent } from '../api/index.ts';
import type { Store } from '../store/index.ts';

export interface TestEventServiceDeps {
  store: Store;
  /** Throws not-found unless the function exists (and is not deleted). */
  requireFunction(name: string): void;
}

export class TestEventService {
  constructor(private readonly deps: TestEventServiceDeps) {}

  list(functionName: string): TestEvent[] {
    this.deps.requireFunction(functionName);
    return this.deps.store.testEvents.list(functionName);
  }

  /** Creates the event, or replaces the content of the one with this name. */
  save(functionName: string, name: string, content: string): TestEvent {
    this.deps.requireFunction(functionName);
    checkEventText(content, `Event ${name}`);
    return this.deps.store.testEvents.save(functionName, name, content);
  }

  rename(functionName: string, name: string, newName: string): TestEvent {
    const current = this.get(functionName, name);
    if (newName === name) return current;
    if (this.deps.store.testEvents.get(functionName, newName) !== undefined) {
      throw new LabError('conflict', `Function ${functionName} already has a test event named ${newName}`);
    }
    return this.deps.store.testEvents.rename(functionName, name, newName) as TestEvent;
  }

  delete(functionName: string, name: string): { name: string } {
    this.get(functionName, name);
    this.deps.store.testEvents.delete(functionName, name);
    return { name };
  }

  /** The event as a file: `<name>.json` with its JSON text exactly as saved. */
  export(functionName: string, name: string): { fileName: string; content: string } {
    const event = this.get(functionName, name);
    return { fileName: `${event.name}.json`, content: event.content };
  }

  /** Saves a .json file as a test event named after the file (or `name`). */
  import(functionName: string, fileName: string, fileContent: string, options: { name?: string; replace: boolean }): TestEvent {
    this.deps.requireFunction(functionName);
    const content = fileContent.startsWith('\uFEFF') ? fileContent.slice(1) : fileContent;
    checkEventText(content, fileName);
    const name = options.name ?? eventNameFromFile(fileName);
    if (!options.replace && this.deps.store.testEvents.get(functionName, name) !== undefined) {
      throw new LabError('conflict', `Function ${functionName} already has a test event named ${name}: choose another name or replace it`, { name });
    }
    return this.deps.store.testEvents.save(functionName, name, content);
  }

  private get(functionName: string, name: string): TestEvent {
    this.deps.requireFunction(functionName);
    const event = this.deps.store.testEvents.get(functionName, name);
    if (event === undefined) throw new LabError('not-found', `Function ${functionName} has no test event named ${name}`);
    return event;
  }
}

/** A test event must be JSON (the line and column of the first error are in `details`) and fit a synchronous invoke. */
function checkEventText(content: string, what: string): void {
  if (Buffer.byteLength(content, 'utf8') > SYNC_PAYLOAD_BYTES) {
    throw new LabError('payload-too-large', `${what} is larger than ${SYNC_PAYLOAD_BYTES} bytes, the most a synchronous invoke accepts`);
  }
  const check = checkJson(content);
  if (!check.ok) {
    throw new LabError('bad-request', `${what} is not valid JSON: ${check.message} (line ${check.line}, column ${check.column})`, {
      line: check.line,
      column: check.column,
      offset: check.offset,
    });
  }
}

/** `Order #1 (copy).json` → `Order-1-copy`, within the console's 25 characters. */
export function eventNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.json$/i, '');
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, TEST_EVENT_NAME_MAX).replace(/-+$/, '');
  return cleaned === '' ? 'imported-event' : cleaned;
}

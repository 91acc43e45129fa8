// Saved test events: any number per function, JSON checked with line and column, files in and out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../sandbox/lab.ts';
import { eventNameFromFile } from '../../sandbox/service/test-events.ts';
import { startLab } from '../helpers/lab.ts';
import { removeTempDirs } from '../helpers/temp.ts';

let lab: Lab;
const fn = 'hello';
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
  removeTempDirs();
});

describe('test-events', () => {
  it('saves (creates, then updates by name) and lists by name, content kept exactly', async () => {
    const content = '{\n  "key1": "value1",\n    "odd":   [1,2]\n}';
    const created = await lab.api['test-events:save']({ functionName: fn, name: 'first', content });
    expect(created).toMatchObject({ functionName: fn, name: 'first', content });
    expect(created.createdAt).toBe(created.updatedAt);
    const updated = await lab.api['test-events:save']({ functionName: fn, name: 'first', content: '[]' });
    expect([updated.content, updated.createdAt]).toEqual(['[]', created.createdAt]);
    await lab.api['test-events:save']({ functionName: fn, name: 'Second', content: '1' });
    await lab.api['test-events:save']({ functionName: fn, name: 'a.b-c_d', content: 'null' });
    expect((await lab.api['test-events:list']({ functionName: fn })).map((e) => e.name)).toEqual(['a.b-c_d', 'first', 'Second']);
  });

  it('has no limit on the number of events per function', async () => {
    for (let i = 0; i < 150; i++) await lab.api['test-events:save']({ functionName: fn, name: `bulk-${String(i).padStart(3, '0')}`, content: `{"i":${i}}` });
    expect((await lab.api['test-events:list']({ functionName: fn })).filter((e) => e.name.startsWith('bulk-'))).toHaveLength(150);
  });

  it('refuses invalid JSON with the line and column of the error', async () => {
    const bad = lab.api['test-events:save']({ functionName: fn, name: 'bad', content: '{\n  "a": 1,\n  "b": 2,\n}' });
    await expect(bad).rejects.toMatchObject({
      code: 'bad-request',
      message: "Event bad is not valid JSON: Trailing comma: JSON does not allow a comma before '}' (line 4, column 1)",
      details: { line: 4, column: 1 },
    });
  });

  it('renames and deletes, with conflict and not-found errors', async () => {
    await lab.api['test-events:save']({ functionName: fn, name: 'to-rename', content: '{}' });
    const renamed = await lab.api['test-events:rename']({ functionName: fn, name: 'to-rename', newName: 'renamed' });
    expect([renamed.name, renamed.content]).toEqual(['renamed', '{}']);
    await expect(lab.api['test-events:rename']({ functionName: fn, name: 'renamed', newName: 'first' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(lab.api['test-events:rename']({ functionName: fn, name: 'ghost', newName: 'x' })).rejects.toMatchObject({ code: 'not-found', message: 'Function hello has no test event named ghost' });
    expect(await lab.api['test-events:delete']({ functionName: fn, name: 'renamed' })).toEqual({ name: 'renamed' });
    await expect(lab.api['test-events:delete']({ functionName: fn, name: 'renamed' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(lab.api['test-events:list']({ functionName: 'ghost' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('exports <name>.json and imports files (name from the file, BOM dropped, conflict unless replace)', async () => {
    expect(await lab.api['test-events:export']({ functionName: fn, name: 'first' })).toEqual({ fileName: 'first.json', content: '[]' });
    const imported = await lab.api['test-events:import']({ functionName: fn, fileName: 'My Order #7.json', content: '\uFEFF{"order":7}', replace: false });
    expect([imported.name, imported.content]).toEqual(['My-Order-7', '{"order":7}']);
    await expect(lab.api['test-events:import']({ functionName: fn, fileName: 'My Order #7.json', content: '{}', replace: false })).rejects.toMatchObject({ code: 'conflict' });
    expect((await lab.api['test-events:import']({ functionName: fn, fileName: 'My Order #7.json', content: '{}', replace: true })).content).toBe('{}');
    expect((await lab.api['test-events:import']({ functionName: fn, fileName: 'x.json', content: '2', name: 'chosen', replace: false })).name).toBe('chosen');
    await expect(lab.api['test-events:import']({ functionName: fn, fileName: 'broken.json', content: '{"a": tru}', replace: false })).rejects.toMatchObject({
      code: 'bad-request', message: "broken.json is not valid JSON: Unexpected 'tru': expected a value (line 1, column 7)",
    });
  });

  it('derives event names from file names within the console rules', () => {
    expect(eventNameFromFile('events/s3 put (copy).json')).toBe('s3-put-copy');
    expect(eventNameFromFile('a-very-long-event-file-name-that-goes-on.json')).toBe('a-very-long-event-file-na');
    expect(eventNameFromFile('###.json')).toBe('imported-event');
  });
});

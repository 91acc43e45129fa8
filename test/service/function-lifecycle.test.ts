// Functions: search, description, rename, duplicate, delete with undo (restore) and purge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTORE_WINDOW_MS, type PushEvent } from '../../sandbox/api/index.ts';
import { createLab, type Lab } from '../../sandbox/lab.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

let now = new Date('2026-05-01T12:00:00.000Z');
const clock = { now: () => new Date(now.getTime()) };
const advance = (ms: number): void => {
  now = new Date(now.getTime() + ms);
};
let lab: Lab;
let dataDir: string;
const events: PushEvent[] = [];
const file = (content: string) => [{ path: 'index.mjs', content }];

beforeAll(async () => {
  dataDir = tempDir();
  lab = await createLab({ dataDir, version: '0.0.0-test', clock });
  lab.subscribe((e) => events.push(e));
});
afterAll(async () => {
  await lab.close();
  removeTempDirs();
});

describe('functions:list query', () => {
  it('finds functions by name or description, ignoring case', async () => {
    await lab.api['functions:create']({ name: 'orders-api', description: 'Handles Checkout requests', config: {}, files: file('export const handler = async () => 1;') });
    await lab.api['functions:create']({ name: 'thumbnailer', description: 'Resizes images', config: {}, files: file('export const handler = async () => 2;') });
    const names = async (query?: string) => (await lab.api['functions:list'](query === undefined ? {} : { query })).map((f) => f.name);
    expect(await names()).toEqual(['hello', 'orders-api', 'thumbnailer']);
    expect(await names('ORDERS')).toEqual(['orders-api']);
    expect(await names('checkout')).toEqual(['orders-api']);
    expect(await names('  ')).toEqual(['hello', 'orders-api', 'thumbnailer']);
    expect(await names('nothing')).toEqual([]);
  });
});

describe('functions:update-config description', () => {
  it('changes the description without a new revision, and settings with one', async () => {
    const before = await lab.api['functions:get']({ name: 'thumbnailer' });
    const after = await lab.api['functions:update-config']({ name: 'thumbnailer', config: {}, description: 'Makes thumbnails' });
    expect([after.description, after.revision]).toEqual(['Makes thumbnails', before.revision]);
    const both = await lab.api['functions:update-config']({ name: 'thumbnailer', config: { timeoutSeconds: 10 }, description: 'Makes small images' });
    expect([both.description, both.config.timeoutSeconds, both.revision]).toEqual(['Makes small images', 10, before.revision + 1]);
  });
});

describe('functions:rename', () => {
  it('moves code, settings, test events and history to the new name', async () => {
    await lab.api['functions:create']({ name: 'old-name', config: { memorySizeMB: 512 }, files: file('export const handler = async () => "hi";') });
    await lab.api['test-events:save']({ functionName: 'old-name', name: 'ev1', content: '{"a":1}' });
    const run = await lab.api['invoke:run']({ functionName: 'old-name', event: '{}' });
    const renamed = await lab.api['functions:rename']({ name: 'old-name', newName: 'new-name' });
    expect([renamed.name, renamed.config.memorySizeMB, renamed.files[0]?.content]).toEqual(['new-name', 512, 'export const handler = async () => "hi";']);
    await expect(lab.api['functions:get']({ name: 'old-name' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await lab.api['test-events:list']({ functionName: 'new-name' })).map((e) => e.name)).toEqual(['ev1']);
    expect((await lab.api['invocations:get']({ requestId: run.requestId })).functionName).toBe('new-name');
    expect((await lab.api['invocations:list']({ functionName: 'new-name', limit: 10 })).map((i) => i.requestId)).toEqual([run.requestId]);
    expect(events).toContainEqual({ type: 'function:renamed', from: 'old-name', to: 'new-name' });
    const again = await lab.api['invoke:run']({ functionName: 'new-name', event: '{}' });
    expect([again.coldStart, again.response]).toEqual([true, '"hi"']);
  });

  it('refuses a name in use (conflict) and an unknown function (not-found)', async () => {
    await expect(lab.api['functions:rename']({ name: 'new-name', newName: 'hello' })).rejects.toMatchObject({ code: 'conflict', message: 'Function already exist: hello' });
    await expect(lab.api['functions:rename']({ name: 'ghost', newName: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(lab.api['functions:rename']({ name: 'hello', newName: 'hello' })).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('functions:duplicate', () => {
  it('copies code, settings, description and test events, not the history', async () => {
    const copy = await lab.api['functions:duplicate']({ name: 'new-name', newName: 'new-name-copy' });
    const original = await lab.api['functions:get']({ name: 'new-name' });
    expect([copy.files, copy.config, copy.description, copy.revision]).toEqual([original.files, original.config, original.description, 1]);
    expect((await lab.api['test-events:list']({ functionName: 'new-name-copy' })).map((e) => [e.name, e.content])).toEqual([['ev1', '{"a":1}']]);
    expect(await lab.api['invocations:count']({ functionName: 'new-name-copy' })).toEqual({ count: 0 });
    await expect(lab.api['functions:duplicate']({ name: 'new-name', newName: 'hello' })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('functions:delete and functions:restore', () => {
  it('hides a deleted function, restores it within the window with its files and test events', async () => {
    await lab.api['functions:create']({ name: 'doomed', config: {}, files: file('export const handler = async () => "alive";') });
    await lab.api['test-events:save']({ functionName: 'doomed', name: 'keep-me', content: '{}' });
    const r = await lab.api['invoke:run']({ functionName: 'doomed', event: '{}' });
    const deleted = await lab.api['functions:delete']({ name: 'doomed' });
    expect(deleted).toEqual({ name: 'doomed', deletedAt: now.toISOString(), restorableUntil: new Date(now.getTime() + RESTORE_WINDOW_MS).toISOString() });
    expect(events).toContainEqual({ type: 'function:deleted', name: 'doomed', restorableUntil: deleted.restorableUntil });
    expect((await lab.api['functions:list']({})).map((f) => f.name)).not.toContain('doomed');
    await expect(lab.api['functions:get']({ name: 'doomed' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(lab.api['invoke:run']({ functionName: 'doomed', event: '{}' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await lab.api['invocations:get']({ requestId: r.requestId })).functionName).toBe('doomed');
    advance(RESTORE_WINDOW_MS - 1000);
    const restored = await lab.api['functions:restore']({ name: 'doomed' });
    expect(restored.files[0]?.content).toBe('export const handler = async () => "alive";');
    expect((await lab.api['test-events:list']({ functionName: 'doomed' })).map((e) => e.name)).toEqual(['keep-me']);
    expect((await lab.api['invoke:run']({ functionName: 'doomed', event: '{}' })).response).toBe('"alive"');
    await expect(lab.api['functions:restore']({ name: 'doomed' })).rejects.toMatchObject({ code: 'conflict', message: 'Function doomed is not deleted' });
  });

  it('purges after the window: restore answers not-found, the history stays, the name is free', async () => {
    const before = await lab.api['invocations:count']({ functionName: 'doomed' });
    await lab.api['functions:delete']({ name: 'doomed' });
    advance(RESTORE_WINDOW_MS);
    await expect(lab.api['functions:restore']({ name: 'doomed' })).rejects.toMatchObject({
      code: 'not-found', message: 'Function doomed can no longer be restored: a deleted function is kept for 30 seconds',
    });
    expect(await lab.api['invocations:count']({ functionName: 'doomed' })).toEqual(before);
    const fresh = await lab.api['functions:create']({ name: 'doomed', config: {}, files: file('export const handler = async () => 0;') });
    expect(fresh.revision).toBe(1);
    expect(await lab.api['test-events:list']({ functionName: 'doomed' })).toEqual([]);
  });

  it('lets a new function take the name of one still restorable (the undo is then gone)', async () => {
    await lab.api['functions:delete']({ name: 'doomed' });
    await lab.api['functions:create']({ name: 'doomed', config: {}, files: file('export const handler = async () => "new";') });
    await expect(lab.api['functions:restore']({ name: 'doomed' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await lab.api['functions:get']({ name: 'doomed' })).files[0]?.content).toBe('export const handler = async () => "new";');
  });

  it('purges expired deletions when the lab starts again', async () => {
    await lab.api['functions:delete']({ name: 'thumbnailer' });
    await lab.close();
    advance(RESTORE_WINDOW_MS + 1);
    lab = await createLab({ dataDir, version: '0.0.0-test', clock });
    await expect(lab.api['functions:restore']({ name: 'thumbnailer' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await lab.api['functions:list']({})).map((f) => f.name)).toEqual(['doomed', 'hello', 'new-name', 'new-name-copy', 'orders-api']);
  });
});

describe('a lab whose functions were all deleted', () => {
  it('does not get hello seeded again, and keeps its history', async () => {
    const dir = tempDir();
    const first = await createLab({ dataDir: dir, version: '0.0.0-test', clock });
    await first.api['invoke:run']({ functionName: 'hello', event: '{}' });
    await first.api['functions:delete']({ name: 'hello' });
    await first.close();
    advance(RESTORE_WINDOW_MS + 1);
    const second = await createLab({ dataDir: dir, version: '0.0.0-test', clock });
    expect(await second.api['functions:list']({})).toEqual([]);
    expect(await second.api['invocations:count']({ functionName: 'hello' })).toEqual({ count: 1 });
    await second.close();
  });
});

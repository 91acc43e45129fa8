// The selected function's saved test events (any number of them), the event text being edited
// for each of them, and what can be done with them: save, save as, rename, delete, import and
// export as .json files. Unsaved edits are kept per function and per event.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TestEvent } from '../../../sandbox/api/index.ts';
import { useLab } from '../../app/LabContext.tsx';
import { downloadFile } from '../../ui/files.ts';
import { useLoad, type Load } from '../../ui/useLoad.ts';
import { DEFAULT_EVENT } from './eventProblem.ts';

/** The event that is not saved yet (each function has one). */
export const SCRATCH = '';

interface FunctionEvents {
  /** A saved event's name, or SCRATCH. */
  selected: string;
  /** Edited texts by event name (SCRATCH included); absent: the saved content. */
  texts: Readonly<Record<string, string>>;
}

export interface TestEvents {
  list: Load<TestEvent[]>;
  reload(): void;
  selected: string;
  text: string;
  /** The text differs from the saved event (always false for the unsaved event). */
  modified: boolean;
  setText(text: string): void;
  choose(name: string): void;
  /** Puts a text into the unsaved event and shows it (a template, an event from history). */
  useText(text: string): void;
  /** Saves the text under the selected name; rejects for the unsaved event. */
  save(): Promise<void>;
  saveAs(name: string): Promise<void>;
  /** Saves a new event with this content and shows it (from a template). */
  saveNew(name: string, content: string): Promise<void>;
  rename(newName: string): Promise<void>;
  remove(): Promise<void>;
  /** Imports a .json file; `replace` overwrites an event of the same name. */
  importFile(fileName: string, content: string, replace: boolean): Promise<TestEvent>;
  exportSelected(): Promise<string>;
  /** The function was renamed: its events' state moves along. */
  renamed(from: string, to: string): void;
}

export function useTestEvents(functionName: string | null): TestEvents {
  const { api } = useLab();
  const load = useCallback(
    () => (functionName === null ? Promise.resolve<TestEvent[]>([]) : api['test-events:list']({ functionName })),
    [api, functionName],
  );
  const { state: list, reload, update } = useLoad(functionName, load);
  const [byFunction, setByFunction] = useState<Readonly<Record<string, FunctionEvents>>>({});

  const saved = list.status === 'ready' ? list.data : undefined;
  const mine: FunctionEvents | undefined = functionName === null ? undefined : byFunction[functionName];
  // A function seen for the first time starts on its first saved event (a blueprint's sample).
  const selected = mine?.selected ?? (saved?.[0]?.name ?? SCRATCH);
  const savedText = saved?.find((e) => e.name === selected)?.content;
  const text = mine?.texts[selected] ?? savedText ?? DEFAULT_EVENT;
  const modified = selected !== SCRATCH && savedText !== undefined && text !== savedText;

  const latest = useRef({ functionName, selected, text });
  latest.current = { functionName, selected, text };

  const change = useCallback(
    (fn: (current: FunctionEvents) => FunctionEvents) => {
      if (functionName === null) return;
      setByFunction((prev) => {
        const current = prev[functionName] ?? { selected, texts: {} };
        return { ...prev, [functionName]: fn(current) };
      });
    },
    [functionName, selected],
  );

  const setText = useCallback((next: string) => change((c) => ({ ...c, texts: { ...c.texts, [c.selected]: next } })), [change]);
  const choose = useCallback((name: string) => change((c) => ({ ...c, selected: name })), [change]);
  const useText = useCallback((next: string) => change((c) => ({ selected: SCRATCH, texts: { ...c.texts, [SCRATCH]: next } })), [change]);

  const upsert = useCallback(
    (event: TestEvent) =>
      update((events) =>
        [...events.filter((e) => e.name !== event.name), event].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
      ),
    [update],
  );
  const forget = (texts: Readonly<Record<string, string>>, name: string): Record<string, string> => {
    const { [name]: _dropped, ...rest } = texts;
    return rest;
  };

  const saveAs = useCallback(
    async (name: string) => {
      const { functionName: fn, text: content, selected: from } = latest.current;
      if (fn === null) return;
      const event = await api['test-events:save']({ functionName: fn, name, content });
      upsert(event);
      change((c) => ({ selected: name, texts: forget(forget(c.texts, name), from) }));
    },
    [api, change, upsert],
  );

  const saveNew = useCallback(
    async (name: string, content: string) => {
      const fn = latest.current.functionName;
      if (fn === null) return;
      const event = await api['test-events:save']({ functionName: fn, name, content });
      upsert(event);
      change((c) => ({ selected: name, texts: forget(c.texts, name) }));
    },
    [api, change, upsert],
  );

  const save = useCallback(async () => {
    const { selected: name } = latest.current;
    if (name === SCRATCH) throw new Error('Give the event a name first (Save as…)');
    await saveAs(name);
  }, [saveAs]);

  const rename = useCallback(
    async (newName: string) => {
      const { functionName: fn, selected: name } = latest.current;
      if (fn === null || name === SCRATCH) return;
      const event = await api['test-events:rename']({ functionName: fn, name, newName });
      update((events) => events.filter((e) => e.name !== name));
      upsert(event);
      change((c) => {
        const edited = c.texts[name];
        const texts = forget(c.texts, name);
        return { selected: newName, texts: edited === undefined ? texts : { ...texts, [newName]: edited } };
      });
    },
    [api, change, update, upsert],
  );

  const remove = useCallback(async () => {
    const { functionName: fn, selected: name, text: current } = latest.current;
    if (fn === null || name === SCRATCH) return;
    await api['test-events:delete']({ functionName: fn, name });
    update((events) => events.filter((e) => e.name !== name));
    // The text stays on screen, as the unsaved event.
    change((c) => ({ selected: SCRATCH, texts: { ...forget(c.texts, name), [SCRATCH]: current } }));
  }, [api, change, update]);

  const importFile = useCallback(
    async (fileName: string, content: string, replace: boolean) => {
      const { functionName: fn } = latest.current;
      if (fn === null) throw new Error('Choose a function first');
      const event = await api['test-events:import']({ functionName: fn, fileName, content, replace });
      upsert(event);
      change((c) => ({ selected: event.name, texts: forget(c.texts, event.name) }));
      return event;
    },
    [api, change, upsert],
  );

  const exportSelected = useCallback(async () => {
    const { functionName: fn, selected: name, text: current } = latest.current;
    if (fn === null) throw new Error('Choose a function first');
    if (name === SCRATCH) {
      downloadFile('event.json', current, 'application/json');
      return 'event.json';
    }
    const file = await api['test-events:export']({ functionName: fn, name });
    downloadFile(file.fileName, file.content, 'application/json');
    return file.fileName;
  }, [api]);

  const renamed = useCallback((from: string, to: string) => {
    setByFunction((prev) => {
      const state = prev[from];
      if (state === undefined) return prev;
      const { [from]: _moved, ...rest } = prev;
      return { ...rest, [to]: state };
    });
  }, []);

  return useMemo(
    () => ({ list, reload, selected, text, modified, setText, choose, useText, save, saveAs, saveNew, rename, remove, importFile, exportSelected, renamed }),
    [list, reload, selected, text, modified, setText, choose, useText, save, saveAs, saveNew, rename, remove, importFile, exportSelected, renamed],
  );
}

// The selected function's code: what the engine saved, the working copy the user changed since
// (file contents, new, renamed and deleted files, empty folders), kept per function so that
// switching away and back keeps unsaved work, and saving it.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FunctionDetail, FunctionFile } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab, usePushEvents } from '../../app/LabContext.tsx';
import { useLoad, type Load } from '../../ui/useLoad.ts';

interface WorkingCopy {
  files: FunctionFile[];
  /** Folders without files yet (not saved: a function stores files only). */
  folders: string[];
}

/** Working copies that differ from what is saved, by function name. */
type Drafts = Readonly<Record<string, WorkingCopy>>;

export type FileState = 'saved' | 'modified' | 'new';

export interface FunctionCode {
  detail: Load<FunctionDetail>;
  reload(): void;
  /** The function's files as the user sees them (unsaved changes applied). */
  files: FunctionFile[];
  folders: string[];
  fileState(path: string): FileState;
  /** True when the files differ from the saved version. */
  dirty: boolean;
  edit(functionName: string, path: string, content: string): void;
  addFile(path: string, content?: string): void;
  addFolder(path: string): void;
  /** Renames a file, or a folder with everything in it. */
  rename(from: string, to: string): void;
  /** Deletes a file, or a folder with everything in it. */
  remove(path: string): void;
  /** Drops all unsaved changes of the loaded function. */
  revert(): void;
  saving: boolean;
  saveError: string | null;
  /** Saves the loaded function's files if they changed; rejects when the save fails. */
  save(): Promise<void>;
  /** The function was renamed: its unsaved work moves along. */
  renamed(from: string, to: string): void;
  /** Shows a newer version the engine answered (e.g. after a settings change); unsaved work stays. */
  applyDetail(detail: FunctionDetail): void;
  /** Drops a function's unsaved changes (the engine replaced its code: a lesson reset, a solution). */
  discard(functionName: string): void;
  /** Functions with unsaved changes (of any function, not only the loaded one). */
  unsaved: ReadonlySet<string>;
}

function sameFiles(a: readonly FunctionFile[], b: readonly FunctionFile[]): boolean {
  if (a.length !== b.length) return false;
  const byPath = new Map(b.map((f) => [f.path, f.content]));
  return a.every((f) => byPath.get(f.path) === f.content);
}

const inside = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);
const moved = (path: string, from: string, to: string): string => (inside(path, from) ? to + path.slice(from.length) : path);

export function useFunctionCode(functionName: string | null): FunctionCode {
  const { api } = useLab();
  const load = useCallback(
    () => (functionName === null ? Promise.reject(new Error('No function selected')) : api['functions:get']({ name: functionName })),
    [api, functionName],
  );
  const { state: detail, reload, refresh, update } = useLoad(functionName, load);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  // Async flows (save after an await) read the latest values from refs, not stale closures.
  const latest = useRef({ detail, drafts });
  useLayoutEffect(() => {
    latest.current = { detail, drafts };
  });
  const inFlight = useRef<Promise<void> | null>(null);

  const loaded = detail.status === 'ready' ? detail.data : undefined;
  const working: WorkingCopy | undefined = loaded === undefined ? undefined : (drafts[loaded.name] ?? { files: loaded.files, folders: [] });
  const files = useMemo(() => working?.files ?? [], [working]);
  const folders = useMemo(() => working?.folders ?? [], [working]);
  const dirty = loaded !== undefined && !sameFiles(files, loaded.files);

  const savedContent = useMemo(() => new Map(loaded?.files.map((f) => [f.path, f.content]) ?? []), [loaded]);
  const fileState = useCallback(
    (path: string): FileState => {
      const saved = savedContent.get(path);
      if (saved === undefined) return 'new';
      return files.find((f) => f.path === path)?.content === saved ? 'saved' : 'modified';
    },
    [savedContent, files],
  );

  /** Changes the working copy of `fn` (only while `fn` is the loaded function, or already has one). */
  const mutate = useCallback((fn: string, change: (copy: WorkingCopy) => WorkingCopy) => {
    const current = latest.current.detail;
    const saved = current.status === 'ready' && current.data.name === fn ? current.data : undefined;
    setDrafts((prev) => {
      const base = prev[fn] ?? (saved !== undefined ? { files: saved.files, folders: [] } : undefined);
      if (base === undefined) return prev;
      const next = change(base);
      if (next === base) return prev;
      if (saved !== undefined && next.folders.length === 0 && sameFiles(next.files, saved.files)) {
        const { [fn]: _dropped, ...rest } = prev;
        return rest;
      }
      return { ...prev, [fn]: next };
    });
  }, []);

  const loadedName = loaded?.name;
  const onLoaded = useCallback(
    (change: (copy: WorkingCopy) => WorkingCopy) => {
      if (loadedName !== undefined) mutate(loadedName, change);
    },
    [loadedName, mutate],
  );

  const edit = useCallback(
    (fn: string, path: string, content: string) =>
      mutate(fn, (copy) => {
        const file = copy.files.find((f) => f.path === path);
        if (file === undefined || file.content === content) return copy;
        return { ...copy, files: copy.files.map((f) => (f.path === path ? { path, content } : f)) };
      }),
    [mutate],
  );

  const addFile = useCallback(
    (path: string, content = '') =>
      onLoaded((copy) => ({ files: [...copy.files, { path, content }], folders: copy.folders.filter((folder) => !inside(path, folder)) })),
    [onLoaded],
  );
  const addFolder = useCallback((path: string) => onLoaded((copy) => ({ ...copy, folders: [...copy.folders, path] })), [onLoaded]);
  const rename = useCallback(
    (from: string, to: string) =>
      onLoaded((copy) => ({
        files: copy.files.map((f) => (inside(f.path, from) ? { path: moved(f.path, from, to), content: f.content } : f)),
        folders: copy.folders.map((folder) => moved(folder, from, to)),
      })),
    [onLoaded],
  );
  const remove = useCallback(
    (path: string) =>
      onLoaded((copy) => ({ files: copy.files.filter((f) => !inside(f.path, path)), folders: copy.folders.filter((folder) => !inside(folder, path)) })),
    [onLoaded],
  );
  const revert = useCallback(() => {
    if (loadedName === undefined) return;
    setDrafts((prev) => {
      const { [loadedName]: _dropped, ...rest } = prev;
      return rest;
    });
    setSaveError(null);
  }, [loadedName]);

  const saveOnce = useCallback(async (): Promise<void> => {
    const current = latest.current.detail;
    if (current.status !== 'ready') throw new Error('The function has not loaded yet, so there is nothing to save.');
    const fn = current.data;
    const copy = latest.current.drafts[fn.name];
    if (copy === undefined || sameFiles(copy.files, fn.files)) return;
    if (copy.files.length === 0) {
      const message = `Could not save ${fn.name}: a function needs at least one file.`;
      setSaveError(message);
      throw new Error(message);
    }
    setSaving(true);
    try {
      const saved = await api['functions:save-code']({ name: fn.name, files: copy.files });
      update((d) => (d.name === saved.name ? saved : d));
      // Keep only changes made while the save was on its way (and empty folders).
      setDrafts((prev) => {
        const mine = prev[saved.name];
        if (mine === undefined) return prev;
        if (sameFiles(mine.files, saved.files)) {
          if (mine.folders.length > 0) return { ...prev, [saved.name]: { files: saved.files, folders: mine.folders } };
          const { [saved.name]: _dropped, ...rest } = prev;
          return rest;
        }
        return prev;
      });
      setSaveError(null);
    } catch (e) {
      setSaveError(`Could not save ${fn.name}: ${errorMessage(e)}`);
      throw e;
    } finally {
      setSaving(false);
    }
  }, [api, update]);

  const save = useCallback(async (): Promise<void> => {
    // One save at a time; a save asked for meanwhile runs after it (with the newest edits).
    while (inFlight.current !== null) await inFlight.current.catch(() => undefined);
    const run = saveOnce();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }, [saveOnce]);

  const renamed = useCallback((from: string, to: string) => {
    setDrafts((prev) => {
      const mine = prev[from];
      if (mine === undefined) return prev;
      const { [from]: _moved, ...rest } = prev;
      return { ...rest, [to]: mine };
    });
  }, []);

  // Someone else (another tab, an import) changed the function: show it, unless that would
  // hide unsaved edits.
  usePushEvents((event) => {
    if (event.type !== 'function:changed' || event.function.name !== functionName) return;
    const current = latest.current.detail;
    if (current.status !== 'ready' || current.data.updatedAt === event.function.updatedAt) return;
    if (latest.current.drafts[current.data.name] !== undefined) return;
    refresh();
  });

  const applyDetail = useCallback((next: FunctionDetail) => update((d) => (d.name === next.name ? next : d)), [update]);
  const discard = useCallback((fn: string) => {
    setDrafts((prev) => {
      if (prev[fn] === undefined) return prev;
      const { [fn]: _dropped, ...rest } = prev;
      return rest;
    });
  }, []);

  const unsavedKey = Object.keys(drafts).sort().join('\u0000');
  const unsaved = useMemo(() => new Set(unsavedKey === '' ? [] : unsavedKey.split('\u0000')), [unsavedKey]);

  return useMemo(
    () => ({ detail, reload, files, folders, fileState, dirty, edit, addFile, addFolder, rename, remove, revert, saving, saveError, save, renamed, applyDetail, discard, unsaved }),
    [detail, reload, files, folders, fileState, dirty, edit, addFile, addFolder, rename, remove, revert, saving, saveError, save, renamed, applyDetail, discard, unsaved],
  );
}

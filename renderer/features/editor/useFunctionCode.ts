// The selected function's code: what the engine saved, what the user changed since (kept per
// function, so switching away and back keeps unsaved edits), and saving.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FunctionDetail, FunctionFile } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab, usePushEvents } from '../../app/LabContext.tsx';
import { useLoad, type Load } from '../../ui/useLoad.ts';

/** Unsaved file contents: function name → file path → content. */
type Drafts = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface FunctionCode {
  detail: Load<FunctionDetail>;
  reload(): void;
  /** The function's files as the user sees them (unsaved edits applied). */
  files: FunctionFile[];
  /** Records an edit of one file of one function. */
  edit(functionName: string, path: string, content: string): void;
  /** True when some file differs from the saved version. */
  dirty: boolean;
  saving: boolean;
  saveError: string | null;
  /** Saves all files of the loaded function if anything changed; rejects when the save fails. */
  save(): Promise<void>;
}

function withEdits(detail: FunctionDetail, drafts: Drafts): FunctionFile[] {
  const mine = drafts[detail.name] ?? {};
  return detail.files.map((f) => ({ path: f.path, content: mine[f.path] ?? f.content }));
}

function differs(detail: FunctionDetail, files: readonly FunctionFile[]): boolean {
  return files.some((f, i) => f.content !== detail.files[i]?.content);
}

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

  const files = useMemo(() => (detail.status === 'ready' ? withEdits(detail.data, drafts) : []), [detail, drafts]);
  const dirty = detail.status === 'ready' && differs(detail.data, files);

  const edit = useCallback((fn: string, path: string, content: string) => {
    const current = latest.current.detail;
    const saved = current.status === 'ready' && current.data.name === fn ? current.data.files.find((f) => f.path === path)?.content : undefined;
    setDrafts((prev) => {
      const mine = prev[fn] ?? {};
      if (content === saved) {
        // Back to the saved text: no edit to remember.
        if (!(path in mine)) return prev;
        const { [path]: _dropped, ...rest } = mine;
        return { ...prev, [fn]: rest };
      }
      return mine[path] === content ? prev : { ...prev, [fn]: { ...mine, [path]: content } };
    });
  }, []);

  const saveOnce = useCallback(async (): Promise<void> => {
    const current = latest.current.detail;
    if (current.status !== 'ready') throw new Error('The function has not loaded yet, so there is nothing to save.');
    const fn = current.data;
    const toSave = withEdits(fn, latest.current.drafts);
    if (!differs(fn, toSave)) return;
    setSaving(true);
    try {
      const saved = await api['functions:save-code']({ name: fn.name, files: toSave });
      update((d) => (d.name === saved.name ? saved : d));
      // Keep only edits made while the save was on its way.
      setDrafts((prev) => {
        const mine = prev[saved.name];
        if (mine === undefined) return prev;
        const left = Object.fromEntries(
          Object.entries(mine).filter(([path, content]) => saved.files.find((f) => f.path === path)?.content !== content),
        );
        return { ...prev, [saved.name]: left };
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

  // Someone else (another tab, a lesson) changed the function: show it, unless that would
  // hide unsaved edits.
  usePushEvents((event) => {
    if (event.type !== 'function:changed' || event.function.name !== functionName) return;
    const current = latest.current.detail;
    if (current.status !== 'ready' || current.data.updatedAt === event.function.updatedAt) return;
    if (differs(current.data, withEdits(current.data, latest.current.drafts))) return;
    setDrafts((prev) => {
      const { [current.data.name]: _dropped, ...rest } = prev;
      return rest;
    });
    refresh();
  });

  return { detail, reload, files, edit, dirty, saving, saveError, save };
}

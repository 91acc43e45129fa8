// Which files of each function are open in tabs and which one is active, remembered per
// function across reloads.
import { useCallback, useMemo } from 'react';
import { isRecordOf, usePersistentState } from '../../ui/usePersistentState.ts';

interface OpenFiles {
  open: string[];
  active?: string;
}

const isOpenFiles = (v: unknown): v is OpenFiles =>
  typeof v === 'object' && v !== null && Array.isArray((v as OpenFiles).open) && (v as OpenFiles).open.every((p) => typeof p === 'string');

export interface OpenFilesHandle {
  open: string[];
  active: string | undefined;
  openFile(path: string): void;
  closeFile(path: string): void;
  /** A file or folder was renamed: its tabs follow. */
  renamed(from: string, to: string): void;
}

const inside = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

export function useOpenFiles(functionName: string | null, paths: readonly string[], firstFile: string | undefined): OpenFilesHandle {
  const [all, setAll] = usePersistentState<Record<string, OpenFiles>>('open-files', {}, isRecordOf(isOpenFiles));
  const mine = functionName === null ? undefined : all[functionName];

  const open = useMemo(() => {
    const existing = (mine?.open ?? []).filter((p) => paths.includes(p));
    if (existing.length > 0) return existing;
    return firstFile !== undefined && paths.includes(firstFile) ? [firstFile] : paths.slice(0, 1);
  }, [mine, paths, firstFile]);
  const active = mine?.active !== undefined && open.includes(mine.active) ? mine.active : open[0];

  const change = useCallback(
    (fn: (current: OpenFiles) => OpenFiles) => {
      if (functionName === null) return;
      setAll((prev) => ({ ...prev, [functionName]: fn({ open, ...(active !== undefined ? { active } : {}) }) }));
    },
    [functionName, setAll, open, active],
  );

  const openFile = useCallback(
    (path: string) => change((c) => ({ open: c.open.includes(path) ? c.open : [...c.open, path], active: path })),
    [change],
  );
  const closeFile = useCallback(
    (path: string) =>
      change((c) => {
        const index = c.open.indexOf(path);
        const left = c.open.filter((p) => p !== path);
        const nextActive = c.active === path ? (left[Math.min(index, left.length - 1)] ?? undefined) : c.active;
        return nextActive === undefined ? { open: left } : { open: left, active: nextActive };
      }),
    [change],
  );
  const renamed = useCallback(
    (from: string, to: string) =>
      change((c) => {
        const move = (p: string): string => (inside(p, from) ? to + p.slice(from.length) : p);
        return c.active === undefined ? { open: c.open.map(move) } : { open: c.open.map(move), active: move(c.active) };
      }),
    [change],
  );

  return useMemo(() => ({ open, active, openFile, closeFile, renamed }), [open, active, openFile, closeFile, renamed]);
}

// The command palette (Ctrl/Cmd+Shift+P): every action of the workspace by name, with its
// shortcut. Ctrl/Cmd+P opens it on the function's files instead ("Switch to file…").
import { useMemo, useState } from 'react';
import { ComboList, filterItems, type ComboItem } from '../../ui/ComboList.tsx';
import { Dialog } from '../../ui/Dialog.tsx';

export interface Command {
  id: string;
  title: string;
  /** How the shortcut is written on this platform, e.g. "Ctrl+Enter". */
  shortcut?: string;
  enabled: boolean;
  run(): void;
}

export type PaletteMode = 'commands' | 'files';

export function CommandPalette({ mode: initialMode, commands, files, onOpenFile, onClose }: {
  mode: PaletteMode;
  commands: readonly Command[];
  files: readonly string[];
  onOpenFile: (path: string) => void;
  onClose: () => void;
}) {
  const [mode, setMode] = useState(initialMode);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | undefined>();

  const items: ComboItem[] = useMemo(() => {
    const all: ComboItem[] =
      mode === 'files'
        ? files.map((path) => ({ id: `file:${path}`, label: path }))
        : [
            ...commands.map((c) => ({ id: `command:${c.id}`, label: c.title, disabled: !c.enabled, ...(c.shortcut !== undefined ? { detail: c.shortcut } : {}) })),
            { id: 'mode:files', label: 'Switch to file…', detail: 'Ctrl+P' },
          ];
    return filterItems(all, query);
  }, [mode, files, commands, query]);

  const choose = (id: string): void => {
    if (id === 'mode:files') {
      setMode('files');
      setQuery('');
      setActiveId(undefined);
      return;
    }
    onClose();
    if (id.startsWith('file:')) onOpenFile(id.slice('file:'.length));
    else commands.find((c) => `command:${c.id}` === id)?.run();
  };

  return (
    <Dialog title="Command palette" onClose={onClose} className="dialog--palette">
      <ComboList
        inputLabel={mode === 'files' ? 'File name' : 'Command'}
        listLabel={mode === 'files' ? 'Files' : 'Commands'}
        placeholder={mode === 'files' ? 'Type to find a file of the function' : 'Type a command: invoke, save, new function, export…'}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setActiveId(undefined);
        }}
        items={items}
        activeId={activeId}
        onActive={setActiveId}
        onChoose={choose}
        emptyText={mode === 'files' ? 'No file matches.' : 'No command matches.'}
      />
    </Dialog>
  );
}

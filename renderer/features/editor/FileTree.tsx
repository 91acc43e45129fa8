// The function's files and folders (WAI-ARIA tree view): arrow keys move and open folders,
// Enter opens a file, F2 renames, Delete deletes. The buttons above act on the selected item.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { visibleTreeRows, type TreeRow } from './fileTree.ts';
import type { FileState } from './useFunctionCode.ts';

export interface TreeSelection {
  path: string;
  kind: 'file' | 'folder';
}

export interface FileTreeProps {
  files: readonly string[];
  folders: readonly string[];
  fileState: (path: string) => FileState;
  activePath: string | undefined;
  selection: TreeSelection | null;
  collapsed: ReadonlySet<string>;
  onSelect: (selection: TreeSelection) => void;
  onOpen: (path: string) => void;
  onToggle: (folder: string) => void;
  onNewFile: () => void;
  onNewFolder: () => void;
  onRename: (selection: TreeSelection) => void;
  onDelete: (selection: TreeSelection) => void;
}

const STATE_MARK: Record<FileState, string> = { saved: '', modified: 'unsaved changes', new: 'new, not saved yet' };

export function FileTree(props: FileTreeProps) {
  const { files, folders, fileState, activePath, selection, collapsed, onSelect, onOpen, onToggle } = props;
  const rows = useMemo(() => {
    const allFolders = new Set<string>();
    for (const f of [...files, ...folders.map((d) => `${d}/x`)]) {
      const parts = f.split('/');
      for (let i = 1; i < parts.length; i++) allFolders.add(parts.slice(0, i).join('/'));
    }
    const expanded = new Set([...allFolders].filter((d) => !collapsed.has(d)));
    return visibleTreeRows(files, folders, expanded);
  }, [files, folders, collapsed]);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const current = rows.find((r) => r.path === selection?.path && r.kind === selection.kind) ?? rows.find((r) => r.path === activePath) ?? rows[0];
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    if (focusNext.current === null) return;
    refs.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const move = (row: TreeRow | undefined): void => {
    if (row === undefined) return;
    onSelect({ path: row.path, kind: row.kind });
    focusNext.current = row.path;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (current === undefined) return;
    const index = rows.indexOf(current);
    const isOpenFolder = current.kind === 'folder' && !collapsed.has(current.path);
    switch (event.key) {
      case 'ArrowDown':
        move(rows[index + 1]);
        break;
      case 'ArrowUp':
        move(rows[index - 1]);
        break;
      case 'Home':
        move(rows[0]);
        break;
      case 'End':
        move(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (current.kind === 'folder' && !isOpenFolder) onToggle(current.path);
        else if (isOpenFolder) move(rows[index + 1]);
        break;
      case 'ArrowLeft':
        if (isOpenFolder) onToggle(current.path);
        else move(rows.find((r) => r.path === current.parent && r.kind === 'folder'));
        break;
      case 'Enter':
      case ' ':
        if (current.kind === 'file') onOpen(current.path);
        else onToggle(current.path);
        break;
      case 'F2':
        props.onRename({ path: current.path, kind: current.kind });
        break;
      case 'Delete':
        props.onDelete({ path: current.path, kind: current.kind });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const selected = current === undefined ? null : { path: current.path, kind: current.kind };
  return (
    <div className="file-tree">
      <div className="file-tree-toolbar" role="toolbar" aria-label="File actions">
        <span className="toolbar-title">Files</span>
        <button type="button" className="icon-button" aria-label="New file" title="New file" onClick={props.onNewFile}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className="icon-button" aria-label="New folder" title="New folder" onClick={props.onNewFolder}>
          <span aria-hidden="true">⊞</span>
        </button>
        <button type="button" className="icon-button" aria-label="Rename" title="Rename (F2)" disabled={selected === null} onClick={() => selected !== null && props.onRename(selected)}>
          <span aria-hidden="true">✎</span>
        </button>
        <button type="button" className="icon-button" aria-label="Delete" title="Delete (Delete key)" disabled={selected === null} onClick={() => selected !== null && props.onDelete(selected)}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <ul role="tree" aria-label="Files" className="file-tree-items" onKeyDown={onKeyDown}>
        {rows.map((row) => {
          const state = row.kind === 'file' ? fileState(row.path) : 'saved';
          const isCurrent = row === current;
          return (
            <li
              key={`${row.kind}:${row.path}`}
              ref={(el) => {
                if (el === null) refs.current.delete(row.path);
                else refs.current.set(row.path, el);
              }}
              role="treeitem"
              aria-level={row.level}
              aria-posinset={row.position}
              aria-setsize={row.siblings}
              aria-selected={isCurrent}
              aria-expanded={row.kind === 'folder' ? !collapsed.has(row.path) : undefined}
              aria-label={state === 'saved' ? row.name : `${row.name}, ${STATE_MARK[state]}`}
              aria-current={row.path === activePath && row.kind === 'file' ? 'true' : undefined}
              tabIndex={isCurrent ? 0 : -1}
              className={`tree-row tree-row--${row.kind}`}
              style={{ paddingLeft: 8 + (row.level - 1) * 14 }}
              title={row.path}
              onClick={() => {
                onSelect({ path: row.path, kind: row.kind });
                if (row.kind === 'file') onOpen(row.path);
                else onToggle(row.path);
              }}
            >
              <span className="tree-icon" aria-hidden="true">
                {row.kind === 'folder' ? (collapsed.has(row.path) ? '▸' : '▾') : ''}
              </span>
              <span className="tree-name">{row.name}</span>
              {state !== 'saved' && (
                <span className={`dirty-mark dirty-mark--${state}`} aria-hidden="true" title={STATE_MARK[state]}>
                  {state === 'new' ? 'N' : '●'}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

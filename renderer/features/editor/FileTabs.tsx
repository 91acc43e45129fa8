// The open files as tabs (WAI-ARIA tabs: arrow keys move between them, Delete closes one), each
// marked while it has unsaved changes.
import { useRef, type KeyboardEvent } from 'react';
import { baseName } from './language.ts';
import type { FileState } from './useFunctionCode.ts';

export const EDITOR_PANEL_ID = 'code-editor-panel';

export function fileTabId(index: number): string {
  return `code-file-tab-${index}`;
}

export function FileTabs({ open, active, fileState, onSelect, onClose }: {
  open: readonly string[];
  active: string | undefined;
  fileState: (path: string) => FileState;
  onSelect: (path: string) => void;
  onClose: (path: string) => void;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = active === undefined ? -1 : open.indexOf(active);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % open.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + open.length) % open.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = open.length - 1;
    else if (event.key === 'Delete' && active !== undefined && open.length > 1) {
      event.preventDefault();
      onClose(active);
      return;
    }
    const path = next === undefined ? undefined : open[next];
    if (next === undefined || path === undefined) return;
    event.preventDefault();
    onSelect(path);
    refs.current[next]?.focus();
  };

  // Same base name in two folders: show the folder too.
  const label = (path: string): string => {
    const name = baseName(path);
    return open.filter((p) => baseName(p) === name).length > 1 ? path : name;
  };

  return (
    <div role="tablist" aria-label="Open files" className="file-tabs" onKeyDown={onKeyDown}>
      {open.map((path, i) => {
        const state = fileState(path);
        const selected = path === active;
        return (
          <div key={path} className={selected ? 'file-tab file-tab--active' : 'file-tab'} title={path}>
            <button
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={fileTabId(i)}
              aria-selected={selected}
              aria-controls={EDITOR_PANEL_ID}
              aria-label={state === 'saved' ? path : `${path}, unsaved changes`}
              tabIndex={selected ? 0 : -1}
              className="file-tab-button"
              onClick={() => onSelect(path)}
              onAuxClick={(e) => {
                if (e.button === 1 && open.length > 1) onClose(path);
              }}
            >
              {label(path)}
              {state !== 'saved' && (
                <span className="dirty-mark" aria-hidden="true">
                  ●
                </span>
              )}
            </button>
            {open.length > 1 && (
              <button type="button" className="file-tab-close" tabIndex={-1} aria-label={`Close ${path}`} title="Close (Delete)" onClick={() => onClose(path)}>
                ×
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}

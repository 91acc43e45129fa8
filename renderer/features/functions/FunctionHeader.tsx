// Above the code: the selected function, its main settings at a glance, Settings and the
// function's actions (rename, duplicate, export, delete).
import { memo } from 'react';
import type { FunctionArchiveFormat, FunctionDetail } from '../../../sandbox/api/index.ts';
import { MenuButton } from '../../ui/Menu.tsx';

function FunctionHeaderView({ fn, memoryCapMB, onSettings, onRename, onDuplicate, onDelete, onExport }: {
  fn: FunctionDetail | undefined;
  memoryCapMB: number | undefined;
  onSettings: () => void;
  onRename: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onExport: (format: FunctionArchiveFormat) => void;
}) {
  if (fn === undefined) return <div className="function-header" />;
  const c = fn.config;
  const capped = memoryCapMB !== undefined && c.memorySizeMB > memoryCapMB;
  return (
    <div className="function-header">
      <div className="function-header-text">
        <h2 className="function-title">{fn.name}</h2>
        <p className="function-description" title={fn.description}>
          {fn.description === '' ? 'No description' : fn.description}
        </p>
      </div>
      <ul className="chips" aria-label="Main settings">
        <li className="chip">{c.runtime}</li>
        <li className={capped ? 'chip chip--warning' : 'chip'} title={capped ? `The sandbox gives this function at most ${memoryCapMB} MB of heap on this machine.` : undefined}>
          {c.memorySizeMB} MB
        </li>
        <li className="chip">{c.timeoutSeconds} s</li>
        <li className="chip">{c.architecture}</li>
      </ul>
      <button type="button" className="button" onClick={onSettings} aria-keyshortcuts="Control+, Meta+," title="Function settings (Ctrl+,)">
        Settings
      </button>
      <MenuButton
        label="Function actions"
        align="end"
        items={[
          { label: 'Rename…', onSelect: onRename },
          { label: 'Duplicate…', onSelect: onDuplicate },
          { label: 'Export as .zip', onSelect: () => onExport('zip') },
          { label: 'Export as SAM project', onSelect: () => onExport('sam') },
          { label: 'Delete…', onSelect: onDelete, danger: true },
        ]}
      >
        Actions ▾
      </MenuButton>
    </div>
  );
}

export const FunctionHeader = memo(FunctionHeaderView);

// The code area: the file tree, the open files as tabs, Save, the editor and a status bar with
// the problems Monaco found and the cursor position.
import { memo, useCallback, useEffect, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { MenuButton } from '../../ui/Menu.tsx';
import { NameDialog } from '../../ui/NameDialog.tsx';
import { Splitter } from '../../ui/Splitter.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { CodeEditor, type EditorCommands, type RevealRequest } from './CodeEditor.tsx';
import { EDITOR_PANEL_ID, FileTabs, fileTabId } from './FileTabs.tsx';
import { FileTree, type TreeSelection } from './FileTree.tsx';
import { pathProblem } from './fileTree.ts';
import { dirName, languageName } from './language.ts';
import { useMonaco } from './monaco/loadMonaco.ts';
import { problemCountText, type Problem } from './problems.ts';
import type { FunctionCode } from './useFunctionCode.ts';
import type { OpenFilesHandle } from './useOpenFiles.ts';

type FileDialog =
  | { kind: 'new-file'; folder: string }
  | { kind: 'new-folder'; folder: string }
  | { kind: 'rename'; target: TreeSelection }
  | { kind: 'delete'; target: TreeSelection };

export interface CodePaneProps {
  functionName: string | null;
  listLoading: boolean;
  code: FunctionCode;
  openFiles: OpenFilesHandle;
  problems: readonly Problem[];
  onProblems: (problems: Problem[]) => void;
  commands: EditorCommands;
  reveal: RevealRequest | null;
  onReveal: (problem: Problem) => void;
  focusRequest: number;
  dark: boolean;
  treeWidth: number;
  onTreeWidth: (width: number) => void;
  /** Changes when the New file dialog should open (from the command palette). */
  newFileRequest: number;
}

const TREE_ID = 'file-tree-column';

function CodePaneView(props: CodePaneProps) {
  const { functionName, listLoading, code, openFiles, problems, commands, dark } = props;
  const monaco = useMonaco();
  const { detail, files, folders } = code;
  const [selection, setSelection] = useState<TreeSelection | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<FileDialog | null>(null);
  const [cursor, setCursor] = useState<{ line: number; column: number } | null>(null);
  const onCursor = useCallback((line: number, column: number) => setCursor({ line, column }), []);

  useEffect(() => {
    if (props.newFileRequest > 0) setDialog({ kind: 'new-file', folder: '' });
  }, [props.newFileRequest]);

  const loaded = detail.status === 'ready' ? detail.data : undefined;
  const paths = files.map((f) => f.path);
  const activePath = openFiles.active;
  const activeIndex = activePath === undefined ? -1 : openFiles.open.indexOf(activePath);
  const selectionFolder = selection === null ? '' : selection.kind === 'folder' ? selection.path : dirName(selection.path);

  const toggle = (folder: string): void =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(folder)) next.add(folder);
      return next;
    });

  /** Opens the folders that hold `path` (and `path` itself when it is a folder). */
  const reveal = (path: string, itself = false): void =>
    setCollapsed((prev) => new Set([...prev].filter((folder) => !(path.startsWith(`${folder}/`) || (itself && folder === path)))));
  const closeDialog = (): void => setDialog(null);
  const prefix = (folder: string): string => (folder === '' ? '' : `${folder}/`);

  return (
    <div className="code-pane" style={{ gridTemplateColumns: `${props.treeWidth}px 4px minmax(0, 1fr)` }}>
      <div className="file-tree-column" id={TREE_ID}>
        {loaded !== undefined && (
          <FileTree
            files={paths}
            folders={folders}
            fileState={code.fileState}
            activePath={activePath}
            selection={selection}
            collapsed={collapsed}
            onSelect={setSelection}
            onOpen={openFiles.openFile}
            onToggle={toggle}
            onNewFile={() => setDialog({ kind: 'new-file', folder: selectionFolder })}
            onNewFolder={() => setDialog({ kind: 'new-folder', folder: selectionFolder })}
            onRename={(target) => setDialog({ kind: 'rename', target })}
            onDelete={(target) => setDialog({ kind: 'delete', target })}
          />
        )}
      </div>
      <Splitter label="Resize the file tree" orientation="vertical" value={props.treeWidth} min={110} max={360} onChange={props.onTreeWidth} controls={TREE_ID} />
      <div className="code-main">
        <div className="toolbar code-toolbar">
          <div className="code-files">
            {loaded !== undefined && openFiles.open.length > 0 && (
              <FileTabs open={openFiles.open} active={activePath} fileState={code.fileState} onSelect={openFiles.openFile} onClose={openFiles.closeFile} />
            )}
            {loaded === undefined && functionName !== null && <span className="file-name file-name--muted">{functionName}</span>}
          </div>
          {code.saveError !== null && (
            <p className="inline-error" role="alert" title={code.saveError}>
              {code.saveError}
            </p>
          )}
          {loaded !== undefined && (
            <span role="status" className={code.dirty ? 'save-status save-status--dirty' : 'save-status'}>
              {code.saving ? 'Saving…' : code.dirty ? 'Unsaved changes' : 'Saved'}
            </span>
          )}
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Control+S Meta+S"
            title="Save the function's files (Ctrl+S)"
            aria-busy={code.saving}
            disabled={loaded === undefined || !code.dirty || code.saving}
            onClick={() => {
              code.save().catch(() => undefined); // the error is shown next to the button
            }}
          >
            Save
          </button>
        </div>
        <div
          className="code-editor-area"
          id={EDITOR_PANEL_ID}
          role={loaded !== undefined && activeIndex >= 0 ? 'tabpanel' : undefined}
          aria-labelledby={loaded !== undefined && activeIndex >= 0 ? fileTabId(activeIndex) : undefined}
        >
          {functionName === null &&
            (listLoading ? (
              <LoadingMessage>Loading…</LoadingMessage>
            ) : (
              <EmptyMessage>
                No function is selected. Create one with <strong>New function</strong> on the left: start from a blueprint to see a
                working handler and its event.
              </EmptyMessage>
            ))}
          {functionName !== null && detail.status === 'loading' && <LoadingMessage>Loading {functionName}…</LoadingMessage>}
          {functionName !== null && detail.status === 'error' && <ErrorMessage title={`Could not load ${functionName}.`} message={detail.message} onRetry={code.reload} />}
          {loaded !== undefined && monaco.status === 'loading' && <LoadingMessage>Loading the editor…</LoadingMessage>}
          {loaded !== undefined && monaco.status === 'error' && <ErrorMessage title="Could not load the code editor." message={monaco.message} onRetry={monaco.retry} />}
          {loaded !== undefined && monaco.status === 'ready' && (
            <CodeEditor
              loaded={monaco.loaded}
              functionName={loaded.name}
              files={files}
              activePath={activePath ?? ''}
              dark={dark}
              onEdit={code.edit}
              onProblems={props.onProblems}
              onCursor={onCursor}
              commands={commands}
              reveal={props.reveal}
              focusRequest={props.focusRequest}
            />
          )}
          {loaded !== undefined && files.length === 0 && (
            <EmptyMessage>This function has no files yet. Add one with the + button above the file tree: a function needs at least one file to run.</EmptyMessage>
          )}
        </div>
        <div className="status-bar">
          {problems.length > 0 ? (
            <MenuButton
              label={`Problems: ${problemCountText(problems)}`}
              className="status-button status-button--problems"
              items={problems.slice(0, 20).map((p) => ({
                label: `${p.path}:${p.line}:${p.column} ${p.message}`,
                onSelect: () => props.onReveal(p),
              }))}
            >
              <span aria-hidden="true">{problems.some((p) => p.severity === 'error') ? '⛔' : '⚠'}</span> {problemCountText(problems)}
            </MenuButton>
          ) : (
            <span className="status-text">{loaded !== undefined ? 'No problems' : ''}</span>
          )}
          <span className="status-text status-text--right">
            {activePath !== undefined && cursor !== null ? `Ln ${cursor.line}, Col ${cursor.column}` : ''}
          </span>
          <span className="status-text">{activePath !== undefined ? languageName(activePath) : ''}</span>
        </div>
      </div>

      {dialog?.kind === 'new-file' && (
        <NameDialog
          title="New file"
          label="File path"
          hint="A path inside the function, e.g. lib/orders.mjs. Import it from the handler with a relative path: import { x } from './lib/orders.mjs'."
          initial={prefix(dialog.folder)}
          submitLabel="Create file"
          validate={(p) => pathProblem(p, paths, folders, { kind: 'file' })}
          onSubmit={(p) => {
            code.addFile(p);
            reveal(p);
            openFiles.openFile(p);
            setSelection({ path: p, kind: 'file' });
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'new-folder' && (
        <NameDialog
          title="New folder"
          label="Folder path"
          hint="Folders hold files; an empty folder is not saved."
          initial={prefix(dialog.folder)}
          submitLabel="Create folder"
          validate={(p) => pathProblem(p, paths, folders, { kind: 'folder' })}
          onSubmit={(p) => {
            code.addFolder(p);
            reveal(p);
            setSelection({ path: p, kind: 'folder' });
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'rename' && (
        <NameDialog
          title={dialog.target.kind === 'file' ? `Rename ${dialog.target.path}` : `Rename folder ${dialog.target.path}`}
          label={dialog.target.kind === 'file' ? 'New file path' : 'New folder path'}
          hint={dialog.target.kind === 'file' ? 'Imports of this file and the handler setting do not change by themselves.' : 'Everything in the folder moves along.'}
          initial={dialog.target.path}
          submitLabel="Rename"
          validate={(p) =>
            p === dialog.target.path ? 'Type a new name' : pathProblem(p, paths, folders, { kind: dialog.target.kind, ignore: dialog.target.path })
          }
          onSubmit={(p) => {
            code.rename(dialog.target.path, p);
            reveal(p, true);
            openFiles.renamed(dialog.target.path, p);
            setSelection({ path: p, kind: dialog.target.kind });
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={dialog.target.kind === 'file' ? `Delete ${dialog.target.path}?` : `Delete folder ${dialog.target.path}?`}
          confirmLabel="Delete"
          onConfirm={() => {
            code.remove(dialog.target.path);
            setSelection(null);
          }}
          onClose={closeDialog}
        >
          {dialog.target.kind === 'file' ? (
            <p>The file leaves the function when you save. Until then, Revert (in the command palette) brings it back.</p>
          ) : (
            <p>
              The folder and the {paths.filter((p) => p.startsWith(`${dialog.target.path}/`)).length} file(s) in it leave the function when you save.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

export const CodePane = memo(CodePaneView);

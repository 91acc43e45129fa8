// Monaco for the selected function: one model per file (file:///var/task/<path>, so imports
// between the files resolve), one editor showing the active file. Keeps each file's cursor and
// scroll position, reports the problems Monaco finds (syntax errors before invoking) and binds
// the lab's shortcuts inside the editor (Monaco keeps those keys to itself).
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import type { FunctionFile } from '../../../sandbox/api/index.ts';
import { languageForPath } from './language.ts';
import type { LoadedMonaco } from './monaco/loadMonaco.ts';
import { pathOfModelPath, taskPath } from './monaco/modelUri.ts';
import type { Problem } from './problems.ts';

export interface EditorCommands {
  save(): void;
  invoke(): void;
  openPalette(): void;
  openFileSwitcher(): void;
  openSettings(): void;
}

export interface RevealRequest {
  path: string;
  line: number;
  column: number;
  /** A new object each time, so the same place can be revealed twice. */
  id: number;
}

export interface CodeEditorProps {
  loaded: LoadedMonaco;
  functionName: string;
  files: readonly FunctionFile[];
  activePath: string;
  dark: boolean;
  onEdit: (functionName: string, path: string, content: string) => void;
  onProblems: (problems: Problem[]) => void;
  onCursor: (line: number, column: number) => void;
  commands: EditorCommands;
  reveal: RevealRequest | null;
  /** Changes when the editor should take the keyboard focus. */
  focusRequest: number;
}

const EDITOR_OPTIONS: Monaco.editor.IStandaloneEditorConstructionOptions = {
  ariaLabel: 'Code editor',
  automaticLayout: true,
  fixedOverflowWidgets: true,
  fontSize: 13,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  tabSize: 2,
  renderLineHighlight: 'line',
  padding: { top: 8 },
  model: null,
  quickSuggestions: { other: true, comments: false, strings: false },
  suggest: { showWords: false },
  'semanticHighlighting.enabled': false,
};

let editorReadyMarked = false;

function CodeEditorView({ loaded, functionName, files, activePath, dark, onEdit, onProblems, onCursor, commands, reveal, focusRequest }: CodeEditorProps) {
  const { monaco } = loaded;
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const modelsOf = useRef<string | null>(null);
  const listeners = useRef(new Map<string, Monaco.IDisposable>());
  const applyingOutsideChange = useRef(false);
  const viewStates = useRef(new Map<string, Monaco.editor.ICodeEditorViewState | null>());
  const shownPath = useRef<string | null>(null);
  const latest = useRef({ functionName, onEdit, onProblems, onCursor, commands });
  useLayoutEffect(() => {
    latest.current = { functionName, onEdit, onProblems, onCursor, commands };
  });

  // One editor for the life of the component (a layout effect, so it exists before the ones below run).
  useLayoutEffect(() => {
    const element = container.current;
    if (element === null) return;
    const editor = monaco.editor.create(element, EDITOR_OPTIONS);
    editorRef.current = editor;
    const { KeyCode, KeyMod } = monaco;
    const run = (name: keyof EditorCommands) => () => latest.current.commands[name]();
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyS, run('save'));
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, run('invoke'));
    editor.addCommand(KeyMod.WinCtrl | KeyCode.Enter, run('invoke'));
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyP, run('openPalette'));
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyP, run('openFileSwitcher'));
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Comma, run('openSettings'));
    const cursor = editor.onDidChangeCursorPosition((e) => latest.current.onCursor(e.position.lineNumber, e.position.column));

    const report = (): void => {
      const problems: Problem[] = [];
      for (const marker of monaco.editor.getModelMarkers({})) {
        const path = pathOfModelPath(marker.resource.path);
        if (path === undefined || marker.resource.scheme !== 'file' || marker.severity < monaco.MarkerSeverity.Warning) continue;
        // Only files of the function on screen (markers of a disposed model may linger).
        if (monaco.editor.getModel(marker.resource) === null) continue;
        problems.push({
          path,
          line: marker.startLineNumber,
          column: marker.startColumn,
          message: marker.message,
          severity: marker.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning',
          code: typeof marker.code === 'string' ? marker.code : (marker.code?.value ?? ''),
          source: marker.owner,
        });
      }
      latest.current.onProblems(problems);
    };
    const markers = monaco.editor.onDidChangeMarkers(report);
    const firstReport = setTimeout(report, 0); // what is known now (the models are created after this effect)
    const allListeners = listeners.current;
    return () => {
      clearTimeout(firstReport);
      markers.dispose();
      latest.current.onProblems([]);
      cursor.dispose();
      editor.dispose();
      editorRef.current = null;
      for (const l of allListeners.values()) l.dispose();
      allListeners.clear();
      for (const model of monaco.editor.getModels()) if (pathOfModelPath(model.uri.path) !== undefined) model.dispose();
      modelsOf.current = null;
      shownPath.current = null;
    };
  }, [monaco]);

  // Models follow the function's files: created, updated from outside (save, revert, reload) and disposed.
  useLayoutEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    const switching = modelsOf.current !== functionName;
    if (switching && shownPath.current !== null && modelsOf.current !== null) {
      viewStates.current.set(`${modelsOf.current}\u0000${shownPath.current}`, editor.saveViewState());
    }
    const wanted = new Map(files.map((f) => [taskPath(f.path), f]));
    for (const model of monaco.editor.getModels()) {
      const path = pathOfModelPath(model.uri.path);
      if (path === undefined) continue;
      const file = wanted.get(model.uri.path);
      if (switching || file === undefined || model.getLanguageId() !== languageForPath(file.path)) {
        if (editor.getModel() === model) {
          if (shownPath.current !== null && !switching) viewStates.current.set(`${functionName}\u0000${shownPath.current}`, editor.saveViewState());
          editor.setModel(null);
          shownPath.current = null;
        }
        listeners.current.get(model.uri.toString())?.dispose();
        listeners.current.delete(model.uri.toString());
        model.dispose();
      }
    }
    if (switching) {
      // Another function: no problem of the previous one may stay on screen.
      for (const owner of ['javascript', 'typescript', 'json']) monaco.editor.removeAllMarkers(owner);
    }
    modelsOf.current = functionName;
    for (const file of files) {
      const uri = monaco.Uri.file(taskPath(file.path));
      let model = monaco.editor.getModel(uri);
      if (model === null) {
        model = monaco.editor.createModel(file.content, languageForPath(file.path), uri);
        const created = model;
        const path = file.path;
        listeners.current.set(
          uri.toString(),
          created.onDidChangeContent(() => {
            if (applyingOutsideChange.current) return;
            latest.current.onEdit(latest.current.functionName, path, created.getValue());
          }),
        );
      } else if (model.getValue() !== file.content) {
        // Changed outside the editor: an edit operation, so Ctrl+Z can bring the text back.
        applyingOutsideChange.current = true;
        try {
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text: file.content }], () => null);
        } finally {
          applyingOutsideChange.current = false;
        }
      }
    }
  }, [monaco, functionName, files]);

  // The active file on screen, with its cursor and scroll position as the user left them.
  useLayoutEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    const model = monaco.editor.getModel(monaco.Uri.file(taskPath(activePath)));
    if (model === null || editor.getModel() === model) return;
    if (shownPath.current !== null) viewStates.current.set(`${functionName}\u0000${shownPath.current}`, editor.saveViewState());
    editor.setModel(model);
    shownPath.current = activePath;
    const state = viewStates.current.get(`${functionName}\u0000${activePath}`);
    if (state !== undefined && state !== null) editor.restoreViewState(state);
    const position = editor.getPosition();
    if (position !== null) latest.current.onCursor(position.lineNumber, position.column);
    if (!editorReadyMarked) {
      editorReadyMarked = true;
      performance.mark('lab:editor-ready');
      // The language workers may start once the editor is on screen.
      setTimeout(() => loaded.allowLanguageWorkers(), 50);
    }
  }, [monaco, loaded, functionName, activePath, files]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'lab-dark' : 'lab-light');
  }, [monaco, dark]);

  // A place to show (from the problems list), once, as soon as its file is the active one.
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null || reveal === null || reveal.id === revealed.current || reveal.path !== activePath) return;
    revealed.current = reveal.id;
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column });
    editor.revealPositionInCenterIfOutsideViewport({ lineNumber: reveal.line, column: reveal.column });
    editor.focus();
  }, [reveal, activePath]);

  useEffect(() => {
    if (focusRequest > 0) editorRef.current?.focus();
  }, [focusRequest]);

  return <div ref={container} className="code-editor" data-testid="code-editor" />;
}

export const CodeEditor = memo(CodeEditorView);

// Monaco for one file of one function. Each file has its own model (URI
// file:///<function>/<path>), so undo history and cursor survive tab switches.
import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LoadingMessage } from '../../ui/StateMessage.tsx';
import { usePrefersDark } from '../../ui/usePrefersDark.ts';
import { languageForPath } from './language.ts';
import { monaco } from './monaco.ts';

export function modelPath(functionName: string, path: string): string {
  return `file:///${encodeURIComponent(functionName)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ariaLabel: 'Code editor',
  automaticLayout: true,
  fixedOverflowWidgets: true,
  fontSize: 13,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  tabSize: 2,
  renderLineHighlight: 'line',
  padding: { top: 8 },
};

export interface EditorShortcuts {
  save(): void;
  invoke(): void;
}

export function CodeEditor({ functionName, path, value, onEdit, shortcuts }: {
  functionName: string;
  path: string;
  value: string;
  onEdit: (functionName: string, path: string, content: string) => void;
  shortcuts: EditorShortcuts;
}) {
  const dark = usePrefersDark();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const [mounted, setMounted] = useState(false);
  const uri = useMemo(() => modelPath(functionName, path), [functionName, path]);

  const latest = useRef({ shortcuts, onEdit, functionName, path, uri });
  useEffect(() => {
    latest.current = { shortcuts, onEdit, functionName, path, uri };
  });

  const handleMount = useCallback<OnMount>((editor) => {
    editorRef.current = editor;
    const { KeyCode, KeyMod } = monaco;
    // Monaco keeps these keys to itself, so the page-wide shortcuts are bound here too.
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyS, () => latest.current.shortcuts.save());
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, () => latest.current.shortcuts.invoke());
    editor.addCommand(KeyMod.WinCtrl | KeyCode.Enter, () => latest.current.shortcuts.invoke());
    setMounted(true);
  }, []);

  const handleChange = useCallback((content: string | undefined) => {
    const model = editorRef.current?.getModel();
    const { functionName: fn, path: p, uri: expected, onEdit: edit } = latest.current;
    // Only edits of the file on screen count (not a model being swapped in).
    if (content === undefined || model === null || model === undefined || model.uri.toString() !== monaco.Uri.parse(expected).toString()) return;
    edit(fn, p, content);
  }, []);

  // A model kept from earlier may hold older text (the file changed meanwhile): bring it up to date.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!mounted || model === null || model === undefined) return;
    if (model.uri.toString() === monaco.Uri.parse(uri).toString() && model.getValue() !== value) model.setValue(value);
  }, [mounted, uri, value]);

  // Models of other functions are no longer needed (their unsaved edits live in React state).
  useEffect(() => {
    if (!mounted) return;
    const prefix = modelPath(functionName, '');
    const current = editorRef.current?.getModel();
    for (const model of monaco.editor.getModels()) {
      if (model !== current && model.uri.scheme === 'file' && !model.uri.toString().startsWith(monaco.Uri.parse(prefix).toString())) model.dispose();
    }
  }, [mounted, functionName]);

  return (
    <Editor
      path={uri}
      value={value}
      language={languageForPath(path)}
      theme={dark ? 'vs-dark' : 'vs'}
      options={EDITOR_OPTIONS}
      onMount={handleMount}
      onChange={handleChange}
      loading={<LoadingMessage>Loading the editor…</LoadingMessage>}
      wrapperProps={{ className: 'code-editor' }}
    />
  );
}

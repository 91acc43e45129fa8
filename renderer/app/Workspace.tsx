// The lab's main screen: functions (or the lessons) on the left; the selected function's
// settings at a glance, its code and its test event in the middle; the result, the log and the
// history of invocations on the right. Panels are resizable (and remembered); every action is
// also in the command palette and most have a shortcut. Practice exams and lesson quizzes take
// the whole area below the header while they are open.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FunctionArchiveFormat, FunctionDetail, FunctionSummary } from '../../sandbox/api/index.ts';
import { errorMessage } from '../api/client.ts';
import { CodePane } from '../features/editor/CodePane.tsx';
import type { EditorCommands, RevealRequest } from '../features/editor/CodeEditor.tsx';
import { handlerFile, handlerModuleFile } from '../features/editor/language.ts';
import { sameProblems, syntaxWarning, type Problem } from '../features/editor/problems.ts';
import { useFunctionCode } from '../features/editor/useFunctionCode.ts';
import { useOpenFiles } from '../features/editor/useOpenFiles.ts';
import { EventPane } from '../features/events/EventPane.tsx';
import { eventProblem } from '../features/events/eventProblem.ts';
import { TemplatePickerDialog } from '../features/events/TemplatePickerDialog.tsx';
import { useTestEvents } from '../features/events/useTestEvents.ts';
import { FunctionHeader } from '../features/functions/FunctionHeader.tsx';
import { FunctionList } from '../features/functions/FunctionList.tsx';
import { NewFunctionDialog, functionNameProblem, suggestName } from '../features/functions/NewFunctionDialog.tsx';
import { useFunctionActions, type PendingImport } from '../features/functions/useFunctionActions.ts';
import { useFunctionList } from '../features/functions/useFunctionList.ts';
import { HistoryPanel } from '../features/history/HistoryPanel.tsx';
import { NO_FILTERS, type HistoryFilters } from '../features/history/historyFilter.ts';
import { useHistory } from '../features/history/useHistory.ts';
import { LearningPanel } from '../features/lessons/LearningPanel.tsx';
import { LESSON_PANEL_WIDTH, useLearningPanel } from '../features/lessons/useLearningPanel.ts';
import { QuizScreen } from '../features/quiz/QuizScreen.tsx';
import { isQuizRoute, type QuizRoute } from '../features/quiz/quizRoute.ts';
import { ResultPanel } from '../features/invoke/ResultPanel.tsx';
import { useInvoke } from '../features/invoke/useInvoke.ts';
import { LogPanel } from '../features/logs/LogPanel.tsx';
import { CommandPalette, type Command, type PaletteMode } from '../features/palette/CommandPalette.tsx';
import { SettingsDialog } from '../features/settings/SettingsDialog.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { NameDialog } from '../ui/NameDialog.tsx';
import { Splitter } from '../ui/Splitter.tsx';
import { useToasts } from '../ui/Toasts.tsx';
import { usePersistentState } from '../ui/usePersistentState.ts';
import { usePrefersDark } from '../ui/usePrefersDark.ts';
import { useStableCallback } from '../ui/useStableCallback.ts';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { useLab, usePushEvents } from './LabContext.tsx';
import { useDesktopMenu } from './useDesktopMenu.ts';
import { useLabInfo } from './useLabInfo.ts';
import { useLayout } from './useLayout.ts';
import { shortcutLabel, useShortcuts, type Shortcuts } from './useShortcuts.ts';

type OpenDialog =
  | { kind: 'new-function' }
  | { kind: 'settings' }
  | { kind: 'rename-function'; name: string }
  | { kind: 'duplicate-function'; name: string }
  | { kind: 'delete-function'; name: string }
  | { kind: 'import-as'; pending: PendingImport }
  | { kind: 'palette'; mode: PaletteMode }
  | { kind: 'templates' };

const isSelection = (v: unknown): v is string | null => v === null || typeof v === 'string';

function summaryOf(fn: FunctionDetail): FunctionSummary {
  const { name, description, updatedAt, config } = fn;
  return { name, description, updatedAt, runtime: config.runtime, handler: config.handler, memorySizeMB: config.memorySizeMB, timeoutSeconds: config.timeoutSeconds };
}

export function Workspace() {
  const { api } = useLab();
  const toasts = useToasts();
  const info = useLabInfo();
  const memoryCapMB = info.status === 'ready' ? info.data.memoryCapMB : undefined;
  const dark = usePrefersDark();
  const [layout, size] = useLayout();

  // ── functions and the selection ─────────────────────────────────────────────────────────
  const functions = useFunctionList();
  const [selected, setSelected] = usePersistentState<string | null>('selected-function', null, isSelection);
  const names = useMemo(() => (functions.state.status === 'ready' ? functions.state.data.map((f) => f.name) : []), [functions.state]);
  const taken = useMemo(() => new Set(names), [names]);
  useEffect(() => {
    if (functions.state.status !== 'ready') return;
    if (selected === null || !names.includes(selected)) setSelected(names[0] ?? null);
  }, [functions.state.status, names, selected, setSelected]);

  const { update: updateList } = functions;
  /** Shows a function the engine just answered with (it may not be in the list yet). */
  const show = useCallback(
    (fn: FunctionDetail) => {
      const summary = summaryOf(fn);
      updateList((list) => [...list.filter((f) => f.name !== fn.name), summary].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })));
      setSelected(fn.name);
    },
    [updateList, setSelected],
  );

  const code = useFunctionCode(selected);
  const events = useTestEvents(selected);
  const loaded = code.detail.status === 'ready' ? code.detail.data : undefined;

  // ── lessons and quizzes ─────────────────────────────────────────────────────────────────
  const learning = useLearningPanel();
  const [quizRoute, setQuizRoute] = usePersistentState<QuizRoute | null>('quiz', null, isQuizRoute);
  /** Selects a function the engine may have just created (it may not be in the list yet). */
  const openFunction = useCallback(
    (name: string) => {
      api['functions:get']({ name }).then(show, (e: unknown) => toasts.show({ message: `Could not open ${name}.`, detail: errorMessage(e), tone: 'error' }));
    },
    [api, show, toasts],
  );
  const latestSelection = useRef({ selected, code, events });
  useEffect(() => {
    latestSelection.current = { selected, code, events };
  });
  /** The engine replaced these functions' code (lesson reset, solution): unsaved edits go, the new code shows. */
  const functionsReplaced = useCallback(
    (replaced: readonly string[]) => {
      const { selected: current, code: c, events: e } = latestSelection.current;
      for (const name of replaced) c.discard(name);
      if (current === null || !replaced.includes(current)) return;
      e.reload();
      api['functions:get']({ name: current }).then(
        (fn) => {
          latestSelection.current.code.applyDetail(fn);
          updateList((list) => list.map((f) => (f.name === fn.name ? summaryOf(fn) : f)));
        },
        () => latestSelection.current.code.reload(),
      );
    },
    [api, updateList],
  );
  const openLessons = useCallback(() => {
    setQuizRoute(null);
    learning.showOverview();
  }, [setQuizRoute, learning]);
  const toggleLessons = useCallback(() => {
    if (quizRoute !== null) {
      setQuizRoute(null);
      if (!learning.open) learning.toggle();
      return;
    }
    learning.toggle();
  }, [quizRoute, setQuizRoute, learning]);
  const openPracticeExam = useCallback(() => setQuizRoute({ screen: 'start' }), [setQuizRoute]);
  const openAttempt = useCallback((attemptId: string) => setQuizRoute({ screen: 'attempt', attemptId }), [setQuizRoute]);
  const closeQuiz = useCallback(() => setQuizRoute(null), [setQuizRoute]);
  const backToLesson = useCallback(
    (lessonId: string) => {
      setQuizRoute(null);
      learning.showLesson(lessonId);
    },
    [setQuizRoute, learning],
  );

  const onRenamed = useCallback(
    (from: string, to: string) => {
      code.renamed(from, to);
      events.renamed(from, to);
    },
    [code, events],
  );
  usePushEvents((event) => {
    if (event.type === 'function:renamed') {
      onRenamed(event.from, event.to);
      if (selected === event.from) setSelected(event.to);
    }
  });

  // ── dialogs ─────────────────────────────────────────────────────────────────────────────
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  const openTemplates = useCallback(() => setDialog({ kind: 'templates' }), []);
  const actions = useFunctionActions({ select: show, onRenamed, onNameConflict: (pending) => setDialog({ kind: 'import-as', pending }) });
  const importInput = useRef<HTMLInputElement>(null);

  // ── code: open files, problems, editor requests ─────────────────────────────────────────
  const paths = useMemo(() => code.files.map((f) => f.path), [code.files]);
  const firstFile = loaded === undefined ? undefined : handlerFile(loaded.config.handler, code.files);
  const openFiles = useOpenFiles(selected, paths, firstFile);
  const [problems, setProblems] = useState<Problem[]>([]);
  const onProblems = useCallback((next: Problem[]) => setProblems((prev) => (sameProblems(prev, next) ? prev : next)), []);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  useEffect(() => setReveal(null), [selected]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [newFileRequest, setNewFileRequest] = useState(0);
  const revealProblem = useCallback(
    (p: Problem) => {
      openFiles.openFile(p.path);
      setReveal({ path: p.path, line: p.line, column: p.column, id: Date.now() });
    },
    [openFiles],
  );

  // ── history and invoking ────────────────────────────────────────────────────────────────
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const history = useHistory(selected, filters);
  const problem = useMemo(() => eventProblem(events.text), [events.text]);
  const canInvoke = loaded !== undefined && problem === null && events.list.status !== 'loading';
  const invocation = useInvoke({ functionName: selected, canInvoke, eventText: events.text, saveCode: code.save, onRecord: history.add });
  const syntax = syntaxWarning(problems);
  const handlerMissing = loaded !== undefined && code.files.length > 0 && handlerModuleFile(loaded.config.handler, code.files) === undefined;
  const codeWarning =
    syntax !== undefined
      ? `${syntax.path} has a syntax error on line ${syntax.line} (${syntax.message}); invoking will fail with Runtime.UserCodeSyntaxError.`
      : handlerMissing
        ? `No file matches the handler setting ${loaded.config.handler} (.js, .mjs, .cjs or .ts): invoking will fail with Runtime.ImportModuleError. Rename the file or change the handler in Settings.`
        : null;
  const explainConfig = useMemo(() => (loaded === undefined ? undefined : { ...loaded.config, files: loaded.files }), [loaded]);

  // ── commands, shortcuts, menu ───────────────────────────────────────────────────────────
  const fn = selected;
  const latestCode = useRef(code);
  useEffect(() => {
    latestCode.current = code;
  });
  const saveCode = useCallback(() => {
    latestCode.current.save().catch(() => undefined); // shown next to the Save button
  }, []);
  // While a quiz covers the workspace, its keys (Ctrl+Enter, Ctrl+S, …) do nothing there.
  const inQuiz = quizRoute !== null;
  const shortcuts: Shortcuts = useMemo(
    () => ({
      invoke: () => !inQuiz && void invocation.invoke(),
      save: () => !inQuiz && saveCode(),
      openPalette: () => setDialog({ kind: 'palette', mode: 'commands' }),
      openFileSwitcher: () => !inQuiz && setDialog({ kind: 'palette', mode: 'files' }),
      openSettings: () => !inQuiz && loaded !== undefined && setDialog({ kind: 'settings' }),
      newFunction: () => !inQuiz && setDialog({ kind: 'new-function' }),
    }),
    [invocation, saveCode, loaded, inQuiz],
  );
  useShortcuts(shortcuts);
  // Stable versions for memoised children (their identity never changes).
  const invoke = useStableCallback(() => shortcuts.invoke());
  const openSettings = useStableCallback(() => shortcuts.openSettings());
  const newFunction = useStableCallback(() => shortcuts.newFunction());
  const openPalette = useStableCallback(() => shortcuts.openPalette());
  const openFileSwitcher = useStableCallback(() => shortcuts.openFileSwitcher());
  const editorCommands: EditorCommands = useMemo(
    () => ({ save: saveCode, invoke, openPalette, openFileSwitcher, openSettings }),
    [saveCode, invoke, openPalette, openFileSwitcher, openSettings],
  );
  const renameSelected = useStableCallback(() => fn !== null && setDialog({ kind: 'rename-function', name: fn }));
  const duplicateSelected = useStableCallback(() => fn !== null && setDialog({ kind: 'duplicate-function', name: fn }));
  const deleteSelected = useStableCallback(() => fn !== null && setDialog({ kind: 'delete-function', name: fn }));
  const exportSelected = useStableCallback((format: FunctionArchiveFormat) => fn !== null && void actions.exportAs(fn, format));
  const importFunction = useStableCallback((file: File) => void actions.importFile(file));
  useDesktopMenu({ 'menu:new-function': shortcuts.newFunction, 'menu:invoke': shortcuts.invoke, 'menu:open-lessons': openLessons });

  const commands: Command[] = [
    { id: 'invoke', title: 'Invoke', shortcut: shortcutLabel('invoke'), enabled: canInvoke && !invocation.running, run: shortcuts.invoke },
    { id: 'save', title: 'Save code', shortcut: shortcutLabel('save'), enabled: code.dirty, run: saveCode },
    { id: 'revert', title: 'Revert unsaved changes', enabled: code.dirty, run: code.revert },
    { id: 'new-function', title: 'New function…', shortcut: shortcutLabel('newFunction'), enabled: true, run: shortcuts.newFunction },
    { id: 'new-file', title: 'New file…', enabled: loaded !== undefined, run: () => setNewFileRequest((n) => n + 1) },
    { id: 'settings', title: 'Open settings', shortcut: shortcutLabel('openSettings'), enabled: loaded !== undefined, run: shortcuts.openSettings },
    { id: 'templates', title: 'Use an event template…', enabled: fn !== null, run: () => setDialog({ kind: 'templates' }) },
    { id: 'focus-code', title: 'Focus the code editor', enabled: loaded !== undefined, run: () => setFocusRequest((n) => n + 1) },
    { id: 'focus-event', title: 'Focus the event editor', enabled: fn !== null, run: () => document.getElementById('event-json')?.focus() },
    { id: 'export-zip', title: 'Export function as .zip', enabled: fn !== null, run: () => fn !== null && void actions.exportAs(fn, 'zip') },
    { id: 'export-sam', title: 'Export function as SAM project', enabled: fn !== null, run: () => fn !== null && void actions.exportAs(fn, 'sam') },
    { id: 'import', title: 'Import function (.zip or SAM project)…', enabled: true, run: () => importInput.current?.click() },
    { id: 'rename', title: 'Rename function…', enabled: fn !== null, run: () => fn !== null && setDialog({ kind: 'rename-function', name: fn }) },
    { id: 'duplicate', title: 'Duplicate function…', enabled: fn !== null, run: () => fn !== null && setDialog({ kind: 'duplicate-function', name: fn }) },
    { id: 'delete', title: 'Delete function…', enabled: fn !== null, run: () => fn !== null && setDialog({ kind: 'delete-function', name: fn }) },
    { id: 'clear-filters', title: 'Clear history filters', enabled: filters !== NO_FILTERS, run: () => setFilters(NO_FILTERS) },
    { id: 'lessons', title: 'Open the lessons', enabled: true, run: openLessons },
    { id: 'practice-exam', title: 'Practice exam…', enabled: true, run: openPracticeExam },
  ];

  const left = learning.open
    ? { width: learning.width, share: 36, label: 'Resize the lesson panel', min: LESSON_PANEL_WIDTH.min, max: LESSON_PANEL_WIDTH.max, onChange: learning.setWidth }
    : { width: layout.sidebar, share: 28, label: 'Resize the functions sidebar', min: 160, max: 380, onChange: size('sidebar') };

  return (
    <div
      className={inQuiz ? 'workspace workspace--quiz' : 'workspace'}
      style={{ gridTemplateColumns: inQuiz ? 'minmax(0, 1fr)' : `min(${left.width}px, ${left.share}vw) 4px minmax(360px, 1fr) 4px min(${layout.panels}px, ${learning.open ? 30 : 45}vw)` }}
    >
      <header className="app-header">
        <h1 className="app-title">Lambda Lab</h1>
        {selected !== null && !inQuiz && <span className="app-context">{selected}</span>}
        <nav className="header-nav" aria-label="Learn">
          <button type="button" className="button button--small" aria-pressed={learning.open && !inQuiz} onClick={toggleLessons}>
            Lessons
          </button>
          <button type="button" className="button button--small" aria-pressed={inQuiz} onClick={openPracticeExam}>
            Practice exam
          </button>
        </nav>
        <button type="button" className="button button--small header-palette" aria-label="Open the command palette" aria-keyshortcuts="Control+Shift+P Meta+Shift+P" onClick={openPalette}>
          Commands <kbd>{shortcutLabel('openPalette')}</kbd>
        </button>
        <ConnectionIndicator />
      </header>
      {/* The quiz covers the workspace, which stays as it was (code, cursor, result) underneath. */}
      {quizRoute !== null && <QuizScreen route={quizRoute} onRoute={setQuizRoute} onClose={closeQuiz} onBackToLesson={backToLesson} />}
      <aside className={learning.open ? 'sidebar sidebar--learning' : 'sidebar'} id="sidebar">
        {learning.open ? (
          <LearningPanel
            panel={learning}
            covered={inQuiz}
            existingFunctions={names}
            selectedFunction={selected}
            unsaved={code.unsaved}
            onSelectFunction={openFunction}
            onFunctionsReplaced={functionsReplaced}
            onOpenAttempt={openAttempt}
            onPracticeExam={openPracticeExam}
          />
        ) : (
          <FunctionList
            state={functions.state}
            selected={selected}
            unsaved={code.unsaved}
            onSelect={setSelected}
            onRetry={functions.reload}
            onNew={newFunction}
            onImport={importFunction}
          />
        )}
        <input
          ref={importInput}
          type="file"
          accept=".zip,application/zip"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file !== undefined) void actions.importFile(file);
          }}
        />
      </aside>
      <Splitter label={left.label} orientation="vertical" value={left.width} min={left.min} max={left.max} onChange={left.onChange} controls="sidebar" />
      <main className="main-area" style={{ gridTemplateRows: `auto minmax(0, 1fr) 4px min(${layout.event}px, 45vh)` }}>
        <FunctionHeader
          fn={loaded}
          memoryCapMB={memoryCapMB}
          onSettings={openSettings}
          onRename={renameSelected}
          onDuplicate={duplicateSelected}
          onDelete={deleteSelected}
          onExport={exportSelected}
        />
        <CodePane
          functionName={selected}
          listLoading={functions.state.status === 'loading'}
          code={code}
          openFiles={openFiles}
          problems={problems}
          onProblems={onProblems}
          commands={editorCommands}
          reveal={reveal}
          onReveal={revealProblem}
          focusRequest={focusRequest}
          dark={dark}
          treeWidth={layout.tree}
          onTreeWidth={size('tree')}
          newFileRequest={newFileRequest}
        />
        <Splitter label="Resize the event editor" orientation="horizontal" invert value={layout.event} min={110} max={520} onChange={size('event')} controls="event-pane" />
        <EventPane
          functionName={selected}
          events={events}
          canInvoke={canInvoke}
          running={invocation.running}
          onInvoke={invoke}
          onOpenTemplates={openTemplates}
          shortcutHint={shortcutLabel('invoke')}
          codeWarning={codeWarning}
        />
      </main>
      <Splitter label="Resize the result panels" orientation="vertical" invert value={layout.panels} min={300} max={720} onChange={size('panels')} controls="side-panels" />
      <div className="side-panels" id="side-panels" style={{ gridTemplateRows: `min(${layout.result}px, 50vh) 4px min(${layout.log}px, 35vh) 4px minmax(96px, 1fr)` }}>
        <ResultPanel shown={invocation.shown} config={explainConfig} memoryCapMB={memoryCapMB} onRerun={invocation.rerun} onUseEvent={events.useText} rerunning={invocation.rerunning} />
        <Splitter label="Resize the result panel" orientation="horizontal" value={layout.result} min={120} max={640} onChange={size('result')} />
        <LogPanel shown={invocation.shown} />
        <Splitter label="Resize the log panel" orientation="horizontal" value={layout.log} min={80} max={560} onChange={size('log')} />
        <HistoryPanel functionName={selected} history={history} filters={filters} onFilters={setFilters} currentRequestId={invocation.currentRequestId} onOpen={invocation.open} />
      </div>

      {dialog?.kind === 'new-function' && <NewFunctionDialog taken={taken} onCreated={show} onClose={closeDialog} />}
      {dialog?.kind === 'settings' && loaded !== undefined && (
        <SettingsDialog
          fn={loaded}
          memoryCapMB={memoryCapMB}
          onSaved={(saved, configChanged) => {
            code.applyDetail(saved);
            updateList((list) => list.map((f) => (f.name === saved.name ? summaryOf(saved) : f)));
            toasts.show({ message: `Saved the settings of ${saved.name}.`, ...(configChanged ? { detail: 'The next invocation starts a new execution environment (a cold start).' } : {}) });
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'rename-function' && (
        <NameDialog
          title={`Rename ${dialog.name}`}
          label="New function name"
          initial={dialog.name}
          submitLabel="Rename"
          hint="Its code, settings, test events and history move to the new name."
          validate={(n) => (n === dialog.name ? 'Type a new name' : functionNameProblem(n, taken))}
          onSubmit={(n) => actions.rename(dialog.name, n)}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'duplicate-function' && (
        <NameDialog
          title={`Duplicate ${dialog.name}`}
          label="Name of the copy"
          initial={suggestName(`${dialog.name}-copy`, taken)}
          submitLabel="Duplicate"
          hint="The copy gets the code, settings and test events (not the history)."
          validate={(n) => functionNameProblem(n, taken)}
          onSubmit={(n) => actions.duplicate(dialog.name, n)}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'delete-function' && (
        <ConfirmDialog title={`Delete function ${dialog.name}?`} confirmLabel="Delete function" onConfirm={() => actions.remove(dialog.name)} onClose={closeDialog}>
          <p>
            Its code, settings and test events go away; its invocation history stays. You can undo this for 30 seconds.
            {code.unsaved.has(dialog.name) ? ' Its unsaved changes are lost.' : ''}
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'import-as' && (
        <NameDialog
          title={`Import ${dialog.pending.fileName}`}
          label="Function name"
          description={dialog.pending.message}
          initial={suggestName(dialog.pending.name, taken)}
          submitLabel="Import"
          validate={(n) => functionNameProblem(n, taken)}
          onSubmit={(n) => actions.importAs(dialog.pending, n)}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'palette' && (
        <CommandPalette
          mode={dialog.mode}
          commands={commands}
          files={paths}
          onOpenFile={(path) => {
            openFiles.openFile(path);
            setFocusRequest((n) => n + 1);
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'templates' && (
        <TemplatePickerDialog
          existingNames={events.list.status === 'ready' ? events.list.data.map((e) => e.name) : []}
          onUse={events.useText}
          onSave={events.saveNew}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}

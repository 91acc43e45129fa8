// The lab's main screen: functions on the left, code and event in the middle, and the result,
// log and history of invocations on the right. Owns the selection and the invoke flow.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { CodePane } from '../features/editor/CodePane.tsx';
import { useFunctionCode } from '../features/editor/useFunctionCode.ts';
import { FunctionList } from '../features/functions/FunctionList.tsx';
import { useFunctionList } from '../features/functions/useFunctionList.ts';
import { HistoryPanel } from '../features/history/HistoryPanel.tsx';
import { useHistory } from '../features/history/useHistory.ts';
import { DEFAULT_EVENT, EventEditor } from '../features/invoke/EventEditor.tsx';
import { jsonProblem } from '../features/invoke/jsonCheck.ts';
import { ResultPanel } from '../features/invoke/ResultPanel.tsx';
import { NOTHING_SHOWN, type ShownInvocation } from '../features/invoke/shown.ts';
import { LogPanel } from '../features/logs/LogPanel.tsx';
import { useLab } from './LabContext.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { invokeShortcutLabel, useShortcuts } from './useShortcuts.ts';

export function Workspace() {
  const { api } = useLab();
  const functions = useFunctionList();
  const [selected, setSelected] = useState<string | null>(null);

  // Start on the first function; pick another if the selected one disappears.
  useEffect(() => {
    if (functions.state.status !== 'ready') return;
    const names = functions.state.data.map((f) => f.name);
    if (selected === null || !names.includes(selected)) setSelected(names[0] ?? null);
  }, [functions.state, selected]);

  const code = useFunctionCode(selected);
  const history = useHistory(selected);

  const [eventText, setEventText] = useState(DEFAULT_EVENT);
  const problem = useMemo(() => jsonProblem(eventText), [eventText]);

  // What Result and Log output show, remembered for the function it belongs to.
  const [shown, setShown] = useState<{ functionName: string | null; view: ShownInvocation }>({ functionName: null, view: NOTHING_SHOWN });
  const view = shown.functionName === selected ? shown.view : NOTHING_SHOWN;
  const currentRequestId = view.kind === 'record' ? view.record.requestId : view.kind === 'loading' ? view.requestId : null;

  const [running, setRunning] = useState(false);
  const runningRef = useRef(false);
  const canInvoke = selected !== null && code.detail.status === 'ready';

  const invoke = useCallback(async (): Promise<void> => {
    if (runningRef.current || selected === null || code.detail.status !== 'ready' || jsonProblem(eventText) !== null) return;
    const functionName = selected;
    const show = (v: ShownInvocation): void => setShown({ functionName, view: v });
    runningRef.current = true;
    setRunning(true);
    show({ kind: 'running', functionName });
    try {
      try {
        await code.save(); // the invocation runs the code on screen
      } catch (e) {
        show({ kind: 'error', title: `Could not save ${functionName} before invoking it.`, message: errorMessage(e) });
        return;
      }
      try {
        const record = await api['invoke:run']({ functionName, event: eventText });
        history.add(record);
        show({ kind: 'record', record });
      } catch (e) {
        show({ kind: 'error', title: `Could not invoke ${functionName}.`, message: errorMessage(e) });
      }
    } finally {
      runningRef.current = false;
      setRunning(false);
    }
  }, [api, code, eventText, history, selected]);

  const openInvocation = useCallback(
    (requestId: string): void => {
      if (selected === null) return;
      const functionName = selected;
      setShown({ functionName, view: { kind: 'loading', requestId } });
      // Show the answer only if nothing newer (another choice, an invocation) replaced it meanwhile.
      const settle = (v: ShownInvocation): void =>
        setShown((prev) =>
          prev.functionName === functionName && prev.view.kind === 'loading' && prev.view.requestId === requestId ? { functionName, view: v } : prev,
        );
      api['invocations:get']({ requestId }).then(
        (record) => settle({ kind: 'record', record }),
        (e: unknown) => settle({ kind: 'error', title: 'Could not load the invocation.', message: errorMessage(e), retry: () => openInvocation(requestId) }),
      );
    },
    [api, selected],
  );

  const save = useCallback(() => {
    code.save().catch(() => undefined); // shown next to the Save button
  }, [code]);
  const shortcuts = useMemo(() => ({ invoke: () => void invoke(), save }), [invoke, save]);
  useShortcuts(shortcuts);

  return (
    <div className="workspace">
      <header className="app-header">
        <h1 className="app-title">Lambda Lab</h1>
        {selected !== null && <span className="app-context">{selected}</span>}
        <ConnectionIndicator />
      </header>
      <aside className="sidebar">
        <FunctionList state={functions.state} selected={selected} onSelect={setSelected} onRetry={functions.reload} />
      </aside>
      <main className="main-area">
        <CodePane functionName={selected} listLoading={functions.state.status === 'loading'} code={code} shortcuts={shortcuts} />
        <EventEditor
          value={eventText}
          onChange={setEventText}
          problem={problem}
          canInvoke={canInvoke}
          running={running}
          onInvoke={() => void invoke()}
          shortcutHint={invokeShortcutLabel()}
        />
      </main>
      <div className="side-panels">
        <ResultPanel shown={view} />
        <LogPanel shown={view} />
        <HistoryPanel functionName={selected} history={history} currentRequestId={currentRequestId} onOpen={openInvocation} />
      </div>
    </div>
  );
}

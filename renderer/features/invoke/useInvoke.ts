// The invoke flow: save the code on screen, run it with the event, show the result and add it to
// the history; also re-run a past invocation and open one from the history. What Result and Log
// output show is remembered per function.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { InvocationRecord } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { NOTHING_SHOWN, type ShownInvocation } from './shown.ts';

export interface InvokeFlow {
  shown: ShownInvocation;
  running: boolean;
  rerunning: boolean;
  /** The request id on screen (for the history's current row). */
  currentRequestId: string | null;
  invoke(): Promise<void>;
  rerun(requestId: string): Promise<void>;
  open(requestId: string): void;
}

export function useInvoke({ functionName, canInvoke, eventText, saveCode, onRecord }: {
  functionName: string | null;
  /** The code is loaded and the event is valid JSON. */
  canInvoke: boolean;
  eventText: string;
  saveCode: () => Promise<void>;
  onRecord: (record: InvocationRecord) => void;
}): InvokeFlow {
  const { api } = useLab();
  const [state, setState] = useState<{ functionName: string | null; view: ShownInvocation }>({ functionName: null, view: NOTHING_SHOWN });
  const shown = state.functionName === functionName ? state.view : NOTHING_SHOWN;
  const [running, setRunning] = useState(false);
  const [rerunning, setRerunning] = useState(false);
  const busy = useRef(false);
  const latest = useRef({ functionName, canInvoke, eventText, saveCode, onRecord });
  latest.current = { functionName, canInvoke, eventText, saveCode, onRecord };

  const invoke = useCallback(async (): Promise<void> => {
    const { functionName: fn, canInvoke: ok, eventText: event } = latest.current;
    if (busy.current || fn === null || !ok) return;
    const show = (view: ShownInvocation): void => setState({ functionName: fn, view });
    busy.current = true;
    try {
      try {
        await latest.current.saveCode(); // the invocation runs the code on screen
      } catch (e) {
        show({ kind: 'error', title: `Could not save ${fn} before invoking it.`, message: errorMessage(e) });
        return;
      }
      try {
        // The request leaves before React draws "Invoking…", so drawing does not delay it.
        const request = api['invoke:run']({ functionName: fn, event });
        setRunning(true);
        show({ kind: 'running', functionName: fn });
        const record = await request;
        latest.current.onRecord(record);
        show({ kind: 'record', record });
      } catch (e) {
        show({ kind: 'error', title: `Could not invoke ${fn}.`, message: errorMessage(e) });
      }
    } finally {
      busy.current = false;
      setRunning(false);
    }
  }, [api]);

  const rerun = useCallback(
    async (requestId: string): Promise<void> => {
      const fn = latest.current.functionName;
      if (busy.current || fn === null) return;
      busy.current = true;
      setRerunning(true);
      try {
        const record = await api['invocations:rerun']({ requestId });
        latest.current.onRecord(record);
        setState({ functionName: record.functionName, view: { kind: 'record', record } });
      } catch (e) {
        setState({ functionName: fn, view: { kind: 'error', title: 'Could not re-run the invocation.', message: errorMessage(e) } });
      } finally {
        busy.current = false;
        setRerunning(false);
      }
    },
    [api],
  );

  const open = useCallback(
    (requestId: string): void => {
      const fn = latest.current.functionName;
      if (fn === null) return;
      setState({ functionName: fn, view: { kind: 'loading', requestId } });
      // Show the answer only if nothing newer (another choice, an invocation) replaced it meanwhile.
      const settle = (view: ShownInvocation): void =>
        setState((prev) => (prev.functionName === fn && prev.view.kind === 'loading' && prev.view.requestId === requestId ? { functionName: fn, view } : prev));
      api['invocations:get']({ requestId }).then(
        (record) => settle({ kind: 'record', record, fromHistory: true }),
        (e: unknown) => settle({ kind: 'error', title: 'Could not load the invocation.', message: errorMessage(e), retry: () => open(requestId) }),
      );
    },
    [api],
  );

  const currentRequestId = shown.kind === 'record' ? shown.record.requestId : shown.kind === 'loading' ? shown.requestId : null;
  return useMemo(
    () => ({ shown, running, rerunning, currentRequestId, invoke, rerun, open }),
    [shown, running, rerunning, currentRequestId, invoke, rerun, open],
  );
}

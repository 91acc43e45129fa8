// Gives every component the engine connection (typed calls + push events).
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { PushEvent } from '../../sandbox/api/index.ts';
import type { ConnectionStatus, LabConnection } from '../api/client.ts';

const LabContext = createContext<LabConnection | null>(null);

export function LabProvider({ connection, children }: { connection: LabConnection; children: ReactNode }) {
  return <LabContext.Provider value={connection}>{children}</LabContext.Provider>;
}

export function useLab(): LabConnection {
  const lab = useContext(LabContext);
  if (lab === null) throw new Error('useLab() needs a <LabProvider> above it');
  return lab;
}

/** Calls `listener` (latest version) for every push event while the component is mounted. */
export function usePushEvents(listener: (event: PushEvent) => void): void {
  const { events } = useLab();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => events.subscribe((event) => latest.current(event)), [events]);
}

export function useConnectionStatus(): ConnectionStatus {
  const { events } = useLab();
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  useEffect(() => events.subscribeStatus(setStatus), [events]);
  return status;
}

/** Calls `onReconnect` each time the push connection comes back after a drop (events may have been missed). */
export function useOnReconnect(onReconnect: () => void): void {
  const status = useConnectionStatus();
  const wasDropped = useRef(false);
  const latest = useRef(onReconnect);
  useEffect(() => {
    latest.current = onReconnect;
  });
  useEffect(() => {
    if (status === 'reconnecting') wasDropped.current = true;
    else if (status === 'open' && wasDropped.current) {
      wasDropped.current = false;
      latest.current();
    }
  }, [status]);
}

// Loading state for one engine call: loading, failed (with a message) or ready, with a retry.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';

export type Load<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

export interface LoadHandle<T> {
  state: Load<T>;
  /** Loads again, showing the loading state. */
  reload(): void;
  /** Loads again in the background, keeping what is shown until the answer arrives. */
  refresh(): void;
  /** Changes the loaded data in place (e.g. after a push event or a save). */
  update(change: (data: T) => T): void;
}

/**
 * Runs `load` whenever `key` changes (no call while `key` is null). Answers to older keys or
 * older attempts are dropped, so a slow response never overwrites a newer one.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): LoadHandle<T> {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const attempt = useRef(0);

  const run = useCallback((quiet: boolean) => {
    const mine = ++attempt.current;
    if (!quiet) setState({ status: 'loading' });
    loadRef.current().then(
      (data) => {
        if (attempt.current === mine) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (attempt.current !== mine) return;
        // A failed background refresh keeps the data already shown.
        setState((prev) => (quiet && prev.status === 'ready' ? prev : { status: 'error', message: errorMessage(error) }));
      },
    );
  }, []);

  useEffect(() => {
    if (key === null) {
      attempt.current++;
      setState({ status: 'loading' });
      return;
    }
    run(false);
  }, [key, run]);

  const reload = useCallback(() => run(false), [run]);
  const refresh = useCallback(() => run(true), [run]);
  const update = useCallback((change: (data: T) => T) => {
    setState((prev) => (prev.status === 'ready' ? { status: 'ready', data: change(prev.data) } : prev));
  }, []);

  return { state, reload, refresh, update };
}

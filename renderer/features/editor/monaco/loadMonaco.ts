// Loads the Monaco chunk once. main.tsx starts it right away, so it downloads and compiles while
// the shell renders and the first engine calls are answered; the editor appears when it is in.
import { useEffect, useState } from 'react';
import type * as MonacoSetup from './monacoSetup.ts';

export type LoadedMonaco = typeof MonacoSetup;

let loading: Promise<LoadedMonaco> | undefined;

export function loadMonaco(): Promise<LoadedMonaco> {
  loading ??= import('./monacoSetup.ts');
  return loading;
}

export type MonacoState = { status: 'loading' } | { status: 'ready'; loaded: LoadedMonaco } | { status: 'error'; message: string };

export function useMonaco(): MonacoState & { retry(): void } {
  const [state, setState] = useState<MonacoState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (loaded) => live && setState({ status: 'ready', loaded }),
      (e: unknown) => {
        loading = undefined; // let Retry load it again
        if (live) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}

// The lab's functions, kept current by `function:changed` push events.
import { useCallback } from 'react';
import type { FunctionSummary } from '../../../sandbox/api/index.ts';
import { useLab, useOnReconnect, usePushEvents } from '../../app/LabContext.tsx';
import { useLoad, type LoadHandle } from '../../ui/useLoad.ts';

export function useFunctionList(): LoadHandle<FunctionSummary[]> {
  const { api } = useLab();
  const load = useCallback(() => api['functions:list']({}), [api]);
  const list = useLoad('functions', load);
  const { update, refresh } = list;

  usePushEvents((event) => {
    if (event.type !== 'function:changed') return;
    const changed = event.function;
    update((functions) =>
      functions.some((f) => f.name === changed.name)
        ? functions.map((f) => (f.name === changed.name ? changed : f))
        : [...functions, changed].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });
  useOnReconnect(refresh);
  return list;
}

// The lab's functions, kept current by push events (changed, renamed, deleted).
import { useCallback } from 'react';
import type { FunctionSummary } from '../../../sandbox/api/index.ts';
import { useLab, useOnReconnect, usePushEvents } from '../../app/LabContext.tsx';
import { useLoad, type LoadHandle } from '../../ui/useLoad.ts';

const byName = (a: FunctionSummary, b: FunctionSummary): number => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

export function useFunctionList(): LoadHandle<FunctionSummary[]> {
  const { api } = useLab();
  const load = useCallback(() => api['functions:list']({}), [api]);
  const list = useLoad('functions', load);
  const { update, refresh } = list;

  usePushEvents((event) => {
    if (event.type === 'function:changed') {
      const changed = event.function;
      update((functions) =>
        functions.some((f) => f.name === changed.name)
          ? functions.map((f) => (f.name === changed.name ? changed : f))
          : [...functions, changed].sort(byName),
      );
    } else if (event.type === 'function:deleted') {
      update((functions) => functions.filter((f) => f.name !== event.name));
    } else if (event.type === 'function:renamed') {
      update((functions) => functions.filter((f) => f.name !== event.from));
    }
  });
  useOnReconnect(refresh);
  return list;
}

/** Case-insensitive match on the name or the description, like `functions:list` with a query. */
export function matchesQuery(f: FunctionSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || f.name.toLowerCase().includes(q) || f.description.toLowerCase().includes(q);
}

// The lessons with the student's progress and the lesson to continue, kept current when steps
// pass (push) and after a dropped connection comes back.
import { useCallback } from 'react';
import type { LessonOverview } from '../../../sandbox/api/index.ts';
import { useLab, useOnReconnect, usePushEvents } from '../../app/LabContext.tsx';
import { useLoad, type LoadHandle } from '../../ui/useLoad.ts';

export function useLessonOverview(): LoadHandle<LessonOverview> {
  const { api } = useLab();
  const load = useCallback(() => api['lessons:list']({}), [api]);
  const overview = useLoad('lessons', load);
  const { refresh } = overview;
  usePushEvents((event) => {
    if (event.type === 'lessons:progress') refresh();
  });
  useOnReconnect(refresh);
  return overview;
}

// One open lesson: started (or continued) with `lessons:start`, its check marks turned green by
// `lessons:progress` push events, and re-checked quietly after the student invokes or changes one
// of its functions so the current step's reason stays current. Also: check, hints, typed
// answers, reset and the solution.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { LessonCheckResult, LessonView, SolutionView } from '../../../sandbox/api/index.ts';
import { useLab, useOnReconnect, usePushEvents } from '../../app/LabContext.tsx';
import { useLoad, type Load } from '../../ui/useLoad.ts';
import { mergeCheck, withAnswer, withHints, withSolutionShown } from './lessonState.ts';

/** Wait this long after an invocation or a save before re-checking (several events come together). */
const RECHECK_DELAY_MS = 250;

export interface LessonHandle {
  state: Load<LessonView>;
  reload(): void;
  /** The latest change in words, for a polite live region ("Step passed: Use the event."). */
  announcement: string;
  /** When the steps were last evaluated on request or after a change (ISO), if they were. */
  checkedAt: string | undefined;
  checking: boolean;
  check(): Promise<LessonCheckResult>;
  revealHint(stepId: string): Promise<void>;
  submitAnswer(stepId: string, value: number): Promise<{ correct: boolean; reason?: string | undefined }>;
  reset(scope: 'lesson' | 'code'): Promise<LessonView>;
  showSolution(): Promise<SolutionView>;
}

export function useLesson(lessonId: string): LessonHandle {
  const { api } = useLab();
  const load = useCallback(() => api['lessons:start']({ id: lessonId }), [api, lessonId]);
  const { state, reload, update } = useLoad(lessonId, load);
  const [announcement, setAnnouncement] = useState('');
  const [checkedAt, setCheckedAt] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });

  const announcePassed = useCallback((ids: readonly string[], completed: boolean) => {
    if (ids.length === 0) return;
    const current = latest.current;
    const titles = ids.map((id) => (current.status === 'ready' ? current.data.steps.find((s) => s.id === id)?.title : undefined) ?? id);
    setAnnouncement(`Step passed: ${titles.join(', ')}.${completed ? ' Lesson complete.' : ''}`);
  }, []);

  const apply = useCallback(
    (result: LessonCheckResult) => {
      update((view) => mergeCheck(view, result.steps, result.progress));
      announcePassed(result.newlyPassed, result.completed);
      setCheckedAt(new Date().toISOString());
    },
    [update, announcePassed],
  );

  const recheck = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const quietCheck = useCallback(() => {
    api['lessons:check']({ id: lessonId }).then(apply, () => undefined); // the Check button reports failures
  }, [api, lessonId, apply]);
  useEffect(() => () => clearTimeout(recheck.current), []);

  usePushEvents((event) => {
    const current = latest.current;
    if (current.status !== 'ready') return;
    const view = current.data;
    if (event.type === 'lessons:progress') {
      if (event.lessonId !== lessonId) return;
      update((v) => mergeCheck(v, event.steps, event.progress));
      announcePassed(event.newlyPassed, event.completed);
      return;
    }
    if (view.progress.status === 'completed') return;
    const fn = event.type === 'invocation:finished' ? event.invocation.functionName : event.type === 'function:changed' ? event.function.name : undefined;
    if (fn === undefined || !view.functions.some((f) => f.name === fn)) return;
    clearTimeout(recheck.current);
    recheck.current = setTimeout(quietCheck, RECHECK_DELAY_MS);
  });
  // Push events may have been missed while the connection was down.
  useOnReconnect(quietCheck);

  const check = useCallback(async () => {
    setChecking(true);
    try {
      const result = await api['lessons:check']({ id: lessonId });
      apply(result);
      return result;
    } finally {
      setChecking(false);
    }
  }, [api, lessonId, apply]);

  const revealHint = useCallback(
    async (stepId: string) => {
      const { hints } = await api['lessons:reveal-hint']({ id: lessonId, stepId });
      update((view) => withHints(view, stepId, hints));
    },
    [api, lessonId, update],
  );

  const submitAnswer = useCallback(
    async (stepId: string, value: number) => {
      const answer = await api['lessons:submit-answer']({ id: lessonId, stepId, value });
      update((view) => withAnswer(mergeCheck(view, answer.check.steps, answer.check.progress), stepId, value));
      announcePassed(answer.check.newlyPassed, answer.check.completed);
      setCheckedAt(new Date().toISOString());
      return { correct: answer.correct, reason: answer.reason };
    },
    [api, lessonId, update, announcePassed],
  );

  const reset = useCallback(
    async (scope: 'lesson' | 'code') => {
      const view = await api['lessons:reset']({ id: lessonId, scope });
      update(() => view);
      setCheckedAt(undefined);
      setAnnouncement(scope === 'code' ? 'The code is back to the starter.' : 'The lesson starts over.');
      return view;
    },
    [api, lessonId, update],
  );

  const showSolution = useCallback(async () => {
    const solution = await api['lessons:show-solution']({ id: lessonId, confirm: true });
    update(withSolutionShown);
    return solution;
  }, [api, lessonId, update]);

  return useMemo(
    () => ({ state, reload, announcement, checkedAt, checking, check, revealHint, submitAnswer, reset, showSolution }),
    [state, reload, announcement, checkedAt, checking, check, revealHint, submitAnswer, reset, showSolution],
  );
}

// One quiz attempt as the engine keeps it: answers and flags are shown at once and sent to the
// engine (only the answer to the latest change replaces what is shown, so a slow reply never
// undoes a newer click); submit; and "time is up" (the engine submits a timed attempt itself).
import { useCallback, useMemo, useRef } from 'react';
import type { QuizAttempt } from '../../../sandbox/api/index.ts';
import { LabClientError, errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import { useLoad, type Load } from '../../ui/useLoad.ts';
import { withFlag, withSelection } from './quizLogic.ts';

export interface AttemptHandle {
  state: Load<QuizAttempt>;
  reload(): void;
  answer(questionId: string, choiceIds: readonly string[]): void;
  flag(questionId: string, flagged: boolean): void;
  submit(): Promise<void>;
  /** The timer ran out: ask the engine, which submits the attempt. */
  expire(): void;
}

export function useAttempt(attemptId: string): AttemptHandle {
  const { api } = useLab();
  const toasts = useToasts();
  const load = useCallback(() => api['quiz:get-attempt']({ attemptId }), [api, attemptId]);
  const { state, reload, refresh, update } = useLoad(attemptId, load);
  const latestChange = useRef(0);

  const send = useCallback(
    (optimistic: (a: QuizAttempt) => QuizAttempt, request: () => Promise<QuizAttempt>) => {
      update(optimistic);
      const mine = ++latestChange.current;
      request().then(
        (attempt) => {
          if (latestChange.current === mine) update(() => attempt);
        },
        (e: unknown) => {
          // Time up or submitted elsewhere: the engine's version (the report) is what counts.
          if (!(e instanceof LabClientError && e.code === 'conflict')) toasts.show({ message: 'Could not save your answer.', detail: errorMessage(e), tone: 'error' });
          refresh();
        },
      );
    },
    [update, refresh, toasts],
  );

  const answer = useCallback(
    (questionId: string, choiceIds: readonly string[]) =>
      send((a) => withSelection(a, questionId, choiceIds), () => api['quiz:answer']({ attemptId, questionId, choiceIds: [...choiceIds] })),
    [send, api, attemptId],
  );
  const flag = useCallback(
    (questionId: string, flagged: boolean) => send((a) => withFlag(a, questionId, flagged), () => api['quiz:flag']({ attemptId, questionId, flagged })),
    [send, api, attemptId],
  );
  const submit = useCallback(async () => {
    latestChange.current++;
    try {
      const attempt = await api['quiz:submit']({ attemptId });
      update(() => attempt);
    } catch (e) {
      if (e instanceof LabClientError && e.code === 'conflict') {
        refresh(); // already submitted (time ran out): show the report
        return;
      }
      throw e;
    }
  }, [api, attemptId, update, refresh]);
  const expire = useCallback(() => {
    latestChange.current++;
    refresh();
  }, [refresh]);

  return useMemo(() => ({ state, reload, answer, flag, submit, expire }), [state, reload, answer, flag, submit, expire]);
}

// The quiz area, shown instead of the workspace: the practice exam start screen with the
// history, or one attempt – taken question by question, or, once submitted, its score report
// and review. Lesson quizzes use the same screens.
import { useCallback, useMemo, useState } from 'react';
import type { QuizAttempt } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import { useLoad } from '../../ui/useLoad.ts';
import { AttemptRunner } from './AttemptRunner.tsx';
import { PracticeStart } from './PracticeStart.tsx';
import { QuizBar } from './QuizBar.tsx';
import type { QuizRoute } from './quizRoute.ts';
import { ReviewList } from './ReviewList.tsx';
import { ScoreReport } from './ScoreReport.tsx';
import { useAttempt } from './useAttempt.ts';

export interface QuizScreenProps {
  route: QuizRoute;
  onRoute: (route: QuizRoute) => void;
  /** Back to the workspace. */
  onClose: () => void;
  onBackToLesson: (lessonId: string) => void;
}

function useLessonTitles(): ReadonlyMap<string, string> {
  const { api } = useLab();
  const load = useCallback(() => api['lessons:list']({}), [api]);
  const { state } = useLoad('lesson-titles', load);
  return useMemo(() => new Map(state.status === 'ready' ? state.data.lessons.map((l) => [l.id, l.title]) : []), [state]);
}

function AttemptReport({ attempt, title, onRoute, onClose, onBackToLesson }: { attempt: QuizAttempt; title: string } & Omit<QuizScreenProps, 'route'>) {
  const { api } = useLab();
  const toasts = useToasts();
  const [retaking, setRetaking] = useState(false);
  const lessonId = attempt.lessonId;
  const retake = async (): Promise<void> => {
    if (lessonId === undefined) return;
    setRetaking(true);
    try {
      const next = await api['quiz:start']({ mode: 'lesson', lessonId });
      onRoute({ screen: 'attempt', attemptId: next.id });
    } catch (e) {
      toasts.show({ message: 'Could not start the quiz again.', detail: errorMessage(e), tone: 'error' });
      setRetaking(false);
    }
  };
  return (
    <>
      <QuizBar title={title} subtitle={attempt.submittedAt === undefined ? undefined : `Submitted ${formatDateTime(attempt.submittedAt)}`} onClose={onClose}>
        {attempt.mode === 'practice' ? (
          <button type="button" className="button button--primary" onClick={() => onRoute({ screen: 'start' })}>
            New practice exam
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => void retake()} disabled={retaking}>
              Retake the quiz
            </button>
            {lessonId !== undefined && (
              <button type="button" className="button button--primary" onClick={() => onBackToLesson(lessonId)}>
                Back to the lesson
              </button>
            )}
          </>
        )}
      </QuizBar>
      <div className="quiz-report-layout">
        {attempt.report !== undefined && <ScoreReport attempt={attempt} report={attempt.report} />}
        <ReviewList attempt={attempt} />
      </div>
    </>
  );
}

function AttemptScreen({ attemptId, lessonTitles, ...props }: { attemptId: string; lessonTitles: ReadonlyMap<string, string> } & Omit<QuizScreenProps, 'route'>) {
  const handle = useAttempt(attemptId);
  const { state } = handle;
  const attempt = state.status === 'ready' ? state.data : undefined;
  const title =
    attempt === undefined
      ? 'Quiz'
      : attempt.mode === 'practice'
        ? `${attempt.exam ?? ''} practice exam`
        : `Lesson quiz: ${lessonTitles.get(attempt.lessonId ?? '') ?? attempt.lessonId ?? ''}`;
  const region = attempt?.mode === 'lesson' ? title : 'Practice exam';
  return (
    <section aria-label={region} className="quiz-screen">
      {attempt === undefined && (
        <>
          <QuizBar title="Practice exam" onClose={props.onClose} />
          <div className="quiz-message">
            {state.status === 'loading' && <LoadingMessage>Loading the attempt…</LoadingMessage>}
            {state.status === 'error' && <ErrorMessage title="Could not load the attempt." message={state.message} onRetry={handle.reload} />}
          </div>
        </>
      )}
      {attempt?.status === 'in-progress' && <AttemptRunner attempt={attempt} handle={handle} title={title} onClose={props.onClose} />}
      {attempt?.status === 'submitted' && <AttemptReport attempt={attempt} title={title} {...props} />}
    </section>
  );
}

export function QuizScreen({ route, ...props }: QuizScreenProps) {
  const lessonTitles = useLessonTitles();
  const { onRoute } = props;
  const openAttempt = useCallback((attemptId: string) => onRoute({ screen: 'attempt', attemptId }), [onRoute]);
  if (route.screen === 'start') return <PracticeStart lessonTitles={lessonTitles} onOpenAttempt={openAttempt} onClose={props.onClose} />;
  return <AttemptScreen key={route.attemptId} attemptId={route.attemptId} lessonTitles={lessonTitles} {...props} />;
}

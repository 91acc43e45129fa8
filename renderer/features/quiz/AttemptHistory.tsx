// Past attempts, newest first: reopen a report, or resume an unfinished attempt.
import type { QuizAttemptSummary } from '../../../sandbox/api/index.ts';
import { formatDateTime } from '../../ui/format.ts';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import type { Load } from '../../ui/useLoad.ts';
import { attemptResult, attemptTitle } from './quizLogic.ts';

export function AttemptHistory({ attempts, lessonTitles, onOpen, onRetry }: {
  attempts: Load<QuizAttemptSummary[]>;
  lessonTitles: ReadonlyMap<string, string>;
  onOpen: (attemptId: string) => void;
  onRetry: () => void;
}) {
  return (
    <section aria-label="Attempt history" className="quiz-history">
      <h3 className="quiz-section-title">History</h3>
      {attempts.status === 'loading' && <LoadingMessage>Loading your attempts…</LoadingMessage>}
      {attempts.status === 'error' && <ErrorMessage title="Could not load your attempts." message={attempts.message} onRetry={onRetry} />}
      {attempts.status === 'ready' && attempts.data.length === 0 && <EmptyMessage>No attempts yet. Your practice exams and lesson quizzes appear here.</EmptyMessage>}
      {attempts.status === 'ready' && attempts.data.length > 0 && (
        <ol className="attempt-list">
          {attempts.data.map((a) => (
            <li key={a.id} className={`attempt-row${a.status === 'in-progress' ? ' attempt-row--open' : a.passed === true ? ' attempt-row--pass' : ''}`}>
              <div className="attempt-text" id={`attempt-${a.id}`}>
                <p className="attempt-title">
                  {attemptTitle(a, a.lessonId === undefined ? undefined : lessonTitles.get(a.lessonId))} · {a.questionCount} questions
                </p>
                <p className="attempt-meta">
                  <time dateTime={a.startedAt}>{formatDateTime(a.startedAt)}</time> · {attemptResult(a)}
                </p>
              </div>
              <button type="button" className="button button--small" aria-describedby={`attempt-${a.id}`} onClick={() => onOpen(a.id)}>
                {a.status === 'in-progress' ? 'Resume' : 'Open report'}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

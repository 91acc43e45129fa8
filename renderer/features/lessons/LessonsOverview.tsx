// The lessons overview: every lesson with its progress, "Continue" for the lesson touched last,
// and the way to the practice exams. Starting a lesson that would replace a function of the
// same name asks first.
import { useRef, useState } from 'react';
import type { LessonOverview, LessonSummary } from '../../../sandbox/api/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { useFocusWhenLost } from '../../ui/useFocusWhenLost.ts';
import type { Load } from '../../ui/useLoad.ts';
import { functionsReplacedByStart, progressText, stepsDone } from './lessonState.ts';

export function LessonsOverview({ overview, existingFunctions, onOpen, onRetry, onClose, onPracticeExam }: {
  overview: Load<LessonOverview>;
  existingFunctions: readonly string[];
  onOpen: (lessonId: string) => void;
  onRetry: () => void;
  onClose: () => void;
  onPracticeExam: () => void;
}) {
  const [confirm, setConfirm] = useState<{ lesson: LessonSummary; replaced: string[] } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(headingRef);
  const open = (lesson: LessonSummary): void => {
    const replaced = functionsReplacedByStart(lesson, existingFunctions);
    if (replaced.length > 0) setConfirm({ lesson, replaced });
    else onOpen(lesson.id);
  };
  const data = overview.status === 'ready' ? overview.data : undefined;
  const resume = data?.resume === undefined ? undefined : data.lessons.find((l) => l.id === data.resume?.lessonId);

  return (
    <section aria-label="Lessons" className="learn-panel">
      <header className="learn-head">
        <h2 className="learn-head-title" ref={headingRef} tabIndex={-1}>
          Lessons
        </h2>
        <button type="button" className="icon-button" aria-label="Close lessons" title="Close lessons" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="learn-body">
        {overview.status === 'loading' && <LoadingMessage>Loading lessons…</LoadingMessage>}
        {overview.status === 'error' && <ErrorMessage title="Could not load the lessons." message={overview.message} onRetry={onRetry} />}
        {resume !== undefined && (
          <div className="resume-card">
            <p className="resume-label">Continue where you left off</p>
            <p className="resume-title" id="resume-lesson">
              {resume.order}. {resume.title} <span className="resume-steps">· {stepsDone(resume.progress)} done</span>
            </p>
            <button type="button" className="button button--primary" aria-describedby="resume-lesson" onClick={() => onOpen(resume.id)}>
              Continue
            </button>
          </div>
        )}
        {data !== undefined && (
          <ol className="lesson-list" aria-label="Lesson list">
            {data.lessons.map((lesson) => (
              <li key={lesson.id} className={`lesson-card lesson-card--${lesson.progress.status}`}>
                <div className="lesson-card-head">
                  <span className="lesson-number" aria-hidden="true">
                    {lesson.progress.status === 'completed' ? '✓' : lesson.order}
                  </span>
                  <h3 className="lesson-card-title">
                    <button type="button" className="lesson-open" aria-describedby={`lesson-status-${lesson.id}`} onClick={() => open(lesson)}>
                      {lesson.title}
                    </button>
                  </h3>
                </div>
                <p className="lesson-card-summary">{lesson.summary}</p>
                <div className="lesson-card-progress">
                  <ProgressBar label={`Progress of ${lesson.title}`} value={lesson.progress.completedSteps} max={lesson.progress.totalSteps} valueText={stepsDone(lesson.progress)} />
                  <span className="lesson-card-status" id={`lesson-status-${lesson.id}`}>
                    {progressText(lesson.progress)}
                  </span>
                </div>
                <p className="lesson-card-meta">
                  {lesson.estimatedMinutes} min · {lesson.stepCount} steps · quiz of {lesson.quizQuestionCount}
                  {lesson.bestQuizPercent !== undefined ? ` · best quiz ${lesson.bestQuizPercent}%` : ''}
                </p>
              </li>
            ))}
          </ol>
        )}
        <div className="practice-card">
          <h3 className="practice-card-title">Exam practice</h3>
          <p>Timed practice exams for DVA-C02, SAA-C03 and CLF-C02, scored by domain. Questions you miss come back later.</p>
          <button type="button" className="button" onClick={onPracticeExam}>
            Open practice exams
          </button>
        </div>
      </div>
      {confirm !== null && (
        <ConfirmDialog
          title={`Start “${confirm.lesson.title}”?`}
          confirmLabel="Start lesson"
          onConfirm={() => onOpen(confirm.lesson.id)}
          onClose={() => setConfirm(null)}
        >
          <p>
            The lesson works on {confirm.replaced.map((n) => `“${n}”`).join(', ')}. Starting it replaces your function{confirm.replaced.length === 1 ? '' : 's'} of that
            name with the lesson&apos;s starter code and settings.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

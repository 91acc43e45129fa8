// The lesson panel beside the workspace: the lesson's text (collapsible), its steps with live
// check marks, reset to starter, the solution (after a confirmation) and, once every step has
// passed, the lesson quiz. The student works in the workspace's own editor on the lesson's
// functions.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LessonOverview, LessonView, SolutionView } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import { Blocks } from '../../ui/markdown/Markdown.tsx';
import { parseMarkdown } from '../../ui/markdown/parseMarkdown.ts';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import { useFocusWhenLost } from '../../ui/useFocusWhenLost.ts';
import type { Load } from '../../ui/useLoad.ts';
import { nextLesson, stepsDone, withoutTitle } from './lessonState.ts';
import { ResetLessonDialog } from './ResetLessonDialog.tsx';
import { SolutionDialog } from './SolutionDialog.tsx';
import { StepItem, type StepActions } from './StepItem.tsx';
import { useLesson } from './useLesson.ts';

type PanelDialog = { kind: 'reset' } | { kind: 'confirm-solution' } | { kind: 'solution'; solution: SolutionView };

export interface LessonPanelProps {
  lessonId: string;
  overview: Load<LessonOverview>;
  selectedFunction: string | null;
  /** Functions with unsaved edits in the workspace. */
  unsaved: ReadonlySet<string>;
  /** The lesson loaded (started or continued). */
  onLoaded: (view: LessonView) => void;
  onBack: () => void;
  onClose: () => void;
  onOpenLesson: (lessonId: string) => void;
  onSelectFunction: (name: string) => void;
  /** The engine replaced these functions' code (reset, solution): drop unsaved edits and show it. */
  onFunctionsReplaced: (names: readonly string[]) => void;
  onOpenAttempt: (attemptId: string) => void;
}

function LessonText({ view }: { view: LessonView }) {
  const id = useId();
  // Open while the student has not passed a step; they can fold it away (or back) any time.
  const [open, setOpen] = useState(view.progress.completedSteps === 0);
  const blocks = useMemo(() => withoutTitle(parseMarkdown(view.body), view.title), [view.body, view.title]);
  return (
    <div className="lesson-text">
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={`${id}-text`} onClick={() => setOpen((o) => !o)}>
        <span className="disclosure-arrow" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        Lesson text
      </button>
      <div id={`${id}-text`} className="markdown lesson-markdown" hidden={!open}>
        <Blocks blocks={blocks} headingOffset={2} />
      </div>
    </div>
  );
}

export function LessonPanel({
  lessonId, overview, selectedFunction, unsaved, onLoaded, onBack, onClose, onOpenLesson, onSelectFunction, onFunctionsReplaced, onOpenAttempt,
}: LessonPanelProps) {
  const { api } = useLab();
  const toasts = useToasts();
  const lesson = useLesson(lessonId);
  const [dialog, setDialog] = useState<PanelDialog | null>(null);
  const [startingQuiz, setStartingQuiz] = useState(false);
  const view = lesson.state.status === 'ready' ? lesson.state.data : undefined;

  const ready = lesson.state.status === 'ready';
  const titleRef = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(titleRef, ready);
  useEffect(() => {
    if (ready && view !== undefined) onLoaded(view);
    // Once per load: later updates (check marks) are not a new lesson.
  }, [ready]);

  const actions: StepActions = useMemo(
    () => ({ check: lesson.check, revealHint: lesson.revealHint, submitAnswer: lesson.submitAnswer }),
    [lesson.check, lesson.revealHint, lesson.submitAnswer],
  );

  const functionNames = useMemo(() => view?.functions.map((f) => f.name) ?? [], [view]);
  const reset = useCallback(
    async (scope: 'code' | 'lesson') => {
      await lesson.reset(scope);
      onFunctionsReplaced(functionNames);
      toasts.show({ message: scope === 'code' ? 'The code is back to the starter.' : 'The lesson starts over.', detail: scope === 'code' ? 'Passed steps stay passed.' : undefined });
    },
    [lesson, onFunctionsReplaced, functionNames, toasts],
  );

  const applySolution = useCallback(
    async (solution: SolutionView) => {
      for (const fn of solution.functions) {
        if (fn.files.length > 0) await api['functions:save-code']({ name: fn.name, files: fn.files });
      }
      onFunctionsReplaced(solution.functions.map((f) => f.name));
      setDialog(null);
      toasts.show({ message: 'Saved the solution code.', detail: 'Invoke the function to see it work.' });
    },
    [api, onFunctionsReplaced, toasts],
  );

  const openSolution = useCallback(async () => {
    try {
      const solution = await lesson.showSolution();
      setDialog({ kind: 'solution', solution });
    } catch (e) {
      toasts.show({ message: 'Could not show the solution.', detail: errorMessage(e), tone: 'error' });
    }
  }, [lesson, toasts]);

  const takeQuiz = useCallback(async () => {
    setStartingQuiz(true);
    try {
      // An unfinished attempt of this lesson's quiz goes on where it stopped.
      const attempts = await api['quiz:list-attempts']({ mode: 'lesson', lessonId, limit: 20 });
      const unfinished = attempts.find((a) => a.status === 'in-progress');
      const id = unfinished?.id ?? (await api['quiz:start']({ mode: 'lesson', lessonId })).id;
      onOpenAttempt(id);
    } catch (e) {
      toasts.show({ message: 'Could not start the lesson quiz.', detail: errorMessage(e), tone: 'error' });
    } finally {
      setStartingQuiz(false);
    }
  }, [api, lessonId, onOpenAttempt, toasts]);

  const title = view?.title ?? (overview.status === 'ready' ? overview.data.lessons.find((l) => l.id === lessonId)?.title : undefined) ?? lessonId;
  const next = overview.status === 'ready' ? nextLesson(overview.data, lessonId) : undefined;
  const best = overview.status === 'ready' ? overview.data.lessons.find((l) => l.id === lessonId)?.bestQuizPercent : undefined;

  return (
    <section aria-label={`Lesson: ${title}`} className="learn-panel lesson-panel">
      <header className="learn-head">
        <button type="button" className="button button--small" onClick={onBack}>
          <span aria-hidden="true">←</span> All lessons
        </button>
        <button type="button" className="icon-button" aria-label="Close lessons" title="Close lessons" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="learn-body">
        {lesson.state.status === 'loading' && <LoadingMessage>Starting the lesson…</LoadingMessage>}
        {lesson.state.status === 'error' && <ErrorMessage title="Could not open the lesson." message={lesson.state.message} onRetry={lesson.reload} />}
        {view !== undefined && (
          <>
            <p className="lesson-eyebrow">
              Lesson {view.order} · {view.estimatedMinutes} min · {view.examTags.join(', ')}
            </p>
            <h2 className="lesson-title" ref={titleRef} tabIndex={-1}>
              {view.title}
            </h2>
            <div className="lesson-progress">
              <ProgressBar label="Lesson progress" value={view.progress.completedSteps} max={view.progress.totalSteps} valueText={stepsDone(view.progress)} />
              <span className="lesson-progress-text">{view.progress.status === 'completed' ? 'Completed' : `${stepsDone(view.progress)} done`}</span>
            </div>
            <div className="lesson-functions">
              <span className="lesson-functions-label">Works on</span>
              {view.functions.map((f) => (
                <button
                  key={f.name}
                  type="button"
                  className="chip-button"
                  aria-label={`Open ${f.name} in the editor`}
                  aria-current={f.name === selectedFunction ? 'true' : undefined}
                  title={f.description}
                  onClick={() => onSelectFunction(f.name)}
                >
                  {f.name}
                </button>
              ))}
            </div>
            <LessonText view={view} />
            <h3 className="lesson-section-title">Steps</h3>
            <ol className="lesson-steps" aria-label="Steps">
              {view.steps.map((step, i) => (
                <StepItem key={step.id} step={step} number={i + 1} checking={lesson.checking} checkedAt={lesson.checkedAt} actions={actions} />
              ))}
            </ol>
            {view.progress.status === 'completed' && (
              <section aria-label="Lesson complete" className="lesson-complete">
                <h3 className="lesson-complete-title">
                  <span aria-hidden="true">✓ </span>Lesson complete
                </h3>
                <p>
                  All {view.progress.totalSteps} steps passed{view.progress.solutionShown ? ' (with the solution shown)' : ''}. Check what stuck with the lesson quiz:{' '}
                  {view.quizQuestionCount} questions{best !== undefined ? `, your best so far ${best}%` : ''}.
                </p>
                <div className="lesson-complete-actions">
                  <button type="button" className="button button--primary" onClick={() => void takeQuiz()} disabled={startingQuiz} aria-busy={startingQuiz}>
                    Take the lesson quiz
                  </button>
                  {next !== undefined && (
                    <button type="button" className="button" onClick={() => onOpenLesson(next.id)}>
                      Next lesson: {next.title}
                    </button>
                  )}
                </div>
              </section>
            )}
            <h3 className="lesson-section-title">Sources</h3>
            <ul className="lesson-sources">
              {view.sources.map((s) => (
                <li key={s.url}>
                  <ExternalLink href={s.url}>{s.title}</ExternalLink>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {view !== undefined && (
        <footer className="learn-foot">
          <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'reset' })}>
            Reset to starter
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => (view.progress.solutionShown ? void openSolution() : setDialog({ kind: 'confirm-solution' }))}
          >
            Show solution
          </button>
        </footer>
      )}
      <p className="visually-hidden" role="status">
        {lesson.announcement}
      </p>

      {dialog?.kind === 'reset' && (
        <ResetLessonDialog functionNames={functionNames} unsaved={functionNames.filter((n) => unsaved.has(n))} onReset={reset} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'confirm-solution' && (
        <ConfirmDialog
          title="Show the solution?"
          confirmLabel="Show solution"
          danger={false}
          onConfirm={openSolution}
          onClose={() => setDialog((d) => (d?.kind === 'confirm-solution' ? null : d))}
        >
          <p>Try the hints first: working it out yourself is what makes it stick. The lesson notes that you looked; your progress stays.</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'solution' && (
        <SolutionDialog title={title} solution={dialog.solution} onApply={() => applySolution(dialog.solution)} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

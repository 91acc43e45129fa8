// The learning panel in the workspace's left column: the lessons overview, or one lesson.
import { useCallback, useEffect, useRef } from 'react';
import type { LessonView } from '../../../sandbox/api/index.ts';
import { LessonPanel } from './LessonPanel.tsx';
import { LessonsOverview } from './LessonsOverview.tsx';
import type { LearningPanelState } from './useLearningPanel.ts';
import { useLessonOverview } from './useLessonOverview.ts';

export function LearningPanel({ panel, covered, existingFunctions, selectedFunction, unsaved, onSelectFunction, onFunctionsReplaced, onOpenAttempt, onPracticeExam }: {
  panel: LearningPanelState;
  /** A quiz covers the workspace (the panel stays mounted underneath). */
  covered: boolean;
  existingFunctions: readonly string[];
  selectedFunction: string | null;
  unsaved: ReadonlySet<string>;
  onSelectFunction: (name: string) => void;
  onFunctionsReplaced: (names: readonly string[]) => void;
  onOpenAttempt: (attemptId: string) => void;
  onPracticeExam: () => void;
}) {
  const overview = useLessonOverview();
  // A lesson the student opens takes its function into the editor; one reopened after a reload
  // leaves the selection as it was.
  const opened = useRef<string | null>(null);
  const { showLesson } = panel;
  const { refresh } = overview;
  const open = useCallback(
    (lessonId: string) => {
      opened.current = lessonId;
      showLesson(lessonId);
    },
    [showLesson],
  );
  const onLoaded = useCallback(
    (view: LessonView) => {
      refresh(); // started: the overview's progress and "Continue" change
      if (opened.current !== view.id) return;
      opened.current = null;
      const first = view.functions[0];
      if (first !== undefined) onSelectFunction(first.name);
    },
    [refresh, onSelectFunction],
  );

  // Back on the overview from a lesson, or back from a quiz: progress and quiz scores may have
  // changed meanwhile (a reset, a lesson quiz).
  const shownBefore = useRef({ lessonId: panel.lessonId, covered });
  useEffect(() => {
    const before = shownBefore.current;
    if ((panel.lessonId === null && before.lessonId !== null) || (before.covered && !covered)) refresh();
    shownBefore.current = { lessonId: panel.lessonId, covered };
  }, [panel.lessonId, covered, refresh]);

  if (panel.lessonId === null) {
    return (
      <LessonsOverview
        overview={overview.state}
        existingFunctions={existingFunctions}
        onOpen={open}
        onRetry={overview.reload}
        onClose={panel.close}
        onPracticeExam={onPracticeExam}
      />
    );
  }
  return (
    <LessonPanel
      key={panel.lessonId}
      lessonId={panel.lessonId}
      overview={overview.state}
      selectedFunction={selectedFunction}
      unsaved={unsaved}
      onLoaded={onLoaded}
      onBack={panel.showOverview}
      onClose={panel.close}
      onOpenLesson={open}
      onSelectFunction={onSelectFunction}
      onFunctionsReplaced={onFunctionsReplaced}
      onOpenAttempt={onOpenAttempt}
    />
  );
}

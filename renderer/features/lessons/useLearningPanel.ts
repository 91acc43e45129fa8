// Where the learning panel is, remembered per user: open or closed, the lesson on it (none: the
// overview), and its width.
import { useCallback, useMemo } from 'react';
import { isNumber, usePersistentState } from '../../ui/usePersistentState.ts';

interface PanelPlace {
  open: boolean;
  lessonId: string | null;
}

const isPlace = (v: unknown): v is PanelPlace =>
  typeof v === 'object' && v !== null && typeof (v as PanelPlace).open === 'boolean' && ((v as PanelPlace).lessonId === null || typeof (v as PanelPlace).lessonId === 'string');

export const LESSON_PANEL_WIDTH = { initial: 340, min: 260, max: 640 } as const;

export interface LearningPanelState extends PanelPlace {
  width: number;
  setWidth(width: number): void;
  /** Shows the overview. */
  showOverview(): void;
  showLesson(lessonId: string): void;
  toggle(): void;
  close(): void;
}

export function useLearningPanel(): LearningPanelState {
  const [place, setPlace] = usePersistentState<PanelPlace>('lessons-panel', { open: false, lessonId: null }, isPlace);
  const [width, setWidth] = usePersistentState<number>('lessons-panel-width', LESSON_PANEL_WIDTH.initial, isNumber);
  const showOverview = useCallback(() => setPlace({ open: true, lessonId: null }), [setPlace]);
  const showLesson = useCallback((lessonId: string) => setPlace({ open: true, lessonId }), [setPlace]);
  const toggle = useCallback(() => setPlace((p) => ({ ...p, open: !p.open })), [setPlace]);
  const close = useCallback(() => setPlace((p) => ({ ...p, open: false })), [setPlace]);
  return useMemo(
    () => ({ ...place, width, setWidth, showOverview, showLesson, toggle, close }),
    [place, width, setWidth, showOverview, showLesson, toggle, close],
  );
}

// A draggable, keyboard-resizable divider between two panels (WAI-ARIA window splitter):
// role="separator" with its value, arrow keys move it by 16 px (Shift: 64 px), Home/End go to
// the limits. The size it changes belongs to the panel before it (or after it, `invert`).
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  /** Accessible name, e.g. "Resize the functions sidebar". */
  label: string;
  /** `vertical`: a vertical bar between columns (changes a width); `horizontal`: between rows. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /** The size belongs to the panel after the splitter: dragging right/down makes it smaller. */
  invert?: boolean;
  /** id of the panel whose size this changes. */
  controls?: string;
}

const STEP = 16;

export function Splitter({ label, orientation, value, min, max, onChange, invert = false, controls }: SplitterProps) {
  const drag = useRef<{ start: number; startValue: number } | null>(null);
  const clamp = (v: number): number => Math.round(Math.min(max, Math.max(min, v)));
  const sign = invert ? -1 : 1;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { start: orientation === 'vertical' ? event.clientX : event.clientY, startValue: value };
    document.body.classList.add(orientation === 'vertical' ? 'resizing-columns' : 'resizing-rows');
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d === null) return;
    const position = orientation === 'vertical' ? event.clientX : event.clientY;
    onChange(clamp(d.startValue + sign * (position - d.start)));
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>): void => {
    if (drag.current === null) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    document.body.classList.remove('resizing-columns', 'resizing-rows');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.shiftKey ? STEP * 4 : STEP;
    const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    let next: number | undefined;
    if (event.key === less) next = value - sign * step;
    else if (event.key === more) next = value + sign * step;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    if (next === undefined) return;
    event.preventDefault();
    onChange(clamp(next));
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-controls={controls}
      className={`splitter splitter--${orientation}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(clamp((min + max) / 2))}
    />
  );
}

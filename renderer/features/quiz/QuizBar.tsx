// The bar above every quiz screen: the way back to the workspace, what this is, and the
// screen's own actions (timer, submit, new exam).
import { useRef, type ReactNode } from 'react';
import { useFocusWhenLost } from '../../ui/useFocusWhenLost.ts';

export function QuizBar({ title, subtitle, onClose, children }: { title: string; subtitle?: ReactNode; onClose: () => void; children?: ReactNode }) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(titleRef);
  return (
    <header className="quiz-bar">
      <button type="button" className="button button--small" onClick={onClose}>
        <span aria-hidden="true">←</span> Back to the workspace
      </button>
      <div className="quiz-bar-title">
        <h2 className="quiz-title" ref={titleRef} tabIndex={-1}>
          {title}
        </h2>
        {subtitle !== undefined && <p className="quiz-subtitle">{subtitle}</p>}
      </div>
      {children !== undefined && <div className="quiz-bar-actions">{children}</div>}
    </header>
  );
}

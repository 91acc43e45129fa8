// All questions of an attempt at a glance: answered, not answered, flagged; one click to go there.
import { memo } from 'react';
import type { AttemptQuestion } from '../../../sandbox/api/index.ts';
import { isAnswered, navigatorLabel } from './quizLogic.ts';

function QuestionNavigatorView({ questions, current, onGo }: { questions: readonly AttemptQuestion[]; current: number; onGo: (index: number) => void }) {
  const answered = questions.filter(isAnswered).length;
  const flagged = questions.filter((q) => q.flagged).length;
  return (
    <nav aria-label="Questions" className="quiz-nav">
      <p className="quiz-nav-summary">
        {answered} of {questions.length} answered{flagged > 0 ? ` · ${flagged} flagged` : ''}
      </p>
      <ol className="quiz-nav-grid">
        {questions.map((q, i) => (
          <li key={q.id}>
            <button
              type="button"
              className={`quiz-nav-button${isAnswered(q) ? ' quiz-nav-button--answered' : ''}${q.flagged ? ' quiz-nav-button--flagged' : ''}`}
              aria-label={navigatorLabel(q)}
              aria-current={i === current ? 'step' : undefined}
              onClick={() => onGo(i)}
            >
              {q.position}
              {q.flagged && (
                <span className="quiz-nav-flag" aria-hidden="true">
                  ⚑
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
      <ul className="quiz-nav-legend" aria-hidden="true">
        <li>
          <span className="legend-box legend-box--answered" /> answered
        </li>
        <li>
          <span className="legend-box" /> not answered
        </li>
        <li>
          <span className="legend-flag">⚑</span> flagged
        </li>
      </ul>
    </nav>
  );
}

export const QuestionNavigator = memo(QuestionNavigatorView);

// One question of an attempt: the prompt, its choices (a radio group for one answer, a group
// of checkboxes for "Choose two"), Flag for review, Previous and Next.
import { useId, type Ref } from 'react';
import type { AttemptQuestion } from '../../../sandbox/api/index.ts';
import { InlineMarkdown, Markdown } from '../../ui/markdown/Markdown.tsx';
import { chooseText, toggleChoice } from './quizLogic.ts';

export function QuestionCard({ question: q, total, headingRef, onSelect, onFlag, onPrevious, onNext }: {
  question: AttemptQuestion;
  total: number;
  /** The question's heading: focused when the student moves to another question. */
  headingRef: Ref<HTMLHeadingElement>;
  onSelect: (choiceIds: string[]) => void;
  onFlag: (flagged: boolean) => void;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const id = useId();
  const single = q.kind === 'single';
  const full = !single && q.selected.length >= q.choose;
  return (
    <section className="quiz-question" aria-labelledby={`${id}-heading`}>
      <div className="quiz-question-head">
        <h3 className="quiz-question-number" id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          Question {q.position} of {total}
        </h3>
        {q.fromMissedQueue && (
          <span className="badge badge--missed" title="You missed this question in an earlier attempt">
            Missed before
          </span>
        )}
        {q.flagged && <span className="badge badge--flag">Flagged</span>}
      </div>
      <Markdown id={`${id}-prompt`} text={q.prompt} className="quiz-prompt" />
      {!single && (
        <p className="quiz-choose" id={`${id}-choose`}>
          {chooseText(q.choose)}{' '}
          <span className="quiz-choose-count">
            ({q.selected.length} of {q.choose} chosen{full ? ': untick one to change' : ''})
          </span>
        </p>
      )}
      <div
        role={single ? 'radiogroup' : 'group'}
        aria-labelledby={`${id}-prompt`}
        aria-describedby={single ? undefined : `${id}-choose`}
        className="quiz-choices"
      >
        {q.choices.map((c) => {
          const checked = q.selected.includes(c.id);
          return (
            <label key={c.id} className={checked ? 'quiz-choice quiz-choice--checked' : 'quiz-choice'}>
              <input
                type={single ? 'radio' : 'checkbox'}
                name={`${id}-choice`}
                value={c.id}
                checked={checked}
                disabled={full && !checked}
                onChange={(e) => onSelect(toggleChoice(q, c.id, e.target.checked))}
              />
              <span className="quiz-letter">{c.id}.</span>{' '}
              <span className="quiz-choice-text">
                <InlineMarkdown text={c.text} />
              </span>
            </label>
          );
        })}
      </div>
      <div className="quiz-question-actions">
        <button type="button" className="button" onClick={onPrevious} disabled={q.position <= 1}>
          <span aria-hidden="true">←</span> Previous question
        </button>
        <button type="button" className={q.flagged ? 'button button--flagged' : 'button'} aria-pressed={q.flagged} onClick={() => onFlag(!q.flagged)}>
          <span aria-hidden="true">⚑</span> Flag for review
        </button>
        <button type="button" className="button button--primary" onClick={onNext} disabled={q.position >= total}>
          Next question <span aria-hidden="true">→</span>
        </button>
      </div>
    </section>
  );
}

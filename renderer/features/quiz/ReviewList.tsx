// Every question of a submitted attempt with the student's answer, the right one, why, and the
// sources – all of them, the missed ones, or the flagged ones.
import { useId, useState } from 'react';
import type { AttemptQuestion, QuizAttempt } from '../../../sandbox/api/index.ts';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import { InlineMarkdown, Markdown } from '../../ui/markdown/Markdown.tsx';
import { choiceMarks, reviewOutcome, reviewQuestions, type ReviewFilter } from './quizLogic.ts';

function ReviewItem({ q }: { q: AttemptQuestion }) {
  const id = useId();
  const outcome = reviewOutcome(q);
  const kind = outcome === 'Correct' ? 'correct' : outcome === 'Wrong' ? 'wrong' : 'unanswered';
  return (
    <article className={`review-item review-item--${kind}`} aria-labelledby={`${id}-title`}>
      <h4 className="review-title" id={`${id}-title`}>
        <span className="review-icon" aria-hidden="true">
          {kind === 'correct' ? '✓' : '✗'}
        </span>
        Question {q.position}: {outcome}
        {q.flagged && <span className="badge badge--flag">Flagged</span>}
        {q.fromMissedQueue && <span className="badge badge--missed">Missed before</span>}
      </h4>
      <Markdown text={q.prompt} className="quiz-prompt" />
      <ul className="review-choices" aria-label={`Choices of question ${q.position}`}>
        {q.choices.map((c) => {
          const marks = choiceMarks(q, c.id);
          return (
            <li key={c.id} className={`review-choice${marks.correct ? ' review-choice--correct' : ''}${marks.chosen && !marks.correct ? ' review-choice--wrong' : ''}`}>
              <span className="quiz-letter">{c.id}.</span>{' '}
              <span className="review-choice-text">
                <InlineMarkdown text={c.text} />
              </span>
              {marks.label !== '' && (
                <span className="review-mark">
                  <span className="visually-hidden"> (</span>
                  {marks.label}
                  <span className="visually-hidden">)</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="review-answer">
        Your answer: <strong>{q.selected.length === 0 ? 'none' : q.selected.join(', ')}</strong> · Correct: <strong>{q.review?.correctChoiceIds.join(', ') ?? '?'}</strong>
      </p>
      {q.review !== undefined && (
        <div className="review-explanation">
          <h5 className="review-label">Explanation</h5>
          <Markdown text={q.review.explanation} />
          {q.review.sources.length > 0 && (
            <>
              <h5 className="review-label">Sources</h5>
              <ul className="review-sources">
                {q.review.sources.map((s) => (
                  <li key={s.url}>
                    <ExternalLink href={s.url}>{s.title}</ExternalLink>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </article>
  );
}

const FILTERS: { id: ReviewFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'missed', label: 'Wrong or unanswered' },
  { id: 'flagged', label: 'Flagged' },
];

export function ReviewList({ attempt }: { attempt: QuizAttempt }) {
  const id = useId();
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const shown = reviewQuestions(attempt, filter);
  return (
    <section aria-label="Review" className="quiz-review">
      <div className="review-head">
        <h3 className="quiz-section-title">Review</h3>
        <div role="radiogroup" aria-label="Show questions" className="segmented">
          {FILTERS.map((f) => (
            <label key={f.id} className={filter === f.id ? 'segment segment--on' : 'segment'}>
              <input type="radio" name={`${id}-filter`} value={f.id} checked={filter === f.id} onChange={() => setFilter(f.id)} />
              {f.label} ({reviewQuestions(attempt, f.id).length})
            </label>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="state-message">{filter === 'flagged' ? 'No question was flagged.' : 'None: every question right.'}</p>
      ) : (
        <ol className="review-list">
          {shown.map((q) => (
            <li key={q.id}>
              <ReviewItem q={q} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

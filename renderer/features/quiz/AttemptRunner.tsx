// Taking an attempt: one question at a time with the navigator beside it, the timer, and Submit
// with a confirmation that names what is unanswered or flagged. Every answer is in the engine
// at once, so a reload (or leaving) resumes where the student was.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuizAttempt } from '../../../sandbox/api/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { QuestionCard } from './QuestionCard.tsx';
import { QuestionNavigator } from './QuestionNavigator.tsx';
import { QuizBar } from './QuizBar.tsx';
import { QuizTimer } from './QuizTimer.tsx';
import { firstOpenQuestion, submitWarnings } from './quizLogic.ts';
import type { AttemptHandle } from './useAttempt.ts';

export function AttemptRunner({ attempt, handle, title, onClose }: { attempt: QuizAttempt; handle: AttemptHandle; title: string; onClose: () => void }) {
  const [index, setIndex] = useState(() => firstOpenQuestion(attempt));
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const total = attempt.questions.length;
  const go = useCallback(
    (i: number) => {
      moved.current = true;
      setIndex(Math.min(total - 1, Math.max(0, i)));
    },
    [total],
  );
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus({ preventScroll: false });
  }, [index]);

  const q = attempt.questions[index];
  const noun = attempt.mode === 'practice' ? 'exam' : 'quiz';
  const { answer, flag } = handle;
  return (
    <>
      <QuizBar title={title} subtitle={`Question ${index + 1} of ${total}${attempt.timeLimitMinutes !== null ? ` · ${attempt.timeLimitMinutes} minutes` : ''}`} onClose={onClose}>
        {attempt.remainingSeconds !== undefined ? <QuizTimer key={attempt.id} remainingSeconds={attempt.remainingSeconds} onExpire={handle.expire} /> : <span className="quiz-untimed">Untimed</span>}
        <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
          Submit {noun}
        </button>
      </QuizBar>
      <div className="quiz-runner">
        <QuestionNavigator questions={attempt.questions} current={index} onGo={go} />
        <div className="quiz-question-area">
          {q !== undefined && (
            <QuestionCard
              key={q.id}
              question={q}
              total={total}
              headingRef={heading}
              onSelect={(choices) => answer(q.id, choices)}
              onFlag={(flagged) => flag(q.id, flagged)}
              onPrevious={() => go(index - 1)}
              onNext={() => go(index + 1)}
            />
          )}
        </div>
      </div>
      {confirming && (
        <ConfirmDialog title={`Submit the ${noun}?`} confirmLabel="Submit" danger={false} onConfirm={handle.submit} onClose={() => setConfirming(false)}>
          {submitWarnings(attempt).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>After submitting you see your score by domain and every question with its explanation.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

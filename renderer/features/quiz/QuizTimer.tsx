// The countdown of a timed attempt (role="timer"). It counts from what the engine said was left
// when the attempt loaded, says so at 5 minutes and 1 minute, and reports when time is up.
import { useEffect, useRef, useState } from 'react';
import { countdownWords, formatCountdown } from './quizLogic.ts';

export function QuizTimer({ remainingSeconds, onExpire }: { remainingSeconds: number; onExpire: () => void }) {
  const [deadline] = useState(() => Date.now() + remainingSeconds * 1000);
  const [now, setNow] = useState(() => Date.now());
  const expired = useRef(false);
  const latest = useRef(onExpire);
  useEffect(() => {
    latest.current = onExpire;
  });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  useEffect(() => {
    if (left > 0 || expired.current) return;
    expired.current = true;
    latest.current();
  }, [left]);
  const warning = left <= 60 ? 'One minute left.' : left <= 300 ? 'Five minutes left.' : '';
  return (
    <div className="quiz-timer-wrap">
      <span className="quiz-timer-label" aria-hidden="true">
        Time left
      </span>
      <span role="timer" aria-label="Time left" aria-describedby="quiz-timer-words" className={left <= 300 ? 'quiz-timer quiz-timer--low' : 'quiz-timer'}>
        {formatCountdown(left)}
      </span>
      <span id="quiz-timer-words" className="visually-hidden">
        {countdownWords(left)}
      </span>
      <span className="visually-hidden" role="status">
        {warning}
      </span>
    </div>
  );
}

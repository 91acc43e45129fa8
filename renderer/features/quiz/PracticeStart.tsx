// Starting a practice exam: which exam, how long, timed or not (the real exam's pace by
// default). Beside it: unfinished attempts to resume and the history of attempts.
import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import type { ExamId, ExamInfo } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { useLoad } from '../../ui/useLoad.ts';
import { AttemptHistory } from './AttemptHistory.tsx';
import { QuizBar } from './QuizBar.tsx';

type Length = 10 | 20 | 65;
const isLength = (n: number): n is Length => n === 10 || n === 20 || n === 65;

function StartForm({ exams, onStarted }: { exams: ExamInfo[]; onStarted: (attemptId: string) => void }) {
  const { api } = useLab();
  const id = useId();
  const [examId, setExamId] = useState<ExamId>(exams[0]?.id ?? 'DVA-C02');
  const [length, setLength] = useState<Length>(10);
  const [timed, setTimed] = useState(true);
  const [minutesText, setMinutesText] = useState<string | null>(null); // null: the default for the length
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const exam = exams.find((e) => e.id === examId) ?? exams[0];
  const defaultMinutes = exam?.defaultMinutes[String(length)] ?? length * 2;
  const minutes = minutesText === null ? defaultMinutes : Number(minutesText);
  const minutesProblem = timed && !(Number.isInteger(minutes) && minutes >= 1 && minutes <= 300) ? 'Give whole minutes from 1 to 300.' : undefined;

  const start = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy || minutesProblem !== undefined || exam === undefined) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const attempt = await api['quiz:start']({ mode: 'practice', exam: exam.id, length, timeLimitMinutes: timed ? minutes : null });
      onStarted(attempt.id);
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <form className="quiz-start-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void start(e)} noValidate>
      <h3 className="quiz-section-title" id={`${id}-title`}>
        New practice exam
      </h3>
      <fieldset className="quiz-fieldset">
        <legend className="field-label">Exam</legend>
        {exams.map((e) => (
          <div key={e.id} className={e.id === examId ? 'exam-option exam-option--chosen' : 'exam-option'}>
            <label className="radio-label">
              <input type="radio" name={`${id}-exam`} value={e.id} checked={e.id === examId} onChange={() => setExamId(e.id)} aria-describedby={`${id}-exam-${e.id}`} />
              <span>
                <strong>{e.id}</strong> · {e.title}
              </span>
            </label>
            <p className="exam-detail" id={`${id}-exam-${e.id}`}>
              {e.bankQuestions} questions in the bank · pass mark about {e.passPercent}%
              {e.missedQueue > 0 ? ` · ${e.missedQueue} missed ${e.missedQueue === 1 ? 'question comes' : 'questions come'} back` : ''}
            </p>
          </div>
        ))}
      </fieldset>
      <fieldset className="quiz-fieldset">
        <legend className="field-label">Length</legend>
        <div className="radio-row">
          {(exam?.lengths ?? [10, 20, 65]).filter(isLength).map((n) => (
            <label key={n} className="radio-label">
              <input type="radio" name={`${id}-length`} value={n} checked={n === length} onChange={() => setLength(n)} />
              {n} questions
            </label>
          ))}
        </div>
        {exam !== undefined && length > exam.bankQuestions && (
          <p className="field-hint">The bank has {exam.bankQuestions} questions for {exam.id}: the exam uses all of them.</p>
        )}
      </fieldset>
      <fieldset className="quiz-fieldset">
        <legend className="field-label">Time</legend>
        <div className="time-row">
          <label className="checkbox-label">
            <input type="checkbox" checked={timed} onChange={(e) => setTimed(e.target.checked)} />
            Timed
          </label>
          <label className="minutes-label" htmlFor={`${id}-minutes`}>
            Minutes
          </label>
          <input
            id={`${id}-minutes`}
            className="text-input minutes-input"
            type="number"
            min={1}
            max={300}
            step={1}
            disabled={!timed}
            value={minutesText ?? String(defaultMinutes)}
            aria-invalid={minutesProblem !== undefined}
            aria-describedby={`${id}-minutes-hint`}
            onChange={(e) => setMinutesText(e.target.value)}
          />
        </div>
        <p className="field-hint" id={`${id}-minutes-hint`}>
          {minutesProblem ??
            (exam === undefined ? '' : `The real exam: ${exam.questions} questions in ${exam.minutes} minutes. ${defaultMinutes} minutes keeps that pace for ${length} questions.`)}
        </p>
      </fieldset>
      <p className="quiz-start-note">Questions and their answers are shuffled for every attempt. Questions you miss come back in later practice exams.</p>
      {failure !== undefined && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy || minutesProblem !== undefined} aria-busy={busy}>
          Start exam
        </button>
      </div>
    </form>
  );
}

export function PracticeStart({ lessonTitles, onOpenAttempt, onClose }: { lessonTitles: ReadonlyMap<string, string>; onOpenAttempt: (attemptId: string) => void; onClose: () => void }) {
  const { api } = useLab();
  const loadExams = useCallback(() => api['quiz:list-exams']({}), [api]);
  const exams = useLoad('exams', loadExams);
  const loadAttempts = useCallback(() => api['quiz:list-attempts']({ limit: 50 }), [api]);
  const attempts = useLoad('attempts', loadAttempts);
  const unfinished = useMemo(() => (attempts.state.status === 'ready' ? attempts.state.data.filter((a) => a.status === 'in-progress' && a.mode === 'practice') : []), [attempts.state]);

  return (
    <section aria-label="Practice exam" className="quiz-screen">
      <QuizBar title="Practice exam" subtitle="AWS certification practice from the lab's question bank" onClose={onClose} />
      <div className="quiz-start">
        <div className="quiz-start-main">
          {unfinished[0] !== undefined && (
            <div className="resume-card">
              <p className="resume-label">Unfinished practice exam</p>
              <p className="resume-title" id="resume-attempt">
                {unfinished[0].exam} · {unfinished[0].answered} of {unfinished[0].questionCount} answered
              </p>
              <button type="button" className="button button--primary" aria-describedby="resume-attempt" onClick={() => unfinished[0] !== undefined && onOpenAttempt(unfinished[0].id)}>
                Resume exam
              </button>
            </div>
          )}
          {exams.state.status === 'loading' && <LoadingMessage>Loading the exams…</LoadingMessage>}
          {exams.state.status === 'error' && <ErrorMessage title="Could not load the exams." message={exams.state.message} onRetry={exams.reload} />}
          {exams.state.status === 'ready' && <StartForm exams={exams.state.data} onStarted={onOpenAttempt} />}
        </div>
        <AttemptHistory attempts={attempts.state} lessonTitles={lessonTitles} onOpen={onOpenAttempt} onRetry={attempts.reload} />
      </div>
    </section>
  );
}

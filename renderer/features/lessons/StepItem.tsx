// One step of a lesson. Passed: a green check mark and when. Current: what to do, the answer
// input when the step asks for a number, Check, the reason it does not pass yet, and hints one
// at a time. Pending: greyed, title only.
import { memo, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { StepView } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { formatClock } from '../../ui/format.ts';
import { InlineMarkdown, Markdown } from '../../ui/markdown/Markdown.tsx';
import { focusIsLost } from '../../ui/useFocusWhenLost.ts';
import { parseAnswer } from './lessonState.ts';

export interface StepActions {
  check(): Promise<unknown>;
  revealHint(stepId: string): Promise<void>;
  submitAnswer(stepId: string, value: number): Promise<{ correct: boolean; reason?: string | undefined }>;
}

function AnswerForm({ step, onSubmit }: { step: StepView & { answer: NonNullable<StepView['answer']> }; onSubmit: StepActions['submitAnswer'] }) {
  const id = useId();
  const [text, setText] = useState(step.answer.lastValue === undefined ? '' : String(step.answer.lastValue));
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const value = parseAnswer(text, step.answer.unit);
    if (value === undefined) {
      setProblem(`Type a number${step.answer.placeholder !== undefined ? ` (${step.answer.placeholder})` : ''}.`);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await onSubmit(step.id, value);
      if (!answer.correct) setProblem(`Not accepted: ${answer.reason ?? 'that is not the value the lab expects.'}`);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="step-answer" onSubmit={(e) => void submit(e)} noValidate>
      <label className="step-answer-label" htmlFor={`${id}-input`}>
        {step.answer.label}
      </label>
      <div className="step-answer-row">
        <input
          id={`${id}-input`}
          className="text-input step-answer-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder={step.answer.placeholder}
          value={text}
          aria-invalid={problem !== undefined}
          aria-describedby={`${id}-problem`}
          onChange={(e) => setText(e.target.value)}
        />
        {step.answer.unit !== undefined && <span className="step-answer-unit">{step.answer.unit}</span>}
        <button type="submit" className="button button--small" disabled={busy} aria-busy={busy}>
          Submit answer
        </button>
      </div>
      <p className="field-error" id={`${id}-problem`} role={problem !== undefined ? 'alert' : undefined}>
        {problem === undefined ? '' : <InlineMarkdown text={problem} />}
      </p>
    </form>
  );
}

function StepItemView({ step, number, checking, checkedAt, actions }: {
  step: StepView;
  number: number;
  checking: boolean;
  checkedAt: string | undefined;
  actions: StepActions;
}) {
  const id = useId();
  const [failure, setFailure] = useState<string | undefined>();
  const [hinting, setHinting] = useState(false);
  const hintsLeft = step.hintCount - step.hints.length;
  const current = step.state === 'current';
  // The step before passed (its Check button, which had the focus, folded away): go on here.
  const titleRef = useRef<HTMLHeadingElement>(null);
  const wasCurrent = useRef(current);
  useEffect(() => {
    if (current && !wasCurrent.current && focusIsLost()) titleRef.current?.focus();
    wasCurrent.current = current;
  }, [current]);

  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setFailure(undefined);
    try {
      await action();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };
  const showHint = async (): Promise<void> => {
    setHinting(true);
    await run(() => actions.revealHint(step.id));
    setHinting(false);
  };

  return (
    <li className={`lesson-step lesson-step--${step.state}`} aria-labelledby={`${id}-title`} aria-current={current ? 'step' : undefined}>
      <div className="step-head">
        <span className={`step-mark step-mark--${step.state}`} aria-hidden="true">
          {step.state === 'passed' ? '✓' : number}
        </span>
        <div className="step-heading">
          <h4 className="step-title" id={`${id}-title`} ref={titleRef} tabIndex={-1}>
            {step.title}
          </h4>
          <p className="step-state">
            {step.state === 'passed' && (
              <>
                Passed
                {step.completedAt !== undefined && (
                  <>
                    {' '}
                    at <time dateTime={step.completedAt}>{formatClock(step.completedAt)}</time>
                  </>
                )}
              </>
            )}
            {current && 'Current step'}
            {step.state === 'pending' && 'Comes after the steps before it'}
          </p>
        </div>
      </div>
      {current && (
        <div className="step-body">
          <Markdown text={step.instructions} headingOffset={4} className="step-instructions" />
          {step.answer !== undefined && <AnswerForm step={{ ...step, answer: step.answer }} onSubmit={actions.submitAnswer} />}
          <div className="step-actions">
            <button type="button" className="button button--small button--primary" onClick={() => void run(actions.check)} disabled={checking} aria-busy={checking}>
              Check
            </button>
            {hintsLeft > 0 && (
              <button type="button" className="button button--small" onClick={() => void showHint()} disabled={hinting}>
                Show hint
              </button>
            )}
            <span className="step-hint-count">
              {step.hintCount === 0 ? '' : hintsLeft === 0 ? 'All hints shown' : `${hintsLeft} ${hintsLeft === 1 ? 'hint' : 'hints'} left`}
            </span>
          </div>
          <p className="step-feedback" role="status">
            {failure !== undefined ? (
              <span className="step-feedback--error">{failure}</span>
            ) : checking ? (
              'Checking…'
            ) : step.reason !== undefined ? (
              <>
                <strong>Not yet{checkedAt !== undefined ? ` (checked ${formatClock(checkedAt)})` : ''}:</strong> <InlineMarkdown text={step.reason} />
              </>
            ) : (
              ''
            )}
          </p>
          {step.hints.length > 0 && (
            <ol className="step-hints" aria-label="Hints">
              {step.hints.map((hint, i) => (
                <li key={i}>
                  <InlineMarkdown text={hint} />
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </li>
  );
}

export const StepItem = memo(StepItemView);

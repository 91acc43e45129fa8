// A labelled form control with its hint and its error, wired for screen readers
// (aria-describedby, aria-invalid). The error has a reserved line, so nothing jumps.
import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function Field({ label, hint, error, children, className }: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactElement<ControlProps>;
  className?: string;
}) {
  const id = useId();
  const controlId = `${id}-control`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : '', error !== undefined ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={className === undefined ? 'field' : `field ${className}`}>
      <label className="field-label" htmlFor={controlId}>
        {label}
      </label>
      {cloneElement(children, {
        id: controlId,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
        'aria-invalid': error !== undefined,
      })}
      {hint !== undefined && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <p className="field-error" id={errorId} role={error !== undefined ? 'alert' : undefined}>
        {error ?? ''}
      </p>
    </div>
  );
}

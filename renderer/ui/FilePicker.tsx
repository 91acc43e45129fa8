// A button that opens the system's file picker: a real <input type="file"> with a label (so
// tests and screen readers find it by name), drawn as a button.
import { useId, useRef } from 'react';

export function FilePicker({ label, accept, onPick, disabled = false, className }: {
  /** Accessible name and visible text, e.g. "Import event…". */
  label: string;
  accept: string;
  onPick: (file: File) => void;
  disabled?: boolean;
  className?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className={className === undefined ? 'file-picker' : `file-picker ${className}`}>
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={disabled}
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be picked again
          if (file !== undefined) onPick(file);
        }}
      />
      <label htmlFor={id} className={disabled ? 'button button--disabled' : 'button'} aria-hidden="true">
        {label}
      </label>
    </span>
  );
}

// Environment variables as rows of key and value, each labelled for screen readers.
import { useId } from 'react';
import type { EnvRow } from './settingsForm.ts';

export function EnvironmentVariablesEditor({ rows, onChange, error }: { rows: readonly EnvRow[]; onChange: (rows: EnvRow[]) => void; error: string | undefined }) {
  const id = useId();
  const nextId = (): number => rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
  const update = (rowId: number, change: Partial<EnvRow>): void => onChange(rows.map((r) => (r.id === rowId ? { ...r, ...change } : r)));
  return (
    <fieldset className="field env-editor" aria-describedby={`${id}-hint ${id}-error`} aria-invalid={error !== undefined}>
      <legend className="field-label">Environment variables</legend>
      {rows.length === 0 && <p className="field-hint">No variables. Your code reads them as process.env.NAME.</p>}
      {rows.length > 0 && (
        <table className="env-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.id}>
                <td>
                  <input className="text-input" aria-label={`Key of variable ${i + 1}`} value={row.key} spellCheck={false} onChange={(e) => update(row.id, { key: e.target.value })} />
                </td>
                <td>
                  <input className="text-input" aria-label={`Value of variable ${i + 1}`} value={row.value} spellCheck={false} onChange={(e) => update(row.id, { value: e.target.value })} />
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={`Remove variable ${i + 1}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button button--small" onClick={() => onChange([...rows, { id: nextId(), key: '', value: '' }])}>
        Add variable
      </button>
      <p className="field-hint" id={`${id}-hint`}>
        Keys start with a letter and hold letters, digits and underscores; 4 KB in all. Lambda sets AWS_REGION, AWS_LAMBDA_FUNCTION_NAME and others itself.
      </p>
      <p className="field-error" id={`${id}-error`} role={error !== undefined ? 'alert' : undefined}>
        {error ?? ''}
      </p>
    </fieldset>
  );
}

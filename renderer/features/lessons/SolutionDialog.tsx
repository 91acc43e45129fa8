// The reference solution, read-only: each function's files and final settings, and what the
// solution does step by step. "Use the solution code" saves the files into the functions (after
// a confirmation: the student's code is replaced).
import { useState } from 'react';
import type { SolutionView } from '../../../sandbox/api/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { InlineMarkdown } from '../../ui/markdown/Markdown.tsx';

function configText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function SolutionDialog({ title, solution, onApply, onClose }: {
  title: string;
  solution: SolutionView;
  /** Saves the solution's files into the lesson's functions. */
  onApply: () => Promise<void>;
  onClose: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const names = solution.functions.map((f) => `“${f.name}”`).join(', ');
  return (
    <>
      <Dialog
        title={`Solution: ${title}`}
        description="The reference solution, read-only. Compare it with your code, then make the change yourself – or use it."
        onClose={onClose}
        className="dialog--wide solution-dialog"
        footer={
          <>
            <button type="button" className="button" onClick={onClose} data-autofocus>
              Close
            </button>
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              Use the solution code
            </button>
          </>
        }
      >
        {solution.functions.map((fn) => (
          <section key={fn.name} className="solution-function" aria-label={`Solution for ${fn.name}`}>
            <h3 className="solution-heading">{fn.name}</h3>
            {Object.keys(fn.config).length > 0 && (
              <dl className="solution-config" aria-label={`Settings of ${fn.name} at the end`}>
                {Object.entries(fn.config).map(([key, value]) => (
                  <div key={key}>
                    <dt>{key}</dt>
                    <dd>{configText(value)}</dd>
                  </div>
                ))}
              </dl>
            )}
            {fn.files.map((file) => (
              <figure key={file.path} className="solution-file">
                <figcaption className="solution-path">{file.path}</figcaption>
                <pre className="md-code solution-code" tabIndex={0} aria-label={`${file.path} (read-only)`}>
                  <code>{file.content}</code>
                </pre>
              </figure>
            ))}
          </section>
        ))}
        {solution.walkthrough.length > 0 && (
          <>
            <h3 className="solution-heading">Walkthrough</h3>
            <ol className="solution-walkthrough" aria-label="Walkthrough">
              {solution.walkthrough.map((line, i) => (
                <li key={i}>
                  <InlineMarkdown text={line} />
                </li>
              ))}
            </ol>
          </>
        )}
      </Dialog>
      {confirming && (
        <ConfirmDialog title="Use the solution code?" confirmLabel="Replace my code" onConfirm={onApply} onClose={() => setConfirming(false)}>
          <p>
            The code of {names} is replaced with the solution&apos;s files; unsaved changes are lost. Settings are not changed: the walkthrough says which to change.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

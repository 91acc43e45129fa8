// A titled region of the screen; `label` is both its accessible name and its heading.
import type { ReactNode } from 'react';

export function Panel({ label, actions, className, children, id }: { label: string; actions?: ReactNode; className?: string; children: ReactNode; id?: string }) {
  return (
    <section aria-label={label} className={className === undefined ? 'panel' : `panel ${className}`} id={id}>
      <header className="panel-header">
        <h2 className="panel-title">{label}</h2>
        {actions !== undefined && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

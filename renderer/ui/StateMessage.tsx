// The small messages every panel shows while loading, when empty and when a call failed.
import type { ReactNode } from 'react';

export function LoadingMessage({ children }: { children: ReactNode }) {
  return (
    <p className="state-message state-message--loading" role="status">
      {children}
    </p>
  );
}

export function EmptyMessage({ children }: { children: ReactNode }) {
  return <p className="state-message">{children}</p>;
}

export function ErrorMessage({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div className="state-message state-message--error" role="alert">
      <p>
        <strong>{title}</strong> {message}
      </p>
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

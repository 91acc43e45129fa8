// Short messages at the bottom of the screen ("Deleted hello." with Undo, "Exported hello.zip").
// One polite live region announces them; each stays for its time or until dismissed.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  onSelect: () => void;
}

export interface Toast {
  message: string;
  /** Shown as a smaller second line. */
  detail?: string;
  action?: ToastAction;
  tone?: 'info' | 'error';
  /** How long it stays (default 6 s). */
  durationMs?: number;
}

interface ShownToast extends Toast {
  id: number;
}

interface ToastApi {
  show(toast: Toast): number;
  dismiss(id: number): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (api === null) throw new Error('useToasts() needs a <ToastProvider> above it');
  return api;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((prev) => prev.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (toast: Toast) => {
      const id = nextId.current++;
      setToasts((prev) => [...prev.slice(-2), { ...toast, id }]); // at most three at a time
      timers.current.set(id, setTimeout(() => dismiss(id), toast.durationMs ?? 6000));
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) clearTimeout(timer);
    };
  }, []);

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-label="Notifications" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={t.tone === 'error' ? 'toast toast--error' : 'toast'}>
            <div className="toast-text">
              <p className="toast-message">{t.message}</p>
              {t.detail !== undefined && <p className="toast-detail">{t.detail}</p>}
            </div>
            {t.action !== undefined && (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  dismiss(t.id);
                  t.action?.onSelect();
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

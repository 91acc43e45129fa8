// Whether live updates (push events) are flowing.
import { useConnectionStatus } from './LabContext.tsx';

const TEXT = {
  open: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
} as const;

export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <span className={`connection connection--${status}`} role="status" title="Live updates from the Lambda Lab engine">
      <span className="connection-dot" aria-hidden="true" />
      {TEXT[status]}
    </span>
  );
}

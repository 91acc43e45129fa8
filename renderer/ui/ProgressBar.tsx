// A thin progress bar with its value in words for screen readers (role="progressbar").
export function ProgressBar({ label, value, max, valueText, className }: { label: string; value: number; max: number; valueText: string; className?: string }) {
  const percent = max <= 0 ? 0 : Math.min(100, Math.max(0, (value / max) * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className={className === undefined ? 'progress' : `progress ${className}`}
    >
      <div className={percent >= 100 ? 'progress-fill progress-fill--done' : 'progress-fill'} style={{ width: `${percent}%` }} />
    </div>
  );
}

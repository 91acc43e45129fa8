// A row of tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, one tab stop).
import { useRef, type KeyboardEvent } from 'react';

export function tabId(idPrefix: string, index: number): string {
  return `${idPrefix}-tab-${index}`;
}

export function Tabs({ label, items, active, onSelect, idPrefix, panelId }: {
  label: string;
  items: readonly string[];
  active: string;
  onSelect: (item: string) => void;
  idPrefix: string;
  panelId: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = items.indexOf(active);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % items.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    const item = next === undefined ? undefined : items[next];
    if (next === undefined || item === undefined) return;
    event.preventDefault();
    onSelect(item);
    refs.current[next]?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <button
          key={item}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, i)}
          className="tab"
          aria-selected={item === active}
          aria-controls={panelId}
          tabIndex={item === active ? 0 : -1}
          onClick={() => onSelect(item)}
        >
          {item}
        </button>
      ))}
    </div>
  );
}

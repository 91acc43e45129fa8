// A search box that filters a list (WAI-ARIA combobox with a listbox popup that is always
// shown): typing filters, Up/Down move the active option, Enter chooses it. Used by the
// command palette and the event template picker.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ComboItem {
  id: string;
  label: string;
  /** A second, quieter text (a shortcut, a description). */
  detail?: ReactNode;
  /** Items with the same group are shown under a heading. */
  group?: string;
  disabled?: boolean;
}

export function ComboList({ inputLabel, listLabel, placeholder, query, onQuery, items, activeId, onActive, onChoose, emptyText, autoFocus = true, className }: {
  inputLabel: string;
  listLabel: string;
  placeholder?: string;
  query: string;
  onQuery: (query: string) => void;
  items: readonly ComboItem[];
  activeId: string | undefined;
  onActive: (id: string) => void;
  onChoose: (id: string) => void;
  emptyText: string;
  autoFocus?: boolean;
  className?: string;
}) {
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const optionId = (itemId: string): string => `${id}-option-${itemId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const enabled = items.filter((i) => i.disabled !== true);
  const active = items.find((i) => i.id === activeId && i.disabled !== true) ?? enabled[0];

  useEffect(() => {
    if (active === undefined) return;
    document.getElementById(optionId(active.id))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const index = active === undefined ? -1 : enabled.indexOf(active);
    let next: ComboItem | undefined;
    if (event.key === 'ArrowDown') next = enabled[Math.min(enabled.length - 1, index + 1)];
    else if (event.key === 'ArrowUp') next = enabled[Math.max(0, index - 1)];
    else if (event.key === 'PageDown') next = enabled[Math.min(enabled.length - 1, index + 8)];
    else if (event.key === 'PageUp') next = enabled[Math.max(0, index - 8)];
    else if (event.key === 'Enter') {
      event.preventDefault();
      if (active !== undefined) onChoose(active.id);
      return;
    }
    if (next !== undefined) {
      event.preventDefault();
      onActive(next.id);
    }
  };

  let lastGroup: string | undefined;
  return (
    <div className={className === undefined ? 'combo-list' : `combo-list ${className}`}>
      <input
        type="text"
        role="combobox"
        className="text-input combo-input"
        aria-label={inputLabel}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active === undefined ? undefined : optionId(active.id)}
        placeholder={placeholder}
        autoFocus={autoFocus}
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul ref={listRef} id={`${id}-list`} role="listbox" aria-label={listLabel} className="combo-options">
        {items.length === 0 && (
          <li role="presentation" className="combo-empty">
            {emptyText}
          </li>
        )}
        {items.map((item) => {
          const heading = item.group !== undefined && item.group !== lastGroup ? item.group : undefined;
          lastGroup = item.group;
          return [
            heading !== undefined ? (
              <li key={`group:${heading}`} role="presentation" className="combo-group">
                {heading}
              </li>
            ) : null,
            <li
              key={item.id}
              id={optionId(item.id)}
              role="option"
              aria-selected={item === active}
              aria-disabled={item.disabled === true ? true : undefined}
              className={item === active ? 'combo-option combo-option--active' : 'combo-option'}
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => item.disabled !== true && onChoose(item.id)}
              onPointerMove={() => item.disabled !== true && item !== active && onActive(item.id)}
            >
              <span className="combo-label">{item.label}</span>
              {item.detail !== undefined && <span className="combo-detail">{item.detail}</span>}
            </li>,
          ];
        })}
      </ul>
    </div>
  );
}

/** Items whose label (or extra text) contains every word of the query, in order of the list. */
export function filterItems<T extends ComboItem>(items: readonly T[], query: string, extra: (item: T) => string = () => ''): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const haystack = `${item.label} ${item.group ?? ''} ${extra(item)}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

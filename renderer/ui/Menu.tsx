// A menu button (WAI-ARIA menu button pattern): the button opens a list of actions; arrow keys
// move between them, Enter runs one, Escape or a click elsewhere closes the menu.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Shown at the right, e.g. a shortcut. */
  hint?: string;
  danger?: boolean;
}

export function MenuButton({ label, items, children, className, align = 'start' }: {
  /** The button's accessible name. */
  label: string;
  items: readonly MenuItem[];
  /** What the button shows (defaults to the label). */
  children?: ReactNode;
  className?: string;
  align?: 'start' | 'end';
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = items.map((item, i) => (item.disabled === true ? -1 : i)).filter((i) => i >= 0);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: globalThis.PointerEvent): void => {
      const target = event.target as Node | null;
      if (target !== null && (menuRef.current?.contains(target) === true || buttonRef.current?.contains(target) === true)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openAt = (index: number | undefined): void => {
    if (enabled.length === 0) return;
    setActive(index ?? enabled[0] ?? 0);
    setOpen(true);
  };
  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const run = (item: MenuItem): void => {
    close(true);
    item.onSelect();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? enabled[0] : enabled[enabled.length - 1]);
    }
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const position = enabled.indexOf(active);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = enabled[(position + 1) % enabled.length];
    else if (event.key === 'ArrowUp') next = enabled[(position - 1 + enabled.length) % enabled.length];
    else if (event.key === 'Home') next = enabled[0];
    else if (event.key === 'End') next = enabled[enabled.length - 1];
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    } else if (event.key === 'Tab') {
      close(false);
      return;
    }
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    }
  };

  return (
    <div className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className={className ?? 'button'}
        aria-label={children === undefined ? undefined : label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close(false) : openAt(undefined))}
        onKeyDown={onButtonKeyDown}
      >
        {children ?? label}
      </button>
      {open && (
        <div ref={menuRef} id={`${id}-menu`} role="menu" aria-label={label} className={`menu menu--${align}`} onKeyDown={onMenuKeyDown}>
          {items.map((item, i) => (
            <button
              key={`${i}:${item.label}`}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              className={item.danger === true ? 'menu-item menu-item--danger' : 'menu-item'}
              tabIndex={i === active ? 0 : -1}
              disabled={item.disabled}
              onClick={() => run(item)}
            >
              <span>{item.label}</span>
              {item.hint !== undefined && <kbd className="menu-hint">{item.hint}</kbd>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

// State kept in localStorage (per user of this browser profile): panel sizes, the last function,
// open tabs. Falls back to memory when storage is disabled or holds something unexpected.
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'lambda-lab.';

export function readStored<T>(key: string, fallback: T, accept: (value: unknown) => value is T): T {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    return accept(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the value lives as long as the page
  }
}

/** Like useState, but the value survives a reload. `accept` checks what storage holds. */
export function usePersistentState<T>(key: string, fallback: T, accept: (value: unknown) => value is T): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => readStored(key, fallback, accept));
  useEffect(() => {
    writeStored(key, value);
  }, [key, value]);
  const set = useCallback((next: T | ((prev: T) => T)) => setValue(next), []);
  return [value, set];
}

export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export function isRecordOf<T>(check: (v: unknown) => v is T): (v: unknown) => v is Record<string, T> {
  return (v: unknown): v is Record<string, T> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(check);
}

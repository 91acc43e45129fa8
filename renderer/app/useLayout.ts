// Panel sizes, remembered per user (localStorage) and kept within what fits the window.
import { isNumber, usePersistentState } from '../ui/usePersistentState.ts';

export interface Layout {
  sidebar: number;
  panels: number;
  tree: number;
  event: number;
  result: number;
  log: number;
}

export const DEFAULT_LAYOUT: Layout = { sidebar: 210, panels: 420, tree: 150, event: 210, result: 360, log: 150 };

const isLayout = (v: unknown): v is Layout =>
  typeof v === 'object' && v !== null && (Object.keys(DEFAULT_LAYOUT) as (keyof Layout)[]).every((k) => isNumber((v as Record<string, unknown>)[k]));

export function useLayout(): [Layout, <K extends keyof Layout>(key: K) => (value: number) => void] {
  const [layout, setLayout] = usePersistentState<Layout>('layout', DEFAULT_LAYOUT, isLayout);
  const setter =
    <K extends keyof Layout>(key: K) =>
    (value: number): void =>
      setLayout((prev) => ({ ...prev, [key]: value }));
  return [layout, setter];
}

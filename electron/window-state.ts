// The window's size, position and maximised state, remembered between runs in a small JSON
// file. Pure: main reads the file, the displays' work areas and the window's bounds.
import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIN_WINDOW_SIZE } from './security.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the system place the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** A state read from disk, or undefined if it is not one (missing fields, wrong types). */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!isInt(v['width']) || !isInt(v['height']) || v['width'] <= 0 || v['height'] <= 0) return undefined;
  const state: WindowState = { width: v['width'], height: v['height'], maximized: v['maximized'] === true };
  if (isInt(v['x']) && isInt(v['y'])) {
    state.x = v['x'];
    state.y = v['y'];
  }
  return state;
}

/** How much of the window's title bar must be on a display for the saved position to be kept. */
const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved state made safe for today's displays: no bigger than the largest work area (and no
 * smaller than the minimum size); the position is dropped when the title bar would not be
 * reachable on any display (a monitor was unplugged), so the system centres the window.
 */
export function fitWindowState(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const state: WindowState = { ...(saved ?? DEFAULT_WINDOW_STATE) };
  const maxWidth = Math.max(MIN_WINDOW_SIZE.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_WINDOW_SIZE.height, ...workAreas.map((a) => a.height));
  state.width = Math.min(Math.max(state.width, MIN_WINDOW_SIZE.width), maxWidth);
  state.height = Math.min(Math.max(state.height, MIN_WINDOW_SIZE.height), maxHeight);
  if (state.x !== undefined && state.y !== undefined) {
    const titleBar: Rect = { x: state.x, y: state.y, width: state.width, height: 32 };
    const reachable = workAreas.some((area) => {
      const o = overlap(titleBar, area);
      return o.width >= MIN_VISIBLE && o.height > 0;
    });
    if (!reachable) {
      delete state.x;
      delete state.y;
    }
  }
  return state;
}

/** What to save: the normal (unmaximised) bounds, plus whether the window is maximised. */
export function windowStateFrom(normalBounds: Rect, maximized: boolean): WindowState {
  return { x: normalBounds.x, y: normalBounds.y, width: normalBounds.width, height: normalBounds.height, maximized };
}

export function readWindowState(file: string): WindowState | undefined {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined; // first run, or a damaged file: start with the defaults
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`);
  renameSync(tmp, file);
}

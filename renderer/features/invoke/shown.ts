// What the Result and Log output panels show: nothing yet, an invocation on its way, one being
// loaded from history, a finished invocation, or why it could not be run or loaded.
import type { InvocationRecord } from '../../../sandbox/api/index.ts';

export type ShownInvocation =
  | { kind: 'empty' }
  | { kind: 'running'; functionName: string }
  | { kind: 'loading'; requestId: string }
  | { kind: 'record'; record: InvocationRecord; /** Opened from the history (shows its event). */ fromHistory?: boolean }
  | { kind: 'error'; title: string; message: string; retry?: () => void };

export const NOTHING_SHOWN: ShownInvocation = { kind: 'empty' };

// What Monaco found wrong in the function's files, and which of it will stop the code from
// loading on Lambda (syntax errors), as opposed to type errors that esbuild strips away. Pure.
import { languageForPath } from './language.ts';

export interface Problem {
  path: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /** TypeScript's diagnostic code ("1005"), or the JSON checker's. */
  code: string;
  /** Who reported it: `javascript`, `typescript`, `json`. */
  source: string;
}

/** TypeScript reports syntax errors with codes 1000–1999; 1xxx codes about modules or types are not syntax. */
export function isSyntaxError(p: Problem): boolean {
  const language = languageForPath(p.path);
  if (p.severity !== 'error' || (language !== 'javascript' && language !== 'typescript')) return false;
  return /^1\d{3}$/.test(p.code);
}

/** "index.mjs, line 3: ';' expected." for the first syntax error, or undefined. */
export function syntaxWarning(problems: readonly Problem[]): Problem | undefined {
  return problems.find(isSyntaxError);
}

export function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.path === q.path && p.line === q.line && p.column === q.column && p.message === q.message && p.severity === q.severity;
  });
}

export function problemCountText(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'No problems';
  const parts = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(', ');
}

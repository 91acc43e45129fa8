// Which language Monaco uses for a file, and which file holds the handler.
import type { FunctionFile } from '../../../sandbox/api/index.ts';

export type EditorLanguage = 'javascript' | 'typescript' | 'json' | 'plaintext';

const LANGUAGE_BY_EXTENSION: Record<string, EditorLanguage> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescript',
  json: 'json',
};

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function languageForPath(path: string): EditorLanguage {
  return LANGUAGE_BY_EXTENSION[extensionOf(path)] ?? 'plaintext';
}

/** Extensions the Node.js runtime tries for the handler's module, in its order. */
const MODULE_EXTENSIONS = ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'];

/**
 * The file named by the handler's module (`src/app.handler` → `src/app.js`, `.mjs`, ...), else
 * the first file.
 */
export function handlerFile(handler: string, files: readonly FunctionFile[]): string | undefined {
  const dot = handler.lastIndexOf('.');
  const module = dot > 0 ? handler.slice(0, dot) : handler;
  for (const ext of MODULE_EXTENSIONS) {
    const match = files.find((f) => f.path === `${module}.${ext}`);
    if (match !== undefined) return match.path;
  }
  return files[0]?.path;
}

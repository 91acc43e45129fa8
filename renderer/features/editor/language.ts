// Which language Monaco uses for a file, and which file holds the handler.
import type { FunctionFile } from '../../../sandbox/api/index.ts';

export type EditorLanguage = 'javascript' | 'typescript' | 'json' | 'yaml' | 'markdown' | 'plaintext';

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
  yaml: 'yaml',
  yml: 'yaml',
  md: 'markdown',
};

const LANGUAGE_NAMES: Record<EditorLanguage, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  json: 'JSON',
  yaml: 'YAML',
  markdown: 'Markdown',
  plaintext: 'Plain text',
};

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function languageForPath(path: string): EditorLanguage {
  return LANGUAGE_BY_EXTENSION[extensionOf(path)] ?? 'plaintext';
}

export function languageName(path: string): string {
  return LANGUAGE_NAMES[languageForPath(path)];
}

/** Extensions the Node.js runtime tries for the handler's module, in its order. */
const MODULE_EXTENSIONS = ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'];

/**
 * The file named by the handler's module (`src/app.handler` → `src/app.js`, `.mjs`, ...), else
 * the first file.
 */
export function handlerFile(handler: string, files: readonly FunctionFile[]): string | undefined {
  return handlerModuleFile(handler, files) ?? files[0]?.path;
}

/** The file the runtime loads for the handler setting, or undefined when the function has none. */
export function handlerModuleFile(handler: string, files: readonly Pick<FunctionFile, 'path'>[]): string | undefined {
  const dot = handler.lastIndexOf('.');
  const module = dot > 0 ? handler.slice(0, dot) : handler;
  for (const ext of MODULE_EXTENSIONS) {
    const match = files.find((f) => f.path === `${module}.${ext}`);
    if (match !== undefined) return match.path;
  }
  return undefined;
}

/** The last segment of a path: `src/lib/util.mjs` → `util.mjs`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder of a path, '' at the root: `src/lib/util.mjs` → `src/lib`. */
export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

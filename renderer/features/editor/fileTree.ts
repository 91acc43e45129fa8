// The function's files as a tree of folders, and the checks for new and renamed paths. Pure.
import { FilePath, MAX_FUNCTION_FILES } from '../../../sandbox/api/index.ts';

export interface TreeRow {
  kind: 'file' | 'folder';
  path: string;
  name: string;
  /** 1 at the root. */
  level: number;
  /** Position among its siblings (1-based) and how many siblings there are. */
  position: number;
  siblings: number;
  parent: string | undefined;
}

interface Folder {
  folders: Map<string, Folder>;
  files: string[];
}

function emptyFolder(): Folder {
  return { folders: new Map(), files: [] };
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });

/**
 * The rows a tree view shows, depth first (folders before files, by name); folders not in
 * `expanded` hide their content. `folders` are folders without files yet.
 */
export function visibleTreeRows(files: readonly string[], folders: readonly string[], expanded: ReadonlySet<string>): TreeRow[] {
  const root = emptyFolder();
  const folderAt = (segments: readonly string[]): Folder => {
    let node = root;
    for (const s of segments) {
      let next = node.folders.get(s);
      if (next === undefined) {
        next = emptyFolder();
        node.folders.set(s, next);
      }
      node = next;
    }
    return node;
  };
  for (const path of files) {
    const segments = path.split('/');
    const name = segments.pop() as string;
    folderAt(segments).files.push(name);
  }
  for (const path of folders) folderAt(path.split('/'));

  const rows: TreeRow[] = [];
  const walk = (node: Folder, prefix: string, level: number, parent: string | undefined): void => {
    const folderNames = [...node.folders.keys()].sort(byName);
    const fileNames = [...node.files].sort(byName);
    const siblings = folderNames.length + fileNames.length;
    let position = 0;
    for (const name of folderNames) {
      const path = prefix + name;
      rows.push({ kind: 'folder', path, name, level, position: ++position, siblings, parent });
      if (expanded.has(path)) walk(node.folders.get(name) as Folder, `${path}/`, level + 1, path);
    }
    for (const name of fileNames) rows.push({ kind: 'file', path: prefix + name, name, level, position: ++position, siblings, parent });
  };
  walk(root, '', 1, undefined);
  return rows;
}

/** Every folder that holds `path` (`a/b/c.js` → `a`, `a/b`). */
export function ancestorFolders(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
}

/** Why `path` cannot become a new file or folder among `files` and `folders`, or undefined. */
export function pathProblem(path: string, files: readonly string[], folders: readonly string[], options: { ignore?: string; kind: 'file' | 'folder' }): string | undefined {
  if (path === '') return 'Give it a name';
  const parsed = FilePath.safeParse(path);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Not a valid path';
  const ignore = options.ignore;
  const others = files.filter((f) => f !== ignore && !(ignore !== undefined && f.startsWith(`${ignore}/`)));
  if (others.includes(path)) return `A file named ${path} already exists`;
  const allFolders = new Set([...folders, ...others.flatMap(ancestorFolders)]);
  if (ignore !== undefined) for (const f of [...allFolders]) if (f === ignore || f.startsWith(`${ignore}/`)) allFolders.delete(f);
  if (allFolders.has(path)) return `A folder named ${path} already exists`;
  if (ancestorFolders(path).some((folder) => others.includes(folder))) return `${ancestorFolders(path).find((folder) => others.includes(folder))} is a file, not a folder`;
  if (options.kind === 'file' && others.length >= MAX_FUNCTION_FILES) return `A function may have at most ${MAX_FUNCTION_FILES} files in the lab`;
  return undefined;
}

// The file tree's rows and the checks for new and renamed paths.
import { describe, expect, it } from 'vitest';
import { pathProblem, visibleTreeRows } from '../../renderer/features/editor/fileTree.ts';

describe('file tree', () => {
  it('lists folders before files, depth first, hiding the content of closed folders', () => {
    const files = ['index.mjs', 'lib/b.mjs', 'lib/a.mjs', 'lib/util/x.mjs', 'README.md'];
    const all = visibleTreeRows(files, ['empty'], new Set(['lib', 'lib/util']));
    expect(all.map((r) => `${'  '.repeat(r.level - 1)}${r.name}`)).toEqual(['empty', 'lib', '  util', '    x.mjs', '  a.mjs', '  b.mjs', 'index.mjs', 'README.md']);
    expect(visibleTreeRows(files, [], new Set()).map((r) => r.name)).toEqual(['lib', 'index.mjs', 'README.md']);
  });

  it('checks new paths against the contract and the existing files', () => {
    const files = ['index.mjs', 'lib/a.mjs'];
    expect(pathProblem('lib/b.mjs', files, [], { kind: 'file' })).toBeUndefined();
    expect(pathProblem('index.mjs', files, [], { kind: 'file' })).toBe('A file named index.mjs already exists');
    expect(pathProblem('lib', files, [], { kind: 'file' })).toBe('A folder named lib already exists');
    expect(pathProblem('index.mjs/x.js', files, [], { kind: 'file' })).toBe('index.mjs is a file, not a folder');
    expect(pathProblem('../x.js', files, [], { kind: 'file' })).toMatch(/must be relative/);
    // Renaming a folder onto its own name elsewhere is fine once it moved.
    expect(pathProblem('src', files, [], { kind: 'folder', ignore: 'lib' })).toBeUndefined();
  });
});

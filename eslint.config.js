// ESLint: TypeScript rules plus the architecture's layer rules (../shared/ARCHITECTURE.md).
// A layer violation is an error, so it fails `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// Inside the isolate, bare `events` is the bundled npm package of that name, not Node's module.
const isolateForbidden = nodeBuiltins.filter((m) => m !== 'events');
const restrict = (paths, patterns = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});
const named = (names, message) => names.map((name) => ({ name, message }));

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.toolchain/**', '.tsbuild/**', 'test-results/**', 'lessons/**/starter/**', 'lessons/**/solution/**', 'test/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  // sandbox/** never imports electron, react, electron/** or renderer/**.
  {
    files: ['sandbox/**/*.ts'],
    rules: restrict(named(['electron', 'react', 'react-dom'], 'The engine (sandbox/) must not depend on the desktop shell or the UI.'), [
      { group: ['**/renderer/**', '**/electron/**'], message: 'The engine (sandbox/) must not import the UI or the desktop shell.' },
    ]),
  },
  // The contract imports only zod.
  {
    files: ['sandbox/api/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict([...named(nodeBuiltins, 'sandbox/api is shared with the renderer: no Node built-ins.')], [
      { group: ['../*', '!./*', 'isolated-vm', 'better-sqlite3', 'ws', 'esbuild'], message: 'sandbox/api imports only zod and its own files.' },
    ]),
  },
  // The runtime knows nothing of SQLite, HTTP or the UI; it never wires other parts.
  {
    files: ['sandbox/runtime/**/*.ts'],
    rules: restrict(named(['better-sqlite3', 'ws', 'node:http', 'http', 'electron', 'react'], 'sandbox/runtime knows nothing of SQLite, HTTP or the UI.'), [
      { group: ['**/store/**', '**/host/**', '**/service/**', '**/lab.ts', '**/renderer/**', '**/electron/**'], message: 'sandbox/runtime receives code and limits and reports what happened; it does not reach other parts.' },
    ]),
  },
  // Code that runs inside the isolate: no Node at all, nothing outside its folder but bundled pure packages.
  {
    files: ['sandbox/runtime/isolate/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: restrict(named(isolateForbidden, 'This code runs inside the isolate: Node built-ins do not exist there.'), [
      { group: ['../*', 'isolated-vm', 'better-sqlite3', 'esbuild', 'ws'], message: 'Isolate code imports only its own folder and pure bundled packages.' },
    ]),
  },
  {
    files: ['sandbox/runtime/isolate/*/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: restrict(named(isolateForbidden, 'This code runs inside the isolate: Node built-ins do not exist there.'), [
      { group: ['../../*', 'isolated-vm', 'better-sqlite3', 'esbuild', 'ws'], message: 'Isolate code imports only its own folder and pure bundled packages.' },
    ]),
  },
  // The store knows nothing of isolates; SQLite lives only here.
  {
    files: ['sandbox/store/**/*.ts'],
    rules: restrict(named(['isolated-vm', 'ws', 'electron', 'react'], 'sandbox/store only stores: no isolates, HTTP or UI.'), [
      { group: ['**/runtime/**', '**/host/**', '**/service/**', '**/lab.ts'], message: 'sandbox/store knows nothing of isolates or other parts.' },
    ]),
  },
  // Services talk to other parts through interfaces; type-only imports of their shapes are fine.
  {
    files: ['sandbox/service/**/*.ts', 'sandbox/observe/**/*.ts', 'sandbox/services/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: named(['better-sqlite3', 'isolated-vm', 'electron', 'react'], 'Services use the store and the runner through interfaces.'),
        patterns: [
          { group: ['**/runtime/**', '**/store/**'], allowTypeImports: true, message: 'Only types may be imported from runtime/ and store/; sandbox/lab.ts wires the parts.' },
          { group: ['**/host/**', '**/lab.ts'], message: 'Services do not reach the host or the composition root.' },
        ],
      }],
    },
  },
  // SQLite belongs to the store, isolates to the runtime.
  {
    files: ['sandbox/host/**/*.ts', 'sandbox/lab.ts'],
    rules: restrict(named(['better-sqlite3', 'electron', 'react'], 'Only sandbox/store uses SQLite; the host never imports the UI or Electron.'), [
      { group: ['**/renderer/**', '**/electron/**'], message: 'The engine must not import the UI or the desktop shell.' },
    ]),
  },
  // The renderer imports from sandbox/ only the contract, and no Node built-ins or native modules.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [
        ...named(nodeBuiltins, 'The renderer runs in a browser: no Node built-ins.'),
        ...named(['electron', 'isolated-vm', 'better-sqlite3', 'ws', 'esbuild'], 'The renderer talks to the engine only through the contract client.'),
      ],
      [{ group: ['**/sandbox/**', '!**/sandbox/api', '!**/sandbox/api/**', '**/electron/**'], message: 'The renderer may import only sandbox/api from the engine.' }],
    ),
  },
  // The desktop shell is thin: no engine parts, no UI code.
  {
    files: ['electron/**/*.ts'],
    rules: restrict(named(['isolated-vm', 'better-sqlite3', 'react'], 'electron/ holds no business logic.'), [
      { group: ['**/sandbox/**', '!**/sandbox/api', '!**/sandbox/api/**', '**/renderer/**'], message: 'electron/ launches the engine; it does not import its parts or the UI.' },
    ]),
  },
  // Lessons are content: they import no app code.
  {
    files: ['lessons/**/*.{ts,js,mjs}'],
    rules: restrict([], [{ group: ['**/sandbox/**', '**/renderer/**', '**/electron/**'], message: 'lessons/ is content and imports no app code.' }]),
  },
);

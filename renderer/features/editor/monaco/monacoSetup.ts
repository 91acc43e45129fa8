// Monaco, bundled and loaded as a chunk of its own (see loadMonaco.ts): the editor core, its
// editing features, and only the languages a Lambda function needs (JavaScript, TypeScript,
// JSON, YAML, Markdown). Nothing is fetched from a CDN. The language workers (TypeScript is
// megabytes) and the @types/aws-lambda declarations load only when a JavaScript/TypeScript or
// JSON model needs them, and not before the editor is on screen.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/markdown/register';
import * as jsonLanguage from 'monaco-editor/languages/features/json/register';
import * as typescriptLanguage from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { NODE_GLOBALS_DTS } from './nodeGlobals.ts';
import { registerLambdaSnippets } from './snippets.ts';

export type MonacoApi = typeof monaco;

let releaseWorkers: () => void = () => undefined;
const workersReleased = new Promise<void>((resolve) => {
  releaseWorkers = resolve;
});

self.MonacoEnvironment = {
  async getWorker(_workerId: string, label: string): Promise<Worker> {
    // Held back until the editor is on screen: a worker starting earlier competes for the CPU.
    await workersReleased;
    switch (label) {
      case 'typescript':
      case 'javascript': {
        const { default: TsWorker } = await import('monaco-editor/language/typescript/ts.worker?worker');
        return new TsWorker({ name: label });
      }
      case 'json': {
        const { default: JsonWorker } = await import('monaco-editor/language/json/json.worker?worker');
        return new JsonWorker({ name: label });
      }
      default:
        return new EditorWorker({ name: label });
    }
  },
};

const { typescriptDefaults, javascriptDefaults } = typescriptLanguage;

// TypeScript's numbers for options Monaco's enums do not list (TypeScript 5.9 in the worker).
const ES2022 = 9 as typescriptLanguage.ScriptTarget;
const BUNDLER_RESOLUTION = 100 as typescriptLanguage.ModuleResolutionKind;

const COMPILER_OPTIONS: typescriptLanguage.CompilerOptions = {
  target: ES2022,
  module: typescriptLanguage.ModuleKind.ESNext,
  moduleResolution: BUNDLER_RESOLUTION,
  allowJs: true,
  checkJs: false,
  allowNonTsExtensions: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  isolatedModules: true,
  noEmit: true,
  strict: true,
  skipLibCheck: true,
};

// JavaScript: syntax errors only (semantic checks of untyped code are mostly noise for a
// learner), while JSDoc types still drive completion and hover. TypeScript: full checking,
// except "cannot find module" for packages the lab cannot see.
javascriptDefaults.setCompilerOptions(COMPILER_OPTIONS);
javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false, noSuggestionDiagnostics: true });
typescriptDefaults.setCompilerOptions(COMPILER_OPTIONS);
typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [2307, 2792, 7016] });
// Every file of the function reaches the worker, open in a tab or not, so imports between files resolve.
javascriptDefaults.setEagerModelSync(true);
typescriptDefaults.setEagerModelSync(true);
jsonLanguage.jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, trailingCommas: 'error' });

const NODE_GLOBALS_PATH = 'file:///node_modules/@types/node/index.d.ts';
for (const defaults of [javascriptDefaults, typescriptDefaults]) defaults.addExtraLib(NODE_GLOBALS_DTS, NODE_GLOBALS_PATH);

let typesLoading: Promise<void> | undefined;
/** Adds @types/aws-lambda to both language services (once). */
function loadAwsLambdaTypes(): Promise<void> {
  typesLoading ??= import('./awsLambdaTypes.ts').then(({ AWS_LAMBDA_TYPES }) => {
    for (const defaults of [javascriptDefaults, typescriptDefaults]) {
      defaults.setExtraLibs([{ content: NODE_GLOBALS_DTS, filePath: NODE_GLOBALS_PATH }, ...AWS_LAMBDA_TYPES]);
    }
  });
  return typesLoading;
}

let released = false;
/**
 * Lets the language workers start: call once the editor shows its first file. The types load
 * first, so the TypeScript worker starts with them.
 */
export function allowLanguageWorkers(): void {
  if (released) return;
  released = true;
  const needsTypes = monaco.editor.getModels().some((m) => ['javascript', 'typescript'].includes(m.getLanguageId()));
  const start = needsTypes ? loadAwsLambdaTypes() : Promise.resolve();
  start.catch((e: unknown) => console.error('Lambda Lab: could not load the @types/aws-lambda declarations', e)).finally(releaseWorkers);
  if (!needsTypes) {
    for (const language of ['javascript', 'typescript']) {
      monaco.languages.onLanguageEncountered(language, () => void loadAwsLambdaTypes());
    }
  }
}

// Themes that match the lab's colours (light and dark follow the system).
monaco.editor.defineTheme('lab-light', { base: 'vs', inherit: true, rules: [], colors: { 'editor.background': '#ffffff' } });
monaco.editor.defineTheme('lab-dark', { base: 'vs-dark', inherit: true, rules: [], colors: { 'editor.background': '#1e1f22' } });

registerLambdaSnippets(monaco);

export { monaco };

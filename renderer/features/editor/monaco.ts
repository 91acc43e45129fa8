// Monaco, bundled: workers come from Vite (`?worker`), nothing is fetched from a CDN. The
// TypeScript worker (~11 MB) and the JSON worker load only when a model needs them.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker | Promise<Worker> {
    switch (label) {
      case 'typescript':
      case 'javascript':
        return import('monaco-editor/language/typescript/ts.worker?worker').then((m) => new m.default({ name: label }));
      case 'json':
        return import('monaco-editor/language/json/json.worker?worker').then((m) => new m.default({ name: label }));
      default:
        return new EditorWorker({ name: label });
    }
  },
};

// Handlers run on Node.js with modern JavaScript: tell the language service so.
for (const defaults of [monaco.typescript.javascriptDefaults, monaco.typescript.typescriptDefaults]) {
  defaults.setCompilerOptions({
    ...defaults.getCompilerOptions(),
    target: monaco.typescript.ScriptTarget.ESNext,
    module: monaco.typescript.ModuleKind.ESNext,
    moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
    allowJs: true,
    allowNonTsExtensions: true,
    esModuleInterop: true,
  });
}

loader.config({ monaco });

export { monaco };

// Bundles the in-isolate glue (isolate/entry.ts and what it imports) into one script.
// Used by the build (dist/engine/isolate-glue.js) and by tests that run environments in-process.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const GLUE_ENTRY = fileURLToPath(new URL('./isolate/entry.ts', import.meta.url));

export async function bundleGlue(entry: string = GLUE_ENTRY): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2023',
    minifySyntax: true,
    legalComments: 'none',
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no glue bundle');
  return file.text;
}

// Where a function's files live for Monaco: /var/task, as on Lambda, so that relative imports
// between the files resolve in IntelliSense the way they do at run time. Only the selected
// function's files have models at a time. Pure (Monaco builds the URIs with Uri.file).
export const TASK_ROOT = '/var/task/';

/** `lib/util.mjs` → `/var/task/lib/util.mjs` */
export function taskPath(path: string): string {
  return TASK_ROOT + path;
}

/** The file path of a model (its URI's decoded path) inside /var/task, or undefined for other models. */
export function pathOfModelPath(modelPath: string): string | undefined {
  return modelPath.startsWith(TASK_ROOT) ? modelPath.slice(TASK_ROOT.length) : undefined;
}

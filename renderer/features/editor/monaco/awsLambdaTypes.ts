// The text of every declaration file of @types/aws-lambda, bundled (Vite `?raw`) into a chunk of
// its own that loads only when a JavaScript or TypeScript file is opened.
const files = import.meta.glob<string>('../../../../node_modules/@types/aws-lambda/**/*.d.ts', { eager: true, query: '?raw', import: 'default' });

const PACKAGE_DIR = '/node_modules/@types/aws-lambda/';

/** `{ filePath: 'file:///node_modules/@types/aws-lambda/trigger/s3.d.ts', content }` for each file. */
export const AWS_LAMBDA_TYPES: { filePath: string; content: string }[] = Object.entries(files).map(([path, content]) => ({
  filePath: `file://${PACKAGE_DIR}${path.slice(path.indexOf(PACKAGE_DIR) + PACKAGE_DIR.length)}`,
  content,
}));

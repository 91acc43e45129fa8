/** Types for fetch-node-runtime.mjs (used by the tests). */
export const NODE_RUNTIMES: Readonly<Record<string, string>>;
export function runtimePackage(platform: string, arch: string): string;
export function runtimeDir(platform: string, arch: string, projectDir?: string): string;
export interface TarEntry {
  name: string;
  type: string;
  data: Buffer;
}
export function readTar(buffer: Buffer): TarEntry[];
export function fetchNodeRuntime(options?: { platform?: string; arch?: string; projectDir?: string; log?: (message: string) => void }): {
  dir: string;
  binary: string;
  version: string;
  package: string;
};

/** Types for electron-builder-hooks.mjs (used by the tests). */
export function packagingProblems(options: {
  platform: string;
  arch: string;
  hostPlatform?: string;
  hostArch?: string;
  exists?: (path: string) => boolean;
  projectDir?: string;
}): string[];
export function beforePack(context: { electronPlatformName: string; arch: number }): Promise<void>;

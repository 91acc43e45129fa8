/** Types for collect-notices.mjs (used by the tests). */
export interface ProductionPackage {
  name: string;
  version: string;
  dir: string;
}
export function productionPackages(projectDir?: string): ProductionPackage[];
export function composeNotices(options?: { projectDir?: string; samDir?: string; nodeLicense?: string; electronDir?: string }): { text: string; warnings: string[] };
export function findNodeLicense(projectDir?: string): string | undefined;

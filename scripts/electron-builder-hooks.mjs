// electron-builder hooks (electron-builder.yml `beforePack`). They stop a package that would not
// run before anything is copied:
// - the target must be this machine's OS and CPU: the engine's native modules (isolated-vm,
//   better-sqlite3) and esbuild's binary come from this machine's node_modules, built for Node 24
//   here (`npmRebuild: false`), so another OS or CPU would get the wrong binaries;
// - the Node runtime for the target must have been fetched (scripts/fetch-node-runtime.mjs);
// - the engine, the UI and the third-party notices must have been built.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** electron-builder's Arch enum (builder-util): ia32, x64, armv7l, arm64, universal. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** What must exist before packaging `platform`-`arch`; returns the problems found. */
export function packagingProblems({ platform, arch, hostPlatform = process.platform, hostArch = process.arch, exists = existsSync, projectDir = root }) {
  const problems = [];
  if (platform !== hostPlatform || arch !== hostArch) {
    problems.push(`this machine is ${hostPlatform}-${hostArch} but the target is ${platform}-${arch}: package each target on its own OS and CPU (the engine's native modules come from this machine's node_modules)`);
  }
  const node = join(projectDir, 'build', 'node', `${platform}-${arch}`, 'bin', platform === 'win32' ? 'node.exe' : 'node');
  if (!exists(node)) problems.push(`${node} is missing: run \`node scripts/fetch-node-runtime.mjs --platform ${platform} --arch ${arch}\``);
  for (const [file, how] of [
    ['dist/engine/cli.js', 'npm run build'],
    ['dist/engine/runner.js', 'npm run build'],
    ['out/main/main.js', 'npm run build'],
    ['out/preload/preload.cjs', 'npm run build'],
    ['out/renderer/index.html', 'npm run build'],
    ['build/notices/THIRD_PARTY_NOTICES.txt', 'npm run dist:notices'],
  ]) {
    if (!exists(join(projectDir, file))) problems.push(`${file} is missing: run \`${how}\``);
  }
  return problems;
}

export async function beforePack(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const problems = packagingProblems({ platform: context.electronPlatformName, arch });
  if (problems.length > 0) throw new Error(`Lambda Lab cannot be packaged yet:\n- ${problems.join('\n- ')}`);
}

// Writes build/notices/THIRD_PARTY_NOTICES.txt: the licenses of everything the packaged app
// ships: Electron, the engine's Node, the AWS SAM CLI event templates (their LICENSE and NOTICE)
// and every production npm package (from package-lock.json, as installed in node_modules).
// The About box offers it ("Third-Party Notices"); electron-builder.yml copies it to
// resources/notices/. Deterministic: the same tree gives the same file.
//
//   node scripts/collect-notices.mjs [--out <file>] [--sam <dir>] [--node-license <file>]
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;
const RULE = '-'.repeat(78);

/** The production packages installed for this project: [{ name, version, dir }], sorted. */
export function productionPackages(projectDir = root) {
  const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8'));
  const out = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || !path.includes('node_modules/') || entry.dev === true || entry.devOptional === true || entry.link === true) continue;
    const dir = join(projectDir, path);
    if (!existsSync(join(dir, 'package.json'))) continue; // an optional package for another platform
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    out.push({ name, version: entry.version ?? 'unknown', dir });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version) || a.dir.localeCompare(b.dir));
}

function licenseTexts(dir) {
  return readdirSync(dir)
    .filter((f) => LICENSE_FILE.test(f))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8').trim() }));
}

function licenseName(pkgJson) {
  const l = pkgJson.license ?? pkgJson.licenses;
  if (typeof l === 'string') return l;
  if (Array.isArray(l)) return l.map((x) => (typeof x === 'string' ? x : x.type)).join(' OR ');
  if (l !== undefined && typeof l === 'object') return l.type ?? 'unknown';
  return 'unknown';
}

/** One section of the notices file. */
function section(title, body) {
  return `${RULE}\n${title}\n${RULE}\n\n${body.trim()}\n`;
}

/**
 * The notices text. `samDir`: the SAM templates folder (resources/sam-events), or undefined when
 * this build does not ship them. Returns { text, warnings }.
 */
export function composeNotices({ projectDir = root, samDir, nodeLicense, electronDir } = {}) {
  const warnings = [];
  const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));
  const parts = [
    `Lambda Lab ${pkg.version}: third-party notices\n\n`
      + `Lambda Lab is released under the ${pkg.license} License. It ships the software listed below, each under\n`
      + 'its own license, whose text follows its name.\n',
  ];

  const eDir = electronDir ?? join(projectDir, 'node_modules', 'electron');
  const electronPkg = JSON.parse(readFileSync(join(eDir, 'package.json'), 'utf8'));
  parts.push(section(`Electron ${electronPkg.version} (${licenseName(electronPkg)})`,
    `${licenseTexts(eDir).map((l) => l.text).join('\n\n')}\n\n`
    + 'Electron includes Chromium and other components; their licenses are in LICENSES.chromium.html,\n'
    + "next to the Lambda Lab executable (or inside the app bundle's Resources on macOS)."));

  if (nodeLicense !== undefined && existsSync(nodeLicense)) {
    parts.push(section('Node.js (runs the Lambda Lab engine) (MIT, with the licenses of the software it bundles)', readFileSync(nodeLicense, 'utf8')));
  } else {
    warnings.push('no Node.js LICENSE found (fetch the runtime first: node scripts/fetch-node-runtime.mjs)');
  }

  if (samDir !== undefined && existsSync(samDir)) {
    const notice = join(samDir, 'NOTICE');
    const license = join(samDir, 'LICENSE');
    if (!existsSync(notice) || !existsSync(license)) throw new Error(`${samDir} must hold the templates' LICENSE and NOTICE (Apache-2.0 requires shipping both)`);
    parts.push(section('AWS SAM CLI event templates (Apache-2.0)',
      `NOTICE:\n\n${readFileSync(notice, 'utf8').trim()}\n\nLICENSE:\n\n${readFileSync(license, 'utf8').trim()}`));
  } else {
    parts.push(section('AWS SAM CLI event templates', 'Not included in this build.'));
  }

  for (const p of productionPackages(projectDir)) {
    const pj = JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8'));
    const texts = licenseTexts(p.dir);
    if (texts.length === 0) warnings.push(`${p.name}@${p.version} has no license file (license: ${licenseName(pj)})`);
    const body = texts.length === 0
      ? `License: ${licenseName(pj)} (the package has no license file${pj.homepage ? `; see ${pj.homepage}` : ''})`
      : texts.map((l) => (texts.length > 1 ? `${l.file}:\n\n${l.text}` : l.text)).join('\n\n');
    parts.push(section(`${p.name} ${p.version} (${licenseName(pj)})`, body));
  }
  return { text: parts.join('\n'), warnings };
}

/** The Node LICENSE to include: the fetched runtime's, else the one next to this Node (same project of origin). */
export function findNodeLicense(projectDir = root) {
  const fetched = join(projectDir, 'build', 'node');
  if (existsSync(fetched)) {
    for (const target of readdirSync(fetched).sort()) {
      const l = join(fetched, target, 'LICENSE');
      if (existsSync(l)) return l;
    }
  }
  const besideNode = join(dirname(dirname(process.execPath)), 'LICENSE');
  return existsSync(besideNode) ? besideNode : undefined;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, sam: { type: 'string' }, 'node-license': { type: 'string' } } });
  const out = resolve(values.out ?? join(root, 'build', 'notices', 'THIRD_PARTY_NOTICES.txt'));
  const { text, warnings } = composeNotices({
    samDir: resolve(values.sam ?? join(root, 'resources', 'sam-events')),
    nodeLicense: values['node-license'] ?? findNodeLicense(),
  });
  for (const w of warnings) process.stderr.write(`notices: ${w}\n`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`third-party notices written to ${out} (${Math.round(text.length / 1024)} KB)\n`);
}

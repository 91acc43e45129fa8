// Draws the app icon, build/icon.png (512×512 RGBA): an orange λ on a dark rounded square.
// Plain Node (zlib) writes the PNG; electron-builder makes the .icns/.ico and the Linux sizes
// from it. The output is deterministic, so the committed file can be re-created and compared.
//
//   node scripts/make-icon.mjs [output.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const BACKGROUND = [0x23, 0x2f, 0x3e]; // dark slate
const GLYPH = [0xff, 0x99, 0x00]; // orange

/** The λ as round-capped strokes: [x1, y1, x2, y2, half-width]. */
const STROKES = [
  [150, 118, 196, 118, 28], // the hook at the top
  [196, 118, 372, 398, 28], // the long leg
  [372, 398, 396, 398, 28], // its foot
  [274, 244, 142, 398, 28], // the short leg
];

function segmentDistance(px, py, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function inRoundedSquare(x, y, margin = 16, radius = 100) {
  const lo = margin;
  const hi = SIZE - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function inGlyph(x, y) {
  return STROKES.some((s) => segmentDistance(x, y, s) <= s[4]);
}

export function drawIcon() {
  const rowBytes = SIZE * 4 + 1;
  const raw = Buffer.alloc(rowBytes * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * rowBytes] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let bg = 0;
      let glyph = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = x + (sx + 0.5) / SAMPLES;
          const py = y + (sy + 0.5) / SAMPLES;
          if (!inRoundedSquare(px, py)) continue;
          if (inGlyph(px, py)) glyph++;
          else bg++;
        }
      }
      const covered = bg + glyph;
      const o = y * rowBytes + 1 + x * 4;
      if (covered === 0) continue; // transparent
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round((BACKGROUND[c] * bg + GLYPH[c] * glyph) / covered);
      raw[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(SIZE, SIZE, raw);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function encodePng(width, height, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(root, 'build', 'icon.png'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, drawIcon());
  process.stdout.write(`icon written to ${out}\n`);
}

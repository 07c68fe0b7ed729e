#!/usr/bin/env node
// @ts-check
// Writes demo/favicon.ico: a 16×16 and a 32×32 icon (a white card with a green check mark on the
// demo's navy), drawn pixel by pixel so the repository needs no image tools. Run it again only to
// change the icon; the .ico it writes is committed.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NAVY = [0x1d, 0x2b, 0x4a];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x1a, 0x7f, 0x37];
const RULE = [0xb8, 0xc0, 0xcc];

// Colour of pixel (x, y) in an n×n icon, in unit coordinates so both sizes share one drawing.
function pixel(x, y, n) {
  const u = (x + 0.5) / n;
  const v = (y + 0.5) / n;
  const r = 0.18; // corner radius of the navy tile
  const dx = Math.max(r - u, u - (1 - r), 0);
  const dy = Math.max(r - v, v - (1 - r), 0);
  if (dx * dx + dy * dy > r * r) return null; // transparent corner
  const inCard = u > 0.2 && u < 0.8 && v > 0.22 && v < 0.78;
  if (!inCard) return NAVY;
  // A check mark: two strokes, from (0.3,0.5) to (0.45,0.64) and on to (0.7,0.34).
  const near = (ax, ay, bx, by, w) => {
    const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) < w;
  };
  const stroke = n <= 16 ? 0.07 : 0.055;
  if (near(0.3, 0.5, 0.45, 0.64, stroke) || near(0.45, 0.64, 0.7, 0.34, stroke)) return GREEN;
  if (n > 16 && v > 0.7 && v < 0.73 && u > 0.28 && u < 0.72) return RULE;
  return WHITE;
}

// One icon image: BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, then the 1-bit AND mask.
function bitmap(n) {
  const maskRow = Math.ceil(n / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(n, 4);
  header.writeInt32LE(2 * n, 8); // ICO bitmaps count the mask in the height
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(n * n * 4 + n * maskRow, 20);
  const pixels = Buffer.alloc(n * n * 4);
  const mask = Buffer.alloc(n * maskRow);
  for (let row = 0; row < n; row++) {
    const y = n - 1 - row;
    for (let x = 0; x < n; x++) {
      const colour = pixel(x, y, n);
      const at = (row * n + x) * 4;
      if (!colour) {
        mask[row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
        continue;
      }
      pixels[at] = colour[2];
      pixels[at + 1] = colour[1];
      pixels[at + 2] = colour[0];
      pixels[at + 3] = 0xff;
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

function icon(sizes) {
  const images = sizes.map(bitmap);
  const directory = Buffer.alloc(6 + 16 * sizes.length);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(sizes.length, 4);
  let offset = directory.length;
  sizes.forEach((n, i) => {
    const entry = 6 + 16 * i;
    directory[entry] = n;
    directory[entry + 1] = n;
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(images[i].length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([directory, ...images]);
}

const out = fileURLToPath(new URL('favicon.ico', import.meta.url));
writeFileSync(out, icon([16, 32]));
console.log(`wrote ${out}`);

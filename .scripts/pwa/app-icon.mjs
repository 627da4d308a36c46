// The agent app's icons, drawn at build time as PNG (no image files in the repository, no image
// library): an indigo tile with a white switchboard jack (a ring around a dot). `maskable` fills
// the whole square and keeps the jack inside the 80 % safe zone, as launchers crop it to any shape.
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';

const INDIGO = [49, 46, 129]; // the app's theme colour, #312e81
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGBA image as a PNG file (colour type 6, 8 bits, no filter). */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of a pixel by a shape given as a signed distance (negative inside), antialiased over one pixel. */
const cover = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

/** The icon at `size` pixels; `maskable` for launchers that crop it. */
export function drawAppIcon(size, { maskable = false } = {}) {
  const rgba = Buffer.alloc(size * size * 4);
  const c = size / 2;
  const scale = maskable ? 0.8 : 1; // the jack stays inside the maskable safe zone
  const corner = size * 0.22;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // The tile: the full square when maskable, a rounded square otherwise.
      const qx = Math.max(Math.abs(px - c) - (c - corner), 0);
      const qy = Math.max(Math.abs(py - c) - (c - corner), 0);
      const tile = maskable ? 1 : cover(Math.hypot(qx, qy) - corner);
      const r = Math.hypot(px - c, py - c) / scale;
      const ring = cover(Math.abs(r - size * 0.27) - size * 0.06);
      const dot = cover(r - size * 0.1);
      const glyph = Math.max(ring, dot);
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(INDIGO[k] * (1 - glyph) + WHITE[k] * glyph);
      rgba[i + 3] = Math.round(255 * tile);
    }
  }
  return encodePng(size, rgba);
}

#!/usr/bin/env node
// Draws images/icon.png (128x128): a newspaper page whose text lines are kept in grey
// and one residue line is struck out in orange. No art is downloaded; run it again to
// regenerate the same bytes.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const W = 128;
const H = 128;
const px = new Uint8Array(W * H * 4);

function blend(x, y, [r, g, b], a = 1) {
  if (x < 0 || y < 0 || x >= W || y >= H || a <= 0) return;
  const i = (y * W + x) * 4;
  const sa = px[i + 3] / 255;
  const oa = a + sa * (1 - a);
  const mix = (c, d) => (oa ? Math.round((c * a + d * sa * (1 - a)) / oa) : 0);
  px[i] = mix(r, px[i]);
  px[i + 1] = mix(g, px[i + 1]);
  px[i + 2] = mix(b, px[i + 2]);
  px[i + 3] = Math.round(oa * 255);
}

/** Rounded rectangle with a one-pixel soft edge (4x4 supersampling for coverage). */
function roundRect(x0, y0, x1, y1, radius, color) {
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++)
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      let inside = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px_ = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          const cx = Math.min(Math.max(px_, x0 + radius), x1 - radius);
          const cy = Math.min(Math.max(py, y0 + radius), y1 - radius);
          if (px_ >= x0 && px_ <= x1 && py >= y0 && py <= y1 && (px_ - cx) ** 2 + (py - cy) ** 2 <= radius * radius) inside++;
        }
      blend(x, y, color, inside / 16);
    }
}

const NAVY = [27, 54, 93];
const PAPER = [247, 244, 236];
const INK = [60, 64, 72];
const GREY = [150, 154, 160];
const ORANGE = [240, 120, 32];

roundRect(0, 0, 128, 128, 22, NAVY);
roundRect(24, 14, 104, 114, 6, PAPER);
roundRect(32, 24, 96, 34, 3, INK); // headline
const lines = [42, 50, 58, 74, 82, 98];
for (const y of lines) roundRect(32, y, y === 82 ? 78 : 96, y + 4, 2, GREY);
roundRect(32, 64, 96, 70, 3, [250, 205, 160]); // the residue line, faded...
roundRect(27, 65.5, 101, 68.5, 1.5, ORANGE); // ...and struck out
roundRect(32, 90, 64, 94, 2, GREY);
roundRect(32, 106, 70, 110, 2, GREY);

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) {
  raw[y * (W * 4 + 1)] = 0; // filter: none
  Buffer.from(px.buffer, y * W * 4, W * 4).copy(raw, y * (W * 4 + 1) + 1);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(__dirname, '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);

// A minimal PNG decoder for tests: 8-bit grayscale/RGB/RGBA (+alpha), non-interlaced, which is what
// resvg writes. Enough to assert "the image decodes and shows N bars" without an image library.
import { inflateSync } from "node:zlib";

/** A decoded image: RGBA bytes, row by row. */
export interface DecodedPng {
  width: number;
  height: number;
  /** width * height * 4 bytes: r, g, b, a. */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(SIGNATURE);
}

/** Width and height from the IHDR chunk, without decoding pixels. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!isPng(bytes) || bytes.toString("latin1", 12, 16) !== "IHDR") throw new Error("not a PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decode a PNG into RGBA pixels; throws on formats this helper does not handle. */
export function decodePng(bytes: Buffer): DecodedPng {
  const { width, height } = pngSize(bytes);
  const bitDepth = bytes[24];
  const colorType = bytes[25];
  const interlace = bytes[28];
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType ?? -1];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  }
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    if (type === "IDAT") idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = unfilter(raw, stride, height, channels);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const gray = channels <= 2;
    rgba[i * 4] = pixels[p] ?? 0;
    rgba[i * 4 + 1] = pixels[gray ? p : p + 1] ?? 0;
    rgba[i * 4 + 2] = pixels[gray ? p : p + 2] ?? 0;
    rgba[i * 4 + 3] = channels === 4 ? pixels[p + 3] ?? 255 : channels === 2 ? pixels[p + 1] ?? 255 : 255;
  }
  return { width, height, rgba };
}

/** Undo the per-scanline filters (None, Sub, Up, Average, Paeth) of PNG section 9. */
function unfilter(raw: Buffer, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const a = x >= bpp ? out[row + x - bpp] ?? 0 : 0;
      const b = y > 0 ? out[row - stride + x] ?? 0 : 0;
      const c = x >= bpp && y > 0 ? out[row - stride + x - bpp] ?? 0 : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) predictor = paeth(a, b, c);
      else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      out[row + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The [r, g, b, a] of a pixel. */
export function pixelAt(image: DecodedPng, x: number, y: number): [number, number, number, number] {
  const i = (y * image.width + x) * 4;
  return [image.rgba[i] ?? 0, image.rgba[i + 1] ?? 0, image.rgba[i + 2] ?? 0, image.rgba[i + 3] ?? 0];
}

/** Parse "#rrggbb". */
export function hexColor(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** Number of horizontal runs of pixels of `color` (within `tolerance` per channel) in row y. */
export function colorRunsInRow(image: DecodedPng, y: number, color: string, tolerance = 12): number {
  const [r, g, b] = hexColor(color);
  let runs = 0;
  let inRun = false;
  for (let x = 0; x < image.width; x++) {
    const [pr, pg, pb] = pixelAt(image, x, y);
    const match = Math.abs(pr - r) <= tolerance && Math.abs(pg - g) <= tolerance && Math.abs(pb - b) <= tolerance;
    if (match && !inRun) runs++;
    inRun = match;
  }
  return runs;
}

/**
 * Bars of a bar chart, counted from pixels: the most runs of `color` found in any row. Near the
 * axis every non-empty bar crosses the same row, so this is the number of visible bars.
 */
export function countBars(image: DecodedPng, color: string, tolerance = 12): number {
  let most = 0;
  for (let y = 0; y < image.height; y++) most = Math.max(most, colorRunsInRow(image, y, color, tolerance));
  return most;
}

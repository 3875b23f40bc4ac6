/**
 * @module emulator/steam/cdn/picture
 * Draws the picture of an item icon from its hash: one of a few silhouettes (a rifle, a coin,
 * a gem, a card) in a colour taken from the hash, shaded top to bottom, on a transparent
 * background. Deterministic: the same hash and size give the same pixels.
 */
import { hash32 } from '../random.js';

type Shape = (x: number, y: number) => boolean;

/** Shapes in unit coordinates (0..1 both ways, y down). */
const SHAPES: Shape[] = [
  // A rifle: barrel, body, grip, magazine, stock.
  (x, y) =>
    (x > 0.08 && x < 0.92 && y > 0.36 && y < 0.46) ||
    (x > 0.3 && x < 0.7 && y > 0.3 && y < 0.52) ||
    (x > 0.55 && x < 0.62 && y > 0.5 && y < 0.72) ||
    (x > 0.4 && x < 0.5 && y > 0.5 && y < 0.66) ||
    (x > 0.7 && x < 0.92 && y > 0.38 && y < 0.6 - (x - 0.7) * 0.3),
  // A coin.
  (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 < 0.1,
  // A gem.
  (x, y) => Math.abs(x - 0.5) * 1.2 + Math.abs(y - 0.5) < 0.38,
  // A card.
  (x, y) => x > 0.28 && x < 0.72 && y > 0.16 && y < 0.84,
];

export function drawIcon(hash: string, width: number, height: number): Uint8Array {
  const seed = hash32(hash);
  const shape = SHAPES[seed % SHAPES.length] as Shape;
  const [r, g, b] = hslToRgb(((seed >>> 8) % 360) / 360, 0.55, 0.55);
  const pixels = new Uint8Array(width * height * 4);
  // Square-ish drawing area centred in the image, so wide icons keep their proportions.
  const side = Math.min(width, height);
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  for (let py = 0; py < height; py++) {
    const y = (py + 0.5 - top) / side;
    const shade = 1.25 - y * 0.5;
    for (let px = 0; px < width; px++) {
      const x = (px + 0.5 - left) / side;
      if (!shape(x, y)) continue;
      const i = (py * width + px) * 4;
      pixels[i] = Math.min(255, r * shade);
      pixels[i + 1] = Math.min(255, g * shade);
      pixels[i + 2] = Math.min(255, b * shade);
      pixels[i + 3] = 255;
    }
  }
  return pixels;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h * 12) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

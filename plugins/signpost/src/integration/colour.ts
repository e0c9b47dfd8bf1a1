/**
 * Colour arithmetic for the branding options: WCAG contrast ratios, and a dark-mode variant of
 * a light-mode accent that keeps links readable.
 */
export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.2 relative luminance. */
function luminance(colour: Rgb): number {
  const [r, g, b] = colour.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, from 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour mixed with white in small steps until it reaches `ratio` against `background`. */
export function lighten(colour: Rgb, background: Rgb, ratio: number): string {
  for (let step = 0; step <= 20; step++) {
    const amount = step / 20;
    const mixed: Rgb = [0, 1, 2].map((index) => colour[index]! + (255 - colour[index]!) * amount) as unknown as Rgb;
    if (contrast(mixed, background) >= ratio) return toHex(mixed);
  }
  return '#ffffff';
}

/** Black or white text on a background, whichever contrasts more. */
export function readableOn(background: Rgb): string {
  return contrast([255, 255, 255], background) >= contrast([11, 19, 32], background) ? '#ffffff' : '#0b1320';
}

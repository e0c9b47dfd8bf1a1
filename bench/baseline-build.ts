/**
 * Builds the benchmark's baseline, a plain Astro project of MDX pages, and prints the build
 * call's time and the peak memory as JSON: `node bench/baseline-build.ts <project folder>`.
 * The benchmark times the whole run of this script, as it times `signpost build`'s.
 */
import { build } from 'astro';

const root = process.argv[2];
if (!root) throw new Error('give the baseline project folder');
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const start = performance.now();
await build({ root, logLevel: 'error' });
process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, rssKb: process.resourceUsage().maxRSS })}\n`);

#!/usr/bin/env node
/**
 * `npm run preview`: serves the built `dist/` at http://localhost:4321/ with Astro's preview
 * server. Astro's usage telemetry is off: Signpost sends nothing anywhere by default.
 */
import { preview } from 'astro';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
await preview({ root: process.cwd() });

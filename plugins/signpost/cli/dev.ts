#!/usr/bin/env node
/**
 * `npm run dev -- [DIR]`: the writer's server at http://localhost:4321/. Saving a guide file
 * checks the guide again, prints the report here, and reloads the page in the browser, which
 * shows the problems (file, line, column) until they are fixed.
 */
import { resolve } from 'node:path';
import { dev } from 'astro';
import { checkEnvironment, clearViteModeVariables, writerCwd } from './common.ts';

checkEnvironment('dev');
const cwd = writerCwd('dev');
const dir = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (dir) process.env['SIGNPOST_GUIDES'] = resolve(cwd, dir);
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
clearViteModeVariables();

const port = Number(process.env['PORT'] ?? 4321);
await dev({ root: process.cwd(), server: { port, host: '127.0.0.1' } });

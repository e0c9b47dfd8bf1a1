/**
 * The engine the paste matcher runs patterns on (re2js, linear time in the text), in a chunk of
 * its own: scripts/paste.ts loads it when the first paste is matched, so that no other page
 * load, search or focus pays for it.
 */
export { RE2JS } from 're2js';

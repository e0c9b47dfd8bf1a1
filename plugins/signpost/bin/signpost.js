#!/usr/bin/env node
// The `signpost` command. It lives outside dist/ so that npm can link it when it installs the
// package, before `npm install` builds dist/ (see scripts/build.mjs).
import module from 'node:module';

// Node keeps the compiled code of the modules a command loads (in the system's temporary
// folder), so that every run after the first starts faster: `check` is run on every save.
module.enableCompileCache?.();
await import('../dist/bin/signpost.js');

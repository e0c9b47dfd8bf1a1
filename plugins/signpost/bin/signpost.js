#!/usr/bin/env node
// The `signpost` command. It lives outside dist/ so that npm can link it when it installs the
// package, before `npm install` builds dist/ (see scripts/build.mjs).
import '../dist/bin/signpost.js';

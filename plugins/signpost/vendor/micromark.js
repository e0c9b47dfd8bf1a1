/**
 * The entry of `#micromark`, the Markdown parser Signpost parses guides with:
 * mdast-util-from-markdown and micromark as published, bundled by scripts/build.mjs with the
 * vendored `EditMap` (./micromark-util-edit-map) in place of upstream's. `EditMap` is exported
 * so that a test can see the class the bundled tokenizers use.
 */
export { fromMarkdown } from 'mdast-util-from-markdown';
export { EditMap } from './micromark-util-edit-map/index.js';

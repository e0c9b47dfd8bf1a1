/**
 * Reads a component directive: its attributes against the component's schema, and the files
 * it shows. What is wrong with one (no label, no alt text, a `tab` outside `tabs`, a file of
 * the wrong type) the file rules read from the component extraction noted, with its attributes
 * as read.
 *
 * ```mdx
 * ::::tabs
 * :::tab[Windows]
 * Press :kbd[Ctrl+C].
 * :::
 * :::tab[macOS]
 * Press :kbd[Cmd+C].
 * :::
 * ::::
 * ```
 */
import type { VFile } from 'vfile';
import type { FileRef } from '../graph/model.ts';
import { COMPONENT_SCHEMAS, IMAGE_EXTENSIONS, VIDEO_EXTENSIONS } from '../schemas/components.ts';
import { readAttributes } from './attributes.ts';
import { attributePlace, type Directive } from './directives.ts';
import { imageTarget, type References } from './content-refs.ts';
import { note } from './file-model.ts';
import { unsafeUrlAttributes } from './mdx-check.ts';
import { extensionOf, urlTarget } from './urls.ts';
import type { ComponentName } from './vocabulary.ts';

/** A file a component shows: the attribute that names it, what it is, the extensions it may have. */
export interface MediaAttribute {
  attribute: 'src' | 'poster' | 'captions';
  kind: Extract<FileRef['kind'], 'image' | 'video' | 'poster' | 'captions'>;
  extensions: readonly string[];
}

const MEDIA: Partial<Record<ComponentName, readonly MediaAttribute[]>> = {
  image: [{ attribute: 'src', kind: 'image', extensions: IMAGE_EXTENSIONS }],
  screenshot: [{ attribute: 'src', kind: 'image', extensions: IMAGE_EXTENSIONS }],
  video: [
    { attribute: 'src', kind: 'video', extensions: VIDEO_EXTENSIONS },
    { attribute: 'poster', kind: 'poster', extensions: IMAGE_EXTENSIONS },
    { attribute: 'captions', kind: 'captions', extensions: ['vtt'] },
  ],
};

/** The files a component shows, in the order its attributes are read. */
export function mediaAttributes(name: ComponentName): readonly MediaAttribute[] {
  return MEDIA[name] ?? [];
}

/**
 * Whether a component may show the file at `url`: beside the guide with one of the extensions,
 * a page of the site, or (for an image or a poster) on the web.
 */
function mediaShown(url: string, media: MediaAttribute): boolean {
  const target = urlTarget(url);
  if (target.kind === 'external') return media.kind === 'image' || media.kind === 'poster';
  return target.kind !== 'file' || media.extensions.includes(extensionOf(target.path));
}

/** Reads a component directive: its attributes, and the files it shows into `refs`. */
export function readComponent(directive: Directive, name: ComponentName, refs: References, file: VFile): void {
  const attributes = readAttributes(directive, COMPONENT_SCHEMAS[name], file) as Record<string, unknown>;
  // A `javascript:` or `data:` file is reported as such, and not looked for beside the guide.
  note(file, { type: 'url-attributes', directive });
  for (const unsafe of unsafeUrlAttributes(directive)) delete attributes[unsafe];
  note(file, { type: 'component', directive, name, attributes });
  for (const media of mediaAttributes(name)) {
    const url = attributes[media.attribute];
    if (typeof url === 'string' && mediaShown(url, media)) imageTarget(url, attributePlace(directive, media.attribute), refs, media.kind);
  }
}

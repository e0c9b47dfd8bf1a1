/**
 * Reads a component directive: its attributes against the component's schema, the files it
 * shows, its alt text, and where it stands (a `tab` only directly inside `tabs`).
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
import { flag } from '../problems.ts';
import { say } from '../rules/catalogue.ts';
import { COMPONENT_SCHEMAS, IMAGE_EXTENSIONS, VIDEO_EXTENSIONS } from '../schemas/components.ts';
import { readAttributes } from './attributes.ts';
import { attributePlace, isDirective, labelText, openingOf, type Directive } from './directives.ts';
import { imageTarget, type References } from './content-refs.ts';
import { extensionOf, urlTarget } from './urls.ts';
import { checkAttributeUrls } from './mdx-check.ts';
import type { ComponentName } from './vocabulary.ts';
import { visibleText } from './visible.ts';

/** Tabs found directly inside a `tabs`, so that a `tab` anywhere else is reported. */
const placedTabs = new WeakSet<Directive>();

export function readComponent(directive: Directive, name: ComponentName, refs: References, file: VFile): void {
  const attributes = readAttributes(directive, COMPONENT_SCHEMAS[name], file) as Record<string, unknown>;
  // A `javascript:` or `data:` file is reported as such, and not looked for beside the guide.
  for (const unsafe of checkAttributeUrls(directive, file)) delete attributes[unsafe];
  switch (name) {
    case 'kbd':
      if (!labelText(directive)) flag(file, say('missing-title', 'kbd'), openingOf(directive));
      return;
    case 'details':
      if (!labelText(directive)) {
        flag(file, say('missing-title', 'details'), openingOf(directive));
      }
      emptyBody(directive, name, file);
      return;
    case 'tabs':
      readTabs(directive, file);
      return;
    case 'tab':
      if (!placedTabs.has(directive)) {
        flag(file, say('misplaced-directive', 'tabOutsideTabs'), openingOf(directive));
      }
      if (!labelText(directive)) flag(file, say('missing-title', 'tab'), openingOf(directive));
      emptyBody(directive, name, file);
      return;
    case 'image':
    case 'screenshot': {
      if (typeof attributes['alt'] !== 'string' || !attributes['alt']) {
        flag(file, say('missing-alt', 'missing', `\`::${name}{src="…" alt="What the image shows"}\``), attributePlace(directive, 'alt'));
      }
      const src = attributes['src'];
      if (typeof src === 'string') mediaFile(src, 'image', IMAGE_EXTENSIONS, directive, 'src', refs, file);
      return;
    }
    case 'video': {
      const src = attributes['src'];
      if (typeof src === 'string') mediaFile(src, 'video', VIDEO_EXTENSIONS, directive, 'src', refs, file);
      const poster = attributes['poster'];
      if (typeof poster === 'string') mediaFile(poster, 'poster', IMAGE_EXTENSIONS, directive, 'poster', refs, file);
      const captions = attributes['captions'];
      if (typeof captions === 'string') mediaFile(captions, 'captions', ['vtt'], directive, 'captions', refs, file);
      return;
    }
  }
}

/** The children of `tabs`: only `tab`s, at least two. */
function readTabs(directive: Directive, file: VFile): void {
  let tabs = 0;
  for (const child of directive.children) {
    if (isDirective(child) && child.name === 'tab' && child.type === 'containerDirective') {
      placedTabs.add(child);
      tabs++;
    } else if (child.type !== 'mdxFlowExpression') {
      flag(file, say('misplaced-directive', 'notATab'), child.position);
    }
  }
  if (tabs < 2) flag(file, say('misplaced-directive', 'tooFewTabs', tabs), openingOf(directive));
}

function emptyBody(directive: Directive, name: string, file: VFile): void {
  const label = directive.type === 'containerDirective' ? directive.children[0] : undefined;
  const body = directive.children.filter((child) => child !== label || !(child.type === 'paragraph' && child.data?.directiveLabel));
  if (!visibleText({ type: 'paragraph', children: body as never })) {
    flag(file, say('empty-content', 'component', name), openingOf(directive));
  }
}

/** A component's file, which must be beside the guide and of the right type. */
function mediaFile(
  url: string,
  kind: 'image' | 'video' | 'poster' | 'captions',
  extensions: readonly string[],
  directive: Directive,
  attribute: string,
  refs: References,
  file: VFile,
): void {
  const place = attributePlace(directive, attribute);
  const target = urlTarget(url);
  if (target.kind === 'external' && kind !== 'image' && kind !== 'poster') {
    flag(file, say('broken-image', 'notBeside', directive.name, url), place);
    return;
  }
  if (target.kind === 'file' && !extensions.includes(extensionOf(target.path))) {
    flag(file, say('broken-image', 'wrongType', attribute, directive.name, extensions, target.path), place);
    return;
  }
  imageTarget(url, place, refs, file, kind);
}

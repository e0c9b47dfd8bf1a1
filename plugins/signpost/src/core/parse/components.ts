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
import { brokenImageRule } from '../rules/broken-image.ts';
import { emptyContentRule } from '../rules/empty-content.ts';
import { misplacedDirectiveRule } from '../rules/misplaced-directive.ts';
import { missingAltRule } from '../rules/missing-alt.ts';
import { missingTitleRule } from '../rules/missing-title.ts';
import type { VFile } from 'vfile';
import { flag } from '../problems.ts';
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
      if (!labelText(directive)) flag(file, missingTitleRule.say('kbd'), openingOf(directive));
      return;
    case 'details':
      if (!labelText(directive)) {
        flag(file, missingTitleRule.say('details'), openingOf(directive));
      }
      emptyBody(directive, name, file);
      return;
    case 'tabs':
      readTabs(directive, file);
      return;
    case 'tab':
      if (!placedTabs.has(directive)) {
        flag(file, misplacedDirectiveRule.say('tabOutsideTabs'), openingOf(directive));
      }
      if (!labelText(directive)) flag(file, missingTitleRule.say('tab'), openingOf(directive));
      emptyBody(directive, name, file);
      return;
    case 'image':
    case 'screenshot': {
      if (typeof attributes['alt'] !== 'string' || !attributes['alt']) {
        flag(file, missingAltRule.say('missing', `\`::${name}{src="…" alt="What the image shows"}\``), attributePlace(directive, 'alt'));
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
      flag(file, misplacedDirectiveRule.say('notATab'), child.position);
    }
  }
  if (tabs < 2) flag(file, misplacedDirectiveRule.say('tooFewTabs', tabs), openingOf(directive));
}

function emptyBody(directive: Directive, name: string, file: VFile): void {
  const label = directive.type === 'containerDirective' ? directive.children[0] : undefined;
  const body = directive.children.filter((child) => child !== label || !(child.type === 'paragraph' && child.data?.directiveLabel));
  if (!visibleText({ type: 'paragraph', children: body as never })) {
    flag(file, emptyContentRule.say('component', name), openingOf(directive));
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
    flag(file, brokenImageRule.say('notBeside', directive.name, url), place);
    return;
  }
  if (target.kind === 'file' && !extensions.includes(extensionOf(target.path))) {
    flag(file, brokenImageRule.say('wrongType', attribute, directive.name, extensions, target.path), place);
    return;
  }
  imageTarget(url, place, refs, file, kind);
}

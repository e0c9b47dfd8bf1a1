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
import { COMPONENT_SCHEMAS, IMAGE_EXTENSIONS, VIDEO_EXTENSIONS } from '../schemas/components.ts';
import { readAttributes } from './attributes.ts';
import { attributePlace, isDirective, labelText, openingOf, type Directive } from './directives.ts';
import { imageTarget, missingAlt, type References } from './content-refs.ts';
import { extensionOf, urlTarget } from './urls.ts';
import type { ComponentName } from './vocabulary.ts';
import { visibleText } from './visible.ts';

/** Tabs found directly inside a `tabs`, so that a `tab` anywhere else is reported. */
const placedTabs = new WeakSet<Directive>();

export function readComponent(directive: Directive, name: ComponentName, refs: References, file: VFile): void {
  const attributes = readAttributes(directive, COMPONENT_SCHEMAS[name], file) as Record<string, unknown>;
  switch (name) {
    case 'kbd':
      if (!labelText(directive)) flag(file, 'missing-title', '`kbd` has no keys; write them as `:kbd[Ctrl+C]`', openingOf(directive));
      return;
    case 'details':
      if (!labelText(directive)) {
        flag(file, 'missing-title', '`details` has no summary; write it as `:::details[What the reader opens]`', openingOf(directive));
      }
      emptyBody(directive, name, file);
      return;
    case 'tabs':
      readTabs(directive, file);
      return;
    case 'tab':
      if (!placedTabs.has(directive)) {
        flag(
          file,
          'misplaced-directive',
          '`tab` belongs directly inside `tabs`; put the tabs together in `::::tabs` … `::::`',
          openingOf(directive),
        );
      }
      if (!labelText(directive)) flag(file, 'missing-title', '`tab` has no label; write it as `:::tab[Windows]`', openingOf(directive));
      emptyBody(directive, name, file);
      return;
    case 'image':
    case 'screenshot': {
      if (typeof attributes['alt'] !== 'string' || !attributes['alt']) {
        flag(file, 'missing-alt', missingAlt(`\`::${name}{src="…" alt="What the image shows"}\``), attributePlace(directive, 'alt'));
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
      flag(file, 'misplaced-directive', '`tabs` holds only `:::tab[Label]` … `:::` directives; move this into a tab', child.position);
    }
  }
  if (tabs < 2)
    flag(
      file,
      'misplaced-directive',
      `\`tabs\` has ${tabs} tab${tabs === 1 ? '' : 's'}; give it two or more \`:::tab[Label]\`, or drop \`tabs\``,
      openingOf(directive),
    );
}

function emptyBody(directive: Directive, name: string, file: VFile): void {
  const label = directive.type === 'containerDirective' ? directive.children[0] : undefined;
  const body = directive.children.filter((child) => child !== label || !(child.type === 'paragraph' && child.data?.directiveLabel));
  if (!visibleText({ type: 'paragraph', children: body as never })) {
    flag(file, 'empty-content', `\`${name}\` shows nothing; write its content between its fences, or delete it`, openingOf(directive));
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
    flag(
      file,
      'broken-image',
      `\`${directive.name}\` plays files beside the guide only, not \`${url}\`; save the file in the guide folder and give its path, such as \`./video/demo.mp4\``,
      place,
    );
    return;
  }
  if (target.kind === 'file' && !extensions.includes(extensionOf(target.path))) {
    flag(
      file,
      'broken-image',
      `\`${attribute}\` of \`${directive.name}\` must be a ${extensions.map((ext) => `\`.${ext}\``).join(', ')} file, not \`${target.path}\``,
      place,
    );
    return;
  }
  imageTarget(url, place, refs, file, kind);
}

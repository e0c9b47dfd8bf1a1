/**
 * `broken-image`: an image or video whose file is missing, outside the guide or of the wrong
 * type. A file rule for what the text shows (an image naming a node, a component's file of the
 * wrong type or on the web): it reads the images of the nodes' content and the components
 * extraction read. Whether each file exists and is what it says is checked on every run, over
 * the whole guide (broken-file.ts). `docs/broken-image.md` explains it.
 */
import { attributePlace } from '../parse/directives.ts';
import { extensionOf, urlTarget } from '../parse/urls.ts';
import { isSafeUrl } from '../parse/mdx-policy.ts';
import { jsxAttribute } from '../parse/content-refs.ts';
import { mediaAttributes } from '../parse/components.ts';
import type { Position } from 'unist';
import type { Report } from './define.ts';
import { code, FILE_MESSAGES } from './words.ts';
import { factsOfTypes } from '../parse/file-model.ts';
import { defineRule } from './define.ts';

export const brokenImageRule = defineRule(
  {
    id: 'broken-image',
    severity: 'error',
    summary: 'an image or video whose file is missing, outside the guide or of the wrong type',
    messages: {
      ...FILE_MESSAGES,
      notANode: (id: string) => `An image cannot show node ${code(id)}; give the image file beside the guide, such as \`./img/screen.png\``,
      notBeside: (component: string, url: string) =>
        `${code(component)} plays files beside the guide only, not ${code(url)}; save the file in the guide folder and give its path, such as \`./video/demo.mp4\``,
      wrongType: (attribute: string, component: string, extensions: readonly string[], path: string) =>
        `${code(attribute)} of ${code(component)} must be a ${extensions.map((ext) => code(`.${ext}`)).join(', ')} file, not ${code(path)}`,
      notAnImage: (path: string, extensions: readonly string[]) =>
        `${code(path)} is not an image Signpost shows; use a ${extensions.map((ext) => code(`.${ext}`)).join(', ')} file`,
    },
  },
  (file, report) => {
    for (const fact of factsOfTypes(file, ['component', 'markdown'])) {
      if (fact.type === 'component') {
        const { directive, name, attributes } = fact;
        for (const { attribute, kind, extensions } of mediaAttributes(name)) {
          const url = attributes[attribute];
          if (typeof url !== 'string') continue;
          const place = attributePlace(directive, attribute);
          const target = urlTarget(url);
          if (target.kind === 'external' && kind !== 'image' && kind !== 'poster') {
            report(brokenImageRule.say('notBeside', directive.name, url), place);
          } else if (target.kind === 'file' && !extensions.includes(extensionOf(target.path))) {
            report(brokenImageRule.say('wrongType', attribute, directive.name, extensions, target.path), place);
          } else {
            namesNode(url, place, report);
          }
        }
        continue;
      }
      if (fact.type !== 'markdown' || !fact.content) continue;
      const { node } = fact;
      if (node.type === 'image' && isSafeUrl(node.url)) {
        namesNode(node.url, node.position, report);
      } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
        const src = jsxAttribute(node, 'src');
        if (typeof src?.value === 'string' && isSafeUrl(src.value)) namesNode(src.value, src.position ?? node.position, report);
      }
    }
  },
);

/** An image's URL that names a node (`#id`): a page is not an image. */
function namesNode(url: string, place: Position | undefined, report: Report): void {
  if (!place) return;
  const target = urlTarget(url);
  if (target.kind === 'node') report(brokenImageRule.say('notANode', target.id), place);
}

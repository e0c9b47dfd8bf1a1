/**
 * `broken-image`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/broken-image.md` explains it.
 */
import { defineRule } from './define.ts';
import { code, FILE_MESSAGES } from './words.ts';

export const brokenImageRule = defineRule({
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
});

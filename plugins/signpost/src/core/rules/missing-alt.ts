/**
 * `missing-alt`: an image without alt text saying what it shows. A file rule: it reads the
 * images of the nodes' content (Markdown's `![…](…)`, `<img>`) and the `image` and `screenshot`
 * components extraction read. `docs/missing-alt.md` explains it.
 */
import { attributePlace } from '../parse/directives.ts';
import { jsxAttribute } from '../parse/content-refs.ts';
import { factsOfTypes } from '../parse/file-model.ts';
import { defineRule } from './define.ts';

export const missingAltRule = defineRule(
  {
    id: 'missing-alt',
    severity: 'error',
    summary: 'an image without alt text saying what it shows',
    messages: {
      /** `how` shows the writer how to add it, in the syntax they used. */
      missing: (how: string) => `This image has no alt text; say what it shows for readers who cannot see it: ${how}`,
    },
  },
  (file, report) => {
    for (const fact of factsOfTypes(file, ['component', 'markdown'])) {
      if (fact.type === 'component') {
        const { directive, name, attributes } = fact;
        if ((name === 'image' || name === 'screenshot') && (typeof attributes['alt'] !== 'string' || !attributes['alt'])) {
          report(missingAltRule.say('missing', `\`::${name}{src="…" alt="What the image shows"}\``), attributePlace(directive, 'alt'));
        }
        continue;
      }
      if (fact.type !== 'markdown' || !fact.content) continue;
      const { node } = fact;
      if (node.type === 'image' && !node.alt?.trim()) {
        report(missingAltRule.say('missing', '`![What the image shows](…)`'), node.position);
      } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
        const alt = jsxAttribute(node, 'alt');
        if (typeof alt?.value !== 'string' || !alt.value.trim()) {
          report(missingAltRule.say('missing', '`<img src="…" alt="What the image shows">`'), alt?.position ?? node.position);
        }
      }
    }
  },
);

/**
 * `unsafe-url`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/unsafe-url.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const unsafeUrlRule = defineRule({
  id: 'unsafe-url',
  severity: 'error',
  summary: 'a link, image or component URL with a protocol other than http, https, mailto or tel',
  messages: {
    protocol: (what: 'link' | 'image', shown: string, protocols: readonly string[]) =>
      `This ${what} URL ${code(shown)} uses a protocol pages may not carry; use ${protocols.map((p) => code(`${p}:`)).join(', ')} or a relative URL`,
    attribute: (attribute: string, component: string, shown: string, protocols: readonly string[]) =>
      `${code(attribute)} of ${code(component)} is the URL ${code(shown)}, whose protocol pages may not carry; use ${protocols.map((p) => code(`${p}:`)).join(', ')} or a relative URL`,
  },
});

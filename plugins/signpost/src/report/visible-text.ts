/**
 * Writer's text as it may be echoed to a terminal or into review output: the characters that
 * control a terminal or reorder text instead of showing themselves are written as `\u001b`.
 * Guides come from many hands; a title holding `ESC [2K` must not erase a reviewer's lines
 * and print a fake "✔ no problems", nor a right-to-left override hide what a line says.
 */

/** C0 controls but tab, DEL, C1 controls, the bidirectional marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each control or bidirectional character shown as its `\uXXXX` escape. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` on one line (line breaks and tabs become spaces), then `visible`. */
export function oneLine(text: string): string {
  return visible(text.replace(/\r\n|[\r\n\t]/g, ' '));
}

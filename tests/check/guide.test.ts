import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkGuides, type ErrorNode } from '../../plugins/signpost/src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const GUIDE = fileURLToPath(new URL('../../guide/account-connection/', import.meta.url));

describe('the shipped Account Connection Guide', async () => {
  const { guides, problems, ioError } = await checkGuides([GUIDE]);
  const guide = guides[0]!;

  it('passes check, with the four authored branches as draft warnings only', () => {
    expect(ioError).toBe(false);
    expect(problems.map((p) => `${p.severity} ${p.rule}`)).toEqual(Array(4).fill('warning draft'));
    expect(guide.nodes.filter((node) => node.draft).map((node) => node.id)).toEqual([
      'seller-first-account',
      'seller-additional-account',
      'vendor-first-account',
      'vendor-additional-account',
    ]);
  });

  it('has its metadata', () => {
    expect(guide.meta).toEqual({
      title: 'Account Connection Guide',
      summary: 'An Interactive step-by-step flow to help you connect your Amazon Account to Perpetua',
      start: 'start',
      updated: '2024-03',
      author: 'Andrea Mamone',
      support: { email: 'hello@perpetua.io' },
      lang: 'en',
    });
  });

  it('has 20 nodes, among them the seed’s 7 error cards, each with a Reason and a fix', () => {
    expect(guide.nodes).toHaveLength(20);
    const cards = guide.nodes.filter((node): node is ErrorNode => node.kind === 'error');
    expect(cards.map((card) => [card.context, card.title])).toEqual([
      [undefined, 'Amazon Advertising Error'],
      ['Connect Selling Partners', 'Please Try Again.'],
      ['Connect Selling Partners', 'This account is already in use. Please Try Again.'],
      ['Connect Selling Partners', 'Failed to retrieve refresh token. Please try again.'],
      ['Connect Selling Partners', 'Session has expired. Please try again.'],
      ['Connect Selling Partners', 'Failed to create geocompany. Please try again.'],
      [undefined, 'We no longer have access to the SP API'],
    ]);
    for (const card of cards) {
      expect(card.reason?.text).toBeTruthy();
      expect(card.fix?.text).toBeTruthy();
    }
  });

  it('starts with a question leading to both of the seed’s entry points', () => {
    const start = guide.byId.get('start');
    expect(start?.kind === 'question' && start.options.map((o) => [o.label, o.to])).toEqual([
      ['Account Connection Procedure', 'entity'],
      ['Account Connection Error Messages', 'error-requirements'],
    ]);
  });

  it('carries every line of the seed article', async () => {
    const seed = await readFile(`${FIXTURES}seed/account-connection.txt`, 'utf8');
    const sources = await Promise.all(guide.files.map((file) => readFile(file, 'utf8')));
    const guideText = normalize(sources.join('\n'));
    // Page chrome the site renders from metadata or templates, not guide content.
    const chrome = [
      'Andrea Mamone avatar',
      'Written by Andrea Mamone',
      'Updated over a week ago',
      'Summary',
      'Article last updated March 2024. If you find this information to be out of date, please contact hello@perpetua.io.',
      'Did this answer your question?',
    ];
    const missing = seed
      .split('\n')
      .map((line) => normalize(line))
      .filter((line) => line && !chrome.map(normalize).includes(line))
      .filter((line) => !guideText.includes(line));
    // The seed's `Connect Selling Partners - "message"` headings are error cards whose context
    // is the dialog and whose title is the message.
    const headings = missing.filter((line) => {
      const [, context, message] = /^(.+) - "(.+)"$/.exec(line) ?? [];
      return guide.nodes.some((node) => node.kind === 'error' && node.context === context && node.title === message);
    });
    expect(headings).toHaveLength(5);
    expect(missing.filter((line) => !headings.includes(line))).toEqual([]);
  });
});

/** Compares text as read: without the seed's decorations, Markdown syntax and fixed typos. */
function normalize(text: string): string {
  return text
    .replace(/[🚨💡📍•]/gu, '')
    .replace(/^\s*(Note:|Reason:?)\s*/gm, '')
    .replace(/\*\*|^#+ |^\s*- /gm, '')
    .replace(/\(\(/g, '(')
    .replace(/to to /g, 'to ')
    .replace(/\.\.$/gm, '.')
    .replace(/How to Fix/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the shipped SSH Connection Guide', async () => {
  const SSH = fileURLToPath(new URL('../../guide/ssh-connection/', import.meta.url));
  const { guides, problems, ioError } = await checkGuides([SSH]);
  const guide = guides[0]!;
  const sources = (await Promise.all(guide.files.map((file) => readFile(file, 'utf8')))).join('\n');

  it('passes check --strict: no problem at all, several answers to one page included', () => {
    expect(ioError).toBe(false);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([]);
    expect(guide.nodes.filter((node) => node.draft)).toEqual([]);
  });

  it('has 51 nodes: questions, steps, error cards and instructions', () => {
    const kinds = new Map<string, number>();
    for (const node of guide.nodes) kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ question: 24, step: 3, error: 15, instructions: 9 });
  });

  it('branches by operating system where the commands differ', () => {
    const branches = guide.nodes.filter(
      (node) => 'options' in node && node.options.length > 0 && node.options.every((o) => ['macOS', 'Windows', 'Linux'].includes(o.label)),
    );
    expect(branches.map((node) => node.id).toSorted()).toEqual(
      ['add-key-os', 'agent-not-running', 'new-key-os', 'pd-account-os', 'unknown-key-type'].toSorted(),
    );
  });

  it('leads several answers, each with its own words, to one page', () => {
    const start = guide.byId.get('start')!;
    const timedOut = start.kind === 'question' ? start.options.filter((o) => o.to === 'connection-timed-out').map((o) => o.label) : [];
    expect(timedOut).toEqual([
      'ssh: connect to host github.com port 22: Connection timed out',
      'ssh: connect to host github.com port 22: Bad file number',
    ]);
  });

  it('gives every error card a Reason, a fix, patterns and examples; ten go on after their fix', () => {
    const cards = guide.nodes.filter((node): node is ErrorNode => node.kind === 'error');
    for (const card of cards) {
      expect(card.reason?.text, card.id).toBeTruthy();
      expect(card.fix?.text, card.id).toBeTruthy();
      expect(card.patterns.length, card.id).toBeGreaterThan(0);
      expect(card.examples.length, card.id).toBeGreaterThan(0);
    }
    expect(cards.filter((card) => card.options.length > 0 || card.next).map((card) => card.id)).toEqual([
      'agent-admitted',
      'unprotected-key',
      'agent-not-running',
      'host-authenticity',
      'host-key-changed',
      'host-key-failed',
      'connection-timed-out',
      'pd-publickey',
      'key-in-use',
      'unknown-key-type',
    ]);
  });

  it('holds commands in code blocks, tables, and names its sources', () => {
    expect(sources.match(/^```(?:sh|powershell)$/gm)?.length).toBeGreaterThan(30);
    expect(sources.match(/^\| --- \|/gm)?.length).toBeGreaterThanOrEqual(3);
    for (const source of [
      'https://docs.github.com/en/authentication/troubleshooting-ssh',
      'https://github.blog/news-insights/company-news/we-updated-our-rsa-ssh-host-key/',
      'https://www.openssh.com/manual.html',
    ]) {
      expect(sources).toContain(source);
    }
  });
});

/**
 * The renderer, alone: the checked tree of the rich-content fixture guide in, each node's HTML
 * out, with no Astro. The built pages are tested in tests/site and in the browser in tests/e2e.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { z } from 'zod';
import { checkGuides } from '../../plugins/signpost/src/core/index.ts';
import { loadHighlighter } from '../../plugins/signpost/src/render/highlight.ts';
import { sanitizeTree } from '../../plugins/signpost/src/render/sanitize.ts';
import { pageGuide, SitePaths, type PageNode } from '../../plugins/signpost/src/render/site-model.ts';
import { fixtureSite } from '../site/build-site.ts';

const GUIDE = join(fixtureSite('rich'), 'guide');
// The fixture site registers a component of its own, `plan-badge`.
const { guides, problems } = await checkGuides([GUIDE], {
  components: new Map([['plan-badge', z.object({ plan: z.enum(['free', 'pro']) })]]),
});
const highlighter = await loadHighlighter(['sh', 'json', 'powershell']);
const pages = pageGuide(guides[0]!, new SitePaths('/docs/help/'), {
  highlighter,
  fileHref: (file) => `/files/${file.slice(GUIDE.length + 1)}`,
  siteHref: (path) => `/docs${path}`,
  siteComponents: new Set(['plan-badge']),
});
const page = (id: string): PageNode => pages.byId.get(id)!;
const everything = (node: PageNode) => [node.body, node.reason, node.fix, node.escalate, node.footnotes].join('\n');

describe('the renderer', () => {
  it('renders the fixture guide, which passes check', () => {
    expect(problems).toEqual([]);
    expect(pages.nodes).toHaveLength(9);
  });

  it('puts a table in a box of its own that scrolls, keeping column alignment', () => {
    const html = page('requirements').body;
    expect(html).toContain(
      '<div class="table-scroll" tabindex="0"><table>\n<thead>\n<tr>\n<th align="left">System</th>\n<th align="center">Version</th>\n<th align="right">Disk space</th>',
    );
    expect(html).toContain('<td align="left"><del>Windows 7</del></td>');
    expect(html).toContain('</table></div>');
  });

  it('renders GFM autolinks, and task lists with named checkboxes', () => {
    const html = page('requirements').body;
    expect(html).toContain('<a href="https://sync.example.com">https://sync.example.com</a>');
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Done">');
    expect(html).toContain('<input type="checkbox" disabled aria-label="Not done">');
  });

  it('numbers footnotes per node, with ids of the node, and lists them once at its end', () => {
    const node = page('requirements');
    expect(node.body).toContain(
      '<sup><a href="#requirements-fn-1" id="requirements-fnref-1" class="footnote-ref" aria-describedby="requirements-footnotes">1</a></sup>',
    );
    // The definition is not in the body: it is in the node's footnotes.
    expect(node.body).not.toContain('ask your IT team');
    expect(node.footnotes).toBe(
      '<section class="footnotes" aria-labelledby="requirements-footnotes"><p class="footnotes-title" id="requirements-footnotes">Footnotes</p><ol><li id="requirements-fn-1"><p>On a work computer, ask your IT team: they can install the app for you. <a href="#requirements-fnref-1" class="footnote-back" aria-label="Back to the text">↩</a></p></li></ol></section>',
    );
    expect(page('install').footnotes).toBe('');
  });

  it('links `#id` to the node’s page, files beside the guide to their URL, site paths under the base', () => {
    expect(page('start').body).toContain('<a href="/docs/help/sync-app/requirements/">the requirements</a>');
    expect(page('start').body).toContain('<a href="/docs/terms.txt">terms of use</a>');
    expect(page('connect').body).toContain('<a href="/files/sync-app/files/checklist.pdf" download>setup checklist</a>');
    expect(page('connect').files).toEqual([join(GUIDE, 'sync-app/files/checklist.pdf')]);
    expect(page('server-busy').fix).toContain('<a href="/docs/help/sync-app/connect/">connect again</a>');
  });

  it('highlights code with classes only, never a style attribute', () => {
    const html = page('install').body;
    expect(html).toContain(
      '<div class="code-block"><pre class="code" tabindex="0" data-lang="sh"><code><span class="line"><span class="sl-6f42c1 sd-b392f0">brew</span>',
    );
    for (const node of pages.nodes) expect(everything(node)).not.toMatch(/\sstyle=/);
  });

  it('leaves images beside the guide as placeholders for the site’s image pipeline', () => {
    const node = page('install');
    expect(node.body).toContain(
      '<figure class="figure figure-screenshot"><img data-signpost-image="0" alt="The Sync app&#x27;s sign-in window: an email field, a password field and a Connect button"><figcaption>The sign-in window of the Sync app</figcaption></figure>',
    );
    expect(node.images).toEqual([
      {
        file: join(GUIDE, 'sync-app/img/sign-in.png'),
        alt: "The Sync app's sign-in window: an email field, a password field and a Connect button",
        width: 600,
        screenshot: true,
      },
    ]);
    expect(page('token-expired').fix).toContain('<img data-signpost-image="0" alt="The Reset token window with a red Reset button">');
  });

  it('renders the components: keys, details, tabs and a self-hosted video with captions', () => {
    expect(page('install').body).toContain('<kbd class="keys"><kbd>Win</kbd>+<kbd>R</kbd></kbd>');
    expect(page('requirements').body).toContain(
      '<details class="details"><summary>Why does the app need administrator rights?</summary><div class="details-body">',
    );
    expect(page('install').body).toContain(
      '<div class="tabs" id="install-tabs-1"><section class="tab-panel" id="install-tabs-1-1" aria-labelledby="install-tabs-1-1-label"><p class="tab-label" id="install-tabs-1-1-label">Windows</p>',
    );
    expect(page('connected').body).toContain(
      '<figure class="figure figure-video"><video src="/files/sync-app/media/connect.mp4" controls preload="metadata" aria-label="Choosing the folders the Sync app copies" poster="/files/sync-app/media/poster.png"><track kind="captions" src="/files/sync-app/media/connect.vtt" srclang="en" label="English" default><a href="/files/sync-app/media/connect.mp4">Download the video</a></video><figcaption>Choosing the folders to copy</figcaption></figure>',
    );
  });

  it('leaves the site’s own components as placeholders, with their props, for the site to render', () => {
    expect(page('connected').body).toContain('need the <span data-signpost-component="0"></span>.');
    expect(page('connected').components).toEqual([{ name: 'plan-badge', props: { plan: 'pro' }, slot: '' }]);
  });

  it('gives an error card that goes on its answers and question, and keeps what every card has', () => {
    expect(page('token-expired').node).toEqual({
      id: 'token-expired',
      movedFrom: [],
      title: 'Error 401: The token has expired.',
      draft: false,
      kind: 'error',
      context: 'Sync app',
      aliases: [{ text: 'The token has expired' }],
      patterns: [],
      prompt: 'Did the fix work?',
      options: [
        { label: 'Yes, it connects now', to: 'connected' },
        { label: 'No, I still see error 401', to: 'still-401' },
      ],
      next: undefined,
    });
    expect(page('token-expired').reason).toBe('<p>The app signs in with a token, which expires after 90 days.</p>');
    expect(page('server-busy').node).toMatchObject({ kind: 'error', options: [], next: { to: 'connect' } });
    // What the card leads to is reached through it.
    expect(page('still-401').reachedFrom).toEqual([
      { id: 'token-expired', question: 'Error 401: The token has expired.', answer: 'No, I still see error 401' },
    ]);
  });
});

describe('the sanitiser', () => {
  it('removes scripts, event handlers, styles and javascript: links whatever produced them', () => {
    const tree = {
      type: 'root' as const,
      children: [
        { type: 'element' as const, tagName: 'script', properties: {}, children: [{ type: 'text' as const, value: 'alert(1)' }] },
        {
          type: 'element' as const,
          tagName: 'p',
          properties: { onClick: 'alert(1)', style: 'color:red', className: ['note'] },
          children: [
            {
              type: 'element' as const,
              tagName: 'a',
              properties: { href: 'javascript:alert(1)' },
              children: [{ type: 'text' as const, value: 'x' }],
            },
            {
              type: 'element' as const,
              tagName: 'img',
              properties: { src: 'data:image/png;base64,AA', alt: 'y', onError: 'alert(1)' },
              children: [],
            },
            { type: 'element' as const, tagName: 'iframe', properties: { src: 'https://example.com' }, children: [] },
          ],
        },
      ],
    };
    expect(toHtml(sanitizeTree(tree))).toBe('<p class="note"><a>x</a><img alt="y"></p>');
  });

  it('keeps what the renderer makes: code classes, figures, tabs, details, video and footnote links', () => {
    for (const node of pages.nodes) {
      for (const part of [node.body, node.reason, node.fix, node.footnotes]) {
        if (!part) continue;
        expect(part).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      }
    }
    expect(page('connected').body).toContain('<video ');
    expect(page('requirements').body).toContain('<details class="details">');
  });
});

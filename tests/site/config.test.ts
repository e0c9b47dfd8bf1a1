import { describe, expect, it } from 'vitest';
import signpost, { siteUrl } from '../../plugins/signpost/src/integration/index.ts';
import { cspForHeader, headersFile } from '../../plugins/signpost/src/render/csp.ts';
import {
  BasePathSchema,
  FeedbackEndpointSchema,
  feedbackOrigin,
  SiteUrlSchema,
} from '../../plugins/signpost/src/core/schemas/site-config.ts';

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message);

describe('the base path', () => {
  it('accepts a path of safe URL characters, with or without its slashes', () => {
    for (const [value, base] of [
      ['', '/'],
      ['/', '/'],
      ['help', '/help/'],
      ['/help', '/help/'],
      ['/docs/v2.1/', '/docs/v2.1/'],
      ['/a_b-c/', '/a_b-c/'],
    ]) {
      expect(BasePathSchema.parse(value), value).toBe(base);
    }
  });

  it('refuses anything that would need escaping, and paths that leave or hide the site', () => {
    expect(message(BasePathSchema.safeParse('" onerror="alert(document.domain)" x="'))).toEqual([
      '"\\" onerror=\\"alert(document.domain)\\" x=\\"" is not a path: use letters, digits, -, _, . and / only',
    ]);
    expect(message(BasePathSchema.safeParse('/help me/'))).toEqual(['"/help me/" is not a path: use letters, digits, -, _, . and / only']);
    expect(message(BasePathSchema.safeParse('/a\nb'))).toEqual(['"/a\\nb" is not a path: use letters, digits, -, _, . and / only']);
    expect(message(BasePathSchema.safeParse('//evil.example'))).toEqual([
      '"//evil.example" is not a path: no empty, `.` or `..` parts between slashes',
    ]);
    expect(message(BasePathSchema.safeParse('/a/../b/'))).toEqual([
      '"/a/../b/" is not a path: no empty, `.` or `..` parts between slashes',
    ]);
    expect(BasePathSchema.safeParse('/a?b').success).toBe(false);
    expect(BasePathSchema.safeParse('/%2e%2e/').success).toBe(false);
  });
});

describe('the site address (SITE_URL)', () => {
  it('accepts http and https addresses, as the URL parser writes them', () => {
    expect(SiteUrlSchema.parse('https://help.example.com')).toBe('https://help.example.com/');
    expect(SiteUrlSchema.parse('http://localhost:8080/help')).toBe('http://localhost:8080/help');
    expect(SiteUrlSchema.parse('https://ÉXAMPLE.com/')).toBe('https://xn--xample-9ua.com/');
  });

  it('refuses other schemes, credentials, queries, fragments and unclean hosts, naming the value', () => {
    const rule =
      'is not a site address: use an http:// or https:// address without user name, password, query or fragment, such as https://help.example.com';
    for (const value of [
      'javascript:alert(1)',
      'not a url',
      'ftp://example.com',
      'https://user:secret@example.com',
      'https://example.com/?a=1',
      'https://example.com/#top',
      'https://exa\nmple.com',
      'https://a;b.example',
      'https://*.example',
    ]) {
      expect(message(SiteUrlSchema.safeParse(value)), value).toEqual([`${JSON.stringify(value)} ${rule}`]);
    }
    expect(message(SiteUrlSchema.safeParse('https://a.example/\u009b2J'))).toEqual([`"https://a.example/\\u009b2J" ${rule}`]);
  });
});

describe('the feedback endpoint', () => {
  it('accepts an https URL or a path on the site', () => {
    expect(FeedbackEndpointSchema.parse('https://collect.example.com/api/feedback?site=help')).toBe(
      'https://collect.example.com/api/feedback?site=help',
    );
    expect(FeedbackEndpointSchema.parse('/api/feedback')).toBe('/api/feedback');
    expect(FeedbackEndpointSchema.parse('/help/feedback')).toBe('/help/feedback');
  });

  it('refuses what leaves the site as "a path", and hosts that would end or add a directive', () => {
    const rule = 'is not a feedback endpoint: use an https:// URL, or a path on this site starting with a single /';
    for (const value of [
      '//evil.example/collect',
      '/\\evil.example/collect',
      'http://collect.example.com/',
      'javascript:alert(1)',
      'collect.example.com',
      "https://a;script-src 'unsafe-inline'.example/",
      'https://a;b.example/',
      'https://a,b.example/',
      'https://a"b.example/',
      'https://a b.example/',
      'https://user:pw@collect.example.com/',
      'https://collect.example.com/#x',
      '/feedback path',
    ]) {
      expect(message(FeedbackEndpointSchema.safeParse(value)), value).toEqual([`${JSON.stringify(value)} ${rule}`]);
    }
  });

  it('gives the policy an origin rebuilt from the parsed host, never the text as typed', () => {
    expect(feedbackOrigin('https://Collect.Example.com:8443/api?x=1')).toBe('https://collect.example.com:8443');
    expect(feedbackOrigin('/api/feedback')).toBeUndefined();
    expect(() => feedbackOrigin('https://a;b.example/')).toThrow('is not a feedback endpoint');
    expect(cspForHeader('https://collect.example.com/api')).toContain("connect-src 'self' https://collect.example.com; ");
    expect(() => cspForHeader("https://a;script-src 'unsafe-inline'.example/")).toThrow();
    expect(() => headersFile('/help\n/x', '/', undefined)).toThrow();
    expect(headersFile('/help/', '/', undefined)).toMatch(/^\/help\/\*\n {2}Content-Security-Policy: /);
  });
});

describe('signpost() options', () => {
  const OPTIONS = 'guides, prefix, strict, feedbackEndpoint, siteName, logo, accentColor, home, components';
  const thrown = (run: () => unknown): { name: string; message: string; hint?: string; stack?: string } => {
    try {
      run();
    } catch (error) {
      return error as { name: string; message: string; hint?: string };
    }
    throw new Error('did not throw');
  };

  it('reports every issue, each prefixed with its option path, as an AstroError with a hint', () => {
    const error = thrown(() =>
      // @ts-expect-error: deliberately invalid options
      signpost({ feedbackEndpoint: '//evil.example/collect', feedbackEndPoint: '/x', colour: 'red' }),
    );
    expect(error.name).toBe('AstroUserError');
    expect(error.message).toBe(
      [
        'Invalid options passed to signpost() in astro.config.mjs:',
        '**feedbackEndpoint**: "//evil.example/collect" is not a feedback endpoint: use an https:// URL, or a path on this site starting with a single /',
        `**feedbackEndPoint**: not an option of signpost(); its options are ${OPTIONS}`,
        `**colour**: not an option of signpost(); its options are ${OPTIONS}`,
      ].join('\n'),
    );
    expect(error.hint).toBe('README.md, “The options of signpost()”, lists what each option accepts.');
    // A configuration mistake shows no stack trace.
    expect(error.stack).toBe('');
    // @ts-expect-error: deliberately invalid options
    expect(thrown(() => signpost({ feedbackEndpoint: 42 })).message).toBe(
      'Invalid options passed to signpost() in astro.config.mjs:\n**feedbackEndpoint**: Invalid input: expected string, received number',
    );
  });

  it('checks the site’s components: lowercase names that are not Signpost’s own, `.astro` files, zod schemas', () => {
    const names = thrown(() =>
      signpost({
        components: { PlanBadge: { entrypoint: './src/components/PlanBadge.astro' }, note: { entrypoint: './src/components/Note.astro' } },
      }),
    ).message;
    expect(names.split('\n').slice(1)).toEqual([
      '**components.PlanBadge**: must be a lowercase name with hyphens, such as `plan-badge`',
      '**components.note**: is one of Signpost’s own directives; choose another name',
    ]);
    const entries = thrown(() =>
      // @ts-expect-error: deliberately invalid options
      signpost({ components: { 'plan-badge': { entrypoint: './src/components/PlanBadge.tsx', schema: { plan: 'pro' } } } }),
    ).message;
    expect(entries.split('\n').slice(1)).toEqual([
      '**components.plan-badge.entrypoint**: must be an `.astro` file',
      '**components.plan-badge.schema**: must be a zod object schema, such as `z.object({ plan: z.string() })` from `astro/zod`',
    ]);
  });

  it('checks SITE_URL before Astro does', () => {
    expect(siteUrl(undefined)).toBeUndefined();
    expect(siteUrl('https://help.example.com')).toBe('https://help.example.com/');
    expect(thrown(() => siteUrl('javascript:alert(1)')).message).toBe(
      'Invalid SITE_URL:\n**SITE_URL**: "javascript:alert(1)" is not a site address: use an http:// or https:// address without user name, password, query or fragment, such as https://help.example.com',
    );
  });
});

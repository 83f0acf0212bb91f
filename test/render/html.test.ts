import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { htmlText, missingWords, wordsOf } from '../corpus/words.js';
import { EXAMPLE_YAML, seedParts } from '../helpers.js';
import { everythingFixture } from './formatFixture.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** The problems the W3C rules html-validate implements find in a page: `rule: message (line)`. */
async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`),
  );
}

async function page(input: Parameters<typeof render>[0], options = {}): Promise<string> {
  const result = await render(input, { formats: ['html'], ...options });
  return new TextDecoder().decode(result.outputs[0]?.bytes);
}

describe('the web page of the sample', () => {
  let html: string;
  beforeAll(async () => {
    html = await page(EXAMPLE_YAML);
  });

  it('passes html-validate’s recommended rules', async () => {
    expect(await problems(html)).toEqual([]);
  });

  it('is one file: no script, nothing loaded from outside, a policy that blocks everything external', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|srcset)="(?!data:)/);
    expect(html).not.toMatch(/url\((?!data:)/);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy?.replace(/&apos;/g, "'")).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'$/,
    );
  });

  it('has the document’s language and direction, and the semantic landmarks', () => {
    expect(html).toContain('<html lang="en-CA" dir="ltr">');
    for (const element of ['<header class="masthead">', '<main>', '<article>', '<footer'])
      expect(html).toContain(element);
    expect(html).toMatch(/<section aria-labelledby="[^"]+">\n<h2 id=/);
    expect(html).toMatch(/<aside class="callout callout-keypoints" aria-label="Key points">/);
  });

  it('writes tables with a caption, a header row of column headers, and the source below', () => {
    expect(html.match(/<table><caption>/g)).toHaveLength(3);
    expect(html).toContain('<thead><tr><th scope="col">Key Topics</th>');
    expect(html).toContain('<p class="source">Source: Briefings ahead of the visit.</p>');
  });

  it('draws the chart inline as SVG, an image titled and described by its alt text', () => {
    const svg = /<svg class="chart-wide"[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toMatch(/role="img" aria-labelledby="chart_1_wide-title chart_1_wide-desc"/);
    expect(svg).toContain(
      '<title id="chart_1_wide-title">The trade goal, indexed to today’s bilateral trade</title>',
    );
    expect(svg).toMatch(/<desc id="chart_1_wide-desc">Bar chart: The trade goal/);
    expect(svg).toContain('>After two years</text>');
    expect(html).toContain('<svg class="chart-narrow"');
  });

  it('embeds the theme’s fonts, subset, and a fallback face for the Chinese name', () => {
    const faces = [
      ...html.matchAll(
        /@font-face\{font-family:"([^"]+)";src:url\(data:font\/woff;base64,([^)]+)\)/g,
      ),
    ];
    const families = new Set(faces.map((m) => m[1]));
    expect([...families].sort()).toEqual(['bw-fallback-1', 'bw-sans', 'bw-serif']);
    // Subset to the page's characters: each face a few tens of kilobytes, not the whole font.
    for (const [, family, data] of faces)
      expect((data?.length ?? 0) * 0.75, family).toBeLessThan(40_000);
    expect(html).toContain('习近平');
  });

  it('holds every heading, bullet and table cell of the seed', () => {
    const text = htmlText(new TextEncoder().encode(html));
    const seed = seedParts();
    expect(missingWords(wordsOf(seed.ordered.join(' ')), text)).toEqual([]);
  });

  it('is byte-identical on a second render', async () => {
    expect(await page(EXAMPLE_YAML)).toBe(html);
  });
});

describe('the web page of a document with every kind of block', () => {
  let html: string;
  beforeAll(async () => {
    html = await page(everythingFixture());
  });

  it('passes html-validate’s recommended rules', async () => {
    expect(await problems(html)).toEqual([]);
  });

  it('escapes every string, and keeps only allowed links live', () => {
    expect(html).toContain('<title>Trade &amp; Climate &lt;Notes&gt;</title>');
    expect(html).toContain('<h1>Trade &amp; Climate &lt;Notes&gt;</h1>');
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer"');
    expect(html).toContain('<a href="#second-section">jump to the second section</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('const x = 1 &lt; 2;');
  });

  it('writes footnotes as an ordered list, each reference and note linked both ways', () => {
    expect(html).toMatch(/<sup class="fnref"><a href="#fn_1" id="fnref_1" role="doc-noteref"/);
    expect(html).toMatch(
      /<li id="fn_1" value="1"><p>The first note, with <em>emphasis<\/em>.<a class="backref" href="#fnref_1" role="doc-backlink"/,
    );
    expect(html).toMatch(
      /<section class="footnotes" role="doc-endnotes" aria-labelledby="notes_title">/,
    );
  });

  it('numbers ordered lists from their start, nests lists, and shows task states', () => {
    expect(html).toContain('<ol start="3">');
    expect(html).toMatch(/<li>One bullet<ul>|<li><p>One bullet<\/p>\n<ul>/);
    expect(html).toContain('aria-label="done">☑</span> Done task');
    expect(html).toMatch(
      /<img src="data:image\/png;base64,[^"]+" alt="A small square" width="300" height="300">/,
    );
    expect(html).toContain('<blockquote>');
  });

  it('sets the language from the front matter', () => {
    expect(html).toContain('<html lang="en-GB" dir="ltr">');
  });
});

describe('the web page, other cases', () => {
  it('never passes raw HTML through', async () => {
    const html = await page({
      meta: { title: 'Raw <b>HTML</b>' },
      summary:
        'Before <script>alert(1)</script> after.\n\n<div onclick="x()">block</div>\n\n<img src=x onerror=alert(1)>',
    });
    expect(html).not.toMatch(/<script|onclick|onerror|<div onclick/);
    expect(html).toContain('Raw &lt;b&gt;HTML&lt;/b&gt;');
    expect(await problems(html)).toEqual([]);
  });

  it('is right to left for a right-to-left language', async () => {
    const html = await page({
      meta: { title: 'تقرير', language: 'ar' },
      summary: 'مرحبا بالعالم.',
    });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(await problems(html)).toEqual([]);
  });

  it('names system fonts instead of embedding when the theme says so', async () => {
    const html = await page(EXAMPLE_YAML, { theme: { html: { fonts: 'system' } } });
    expect(html).not.toContain('@font-face');
    expect(html).toMatch(/--serif:"Source Serif 4", Georgia/);
  });
});

describe('the web page with contents and numbered headings', () => {
  it('has a nav of the headings, each a link to its section, and numbered headings', async () => {
    const html = await page(EXAMPLE_YAML, {
      theme: { pdf: { toc: true, tocDepth: 2, numberHeadings: true } },
    });
    const nav =
      /<nav class="toc" aria-labelledby="toc_title">[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const targets = [...nav.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(4);
    for (const id of targets) expect(html, id).toContain(`id="${id}"`);
    expect(html).toMatch(/<h2 id="[^"]+"><span class="number">1\.<\/span> /);
    expect(await problems(html)).toEqual([]);
  });
});

describe('the web page, cases found from outside', () => {
  it('keeps the ids it makes apart from heading ids, and links only to headings that exist', async () => {
    const html = await page({
      meta: { title: 'Ids' },
      summary:
        '# fn 1\n\nA note[^a] and [a link](#nowhere).\n\n# Notes title\n\n# Chart 1 wide title\n\n```chart\ntitle: T\ncategories: [a, b]\nseries: [{ name: s, values: [1, 2] }]\n```\n\n[^a]: The note.',
    });
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(6);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).not.toContain('href="#nowhere"');
    expect(html).toContain('a link');
    expect(await problems(html)).toEqual([]);
  });

  it('drops the code points HTML forbids (C1 controls, noncharacters)', async () => {
    const html = await page({
      meta: { title: 'Odd\u0085' },
      summary: 'i\u0085j k\ufdd0l m\u{10ffff}n',
    });
    expect(html).toContain('<p>ij kl mn</p>');
    expect(html).not.toMatch(/[\u0080-\u009f\ufdd0-\ufdef]|\u{10ffff}/u);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToFiles } from '../../src/index.js';
import { missingWords, wordsOf } from '../corpus/words.js';
import { EXAMPLE_YAML, pdfPages, seedParts, tempDir } from '../helpers.js';
import { everythingFixture } from '../render/formatFixture.js';

/** Debian's Chromium, driven by playwright-core: nothing is downloaded. `.ci/run` installs it. */
const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (process.env.BRIEFWRIGHT_REQUIRE_TOOLS === '1' && !present)
  throw new Error(`the browser tests need ${CHROMIUM} (apt-get install chromium)`);

interface Violation {
  readonly id: string;
  readonly impact?: string | null;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

describe.skipIf(!present)('the web page in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let sample: string;
  let everything: string;
  beforeAll(async () => {
    dir = tempDir();
    const result = await renderToFiles(EXAMPLE_YAML, { outDir: dir, formats: ['html'] });
    sample = pathToFileURL(result.files[0]?.path ?? '').href;
    const other = await renderToFiles(everythingFixture(), { outDir: dir, formats: ['html'] });
    everything = pathToFileURL(other.files[0]?.path ?? '').href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Opens a page at a width, recording every request that went out of the file (a response from
   * anything but the file and data in it) and every request refused, with the reason.
   */
  async function open(
    url: string,
    width: number,
  ): Promise<{ page: Page; outside: string[]; refused: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const outside: string[] = [];
    const refused: string[] = [];
    page.on('response', (response) => {
      if (!/^(file|data):/.test(response.url())) outside.push(response.url());
    });
    page.on('requestfailed', (request) =>
      refused.push(`${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    await page.goto(url);
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return { page, outside, refused };
  }

  it('makes no request outside the file, and its policy refuses one the page tries', async () => {
    const { page, outside, refused } = await open(sample, 1280);
    expect(refused).toEqual([]);
    // A tracker slipped into the page: the policy refuses it before it leaves.
    const blocked = await page.evaluate(`new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) =>
        resolve(event.violatedDirective + ' ' + event.blockedURI));
      const image = document.createElement('img');
      image.src = 'http://127.0.0.1:9/tracker.png';
      document.body.append(image);
    })`);
    expect(blocked).toBe('img-src http://127.0.0.1:9/tracker.png');
    await page.waitForTimeout(200);
    expect(outside).toEqual([]);
    // Playwright names the reason "csp": blocked by the Content-Security-Policy.
    expect(refused).toEqual(['http://127.0.0.1:9/tracker.png csp']);
    await page.close();
  });

  it('holds every word of the seed in the DOM text, set in the embedded fonts', async () => {
    const { page } = await open(sample, 1280);
    const text = String(await page.evaluate('document.body.innerText'));
    const seed = seedParts();
    expect(missingWords(wordsOf([...seed.ordered, ...seed.prose].join(' ')), text)).toEqual([]);
    const loaded = (await page.evaluate(
      `[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''))`,
    )) as string[];
    expect(new Set(loaded)).toEqual(new Set(['bw-serif', 'bw-sans', 'bw-fallback-1']));
    await page.close();
  });

  it('reads on a desktop at 1280 px and on a phone at 390 px without sideways scrolling', async () => {
    for (const width of [1280, 390]) {
      const { page } = await open(sample, width);
      const path = join(dir, `sample-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      const png = readFileSync(path);
      expect(png.readUInt32BE(16), `${width} px screenshot`).toBe(width);
      const overflow = Number(
        await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        ),
      );
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
      // The chart drawn for the width: the wide one on a desktop, the narrow one on a phone.
      const shown = await page.evaluate(
        `[...document.querySelectorAll('svg[role="img"]')]
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .map((svg) => svg.getAttribute('class'))`,
      );
      expect(shown).toEqual([width > 640 ? 'chart-wide' : 'chart-narrow']);
      await page.close();
    }
  });

  it('prints on the theme’s page size (its @page: A4 for the sample) with every word, no heading split', async () => {
    const { page } = await open(sample, 1280);
    const path = join(dir, 'printed.pdf');
    // preferCSSPageSize: the page size and margins of the stylesheet's @page (A4 for the sample).
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    await page.close();
    const bytes = new Uint8Array(readFileSync(path));
    const { pages } = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(2);
    const text = pages.join(' ');
    const seed = seedParts();
    expect(missingWords(wordsOf([...seed.ordered, ...seed.prose].join(' ')), text)).toEqual([]);
    // No heading is split between two pages (each is whole on one page).
    const flat = pages.map((p) => p.replace(/\s+/g, ' '));
    for (const heading of seed.headings.filter((h) => h.length > 40))
      expect(
        flat.some((p) => p.includes(heading)),
        heading,
      ).toBe(true);
    // A4 is 595 × 842 pt.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(
      Buffer.from(bytes).toString('latin1'),
    );
    expect(Number(box?.[1])).toBeCloseTo(595, -1);
    expect(Number(box?.[2])).toBeCloseTo(842, -1);
  });

  it('has no serious or critical accessibility violation (axe-core), on the sample and every kind of block', async () => {
    for (const url of [sample, everything]) {
      // axe is injected as a script, which the page's own policy forbids: this context sets it aside.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(url);
      await page.addScriptTag({ content: axe.source });
      const violations = (await page.evaluate(
        'axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))',
      )) as Violation[];
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, url).toEqual([]);
      await context.close();
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { EXAMPLE_YAML, pdfPages } from '../helpers.js';

const SEED_TEXT = [
  'Canada Prime Minister Carney’s Visit to China Signals Strategic Shift in Bilateral Relations',
  'Trade tariff reductions to enhance market access for Canadian goods.',
  'Joint infrastructure projects in sustainable energy and transportation.',
  'Student exchange programs aimed at strengthening educational ties.',
  'Key Topics',
  'Expected Outcomes',
  'Increased bilateral trade by 15% over 2 years',
  'Implications of Carney’s Meeting with Xi Jinping for Trade and Climate Cooperation',
  'Development of carbon trading mechanisms',
  'Shared research on climate resilience',
  'Canada’s Goals',
  'Advance carbon emission reductions',
  'Recommendations for Strengthening Canada-China Partnership Amid Geopolitical Challenges',
  'Trade & Investment',
  'Establish forums to address regional stability',
  'Key Takeaways',
];

describe('the PDF renderer on the sample brief', () => {
  let bytes: Uint8Array;
  let text: string;
  let parsed: Awaited<ReturnType<typeof pdfPages>>;
  beforeAll(async () => {
    const result = await render(EXAMPLE_YAML, { formats: ['pdf'] });
    bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    parsed = await pdfPages(bytes);
    text = parsed.pages.join('\n').replace(/\s+/g, ' ');
  });

  it('holds every heading, bullet and table cell of the seed in reading order', () => {
    let from = 0;
    for (const needle of SEED_TEXT) {
      const at = text.indexOf(needle, from);
      expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + needle.length;
    }
  });

  it('has a title block, page numbers on every page and a running header from page 2', () => {
    expect(parsed.pages.length).toBeGreaterThanOrEqual(2);
    expect(parsed.pages[0]).toContain('Carney in Beijing');
    parsed.pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${parsed.pages.length}`);
    });
    expect(parsed.pages[1]).toContain('Policy Brief · Carney in Beijing');
  });

  it('sets the document info and an outline of the headings', () => {
    expect(parsed.info.Title).toBe('Carney in Beijing');
    expect(parsed.info.Author).toContain('Policy Analysis Desk');
    expect(parsed.outline).toContain('Key Takeaways');
    expect(parsed.outline).toHaveLength(6);
  });

  it('embeds and subsets its fonts (no standard 14 font)', () => {
    const latin1 = Buffer.from(bytes).toString('latin1');
    expect(latin1).toMatch(/\/FontFile2/);
    expect(latin1).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter-SemiBold/);
    expect(latin1).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('makes links live', () => {
    expect(Buffer.from(bytes).toString('latin1')).toContain(
      '(https://unfccc.int/process-and-meetings/the-paris-agreement)',
    );
  });
});

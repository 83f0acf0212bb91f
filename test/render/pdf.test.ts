import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import {
  EXAMPLE_YAML,
  firstMissingInOrder,
  pdfPages,
  pdfStructure,
  seedParts,
} from '../helpers.js';

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
    const seed = seedParts();
    expect(seed.headings).toHaveLength(4);
    expect(seed.bullets).toHaveLength(6);
    expect(seed.cells).toHaveLength(30);
    expect(firstMissingInOrder(text, seed.ordered)).toBeUndefined();
  });

  it('holds every sentence of the seed’s prose', () => {
    // Running headers and footers interrupt a sentence that crosses a page; leave them out.
    const flat = text
      .replace(/Policy Brief · Carney in Beijing 24 November 2026/g, '')
      .replace(/Example Institute for Policy Studies (PUBLIC )?Page \d+ of \d+/g, '')
      // The sample adds the President's name in Chinese to the seed's text.
      .replace(/ \(习近平\)/g, '')
      .replace(/\s+/g, ' ');
    for (const paragraph of seedParts().prose) {
      for (const sentence of paragraph.split(/(?<=\.)\s+/)) expect(flat).toContain(sentence);
    }
  });

  it('has a title block, page numbers on every page and a running header from page 2', () => {
    expect(parsed.pages.length).toBeGreaterThanOrEqual(2);
    expect(parsed.pages[0]).toContain('Carney in Beijing');
    parsed.pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${parsed.pages.length}`);
      expect(page).toContain('PUBLIC');
    });
    expect(parsed.pages[1]).toContain('Policy Brief · Carney in Beijing');
  });

  it('sets the document info and an outline of the headings', () => {
    expect(parsed.info.Title).toBe('Carney in Beijing');
    expect(parsed.info.Author).toContain('Policy Analysis Desk');
    expect(parsed.outline).toContain('Key Takeaways');
    expect(parsed.outline).toHaveLength(6);
    // Each bookmark opens the page its heading is on.
    parsed.outline.forEach((title, index) => {
      const page = parsed.outlinePages[index] ?? 0;
      expect(parsed.pages[page - 1]?.replace(/\s+/g, ' '), title).toContain(title.slice(0, 30));
    });
  });

  it('embeds and subsets its fonts (no standard 14 font)', () => {
    const latin1 = Buffer.from(bytes).toString('latin1');
    expect(latin1).toMatch(/\/FontFile2/);
    expect(latin1).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter-SemiBold/);
    expect(latin1).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('is tagged: a structure tree of headings, paragraphs, lists, tables and links', async () => {
    const roles = await pdfStructure(bytes);
    for (const role of [
      'Document',
      'H1',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'Caption',
      'TR',
      'TH',
      'TD',
      'Link',
      'Div',
    ]) {
      expect(roles, role).toContain(role);
    }
    expect(roles.filter((r) => r === 'H1')).toHaveLength(6);
    // Three tables of 1 + 3, 1 + 3 and 1 + 4 rows, and 2 + 3 + 2 header cells.
    expect(roles.filter((r) => r === 'TR')).toHaveLength(13);
    expect(roles.filter((r) => r === 'TH')).toHaveLength(7);
  });

  it('makes links live', () => {
    expect(Buffer.from(bytes).toString('latin1')).toContain(
      '(https://unfccc.int/process-and-meetings/the-paris-agreement)',
    );
  });
});

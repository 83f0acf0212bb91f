import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the example templates' builder is plain JavaScript, without types.
import { buildTemplates } from '../../../examples/templates/build.mjs';
import type { Warning } from '../../../src/index.js';
import { mapLayouts } from '../../../src/render/pptx/template/layouts.js';
import { readDeckTemplate } from '../../../src/render/pptx/template/read.js';
import { caughtError } from '../../helpers.js';

const CORPORATE = 'examples/templates/corporate-16x9.potx';
const CLASSIC = 'examples/templates/classic-4x3.potx';
const read = (file: string) => readDeckTemplate(new Uint8Array(readFileSync(file)), file);

describe('the example templates', () => {
  it('are what examples/templates/build.mjs builds (run it after changing it)', async () => {
    const built = (await buildTemplates()) as Record<string, Uint8Array>;
    for (const file of [CORPORATE, CLASSIC]) {
      const name = file.split('/').pop() ?? '';
      expect(Buffer.from(built[name] ?? []).equals(readFileSync(file)), file).toBe(true);
    }
  });
});

describe('readDeckTemplate', () => {
  it('reads a 16:9 template’s size, layouts by name with their placeholders, and its theme', () => {
    const template = read(CORPORATE);
    expect(template.width).toBeCloseTo(13.333, 2);
    expect(template.height).toBeCloseTo(7.5, 2);
    const names = template.layouts.map((l) => l.name);
    for (const name of [
      'Cover',
      'Chapter Divider',
      'Body – One Column',
      'Body – Two Columns',
      'Headline Only',
    ])
      expect(names).toContain(name);
    const body = template.layouts.find((l) => l.name === 'Body – One Column');
    expect(body?.placeholders.map((p) => p.type)).toEqual(['title', 'body', 'sldNum']);
    expect(body?.placeholders[1]?.box?.y).toBeCloseTo(1.6, 2);
    const two = template.layouts.find((l) => l.name === 'Body – Two Columns');
    expect(two?.placeholders.filter((p) => p.type === 'body')).toHaveLength(2);
    expect(template.fonts).toEqual({ major: 'Arial', minor: 'Arial' });
    expect(template.colors.accent1).toBe('#0B6E4F');
  });

  it('reads a 4:3 template', () => {
    const template = read(CLASSIC);
    expect(template.width).toBeCloseTo(10, 2);
    expect(template.layouts.map((l) => l.name)).toContain('Title and Content');
  });

  it('refuses a file that is not a template, or is encrypted, with THEME_INVALID naming it', async () => {
    const text = await caughtError(() => readDeckTemplate(strToU8('not a zip'), 'corp.potx'));
    expect([text.code, text.file]).toEqual(['THEME_INVALID', 'corp.potx']);
    expect(text.message).toContain('is not a PowerPoint template');
    const encrypted = new Uint8Array(512);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const locked = await caughtError(() => readDeckTemplate(encrypted, 'locked.potx'));
    expect([locked.code, locked.file]).toEqual(['THEME_INVALID', 'locked.potx']);
    expect(locked.message).toContain('encrypted');
    const word = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const notDeck = await caughtError(() => readDeckTemplate(word, 'brief.docx'));
    expect(notDeck.message).toContain('has no presentation part');
  });
});

describe('mapLayouts', () => {
  it('maps PowerPoint’s layout names by default, without case, spaces or punctuation', () => {
    const warnings: Omit<Warning, 'format'>[] = [];
    const choices = mapLayouts(read(CLASSIC), {}, (w) => warnings.push(w));
    expect(choices.title.layout.name).toBe('Title Slide');
    expect(choices.section.layout.name).toBe('Section Header');
    expect(choices.text.layout.name).toBe('Title and Content');
    expect(choices.two.layout.name).toBe('Two Content');
    expect(choices.cards.layout.name).toBe('Title Only');
    // No "Quote" and no "Closing": the quote goes on Title Only by its own names; the closing falls back.
    expect(choices.quote).toMatchObject({ fallback: false });
    expect(choices.closing.layout.name).toBe('Title Slide');
  });

  it('takes the theme’s map for a template with names of its own, and falls back with a warning', () => {
    const warnings: Omit<Warning, 'format'>[] = [];
    const choices = mapLayouts(
      read(CORPORATE),
      { text: 'Body - One Column', two: 'BODY – two columns', table: 'No Such Layout' },
      (w) => warnings.push(w),
    );
    // Common names beyond PowerPoint's: "Cover", "Chapter Divider", "Thank You", "Headline Only".
    expect(choices.title.layout.name).toBe('Cover');
    expect(choices.section.layout.name).toBe('Chapter Divider');
    expect(choices.closing.layout.name).toBe('Thank You');
    expect(choices.cards.layout.name).toBe('Headline Only');
    // The map, without case, spaces or dashes.
    expect(choices.text.layout.name).toBe('Body – One Column');
    expect(choices.two.layout.name).toBe('Body – Two Columns');
    // Neither mapped nor named: the layout holding a title and one large body, with a warning.
    expect(choices.rows).toMatchObject({ fallback: false });
    expect(choices.rows.layout.name).toBe('Body – One Column');
    // A name the template lacks: a warning, then the same as unmapped.
    expect(choices.table.layout.name).toBe('Body – One Column');
    expect(warnings.map((w) => w.code)).toEqual([
      'TEMPLATE_LAYOUT_MISSING',
      'TEMPLATE_LAYOUT_GUESSED',
    ]);
    expect(warnings[0]?.message).toContain('has no layout "No Such Layout" (deck.layouts.table)');
    expect(warnings[1]?.message).toContain(
      'chosen by their placeholders: rows on "Body – One Column", table on "Body – One Column"',
    );
    expect(warnings.every((w) => w.file === CORPORATE)).toBe(true);
  });

  it('falls back to the title-only layout where neither a name nor the placeholders find one', () => {
    const template = read(CORPORATE);
    // Only the cover, the divider and the title-only layouts: no body to put text in.
    const layouts = template.layouts.filter((l) => !l.name.startsWith('Body'));
    const warnings: Omit<Warning, 'format'>[] = [];
    const choices = mapLayouts({ ...template, layouts }, {}, (w) => warnings.push(w));
    expect(choices.text).toMatchObject({ fallback: true });
    expect(choices.text.layout.name).toBe('Headline Only');
    expect(choices.two.layout.name).toBe('Headline Only');
    // A kind whose own names include a title-only layout is not a fallback.
    expect(choices.table).toMatchObject({ fallback: false });
    expect(warnings.map((w) => w.code)).toEqual(['TEMPLATE_LAYOUT_MISSING']);
    expect(warnings[0]?.message).toMatch(
      /has no layout for text \("Title and Content" or "Title, Content" or "Content"\), rows/,
    );
  });
});

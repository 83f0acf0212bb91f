import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/index.js';
import {
  caughtError,
  EXAMPLE_YAML,
  pptxParts,
  slideNames,
  slideText,
  tempDir,
} from '../../helpers.js';

/** The text frames of each slide: their sizes (the first run's) and their left edges, in EMU. */
async function deck(options: Parameters<typeof render>[1]) {
  const result = await render(EXAMPLE_YAML, { formats: ['pptx'], ...options });
  const parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
  const slides = await Promise.all(slideNames(parts.names).map(parts.read));
  const notes = await Promise.all(slideNames(parts.names, 'notesSlides').map(parts.read));
  const frames = slides.map((xml) =>
    [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].flatMap((m) => {
      const inner = m[1] ?? '';
      const size = /<a:rPr[^>]*\bsz="(\d+)"/.exec(inner)?.[1];
      const x = /<a:off x="(\d+)"/.exec(inner)?.[1];
      const w = Number(/<a:ext cx="(\d+)"/.exec(inner)?.[1] ?? 0);
      const title = /name="Title"/.test(inner);
      return size && x ? [{ size: Number(size) / 100, x: Number(x), w, title }] : [];
    }),
  );
  return { slides, notes, frames, warnings: result.warnings };
}

describe('a second deck design: briefing-deck-dense', () => {
  it('sets the sample for readers: the prose on the slides at 14–16 pt, in two columns where it runs long', async () => {
    const dense = await deck({ template: 'briefing-deck-dense' });
    const presenting = await deck({});
    const body = (frames: typeof dense.frames) =>
      frames.flatMap((f) =>
        f.filter((frame) => !frame.title && frame.size >= 12 && frame.size <= 28),
      );
    // The prose a presenting deck keeps in its notes is on the dense deck's slides.
    const prose = 'This visit, the first of its kind in over three years';
    expect(dense.slides.map(slideText).join('\n')).toContain(prose);
    expect(presenting.slides.map(slideText).join('\n')).not.toContain(prose);
    expect(presenting.notes.map(slideText).join('\n')).toContain(prose);
    // Its content slides (those with the prose) set their text at 14–16 pt.
    const content = dense.frames.filter((_, i) => slideText(dense.slides[i] ?? '').includes(prose));
    const sizes = content.flatMap((frames) => frames.filter((f) => !f.title).map((f) => f.size));
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.every((size) => size >= 14 && size <= 16)).toBe(true);
    // Some slide has two text columns side by side (two body frames with different left edges).
    const twoColumns = dense.frames.some((frames) => {
      const lefts = new Set(frames.filter((f) => !f.title && f.size <= 16).map((f) => f.x));
      return lefts.size >= 2;
    });
    expect(twoColumns).toBe(true);
    expect(Math.max(...body(presenting.frames).map((f) => f.size))).toBe(28);
  });

  it('lets the user’s theme win over a template’s defaults, field by field', async () => {
    const dense = await deck({
      template: 'briefing-deck-dense',
      theme: { deck: { titleSize: 20 } },
    });
    const titles = dense.frames.flatMap((frames) =>
      frames.filter((f) => f.title).map((f) => f.size),
    );
    // The content slides' titles: at most the user's 20 pt (the template says 24).
    expect(Math.max(...titles.filter((size) => size < 30))).toBeLessThanOrEqual(20);
  });

  it('names the file and the field of a template’s theme defaults that are wrong', async () => {
    const dir = tempDir();
    const template = join(dir, 'my-deck');
    cpSync('templates/briefing-deck-dense', template, { recursive: true });
    writeFileSync(
      join(template, 'theme.json'),
      '{\n  "deck": {\n    "bodySize": "large"\n  }\n}\n',
    );
    const error = await caughtError(() => render(EXAMPLE_YAML, { formats: ['pptx'], template }));
    expect(error.code).toBe('TEMPLATE_ERROR');
    expect(error.file).toBe(join(template, 'theme.json'));
    expect(error.pointer).toBe('/deck/bodySize');
    expect(error.line).toBe(3);
  });

  it('refuses sizes a slide cannot hold and counts beyond reason, naming each field', async () => {
    const error = await caughtError(() =>
      render(EXAMPLE_YAML, {
        formats: ['pptx'],
        theme: { deck: { bodySize: 0, rowNumberSize: 5000, maxBullets: 100000 } },
      }),
    );
    expect(error.code).toBe('THEME_INVALID');
    const pointers = [error.pointer, ...(error.related ?? []).map((r) => r.pointer)];
    expect(pointers).toEqual(
      expect.arrayContaining(['/deck/bodySize', '/deck/rowNumberSize', '/deck/maxBullets']),
    );
  });

  it('keeps a short list at the full width when two columns are allowed', async () => {
    const columns = await deck({ theme: { deck: { columns: 2 } } });
    // The sample's three-bullet slides: one frame as wide as the title's.
    const bullets = columns.frames.filter((frames) =>
      frames.some((f) => !f.title && f.size === 28),
    );
    expect(bullets.length).toBeGreaterThan(0);
    for (const frames of bullets) {
      const title = frames.find((f) => f.title);
      const body = frames.filter((f) => !f.title && f.size === 28);
      expect(body).toHaveLength(1);
      expect(body[0]?.w).toBe(title?.w);
    }
  });
});

// Builds the two example PowerPoint templates of this folder (our own making, for tests and the README):
// corporate-16x9.potx, whose layouts have a company's own names, and classic-4x3.potx, whose layouts have
// PowerPoint's names. Run `node examples/templates/build.mjs` after changing this file; a test checks that
// the committed templates are what it builds.
import { writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import PptxGenJS from 'pptxgenjs';

/** A template's look: its size, colours, fonts and layouts (name → what each places). */
const TEMPLATES = {
  'corporate-16x9.potx': {
    layout: 'LAYOUT_WIDE',
    width: 13.333,
    height: 7.5,
    fonts: { head: 'Arial', body: 'Arial' },
    colors: { dk2: '0B3D2E', accent1: '0B6E4F', accent2: 'E0A100', lt2: 'EEF4F1' },
    names: {
      title: 'Cover',
      section: 'Chapter Divider',
      content: 'Body – One Column',
      two: 'Body – Two Columns',
      titleOnly: 'Headline Only',
      closing: 'Thank You',
    },
  },
  'classic-4x3.potx': {
    layout: 'LAYOUT_4x3',
    width: 10,
    height: 7.5,
    fonts: { head: 'Liberation Sans', body: 'Liberation Sans' },
    colors: { dk2: '3B1F4A', accent1: '6A2C70', accent2: 'F08A5D', lt2: 'F6EEF7' },
    names: {
      title: 'Title Slide',
      section: 'Section Header',
      content: 'Title and Content',
      two: 'Two Content',
      titleOnly: 'Title Only',
      closing: 'Blank',
    },
  },
};

function build(spec) {
  const pptx = new PptxGenJS();
  pptx.layout = spec.layout;
  pptx.theme = { headFontFace: spec.fonts.head, bodyFontFace: spec.fonts.body };
  const { width: W, height: H, colors: c, names } = spec;
  const m = 0.5;
  const band = { rect: { x: 0, y: H - 0.45, w: W, h: 0.45, fill: { color: c.dk2 } } };
  const mark = { rect: { x: m, y: 0.35, w: 0.6, h: 0.08, fill: { color: c.accent2 } } };
  const title = (y, h, size, color = c.dk2) => ({
    placeholder: {
      options: {
        name: 'Title',
        type: 'title',
        x: m,
        y,
        w: W - 2 * m,
        h,
        fontFace: spec.fonts.head,
        fontSize: size,
        color,
        bold: true,
      },
      text: '',
    },
  });
  const body = (name, x, y, w, h) => ({
    placeholder: {
      options: {
        name,
        type: 'body',
        x,
        y,
        w,
        h,
        fontFace: spec.fonts.body,
        fontSize: 20,
        color: '222222',
      },
      text: '',
    },
  });
  const number = { x: W - m - 1, y: H - 0.4, w: 1, h: 0.35, color: 'FFFFFF', fontSize: 10 };
  pptx.defineSlideMaster({
    title: names.title,
    background: { color: c.dk2 },
    objects: [
      { rect: { x: 0, y: H * 0.62, w: W, h: 0.1, fill: { color: c.accent2 } } },
      title(H * 0.28, 1.6, 40, 'FFFFFF'),
      {
        placeholder: {
          options: {
            name: 'Subtitle',
            type: 'body',
            x: m,
            y: H * 0.68,
            w: W - 2 * m,
            h: 1.2,
            fontFace: spec.fonts.body,
            fontSize: 18,
            color: 'FFFFFF',
          },
          text: '',
        },
      },
    ],
  });
  pptx.defineSlideMaster({
    title: names.section,
    background: { color: c.lt2 },
    objects: [
      { rect: { x: 0, y: 0, w: 0.3, h: H, fill: { color: c.accent1 } } },
      title(H * 0.35, 1.4, 36),
      band,
    ],
    slideNumber: number,
  });
  pptx.defineSlideMaster({
    title: names.content,
    background: { color: 'FFFFFF' },
    objects: [mark, title(0.5, 1.0, 28), body('Content', m, 1.6, W - 2 * m, H - 2.3), band],
    slideNumber: number,
  });
  pptx.defineSlideMaster({
    title: names.two,
    background: { color: 'FFFFFF' },
    objects: [
      mark,
      title(0.5, 1.0, 28),
      body('Left', m, 1.6, (W - 2 * m) / 2 - 0.2, H - 2.3),
      body('Right', W / 2 + 0.2, 1.6, (W - 2 * m) / 2 - 0.2, H - 2.3),
      band,
    ],
    slideNumber: number,
  });
  pptx.defineSlideMaster({
    title: names.titleOnly,
    background: { color: 'FFFFFF' },
    objects: [mark, title(0.5, 1.0, 28), band],
    slideNumber: number,
  });
  pptx.defineSlideMaster({
    title: names.closing,
    background: { color: c.accent1 },
    objects: names.closing === 'Blank' ? [] : [title(H * 0.38, 1.4, 40, 'FFFFFF')],
  });
  // One example slide on each layout, as templates ship them: a deck built on it drops them.
  for (const name of Object.values(names))
    pptx
      .addSlide({ masterName: name })
      .addText(`Example: ${name}`, { x: m, y: H - 1.2, w: 6, h: 0.5, fontSize: 12 });
  return pptx;
}

/** A .pptx made a .potx: the template content type, its theme colours set, its dates fixed. */
function asTemplate(bytes, colors) {
  const parts = unzipSync(bytes);
  const edit = (name, change) => {
    parts[name] = strToU8(change(strFromU8(parts[name])));
  };
  edit('[Content_Types].xml', (xml) =>
    xml.replace('presentationml.presentation.main+xml', 'presentationml.template.main+xml'),
  );
  edit('ppt/theme/theme1.xml', (xml) =>
    Object.entries(colors).reduce(
      (out, [slot, value]) =>
        out.replace(
          new RegExp(`<a:${slot}>[\\s\\S]*?</a:${slot}>`),
          `<a:${slot}><a:srgbClr val="${value}"/></a:${slot}>`,
        ),
      xml,
    ),
  );
  edit('docProps/core.xml', (xml) =>
    xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$12026-01-01T00:00:00Z'),
  );
  const sorted = Object.fromEntries(
    Object.entries(parts)
      .filter(([name]) => !name.endsWith('/'))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, data]) => [name, [data, { mtime: new Date('1980-01-01T00:00:00Z') }]]),
  );
  return zipSync(sorted, { level: 9 });
}

/** Builds every template: name → bytes. */
export async function buildTemplates() {
  const out = {};
  for (const [name, spec] of Object.entries(TEMPLATES)) {
    const written = await build(spec).write({ outputType: 'uint8array' });
    out[name] = asTemplate(written, spec.colors);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, bytes] of Object.entries(await buildTemplates())) {
    writeFileSync(new URL(name, import.meta.url), bytes);
    console.log(`wrote examples/templates/${name} (${bytes.length} bytes)`);
  }
}

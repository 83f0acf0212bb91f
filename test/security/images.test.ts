import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { BriefwrightError, type ReportInput, render } from '../../src/index.js';
import { checkImage } from '../../src/media/imageInfo.js';
import { caughtError, pdfImagesRgba, tempDir } from '../helpers.js';
import {
  chunk,
  chunksOf,
  dataUri,
  deepPng,
  indexedPng,
  insertChunk,
  jpegOf,
  pngOf,
} from './imageBytes.js';

/** Six pixels, 3 × 2: opaque colours, half-transparent and fully transparent ones. */
const PIXELS = [
  255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 255, 200, 200, 200, 255, 1, 2, 3, 64,
];

function briefWith(src: string): ReportInput {
  return { meta: { title: 'Images' }, sections: [{ title: 'S', image: { src, alt: 'An image' } }] };
}

async function pdfOf(src: string) {
  const { outputs, warnings } = await render(briefWith(src), {
    formats: ['pdf'],
    systemFonts: false,
  });
  return { pdf: outputs[0]?.bytes ?? new Uint8Array(), codes: warnings.map((w) => w.code) };
}

/** What a reader should show for RGBA pixels drawn in a colour type: grey keeps the red sample. */
function expected(channels: 1 | 2 | 3 | 4): number[] {
  const out: number[] = [];
  for (let p = 0; p < PIXELS.length / 4; p++) {
    const [r = 0, g = 0, b = 0, a = 255] = PIXELS.slice(p * 4, p * 4 + 4);
    const grey = channels <= 2;
    out.push(r, grey ? r : g, grey ? r : b, channels === 2 || channels === 4 ? a : 255);
  }
  return out;
}

describe('images in the PDF, as a reader decodes them', () => {
  const kinds: { channels: 1 | 2 | 3 | 4; depth: 8 | 16; interlace?: boolean }[] = [];
  for (const channels of [1, 2, 3, 4] as const)
    for (const depth of [8, 16] as const)
      for (const interlace of [false, true]) kinds.push({ channels, depth, interlace });

  it.each(kinds)(
    'draws every pixel of a PNG with $channels channel(s) at $depth bits (interlaced: $interlace)',
    async (kind) => {
      const { pdf, codes } = await pdfOf(dataUri(pngOf(PIXELS, 3, 2, kind)));
      expect(codes).not.toContain('IMAGE_INVALID');
      const [image] = await pdfImagesRgba(pdf);
      expect(image).toMatchObject({ width: 3, height: 2 });
      expect(image?.rgba).toEqual(expected(kind.channels));
    },
  );

  it('draws an indexed PNG with transparent palette entries, and grey and RGB transparency keys', async () => {
    const indexed = await pdfImagesRgba((await pdfOf(dataUri(indexedPng(PIXELS, 3, 2)))).pdf);
    expect(indexed[0]?.rgba).toEqual(PIXELS);
    // An RGB image whose tRNS makes (0, 0, 255) transparent.
    const keyed = insertChunk(
      pngOf(
        PIXELS.map((v, i) => (i % 4 === 3 ? 255 : v)),
        3,
        2,
        { channels: 3, depth: 8 },
      ),
      'IDAT',
      chunk('tRNS', new Uint8Array([0, 0, 0, 0, 0, 255])),
    );
    const [rgb] = await pdfImagesRgba((await pdfOf(dataUri(keyed))).pdf);
    expect(rgb?.rgba.filter((_, i) => i % 4 === 3)).toEqual([255, 255, 0, 255, 255, 255]);
  });

  it('scales grey of 1, 2 and 4 bits up to 8 bits, and reads packed palette indices', async () => {
    for (const depth of [1, 2, 4] as const) {
      const max = (1 << depth) - 1;
      const values = [0, max, 1, max - 1, 0, max];
      const rowBytes = Math.ceil((3 * depth) / 8);
      const packed = new Uint8Array(rowBytes * 2);
      values.forEach((v, p) => {
        const y = Math.floor(p / 3);
        const bit = (p % 3) * depth;
        const at = y * rowBytes + (bit >> 3);
        packed[at] = (packed[at] ?? 0) | (v << (8 - depth - (bit & 7)));
      });
      const grey = encode({ width: 3, height: 2, data: packed, channels: 1, depth });
      const [image] = await pdfImagesRgba((await pdfOf(dataUri(grey))).pdf);
      const scaled = values.map((v) => Math.round((v * 255) / max));
      expect(
        image?.rgba.filter((_, i) => i % 4 === 0),
        `grey ${depth}`,
      ).toEqual(scaled);
      const palette = Array.from({ length: max + 1 }, (_, i) => [i * 10, 0, 0, 255]);
      const indexed = encode({ width: 3, height: 2, data: packed, channels: 1, depth, palette });
      const [drawn] = await pdfImagesRgba((await pdfOf(dataUri(indexed))).pdf);
      expect(
        drawn?.rgba.filter((_, i) => i % 4 === 0),
        `palette ${depth}`,
      ).toEqual(values.map((v) => v * 10));
    }
  });

  it('draws a JPEG as it is', async () => {
    const { pdf, codes } = await pdfOf(dataUri(jpegOf(40, 30), 'jpeg'));
    expect(codes).not.toContain('IMAGE_INVALID');
    const [image] = await pdfImagesRgba(pdf);
    expect(image).toMatchObject({ width: 40, height: 30 });
  });
});

describe('damaged JPEGs', () => {
  const jpeg = jpegOf(40, 30);
  const markerAt = (marker: number) =>
    jpeg.findIndex((b, i) => b === 0xff && jpeg[i + 1] === marker);
  const sof = markerAt(0xc0);
  const sos = markerAt(0xda);
  const cases: [string, Uint8Array][] = [
    ['cut in half', jpeg.subarray(0, Math.floor(jpeg.length / 2))],
    ['cut right after its frame header', jpeg.subarray(0, sof + 2 + 17)],
    [
      'headers then the end marker, no scan',
      Uint8Array.from([...jpeg.subarray(0, sos), 0xff, 0xd9]),
    ],
    [
      'a frame header too short for its components',
      (() => {
        const bad = new Uint8Array(jpeg);
        bad[sof + 3] = 8; // length 8 with 3 components (it needs 17)
        return bad;
      })(),
    ],
  ];
  for (const [what, bytes] of cases) {
    it(`leaves out a JPEG ${what} with IMAGE_INVALID (a reader would find its stream damaged)`, async () => {
      const { codes } = await pdfOf(dataUri(bytes, 'jpeg'));
      expect(codes).toContain('IMAGE_INVALID');
    });
  }
});

describe('crafted images', () => {
  const valid = pngOf(PIXELS, 3, 2, { channels: 4, depth: 8 });
  const idat = chunksOf(valid).find((c) => c.type === 'IDAT') ?? { start: 0, end: 0 };

  it('leaves out a PNG whose chunk length runs past the file, at once, with IMAGE_INVALID', async () => {
    const bad = new Uint8Array(valid);
    new DataView(bad.buffer).setUint32(idat.start, 0xfffffff0);
    const started = Date.now();
    const { codes } = await pdfOf(dataUri(bad));
    expect(codes).toContain('IMAGE_INVALID');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('leaves out an RGBA PNG whose pixel data is not a zlib stream (its CRC made right)', async () => {
    const data = new Uint8Array(valid.subarray(idat.start + 8, idat.end - 4));
    data.fill(0x55, 2);
    const damaged = Buffer.concat([
      valid.subarray(0, idat.start),
      chunk('IDAT', data),
      valid.subarray(idat.end),
    ]);
    expect(checkImage(damaged, 1e9)).toHaveProperty('invalid');
    expect((await pdfOf(dataUri(damaged))).codes).toContain('IMAGE_INVALID');
  });

  it('reads the size from the real header: a chunk before IHDR cannot hide a huge image', async () => {
    const header = new Uint8Array(13);
    new DataView(header.buffer).setUint32(0, 12_000);
    new DataView(header.buffer).setUint32(4, 12_000);
    header.set([8, 6, 0, 0, 0], 8);
    const huge = Buffer.concat([
      valid.subarray(0, 8),
      chunk('tEXt', new TextEncoder().encode('a\0b')),
      chunk('IHDR', header),
      valid.subarray(chunksOf(valid)[1]?.start ?? 33),
    ]);
    expect(checkImage(huge, 50_000_000)).toEqual({
      invalid: 'has a tEXt chunk before its IHDR header',
    });
    const real = Buffer.concat([
      valid.subarray(0, 8),
      chunk('IHDR', header),
      valid.subarray(chunksOf(valid)[1]?.start ?? 33),
    ]);
    const error = await caughtError(() => pdfOf(dataUri(real)));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toContain('12000 × 12000');
  });

  it('decodes a large 16-bit PNG with alpha in bounded memory (peak RSS in its own process)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.png'), deepPng(3000, 3000));
    writeFileSync(
      join(dir, 'brief.json'),
      JSON.stringify({
        meta: { title: 'Deep' },
        sections: [{ title: 'S', image: { src: 'deep.png', alt: 'Deep' } }],
      }),
    );
    const script = `import { render } from ${JSON.stringify(join(process.cwd(), 'dist/index.js'))};
      const r = await render(${JSON.stringify(join(dir, 'brief.json'))}, { formats: ['pdf'], systemFonts: false });
      const peak = /VmHWM:\\s+(\\d+)/.exec(await (await import('node:fs/promises')).readFile('/proc/self/status', 'utf8'))[1];
      console.log(JSON.stringify({ codes: r.warnings.map((w) => w.code), peakMb: Number(peak) / 1024, bytes: r.outputs[0].bytes.length }));`;
    const out = execFileSync('node', ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const result = JSON.parse(out) as { codes: string[]; peakMb: number; bytes: number };
    expect(result.codes).not.toContain('IMAGE_INVALID');
    expect(result.peakMb).toBeLessThan(600);
  });

  it('reads no image from a FIFO or a device, and says the same for a file outside that exists or not', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    symlinkSync('/dev/zero', join(dir, 'zero.png'));
    const input = join(dir, 'brief.json');
    const messages: string[] = [];
    for (const src of ['pipe.png', 'zero.png', '/etc/passwd', '/etc/no-such-file', 'a%zz.png']) {
      writeFileSync(input, JSON.stringify(briefWith(src)));
      const started = Date.now();
      const { warnings } = await render(input, { formats: ['pdf'], systemFonts: false });
      expect(Date.now() - started, src).toBeLessThan(5000);
      const warning = warnings.find((w) => w.code === 'IMAGE_UNAVAILABLE');
      expect(warning, src).toBeDefined();
      messages.push((warning?.message ?? '').replace(`"${src}"`, '"…"'));
    }
    expect(new Set(messages).size).toBe(1);
  });

  it('refuses a theme logo that is a FIFO, a device or damaged, naming /logo, without waiting', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    symlinkSync('/dev/zero', join(dir, 'zero.png'));
    const bad = new Uint8Array(valid);
    new DataView(bad.buffer).setUint32(idat.start, 0xfffffff0);
    writeFileSync(join(dir, 'bad.png'), bad);
    for (const logo of ['pipe.png', 'zero.png', 'bad.png']) {
      const theme = join(dir, `${logo}.json`);
      writeFileSync(theme, JSON.stringify({ logo: `./${logo}` }));
      const error = await caughtError(() =>
        render({ meta: { title: 'T' }, sections: [] }, { theme, formats: ['pdf'] }),
      );
      expect(error, logo).toMatchObject({ code: 'THEME_INVALID', file: theme, pointer: '/logo' });
    }
  });
});

describe('mutated image bytes', () => {
  const RUNS = Number(process.env.BRIEFWRIGHT_PROPERTY_RUNS) || 60;
  const seeds = [
    pngOf(PIXELS, 3, 2, { channels: 4, depth: 8 }),
    pngOf(PIXELS, 3, 2, { channels: 4, depth: 16, interlace: true }),
    pngOf(PIXELS, 3, 2, { channels: 1, depth: 8 }),
    indexedPng(PIXELS, 3, 2),
    jpegOf(16, 8),
  ];
  const mutation = fc.oneof(
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.nat(),
      value: fc.integer({ min: 0, max: 255 }),
    }),
    fc.record({ kind: fc.constant('word' as const), at: fc.nat(), value: fc.nat() }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), value: fc.nat() }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      value: fc.integer({ min: 0, max: 255 }),
    }),
  );

  function mutate(
    bytes: Uint8Array,
    steps: { kind: string; at: number; value: number }[],
  ): Uint8Array {
    let out = new Uint8Array(bytes);
    for (const { kind, at, value } of steps) {
      const i = at % Math.max(1, out.length);
      if (kind === 'flip') out[i] = value;
      else if (kind === 'word' && i + 4 <= out.length) new DataView(out.buffer).setUint32(i, value);
      else if (kind === 'cut') out = out.slice(0, i);
      else out = Buffer.concat([out.subarray(0, i), new Uint8Array([value]), out.subarray(i)]);
    }
    return out;
  }

  it('ends each render quickly with the image drawn, left out with a warning, or a limit error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (seed, steps) => {
          const bytes = mutate(seeds[seed] ?? new Uint8Array(), steps);
          const type = seed === seeds.length - 1 ? 'jpeg' : 'png';
          const started = Date.now();
          try {
            const { outputs } = await render(briefWith(dataUri(bytes, type)), {
              systemFonts: false,
            });
            expect(outputs).toHaveLength(2);
          } catch (error) {
            expect(error).toBeInstanceOf(BriefwrightError);
            expect((error as BriefwrightError).code).toBe('LIMIT_EXCEEDED');
          }
          expect(Date.now() - started).toBeLessThan(10_000);
        },
      ),
      { numRuns: RUNS, seed: 2026_12_01 },
    );
  }, 600_000);
});

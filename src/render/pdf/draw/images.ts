import { Zlib } from 'fflate';
import { readJpegHeader } from '../../../media/jpeg.js';
import { readPngChunks } from '../../../media/png.js';
import { readPngRows } from '../../../media/pngRows.js';
import type { LoadedImage } from '../../engine.js';
import { type PixelRow, pixelConverter } from './pngPixels.js';

/**
 * An image XObject briefwright writes itself, in the shape pdfkit's `image()` takes as already opened:
 * pdfkit's own PNG reader decodes a whole image in memory without checking it (a damaged file hung it,
 * a 16-bit one took gigabytes), so pdfkit only places what this module wrote.
 */
export interface PdfImage {
  readonly width: number;
  readonly height: number;
  readonly label: string;
  obj: PDFKit.PDFKitReference | null;
  embed(doc: PDFKit.PDFDocument): void;
}

/** Gives each loaded image of a document one XObject, written the first time it is drawn. */
export function createImageObjects(): (image: LoadedImage) => PdfImage {
  const objects = new Map<LoadedImage, PdfImage>();
  return (image) => {
    let object = objects.get(image);
    if (!object) {
      object = pdfImage(image, `BWI${objects.size + 1}`);
      objects.set(image, object);
    }
    return object;
  };
}

function pdfImage(image: LoadedImage, label: string): PdfImage {
  return {
    width: image.width,
    height: image.height,
    label,
    obj: null,
    embed(doc) {
      this.obj ??=
        image.mediaType === 'image/png' ? embedPng(doc, image.data) : embedJpeg(doc, image.data);
    },
  };
}

/** A JPEG as it is: the reader decodes it (DCTDecode). */
function embedJpeg(doc: PDFKit.PDFDocument, data: Uint8Array): PDFKit.PDFKitReference {
  const header = readJpegHeader(data);
  if ('invalid' in header) throw new Error(`a checked JPEG no longer reads: ${header.invalid}`);
  const space =
    header.components === 1 ? 'DeviceGray' : header.components === 3 ? 'DeviceRGB' : 'DeviceCMYK';
  const ref = doc.ref({
    Type: 'XObject',
    Subtype: 'Image',
    BitsPerComponent: 8,
    Width: header.width,
    Height: header.height,
    ColorSpace: space,
    Filter: 'DCTDecode',
    // CMYK JPEGs are stored inverted (Adobe's convention), as pdfkit also assumes.
    ...(header.components === 4 ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
  });
  ref.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return ref;
}

/**
 * A PNG: an opaque, non-interlaced image keeps its compressed rows (the reader undoes PNG's filters,
 * Predictor 15); any other is decoded row by row into 8-bit colour and alpha streams, compressed as
 * they come (an interlaced one is gathered whole first, since its passes interleave).
 */
function embedPng(doc: PDFKit.PDFDocument, data: Uint8Array): PDFKit.PDFKitReference {
  const png = readPngChunks(data);
  if ('invalid' in png) throw new Error(`a checked PNG no longer reads: ${png.invalid}`);
  const { header } = png;
  const { width, height, colorType, bitDepth } = header;
  const opaque = colorType !== 4 && colorType !== 6 && png.transparency === undefined;
  if (opaque && !header.interlaced) {
    const colors = colorType === 2 ? 3 : 1;
    const ref = doc.ref({
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: bitDepth,
      ColorSpace:
        colorType === 3
          ? indexedSpace(doc, png.palette)
          : colors === 3
            ? 'DeviceRGB'
            : 'DeviceGray',
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: bitDepth, Columns: width },
    });
    for (const part of png.idat)
      ref.write(Buffer.from(part.buffer, part.byteOffset, part.byteLength));
    ref.end(undefined);
    return ref;
  }
  const converter = pixelConverter(png);
  const color = new StreamedFlate();
  const alpha = converter.hasAlpha ? new StreamedFlate() : undefined;
  if (header.interlaced) {
    const whole: PixelRow = {
      color: new Uint8Array(width * height * converter.colors),
      alpha: alpha ? new Uint8Array(width * height) : undefined,
    };
    readPngRows(png, (pass, y, row) =>
      converter.convert(row, pass.width, whole, (pass.y0 + y * pass.dy) * width + pass.x0, pass.dx),
    );
    color.push(whole.color);
    if (whole.alpha) alpha?.push(whole.alpha);
  } else {
    const out: PixelRow = {
      color: new Uint8Array(width * converter.colors),
      alpha: alpha ? new Uint8Array(width) : undefined,
    };
    readPngRows(png, (_pass, _y, row) => {
      converter.convert(row, width, out, 0, 1);
      color.push(out.color);
      if (out.alpha) alpha?.push(out.alpha);
    });
  }
  const image = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    ColorSpace: converter.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
    Filter: 'FlateDecode',
  };
  if (alpha) {
    const mask = doc.ref({ ...image, ColorSpace: 'DeviceGray', Decode: [0, 1] });
    alpha.end(mask);
    const ref = doc.ref({ ...image, SMask: mask });
    color.end(ref);
    return ref;
  }
  const ref = doc.ref(image);
  color.end(ref);
  return ref;
}

/** An indexed colour space with the palette as its own stream. */
function indexedSpace(doc: PDFKit.PDFDocument, palette: Uint8Array | undefined): unknown[] {
  const table = palette ?? new Uint8Array(3);
  const ref = doc.ref({});
  ref.end(Buffer.from(table));
  return ['Indexed', 'DeviceRGB', table.length / 3 - 1, ref];
}

/** Compresses samples as they are pushed, in 64 KB blocks; only the compressed output is kept. */
class StreamedFlate {
  readonly #chunks: Uint8Array[] = [];
  readonly #zlib = new Zlib({ level: 6 }, (chunk) => this.#chunks.push(chunk));
  readonly #block = new Uint8Array(64 * 1024);
  #filled = 0;

  push(samples: Uint8Array): void {
    for (let at = 0; at < samples.length; ) {
      const take = Math.min(this.#block.length - this.#filled, samples.length - at);
      this.#block.set(samples.subarray(at, at + take), this.#filled);
      this.#filled += take;
      at += take;
      if (this.#filled === this.#block.length) {
        this.#zlib.push(this.#block.slice(), false);
        this.#filled = 0;
      }
    }
  }

  /** Flushes the stream and writes it, as one chunk per piece, into a PDF stream object. */
  end(ref: PDFKit.PDFKitReference): void {
    this.#zlib.push(this.#block.slice(0, this.#filled), true);
    for (const chunk of this.#chunks)
      ref.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    ref.end(undefined);
  }
}

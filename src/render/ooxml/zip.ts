import { crc32, deflateRawSync } from 'node:zlib';

/** DOS date and time of 1980-01-01 00:00: every entry's timestamp, so the same parts give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** UTF-8 names (general purpose bit 11). */
const UTF8 = 0x0800;

/**
 * Zips parts in the order given, each deflated by Node's zlib, with sizes and CRC in the local headers (no
 * data descriptors, which some Office versions read badly) and a fixed timestamp. fflate's zipSync wrote
 * the deck before; its deflate spends most of its time setting up each of a long deck's thousand small
 * parts (a 330-slide deck: 260 ms of deflating against 80 ms with zlib), and fflate can take deflated
 * data only through its streaming writer, which always writes data descriptors. Parts are below 4 GB
 * (the render's output limits), so no ZIP64.
 */
export function zipParts(parts: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = new TextEncoder().encode(name);
    const deflated = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, UTF8, true);
    header.setUint16(8, 8, true);
    header.setUint16(10, DOS_TIME, true);
    header.setUint16(12, DOS_DATE, true);
    header.setUint32(14, crc, true);
    header.setUint32(18, deflated.length, true);
    header.setUint32(22, data.length, true);
    header.setUint16(26, nameBytes.length, true);
    header.setUint16(28, 0, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, UTF8, true);
    entry.setUint16(10, 8, true);
    entry.setUint16(12, DOS_TIME, true);
    entry.setUint16(14, DOS_DATE, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, deflated.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint32(42, offset, true);
    local.push(new Uint8Array(header.buffer), nameBytes, deflated);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + deflated.length;
  }
  if (parts.length > 0xffff || offset > 0xffffffff)
    throw new Error(`a deck of ${parts.length} parts and ${offset} bytes needs ZIP64`);
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat([...local, ...central, new Uint8Array(end.buffer)]);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../../../src/render/ooxml/zip.js';
import { tempDir } from '../../helpers.js';

const parts: [string, Uint8Array][] = [
  ['[Content_Types].xml', new TextEncoder().encode('<Types/>'.repeat(500))],
  ['ppt/slides/slide1.xml', new TextEncoder().encode('<p:sld>Résumé · 习近平</p:sld>')],
  ['ppt/média/empty.bin', new Uint8Array(0)],
];

describe('zipParts', () => {
  it('writes a zip that reads back part for part, names in UTF-8, the same bytes every time', () => {
    const zip = zipParts(parts);
    const read = unzipSync(zip);
    expect(Object.keys(read)).toEqual(parts.map(([name]) => name));
    for (const [name, data] of parts) expect(read[name]).toEqual(data);
    expect(zipParts(parts)).toEqual(zip);
  });

  it('puts sizes and CRCs in the local headers (no data descriptors) and passes unzip -t', () => {
    const zip = zipParts(parts);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // The first local header: flags with only the UTF-8 bit, the CRC and sizes filled in.
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(6, true)).toBe(0x0800);
    expect(view.getUint32(14, true)).not.toBe(0);
    expect(view.getUint32(22, true)).toBe(parts[0]?.[1].length);
    if (spawnSync('sh', ['-c', 'command -v unzip']).status !== 0) return;
    const file = join(tempDir(), 'parts.zip');
    writeFileSync(file, zip);
    const result = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(result.stdout).toContain('No errors detected');
  });
});

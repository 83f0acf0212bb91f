/** An image read from the input's folder (or an allowed root), a data URI, or the theme. */
export interface LoadedImage {
  readonly data: Uint8Array;
  readonly mediaType: 'image/png' | 'image/jpeg';
  /** Pixel width and height. */
  readonly width: number;
  readonly height: number;
}

/** The type and pixel size of a PNG or JPEG, read from its header. */
export function imageInfo(data: Uint8Array): Omit<LoadedImage, 'data'> | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length > 24 && view.getUint32(0) === 0x89504e47) {
    return { mediaType: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (data.length > 4 && view.getUint16(0) === 0xffd8) {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return undefined;
      const marker = data[offset + 1] ?? 0;
      const length = view.getUint16(offset + 2);
      if (
        marker >= 0xc0 &&
        marker <= 0xcf &&
        marker !== 0xc4 &&
        marker !== 0xc8 &&
        marker !== 0xcc
      ) {
        return {
          mediaType: 'image/jpeg',
          height: view.getUint16(offset + 5),
          width: view.getUint16(offset + 7),
        };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}

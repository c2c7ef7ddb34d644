import * as mupdf from 'mupdf';

/**
 * A TIFF of one page per PNG given (each decoded to 8-bit grey with MuPDF), uncompressed and
 * little-endian, as the simplest scanners write them. MuPDF cannot write TIFF, so it is built here.
 */
export function encodeTiff(pngs: Uint8Array[], dpi = 300): Uint8Array {
  const pages = pngs.map(greyPixels);
  const parts: Buffer[] = [Buffer.from([0x49, 0x49, 0x2a, 0x00, 0, 0, 0, 0])];
  let offset = 8;
  let previousNext = 4; // Where the offset of the next IFD is written.
  const header = parts[0] as Buffer;
  let patchTarget: Buffer = header;
  for (const page of pages) {
    const pixelsAt = offset;
    parts.push(Buffer.from(page.pixels));
    offset += page.pixels.length + (page.pixels.length % 2);
    if (page.pixels.length % 2) parts.push(Buffer.alloc(1));
    const resolutionAt = offset;
    const resolution = Buffer.alloc(8);
    resolution.writeUInt32LE(dpi, 0);
    resolution.writeUInt32LE(1, 4);
    parts.push(resolution);
    offset += 8;
    const entries: [tag: number, type: number, value: number][] = [
      [256, 4, page.width],
      [257, 4, page.height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, pixelsAt],
      [277, 3, 1],
      [278, 4, page.height],
      [279, 4, page.pixels.length],
      [282, 5, resolutionAt],
      [283, 5, resolutionAt],
      [296, 3, 2],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, value], index) => {
      const at = 2 + index * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(1, at + 4);
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    patchTarget.writeUInt32LE(offset, previousNext);
    parts.push(ifd);
    patchTarget = ifd;
    previousNext = ifd.length - 4;
    offset += ifd.length;
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** A JPEG of a PNG (grey), as a phone camera or a scanner's JPEG setting would give. */
export function encodeJpeg(png: Uint8Array, quality = 90): Uint8Array {
  const image = new mupdf.Image(png);
  const pixmap = image.toPixmap();
  try {
    return pixmap.asJPEG(quality);
  } finally {
    pixmap.destroy();
    image.destroy();
  }
}

function greyPixels(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const image = new mupdf.Image(png);
  const pixmap = image.toPixmap();
  let grey: mupdf.Pixmap | undefined;
  try {
    grey =
      pixmap.getNumberOfComponents() === 1 && !pixmap.getAlpha()
        ? pixmap
        : pixmap.convertToColorSpace(mupdf.ColorSpace.DeviceGray, false);
    return {
      width: grey.getWidth(),
      height: grey.getHeight(),
      pixels: new Uint8Array(grey.getPixels()),
    };
  } finally {
    if (grey !== pixmap) grey?.destroy();
    pixmap.destroy();
    image.destroy();
  }
}

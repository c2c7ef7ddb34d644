const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;

/** Tells whether a ZIP archive lists an entry of this exact name, from its central directory. */
export function zipHasEntry(bytes: Uint8Array, entryName: string): boolean {
  const names = listCentralDirectoryNames(bytes);
  // A damaged directory is no proof either way; the name in any local header is the best clue left.
  if (names === undefined) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(entryName);
  }
  return names.includes(entryName);
}

function listCentralDirectoryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength) return undefined;
    if (view.getUint32(offset, true) !== centralDirectoryEntry) return undefined;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > view.byteLength) return undefined;
    names.push(Buffer.from(bytes.subarray(offset + 46, nameEnd)).toString('utf8'));
    offset = nameEnd + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(view: DataView): number | undefined {
  // The record is 22 bytes plus a comment of at most 65535 bytes, so it sits near the end.
  const last = view.byteLength - 22;
  for (let offset = last; offset >= 0 && offset >= last - 0xffff; offset--) {
    if (view.getUint32(offset, true) === endOfCentralDirectory) return offset;
  }
  return undefined;
}

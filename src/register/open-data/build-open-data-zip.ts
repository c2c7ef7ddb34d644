import yazl from 'yazl';

import { sha256Of } from '../../store/blob-store.js';
import type { OpenData } from './build-open-data.js';
import { dictionaryFile, figuresFile, openDataFile, openDataFormats } from './open-data-file.js';

/** One file of the open data download, with the SHA-256 of its bytes. */
export interface OpenDataZipEntry {
  name: string;
  bytes: number;
  sha256: string;
}

/** The open data download: the zip's bytes, its SHA-256, and what it holds. */
export interface OpenDataZip {
  bytes: Buffer;
  sha256: string;
  files: OpenDataZipEntry[];
}

/**
 * Every file of the open data in one zip: each table as CSV and JSON, the national figures, the
 * data dictionary and the record's public key. The same data and time give the same bytes, so
 * its SHA-256 identifies exactly what was published.
 */
export async function buildOpenDataZip(
  data: OpenData,
  options: { publicKeyPem: string | null; time: Date },
): Promise<OpenDataZip> {
  const contents: [string, string][] = [
    ...data.tables.flatMap((table) =>
      openDataFormats.map((format): [string, string] => [
        `${table.name}.${format}`,
        openDataFile(table, format),
      ]),
    ),
    ['figures.json', figuresFile(data.figures)],
    ['data-dictionary.csv', dictionaryFile('csv')],
    ['data-dictionary.json', dictionaryFile('json')],
    ...(options.publicKeyPem === null
      ? []
      : [['record-public-key.pem', options.publicKeyPem] as [string, string]]),
  ];
  const zip = new yazl.ZipFile();
  const files: OpenDataZipEntry[] = [];
  for (const [name, text] of contents.sort(([a], [b]) => a.localeCompare(b))) {
    const bytes = Buffer.from(text, 'utf8');
    zip.addBuffer(bytes, name, { mtime: options.time, mode: 0o100644 });
    files.push({ name, bytes: bytes.length, sha256: sha256Of(bytes) });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return { bytes, sha256: sha256Of(bytes), files };
}

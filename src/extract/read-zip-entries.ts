import yauzl from 'yauzl';

import { cannotRead } from './cannot-read.js';
import type { ChildDocument, ExtractionWarning } from './extracted-document.js';
import type { ArchiveBudget, ExtractionLimits } from './extraction-limits.js';
import { spendArchiveBudget } from './spend-archive-budget.js';

/** The files of an archive, read into memory, and what was skipped or suspicious on the way. */
export interface ZipEntries {
  children: ChildDocument[];
  warnings: ExtractionWarning[];
}

type ZipContext = { name: string; limits: ExtractionLimits; budget: ArchiveBudget };

const mebibyte = 1024 * 1024;

/**
 * Reads every file in a ZIP archive into memory, never touching the disk. Bytes are counted as they
 * inflate, against the shared budget and the compression-ratio limit, so lying headers cannot cause harm.
 * With `keepBytes: false` the entries are only checked, and the children come back empty.
 */
export function readZipEntries(
  bytes: Uint8Array,
  context: ZipContext,
  options: { keepBytes: boolean } = { keepBytes: true },
): Promise<ZipEntries> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zipOptions = { lazyEntries: true, validateEntrySizes: true, decodeStrings: false };
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, zipOptions, (openError, zipfile) => {
      if (openError !== null) {
        reject(damaged(context.name, openError));
        return;
      }
      const children: ChildDocument[] = [];
      const warnings: ExtractionWarning[] = [];
      let files = 0;
      let encrypted = 0;
      let failed = false;

      function fail(error: unknown): void {
        if (failed) return;
        failed = true;
        zipfile.close();
        reject(error instanceof Error ? error : new Error(String(error)));
      }

      function readEntry(entry: yauzl.Entry): void {
        spendArchiveBudget({ entries: 1 }, context);
        const entryName = yauzl.getFileNameLowLevel(
          entry.generalPurposeBitFlag,
          entry.fileNameRaw,
          entry.extraFields,
          false,
        );
        if (/[/\\]$/.test(entryName)) {
          zipfile.readEntry();
          return;
        }
        files += 1;
        const skipped = skipReason(entry);
        if (skipped !== undefined) {
          if (entry.isEncrypted()) encrypted += 1;
          warnings.push({ code: 'skipped_entry', message: `Skipped "${entryName}": ${skipped}` });
          zipfile.readEntry();
          return;
        }
        checkDeclaredSize(entry, entryName, context);
        if (isUnsafeName(entryName)) {
          const message = `The entry "${entryName}" has an unsafe path; it was read in memory only`;
          warnings.push({ code: 'unsafe_entry_name', message });
        }
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError !== null) {
            fail(damaged(context.name, streamError));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            try {
              size += chunk.length;
              spendArchiveBudget({ bytes: chunk.length }, context);
              checkRatio(size, entry.compressedSize, entryName, context);
              if (options.keepBytes) chunks.push(chunk);
            } catch (error) {
              stream.destroy();
              fail(error);
            }
          });
          stream.on('error', (error) => {
            fail(damaged(context.name, error));
          });
          stream.on('end', () => {
            if (failed) return;
            children.push({ name: entryName, bytes: Buffer.concat(chunks) });
            zipfile.readEntry();
          });
        });
      }

      zipfile.on('entry', (entry: yauzl.Entry) => {
        try {
          readEntry(entry);
        } catch (error) {
          fail(error);
        }
      });
      zipfile.on('error', (error: Error) => {
        fail(damaged(context.name, error));
      });
      zipfile.on('end', () => {
        if (failed) return;
        if (files > 0 && encrypted === files) {
          reject(cannotRead('encrypted', context.name, 'the archive is encrypted'));
          return;
        }
        resolve({ children, warnings });
      });
      zipfile.readEntry();
    });
  });
}

function skipReason(entry: yauzl.Entry): string | undefined {
  if (entry.isEncrypted()) return 'it is encrypted';
  if (!entry.canDecodeFileData()) {
    return `it uses a compression method simwatch cannot read (${entry.compressionMethod})`;
  }
  return undefined;
}

function checkDeclaredSize(entry: yauzl.Entry, entryName: string, context: ZipContext): void {
  // Headers can lie, so this only refuses early what the byte count would refuse later anyway.
  if (entry.uncompressedSize > context.budget.remainingBytes) {
    spendArchiveBudget({ bytes: entry.uncompressedSize }, context);
  }
  checkRatio(entry.uncompressedSize, entry.compressedSize, entryName, context);
}

function checkRatio(size: number, compressedSize: number, entryName: string, context: ZipContext) {
  const limit = context.limits.maxCompressionRatio;
  if (size <= mebibyte || size <= compressedSize * limit) return;
  throw cannotRead(
    'archive_limit',
    context.name,
    `the entry "${entryName}" expands to more than ${limit} times its compressed size, which is how zip bombs work`,
  );
}

/** Tells whether an archive entry's name would escape a folder if it were ever used as a path. */
export function isUnsafeName(entryName: string): boolean {
  if (/^([/\\]|[a-zA-Z]:)/.test(entryName)) return true;
  return entryName.split(/[/\\]/).includes('..');
}

function damaged(name: string, error: Error): Error {
  return cannotRead('damaged', name, `the archive is damaged (${error.message})`, { cause: error });
}

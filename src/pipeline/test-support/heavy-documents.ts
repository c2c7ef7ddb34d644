import { deflateSync } from 'node:zlib';

import { makeZip } from '../../extract/test-support/make-zip.js';

/**
 * A PDF of `pages` pages that all draw one shared, compressed content stream: a line of text and
 * `strokes` line segments. Small to write and send, slow to read: every page decompresses and
 * interprets the whole stream.
 */
export function makeHeavyPdf(options: { pages: number; strokes: number; text: string }): Buffer {
  const operations = [`BT /F1 8 Tf 10 720 Td (${options.text}) Tj ET`];
  for (let i = 0; i < options.strokes; i++)
    operations.push(`${i % 500} ${(i * 7) % 700} m ${(i * 3) % 500} ${(i * 11) % 700} l S`);
  const content = deflateSync(operations.join('\n'));
  const firstPage = 5;
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(
      `<< /Type /Pages /Count ${options.pages} /Kids [${Array.from(
        { length: options.pages },
        (_, i) => `${firstPage + i} 0 R`,
      ).join(' ')}] >>`,
    ),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]),
  ];
  for (let i = 0; i < options.pages; i++)
    objects.push(
      Buffer.from(
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ' +
          '/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>',
      ),
    );
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const object = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(object);
    offset += object.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  ].join('');
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

/**
 * A DOCX whose document part is `xmlBytes` of paragraphs holding pseudo-random numbers, so that it
 * compresses about 9:1 (under the bomb check's ratio) yet expands to far more than it weighs.
 */
export function makeHeavyDocx(xmlBytes: number): Promise<Uint8Array> {
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const chunks: string[] = [head];
  let size = head.length + tail.length;
  let seed = 12345;
  while (size < xmlBytes) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const paragraph = `<w:p><w:r><w:t>Line ${seed} of the register</w:t></w:r></w:p>`;
    chunks.push(paragraph);
    size += paragraph.length;
  }
  chunks.push(tail);
  return makeZip([
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', content: Buffer.from(chunks.join('')) },
  ]);
}

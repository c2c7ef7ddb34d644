import { renderDemoPdf } from '../demo/render-demo-pdf.js';
import { createSeededRandom } from '../seeded-random.js';
import { createBoardPaperWriter, featureTemplates } from './board-paper-writer.js';

/**
 * A board pack of `pages` pages as a PDF with a real text layer: board-paper prose, and on every
 * other page a paragraph where feature sentences stand close together, so that overlapping
 * indicators and windows propose the same passage several times (what once gave reviewers the
 * same passage to decide two or three times). The same seed always gives the same bytes.
 */
export function createBoardPack(options: { seed: number; pages: number }): Promise<Uint8Array> {
  const random = createSeededRandom(options.seed);
  const writer = createBoardPaperWriter(random);
  const feature = () => random.pick(featureTemplates)(random);
  const pages = Array.from({ length: options.pages }, (_, index) => {
    const paragraphs = [writer.paragraph(), writer.paragraph()];
    if (index % 2 === 1) paragraphs.push([feature(), feature(), writer.paragraph()].join(' '));
    return { heading: writer.heading(index + 1), paragraphs };
  });
  return renderDemoPdf(pages, {
    title: `Board pack (${options.pages} pages)`,
    date: '2026-01-15',
    banner: 'Board meeting in public: papers (generated for the triage benchmark)',
  });
}

import { createBoardPaperWriter, featureTemplates } from './board-paper-writer.js';
import { createSeededRandom, type SeededRandom } from '../seeded-random.js';

/** One generated document for the register benchmark, ready for `ingestDocument`. */
export interface RegisterBenchDocument {
  fileName: string;
  bytes: Uint8Array;
  /** One or two organisations the document belongs to. */
  organisationCodes: string[];
  documentDate: string;
  /** How many feature sentences were added to the writer's prose. */
  addedFeatureSentences: number;
}

/** What a document looks like: ordinary board papers, or papers dense in feature sentences. */
export type RegisterBenchKind = 'board_paper' | 'dense';

// The screening benchmark's feature sentences and two more: two or three findings each, so a
// dense document of 40 gives about 100 findings.
const featureSentences: ((r: SeededRandom) => string)[] = [
  ...featureTemplates,
  (r) =>
    `A police sergeant is seconded to the crisis team in ${r.pick(['the north', 'the south', 'the city'])} and joins clinicians on joint visits.`,
  () => 'The Trust runs a SIM programme with a dedicated police officer for each locality.',
];
const denseFeatureSentences = 40;

/**
 * Generates document `index` of a deterministic register-benchmark corpus: about 4–8 KB of board-paper
 * prose with a header line naming the document (so no two share a SHA-256). About one ordinary
 * document in ten gets three to six extra feature sentences; a dense one gets 40, about 100
 * findings. Each document is made from its own seed, so any one can be made alone.
 */
export function createRegisterBenchDocument(
  options: { seed: number; kind: RegisterBenchKind; organisationCodes: readonly string[] },
  index: number,
): RegisterBenchDocument {
  const { seed, kind, organisationCodes } = options;
  const random = createSeededRandom(seed * 1_000_003 + index * 2 + (kind === 'dense' ? 1 : 0));
  const writer = createBoardPaperWriter(random);
  const owners = [...new Set([random.pick(organisationCodes), random.pick(organisationCodes)])];
  const owner = owners.slice(0, random.next() < 0.5 ? 1 : 2);
  const date = `${random.between(2019, 2024)}-${pad(random.between(1, 12))}-${pad(random.between(1, 28))}`;
  const name = `${kind === 'dense' ? 'dense' : 'board'}-papers-${String(index + 1).padStart(4, '0')}`;
  const extra =
    kind === 'dense' ? denseFeatureSentences : random.next() < 0.1 ? random.between(3, 6) : 0;
  const targetBytes = random.between(4_000, 8_000);
  const parts = [`Board papers: ${owner.join(' and ')}, ${date} (benchmark document ${name})`];
  let bytes = Buffer.byteLength(parts[0] ?? '');
  let left = extra;
  for (let section = 1; bytes < targetBytes || left > 0; section++) {
    const paragraph = writer.paragraph();
    const added = Math.min(left, Math.ceil(extra / 8));
    const features = Array.from({ length: added }, () => random.pick(featureSentences)(random));
    left -= added;
    const block = [writer.heading(section), [paragraph, ...features].join(' ')].join('\n\n');
    parts.push(block);
    bytes += Buffer.byteLength(block) + 2;
  }
  return {
    fileName: `${name}.txt`,
    bytes: Buffer.from(`${parts.join('\n\n')}\n`),
    organisationCodes: owner,
    documentDate: date,
    addedFeatureSentences: extra,
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

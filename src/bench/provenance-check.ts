// `npm run bench:provenance`: measures `findReuse` on a generated set. Three joint documents of
// three versions each (120 sentences to start, then sentences edited, added and dropped between
// versions) from a grammar of policy sentences. The outside text mixes, shuffled into paragraphs
// of three: 200 sentences adapted from the drafts (verbatim, one or three words changed, cut by a
// third, reordered, merged with the next); 200 unrelated sentences on the same subject written
// independently (a news report's words: the trust, the police, care plans, detentions); and, as a
// harder case, 100 sentences the drafts' grammar makes anew, which recombine whole phrases of the
// drafts without being any one draft sentence. It prints, for each kind, how many were reported
// (adapted ones only count when reported with the draft sentence they came from), and the time.
import { findReuse, type ReuseSource } from '../coproduction/provenance/find-reuse.js';
import { createSeededRandom } from '../seeded-random.js';
import {
  alter,
  alterations,
  draftVersions,
  independentSentence,
  policySentence,
  type Alteration,
} from './provenance-corpus.js';

const seed = 20261207;
const counts = { adapted: 200, unrelated: 200, recombined: 100 };
type Kind = Alteration | 'unrelated' | 'recombined';

interface Planted {
  text: string;
  /** The draft sentences it came from; empty for the others. */
  from: string[];
  kind: Kind;
  start: number;
  end: number;
}

const random = createSeededRandom(seed);
const versions = draftVersions(seed + 1, 3, 3, 120);
const sources: ReuseSource[] = versions.map((version) => ({
  documentId: version.documentId,
  documentTitle: `Document ${version.documentId}`,
  versionNumber: version.versionNumber,
  content: version.sentences.join(' '),
  published: false,
}));
const inDrafts = new Set(versions.flatMap((version) => version.sentences));

const planted: Planted[] = [];
const plant = (text: string, kind: Kind, from: string[] = []) =>
  planted.push({ text, from, kind, start: 0, end: 0 });
for (let index = 0; index < counts.adapted; index += 1) {
  const version = random.pick(versions);
  const at = random.between(0, version.sentences.length - 2);
  const sentence = version.sentences[at] ?? '';
  const next = version.sentences[at + 1] ?? '';
  const kind = alterations[index % alterations.length] ?? 'verbatim';
  plant(
    alter(sentence, next, kind, random),
    kind,
    kind === 'merged with the next' ? [sentence, next] : [sentence],
  );
}
for (let index = 0; index < counts.unrelated; index += 1)
  plant(independentSentence(random), 'unrelated');
for (let index = 0; index < counts.recombined;) {
  const sentence = policySentence(random);
  if (inDrafts.has(sentence)) continue;
  plant(sentence, 'recombined');
  index += 1;
}
for (let index = planted.length - 1; index > 0; index -= 1) {
  const other = random.between(0, index);
  [planted[index], planted[other]] = [planted[other] as Planted, planted[index] as Planted];
}
let letter = '';
planted.forEach((sentence, index) => {
  if (index > 0) letter += index % 3 === 0 ? '\n\n' : ' ';
  sentence.start = letter.length;
  letter += sentence.text;
  sentence.end = letter.length;
});

const started = performance.now();
const reports = findReuse(letter, sources);
const elapsed = performance.now() - started;

const rows = new Map<Kind, { total: number; reported: number }>();
for (const sentence of planted) {
  const found = reports.filter(
    (report) => report.outside.start < sentence.end && report.outside.end > sentence.start,
  );
  const reported =
    sentence.from.length === 0
      ? found.length > 0
      : found.some((report) => sentence.from.some((source) => report.draft.includes(source)));
  const row = rows.get(sentence.kind) ?? { total: 0, reported: 0 };
  rows.set(sentence.kind, { total: row.total + 1, reported: row.reported + (reported ? 1 : 0) });
}

const line = (label: string, kind: Kind | Alteration[]) => {
  const kinds = Array.isArray(kind) ? kind : [kind];
  const total = kinds.reduce((sum, each) => sum + (rows.get(each)?.total ?? 0), 0);
  const reported = kinds.reduce((sum, each) => sum + (rows.get(each)?.reported ?? 0), 0);
  const share = total === 0 ? '-' : `${((100 * reported) / total).toFixed(1)}%`;
  console.log(`${label.padEnd(46)} ${String(reported).padStart(3)}/${total} (${share})`);
};
console.log(
  `Drafts: ${sources.length} versions, ${inDrafts.size} distinct sentences. Outside text: ${planted.length} sentences, ${letter.length} characters.`,
);
console.log('Adapted from the drafts, reported with the draft sentence they came from:');
for (const kind of alterations) line(`  ${kind}`, kind);
line('Detection rate (all adapted)', [...alterations]);
line('False reports: unrelated sentences, same subject', 'unrelated');
line('Reported: sentences recombining draft phrases', 'recombined');
console.log(`findReuse took ${elapsed.toFixed(0)} ms.`);

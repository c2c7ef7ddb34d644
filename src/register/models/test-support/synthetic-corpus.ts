import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import {
  parseLabelledCorpus,
  type LabelledPassage,
} from '../../../screening/evaluation/labelled-corpus.js';

const corpusFile = new URL('../../../../corpus/simwatch.jsonl', import.meta.url);

/**
 * The first passages of simwatch's own synthetic corpus, written to `folder` as a corpus file of
 * their own (a small corpus trains in seconds). Returns its path and its passages.
 */
export async function writeSyntheticCorpus(
  folder: string,
  size = 120,
): Promise<{ path: string; passages: LabelledPassage[] }> {
  const lines = readFileSync(corpusFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, size);
  const path = join(folder, 'synthetic.jsonl');
  await writeFile(path, `${lines.join('\n')}\n`);
  return { path, passages: parseLabelledCorpus(lines.join('\n'), path) };
}

/**
 * A board paper made of corpus passages, one paragraph each: practices first (`practices` of
 * them from `skip` on), then passages that describe none (critique and neutral), which screening
 * sometimes flags wrongly.
 */
export function paperOfPassages(
  passages: readonly LabelledPassage[],
  options: { skip?: number; practices: number; others?: number },
): Uint8Array {
  const skip = options.skip ?? 0;
  const practices = passages
    .filter(
      (passage) => passage.stance === 'practice' && passage.labels.some((l) => l !== 'assurance'),
    )
    .slice(skip, skip + options.practices);
  const others = passages
    .filter((passage) => passage.stance === 'critique' || passage.stance === 'neutral')
    .slice(skip, skip + (options.others ?? 0));
  const text = ['Synthetic board paper', ...practices, ...others].map((each) =>
    typeof each === 'string' ? each : each.text,
  );
  return new TextEncoder().encode(text.join('\n\n'));
}

/** Whether the corpus says a finding's passage shows the finding's label. */
export function corpusAgrees(
  passages: readonly LabelledPassage[],
  finding: { label: string; excerpt: string },
): boolean {
  const excerpt = oneLine(finding.excerpt);
  const passage = passages.find(
    (each) => oneLine(each.text).includes(excerpt) || excerpt.includes(oneLine(each.text)),
  );
  return passage?.labels.some((label) => label === finding.label) ?? false;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
